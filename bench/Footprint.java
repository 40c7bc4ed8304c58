import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Validator;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.model.Plan;
import io.waymark.engine.rules.RuleRegistry;
import io.waymark.engine.schema.BundledSchemas;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.openjdk.jol.info.GraphLayout;

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
    ValidationResult result = validator.validate(source, ValidationOptions.defaults());
    Plan plan = result.plan();
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
