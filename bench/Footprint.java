import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Validator;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.model.Plan;
import io.waymark.engine.rules.RuleRegistry;
import io.waymark.engine.schema.BundledSchemas;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.info.GraphPathRecord;
import org.openjdk.jol.util.Multiset;

/**
 * What a validated folder keeps in memory, by document kind: every model of a kind with all it
 * reaches (JOL's object graph walk), and what the load and the result add to the plan. Run by
 * bench/footprint.sh; the figures feed docs/streaming.md (which models a streaming load should drop
 * first).
 */
public class Footprint {
  public static void main(String[] args) throws Exception {
    Validator validator =
        new Validator(RuleRegistry.discover(), new BundledSchemas(), Clock.systemUTC());
    FolderSource source = new FolderSource(Path.of(args[0]), "footprint");
    // MODELS=FINDINGS (or INSIGHTS): what a validate run keeps when it judges a large repository's
    // files as they are read (docs/streaming.md); the plan it refuses to hand out is read here
    // through its field.
    String models = System.getenv().getOrDefault("MODELS", "WHOLE");
    ValidationResult result =
        validator.validate(
            source, ValidationOptions.defaults().withModels(ValidationOptions.Models.valueOf(models)));
    java.lang.reflect.Field field = ValidationResult.class.getDeclaredField("plan");
    field.setAccessible(true);
    Plan plan = (Plan) field.get(result);
    if (models.equals("INSIGHTS")) {
      result.insights();
    }
    System.out.println("models: " + models);
    GraphLayout listing = GraphLayout.parseInstance(source);
    long shared = listing.totalSize();
    System.out.printf("%-20s %7s %12s %9s%n", "what", "items", "bytes", "B/item");
    row("roadmap", plan.roadmaps(), listing);
    row("assessments", plan.assessments(), listing);
    row("business cases", plan.businessCases(), listing);
    row("vendor evaluations", plan.vendorEvaluations(), listing);
    row("use cases", plan.useCases(), listing);
    row("Metrics documents", plan.metricsFiles(), listing);
    row("governance", plan.governance(), listing);
    GraphLayout p = GraphLayout.parseInstance(plan);
    GraphLayout load = GraphLayout.parseInstance(result.load());
    GraphLayout all = GraphLayout.parseInstance(result);
    long files = source.list().size();
    System.out.printf("%-20s %7d %12d %9.0f%n", "the folder's listing", files, shared, (double) shared / files);
    System.out.printf("%-20s %7s %12d%n", "the plan (models)", "", p.subtract(listing).totalSize());
    System.out.printf("%-20s %7s %12d%n", "+ the load", "", load.subtract(p).totalSize());
    System.out.printf("%-20s %7s %12d%n", "+ the result", "", all.subtract(load).totalSize());
    System.out.printf("%-20s %7s %12d%n", "in all", "", all.totalSize());
    texts(p.subtract(listing));
    classes("what the load adds, by class", load.subtract(p).subtract(listing));
  }

  /** The classes of {@code graph} that hold most bytes. */
  private static void classes(String title, GraphLayout graph) {
    System.out.println();
    System.out.printf("%-44s %9s %12s%n", title, "objects", "bytes");
    Multiset<Class<?>> sizes = graph.getClassSizes();
    Multiset<Class<?>> counts = graph.getClassCounts();
    graph.getClasses().stream()
        .sorted(Comparator.comparingLong((Class<?> c) -> sizes.count(c)).reversed())
        .limit(12)
        .forEach(c -> System.out.printf("%-44s %9d %12d%n", c.getName(), counts.count(c), sizes.count(c)));
  }

  /**
   * Of the plan's models: the classes that hold most bytes, and their texts' byte arrays by length
   * (the reader shares a text of up to 40 characters among the documents that write it; a longer
   * one is a copy per document): which a model could read again on demand instead of keeping.
   */
  private static void texts(GraphLayout models) {
    classes("the plan's models by class", models);
    long shortCount = 0, shortBytes = 0, longCount = 0, longBytes = 0;
    for (long address : models.addresses()) {
      GraphPathRecord r = models.record(address);
      if (r.klass() == byte[].class) {
        // 16 bytes of header: up to 40 Latin-1 characters in 56 bytes.
        if (r.size() <= 56) {
          shortCount++;
          shortBytes += r.size();
        } else {
          longCount++;
          longBytes += r.size();
        }
      }
    }
    System.out.printf("%-44s %9d %12d%n", "byte arrays of up to 40 characters", shortCount, shortBytes);
    System.out.printf("%-44s %9d %12d%n", "byte arrays of more (long texts)", longCount, longBytes);
  }

  /** Every model of one kind and what it reaches, less the folder's listing (reached by each). */
  private static void row(String name, List<?> models, GraphLayout listing) {
    if (models.isEmpty()) {
      return;
    }
    long bytes = GraphLayout.parseInstance(models.toArray()).subtract(listing).totalSize();
    System.out.printf("%-20s %7d %12d %9.0f%n", name, models.size(), bytes, (double) bytes / models.size());
  }
}
