package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large repository whose run prints only findings (and insights) judges each file as it is read
 * and keeps of each business case what the other rules and the insights read (docs/streaming.md):
 * every finding and every insight is the one a run that keeps the whole models gives, on the
 * example and on a repository large enough to be judged so without being told to.
 */
class JudgedAsReadTest {

  @TempDir Path dir;

  private static final Validator EVERY_RULE = new Validator(RuleRegistry.discover());

  private static ValidationOptions options(ValidationOptions.Models models) {
    return ValidationOptions.defaults().withAsOf(Fixtures.AS_OF).withModels(models);
  }

  @Test
  void shouldFindOnTheExampleWhatARunWithWholeModelsFinds() throws IOException {
    Path repo = Fixtures.copyExample(dir.resolve("example"));
    Fixtures.replaceOnce(
        repo.resolve("business-cases/agentic-dispatch.yaml"), "npv: 80934", "npv: 180934");
    FolderSource example = new FolderSource(repo, "example");

    ValidationResult whole = EVERY_RULE.validate(example, options(ValidationOptions.Models.WHOLE));
    ValidationResult asRead =
        EVERY_RULE
            .judgingAsReadAlways()
            .validate(example, options(ValidationOptions.Models.INSIGHTS));

    assertThat(asRead.findings()).isNotEmpty();
    assertThat(JudgedAsRead.insights(asRead))
        .anyMatch(line -> line.startsWith("case ") && line.contains("sensitivity Optional["));
    JudgedAsRead.assertSameAs(asRead, whole);
    assertThatThrownBy(asRead::plan)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Models.WHOLE");
  }

  @Test
  void shouldJudgeALargeRepositoryAsItIsReadWhenOnlyFindingsAreRead() throws IOException {
    Path repo = portfolio(520);
    FolderSource source = new FolderSource(repo, "portfolio");

    ValidationResult whole = EVERY_RULE.validate(source, options(ValidationOptions.Models.WHOLE));
    ValidationResult insights =
        EVERY_RULE.validate(source, options(ValidationOptions.Models.INSIGHTS));
    ValidationResult findings =
        EVERY_RULE.validate(source, options(ValidationOptions.Models.FINDINGS));

    assertThat(whole.findings())
        .extracting(Finding::rule)
        .contains("schema", "duplicate-id", "bc-financials-mismatch");
    JudgedAsRead.assertSameAs(insights, whole);
    assertThat(findings.findings()).containsExactlyElementsOf(whole.findings());
    assertThat(whole.plan().businessCases()).noneMatch(BusinessCase::isReleased);
    assertThatThrownBy(insights::plan).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(findings::insights)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Models.INSIGHTS");
  }

  /**
   * A fresh checkout's empty cache stores each file as it is read and judges it as read; the next
   * runs take the files from the cache, whole, and judge only what changed: the same findings.
   */
  @Test
  void shouldJudgeAsReadIntoAnEmptyCacheAndWholeFromAFullOne() throws IOException {
    Path repo = portfolio(520);
    FolderSource source = new FolderSource(repo, "portfolio");
    io.waymark.engine.load.FolderCache cache =
        new io.waymark.engine.load.FolderCache(dir.resolve("cache"));
    ValidationOptions findingsOnly = options(ValidationOptions.Models.FINDINGS);
    List<Finding> whole =
        EVERY_RULE.validate(source, options(ValidationOptions.Models.WHOLE)).findings();

    ValidationResult cold = EVERY_RULE.validate(source, findingsOnly, cache, () -> "key");
    assertThatThrownBy(cold::plan).as("judged as read").isInstanceOf(IllegalStateException.class);
    assertThat(cold.findings()).isEqualTo(whole);
    assertThat(dir.resolve("cache").resolve(io.waymark.engine.load.FolderCache.RULES))
        .isRegularFile();

    ValidationResult warm = EVERY_RULE.validate(source, findingsOnly, cache, () -> "key");
    assertThat(warm.plan().businessCases())
        .as("from the cache, whole")
        .noneMatch(BusinessCase::isReleased);
    assertThat(warm.findings()).isEqualTo(whole);

    Path edited = repo.resolve("business-cases/copy-5.yaml");
    Files.writeString(
        edited,
        Files.readString(edited).replaceFirst("(?m)^      npv: ([0-9]+)", "      npv: 2$1"));
    Fixtures.age(repo);
    ValidationResult after = EVERY_RULE.validate(source, findingsOnly, cache, () -> "key");
    assertThat(after.findings())
        .isEqualTo(EVERY_RULE.validate(source, options(ValidationOptions.Models.WHOLE)).findings())
        .isNotEqualTo(whole);
  }

  @Test
  void shouldKeepTheModelsWholeWhereTheLoaderRemembersFilesForItsNextLoad() throws IOException {
    Validator editor =
        new Validator(
            RuleRegistry.discover(),
            io.waymark.engine.load.Loader.remembering(
                new io.waymark.engine.schema.BundledSchemas()),
            java.time.Clock.systemUTC());

    ValidationResult result =
        editor
            .judgingAsReadAlways()
            .validate(
                new FolderSource(Fixtures.exampleRoadmap(), "example"),
                options(ValidationOptions.Models.FINDINGS));

    assertThat(result.plan().businessCases()).isNotEmpty().noneMatch(BusinessCase::isReleased);
  }

  @Test
  void shouldKeepTheModelsWholeOnASmallRepository() throws IOException {
    ValidationResult result =
        EVERY_RULE.validate(
            new FolderSource(Fixtures.exampleRoadmap(), "example"),
            options(ValidationOptions.Models.FINDINGS));

    assertThat(result.plan().businessCases()).isNotEmpty().noneMatch(BusinessCase::isReleased);
  }

  /** Reads every case's cost lines after the files were read: not one of Waymark's own rules. */
  private static final class CostReader implements Rule {
    int costLines;

    @Override
    public RuleDescriptor descriptor() {
      return new RuleDescriptor(
          "test-cost-reader",
          Severity.INFO,
          "test",
          "a test rule",
          "for a test",
          "nothing",
          "",
          "");
    }

    @Override
    public void check(RuleContext context) {
      context.plan().businessCases().forEach(bc -> costLines += bc.costs().size());
    }
  }

  @Test
  void shouldKeepTheModelsWholeForARuleThatIsNotWaymarksOwn() throws IOException {
    CostReader reader = new CostReader();
    Validator validator = new Validator(new RuleRegistry(List.of(reader))).judgingAsReadAlways();

    ValidationResult result =
        validator.validate(
            new FolderSource(Fixtures.exampleRoadmap(), "example"),
            options(ValidationOptions.Models.FINDINGS));

    assertThat(reader.costLines).isGreaterThan(8);
    assertThat(result.plan().businessCases()).noneMatch(BusinessCase::isReleased);
  }

  @Test
  void shouldKeepTheModelsWholeForARulePackThatUsesTheEnginesPackageName() throws IOException {
    // A class of this test folder, not of the engine's: a pack whatever its package says.
    Rule pack = new io.waymark.engine.rules.OutsideRule();
    Validator validator =
        new Validator(
                new RuleRegistry(
                    List.of(
                        pack,
                        RuleRegistry.discover().rule("bc-financials-mismatch").orElseThrow())))
            .judgingAsReadAlways();

    ValidationResult result =
        validator.validate(
            new FolderSource(Fixtures.exampleRoadmap(), "example"),
            options(ValidationOptions.Models.FINDINGS));

    assertThat(result.plan().businessCases()).isNotEmpty().noneMatch(BusinessCase::isReleased);
  }

  @Test
  void shouldRefuseToWorkOutTheFiguresOfAReleasedCase() throws IOException {
    ValidationResult result = Fixtures.validate(Fixtures.exampleRoadmap());
    BusinessCase released = result.plan().businessCases().get(0).released();

    assertThat(released.isReleased()).isTrue();
    assertThat(released.released()).isSameAs(released);
    assertThat(released.costs()).isEmpty();
    assertThat(released.benefits()).allMatch(b -> b.kpi().isPresent());
    assertThatThrownBy(() -> io.waymark.engine.finance.CaseFinancials.of(released))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(released.metadata().id());
  }

  @Test
  void shouldDropOnlyTheLongTextsOfAssessmentsAndUseCases() {
    ValidationResult result = Fixtures.validate(Fixtures.exampleRoadmap());
    io.waymark.engine.model.Assessment assessment = result.plan().assessments().get(0);
    io.waymark.engine.model.UseCase useCase = result.plan().useCases().get(0);

    io.waymark.engine.model.Assessment a = assessment.released();
    assertThat(a.dimensions().values()).allMatch(d -> d.notes().isEmpty());
    assertThat(a.constraints()).isNotEmpty().allMatch(c -> c.description().isEmpty());
    assertThat(a.dimensions().keySet()).containsExactlyElementsOf(assessment.dimensions().keySet());
    assertThat(a)
        .usingRecursiveComparison()
        .ignoringFieldsMatchingRegexes("dimensions\\..*\\.notes", "constraints\\.description")
        .isEqualTo(assessment);
    io.waymark.engine.model.UseCase u = useCase.released();
    assertThat(u.businessOutcome()).isEmpty();
    assertThat(u).usingRecursiveComparison().ignoringFields("businessOutcome").isEqualTo(useCase);
    assertThat(u.released()).isSameAs(u);
  }

  /**
   * The example, and copies of its business cases, use cases and vendor evaluations up to {@code
   * files} files in all: every fifth case with a new id, a declared NPV that is wrong and every
   * seventh use case with a status no schema allows; the other copies keep their ids.
   */
  private Path portfolio(int files) throws IOException {
    Path repo = Fixtures.copyExample(dir.resolve("portfolio"));
    List<Path> originals = new ArrayList<>();
    for (String folder : List.of("business-cases", "use-cases", "vendors")) {
      try (Stream<Path> s = Files.list(repo.resolve(folder))) {
        s.sorted().forEach(originals::add);
      }
    }
    int existing;
    try (Stream<Path> s = Files.walk(repo)) {
      existing = (int) s.filter(Files::isRegularFile).count();
    }
    for (int i = 0; existing + i < files; i++) {
      Path original = originals.get(i % originals.size());
      String text = Files.readString(original);
      String folder = original.getParent().getFileName().toString();
      if (folder.equals("business-cases") && i % 5 == 0) {
        text = text.replaceFirst("(?m)^  id: (\\S+)", "  id: $1-copy-" + i);
        text = text.replaceFirst("(?m)^      npv: ([0-9]+)", "      npv: 1$1");
      }
      if (folder.equals("use-cases") && i % 7 == 0) {
        text = text.replaceFirst("(?m)^  status: \\S+", "  status: someday");
      }
      Files.writeString(repo.resolve(folder).resolve("copy-" + i + ".yaml"), text);
    }
    return Fixtures.age(repo);
  }
}
