package io.waymark.engine.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.load.FolderSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixesTest {

  @TempDir Path dir;

  @Test
  void shouldGiveBackTheExactOriginalFilesAfterTenPlantedMechanicalMistakes() {
    Path base = Fixtures.copyExample(dir.resolve("base"));
    Path head = Fixtures.copyExample(dir.resolve("head"));
    Map<String, String> original = texts(head);
    for (String[] p : plantedMistakes()) {
      Fixtures.replaceOnce(head.resolve(p[0]), p[1], p[2]);
    }

    ValidationResult result = validateAgainst(head, base);
    FixPlan plan = result.fixes(file -> read(head, file));

    assertThat(plan.fixes()).hasSize(10);
    assertThat(plan.skipped()).isEmpty();
    for (String file : plan.files()) {
      Fixtures.write(head, file, plan.apply(file, read(head, file).orElseThrow()));
    }
    assertThat(texts(head)).isEqualTo(original);
    assertThat(validateAgainst(head, base).findings())
        .extracting(Finding::rule)
        .doesNotContainAnyElementsOf(Fixes.RULES);
  }

  @Test
  void shouldLeaveTheExampleAsItIsWhenNothingIsFixable() {
    Path copy = Fixtures.copyExample(dir.resolve("copy"));

    FixPlan plan = Fixtures.validate(copy).fixes(file -> read(copy, file));

    assertThat(plan.fixes()).isEmpty();
    assertThat(plan.skipped()).isEmpty();
  }

  @Test
  void shouldReplaceOnlyTheScalarKeepingQuotesCommentsAndIndentation() {
    Path copy = Fixtures.copyExample(dir.resolve("copy"));
    Path vendors = copy.resolve("vendors/gpu-cloud-capacity.yaml");
    Fixtures.replaceOnce(vendors, "      decision: diligence", "      decision:   'go'   # sure?");
    Path pipelines = copy.resolve("vendors/data-pipeline-platform.yaml");
    Fixtures.replaceOnce(pipelines, "decision: no-go", "decision: \"go\"");
    Path bc = copy.resolve("business-cases/pipeline-automation.yaml");
    Fixtures.replaceOnce(bc, "      irr: 84.3", "      irr: 70.25");

    ValidationResult result = Fixtures.every().validate(copy);
    FixPlan plan = result.fixes(file -> read(copy, file));

    String fixedVendors = plan.apply("vendors/gpu-cloud-capacity.yaml", Fixtures.read(vendors));
    assertThat(fixedVendors)
        .isEqualTo(
            Fixtures.read(vendors)
                .replace("decision:   'go'   # sure?", "decision:   'diligence'   # sure?"));
    assertThat(plan.apply("vendors/data-pipeline-platform.yaml", Fixtures.read(pipelines)))
        .isEqualTo(Fixtures.read(pipelines).replace("decision: \"go\"", "decision: \"no-go\""));
    // The IRR keeps the two decimals it was declared with.
    String fixedCase = plan.apply("business-cases/pipeline-automation.yaml", Fixtures.read(bc));
    assertThat(fixedCase)
        .isEqualTo(Fixtures.read(bc).replace("      irr: 70.25\n", "      irr: 84.26\n"));
    Fix irr =
        plan.fixes().stream().filter(f -> f.finding().path().endsWith("/irr")).findFirst().get();
    assertThat(irr.description()).isEqualTo("set irr to the computed 84.26 (was 70.25)");
    TextEdit edit = irr.edits().get(0);
    assertThat(edit.from().column()).isEqualTo("      irr: ".length() + 1);
    assertThat(edit.to().column() - edit.from().column()).isEqualTo("70.25".length());
    assertThat(edit.from().line()).isEqualTo(irr.finding().line());
  }

  @Test
  void shouldKeepTheAnchorAndTheTagOfAFixedValue() {
    Path copy = Fixtures.copyExample(dir.resolve("copy"));
    Path bc = copy.resolve("business-cases/pipeline-automation.yaml");
    Fixtures.replaceOnce(bc, "      irr: 84.3", "      irr: &irr !!float 70.25 # typed by hand");
    Path vendors = copy.resolve("vendors/data-pipeline-platform.yaml");
    Fixtures.replaceOnce(vendors, "decision: no-go", "decision: !!str &last \"go\"");

    FixPlan plan = Fixtures.every().validate(copy).fixes(file -> read(copy, file));

    // An alias elsewhere in the file still finds its anchor; the tag still says what it said.
    assertThat(plan.apply("business-cases/pipeline-automation.yaml", Fixtures.read(bc)))
        .isEqualTo(
            Fixtures.read(bc)
                .replace("irr: &irr !!float 70.25 # typed", "irr: &irr !!float 84.26 # typed"));
    assertThat(plan.apply("vendors/data-pipeline-platform.yaml", Fixtures.read(vendors)))
        .isEqualTo(
            Fixtures.read(vendors)
                .replace("decision: !!str &last \"go\"", "decision: !!str &last \"no-go\""));
  }

  /**
   * A cost written "70,000" fails its schema; the rules judge the case without that cost, so the
   * figures they compute are wrong, and declaring them would overwrite the author's right ones.
   */
  @Test
  void shouldNotDeclareFiguresComputedWithoutAListItemThatFailsItsSchema() {
    Path copy = Fixtures.copyExample(dir.resolve("copy"));
    Path bc = copy.resolve("business-cases/pipeline-automation.yaml");
    Fixtures.replaceOnce(bc, "      oneOff: 70000\n", "      oneOff: 70,000\n");

    ValidationResult result = Fixtures.every().validate(copy);
    FixPlan plan = result.fixes(file -> read(copy, file));

    assertThat(result.findings())
        .extracting(Finding::rule)
        .as("the figures are judged without the cost item")
        .contains("schema", "bc-financials-mismatch");
    assertThat(result.findings())
        .filteredOn(f -> f.rule().equals("bc-financials-mismatch"))
        .allSatisfy(
            f ->
                assertThat(f.hint())
                    .endsWith(
                        "(This file was judged without its list items that fail the schema: fix"
                            + " its schema errors first; this finding may change with them.)"));
    assertThat(plan.fixes("business-cases/pipeline-automation.yaml")).isEmpty();
    assertThat(result.insights().businessCases())
        .as("a review must not show figures computed without the cost")
        .noneMatch(c -> c.businessCase().at().file().endsWith("pipeline-automation.yaml"))
        .isNotEmpty();
    assertThat(plan.skipped())
        .isNotEmpty()
        .allSatisfy(
            s -> {
              assertThat(s.finding().rule()).isEqualTo("bc-financials-mismatch");
              assertThat(s.reason()).contains("schema error").contains("fix");
            });
  }

  @Test
  void shouldLeaveAValueSharedThroughAnAliasForAPerson() {
    Path copy = Fixtures.copyExample(dir.resolve("copy"));
    Path vendors = copy.resolve("vendors/gpu-cloud-capacity.yaml");
    // v-helio-cloud "decides like v-nimbus-gpu": its finding points at the anchored value, and
    // changing that would change the decision of v-nimbus-gpu, which is right.
    Fixtures.replaceOnce(vendors, "      decision: go\n", "      decision: &same go\n");
    Fixtures.replaceOnce(vendors, "      decision: diligence\n", "      decision: *same\n");

    FixPlan plan = Fixtures.every().validate(copy).fixes(file -> read(copy, file));

    assertThat(plan.fixes("vendors/gpu-cloud-capacity.yaml")).isEmpty();
    assertThat(plan.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.finding().rule()).isEqualTo("vendor-decision-mismatch");
              assertThat(s.reason()).contains("&same").contains("*same").contains("by hand");
            });
  }

  @Test
  void shouldRecomputeADeclaredWeightedScoreWithItsDecimals() {
    Path copy = Fixtures.copyExample(dir.resolve("copy"));
    Path vendors = copy.resolve("vendors/data-pipeline-platform.yaml");
    String streamforge = "      decision: go\n      benchmark:\n        pocPipelineBuildDays: 4";
    Fixtures.replaceOnce(
        vendors, streamforge, "      weightedScorePct: 88.0  # typed by hand\n" + streamforge);
    String before = Fixtures.read(vendors);

    FixPlan plan = Fixtures.every().validate(copy).fixes(file -> read(copy, file));

    assertThat(plan.fixes())
        .singleElement()
        .satisfies(f -> assertThat(f.rule()).isEqualTo("vendor-score-mismatch"));
    assertThat(plan.apply("vendors/data-pipeline-platform.yaml", before))
        .isEqualTo(
            before.replace(
                "weightedScorePct: 88.0  # typed by hand",
                "weightedScorePct: 84.7  # typed by hand"));
  }

  @Test
  void shouldKeepCrlfLineEndingsAndAByteOrderMark() {
    Path base = Fixtures.copyExample(dir.resolve("base"));
    Path head = Fixtures.copyExample(dir.resolve("head"));
    Path roadmap = head.resolve("roadmap.yaml");
    String crlf = "\uFEFF" + Fixtures.read(roadmap).replace("\n", "\r\n");
    Fixtures.write(head, "roadmap.yaml", crlf);
    Fixtures.replaceOnce(roadmap, "          completedOn: 2027-02-26\r\n", "");
    Path bc = head.resolve("business-cases/mlops-skills.yaml");
    String caseText = "\uFEFF" + Fixtures.read(bc).replace("\n", "\r\n");
    Fixtures.write(head, "business-cases/mlops-skills.yaml", caseText);
    Fixtures.replaceOnce(bc, "irr: 92.0\r\n", "irr: 80.5\r\n");

    FixPlan plan = validateAgainst(head, base).fixes(file -> read(head, file));

    assertThat(plan.fixes()).hasSize(2);
    assertThat(plan.apply("roadmap.yaml", Fixtures.read(roadmap))).isEqualTo(crlf);
    assertThat(plan.apply("business-cases/mlops-skills.yaml", Fixtures.read(bc)))
        .isEqualTo(caseText);
    Fix irr = plan.fixes("business-cases/mlops-skills.yaml").get(0);
    // Editors do not count the byte order mark: line 1 starts after it, as in findings.
    assertThat(irr.edits().get(0).from())
        .isEqualTo(new TextPosition(irr.finding().line(), irr.finding().column()));
  }

  @Test
  void shouldSkipAMilestoneWrittenAsAFlowMappingAndSaySo() {
    Path base = Fixtures.copyExample(dir.resolve("base"));
    Path head = Fixtures.copyExample(dir.resolve("head"));
    Path roadmap = head.resolve("roadmap.yaml");
    String block =
        """
                - id: ms-cost-per-inference-baseline
                  title: Cost per inference metered for all production models
                  due: 2027-02-26
                  status: done
                  completedOn: 2027-02-26
                  deliverables:
                    - GPU and cloud inference spend tagged per model and per use case
                    - Cost per 1,000 inferences baseline (EUR 4.80) on the executive dashboard
        """;
    Fixtures.replaceOnce(
        roadmap,
        block,
        "        - {id: ms-cost-per-inference-baseline, title: Cost per inference metered,"
            + " due: 2027-02-26, status: done, deliverables: [Cost per 1000 inferences]}\n");

    FixPlan plan = validateAgainst(head, base).fixes(file -> read(head, file));

    assertThat(plan.fixes()).isEmpty();
    assertThat(plan.skipped())
        .singleElement()
        .satisfies(s -> assertThat(s.reason()).contains("flow mapping").contains("2027-02-26"));
  }

  @Test
  void shouldNeverTouchAGateStatusOrAnApproval() {
    Path base = Fixtures.copyExample(dir.resolve("base"));
    Path head = Fixtures.copyExample(dir.resolve("head"));
    // A changed completion date and decision date are findings of history-rewritten too, but
    // choosing between two recorded dates is for a person: only a missing date is restored.
    Fixtures.replaceOnce(
        head.resolve("roadmap.yaml"), "completedOn: 2027-03-26", "completedOn: 2027-03-19");
    Fixtures.replaceOnce(
        head.resolve("roadmap.yaml"), "decidedOn: 2027-03-31", "decidedOn: 2027-03-28");

    ValidationResult result = validateAgainst(head, base);
    FixPlan plan = result.fixes(file -> read(head, file));

    assertThat(result.findings()).extracting(Finding::rule).contains("history-rewritten");
    assertThat(plan.fixes()).isEmpty();
    assertThat(plan.remaining(result.findings())).isEqualTo(result.findings());
  }

  @Test
  void shouldWriteNumbersWithTheDeclaredDecimalsAndMoreOnlyWhenTheToleranceNeedsThem() {
    BigDecimal one = BigDecimal.ONE;
    assertThat(Fixes.number(new BigDecimal("273337.78"), "300000", 0, one)).isEqualTo("273338");
    assertThat(Fixes.number(new BigDecimal("134.04"), "110.0", 1, one)).isEqualTo("134.0");
    assertThat(Fixes.number(new BigDecimal("84.2861"), "70", 1, one)).isEqualTo("84.3");
    assertThat(Fixes.number(new BigDecimal("84.2861"), "70.125", 1, one)).isEqualTo("84.286");
    assertThat(Fixes.number(new BigDecimal("0.0432"), "5", 1, one)).isEqualTo("0.043");
    assertThat(Fixes.number(new BigDecimal("10000000"), "1.0E7", 0, one)).isEqualTo("10000000");
    assertThat(Fixes.number(new BigDecimal("-1234.5"), "3", 0, one)).isEqualTo("-1235");
  }

  private static ValidationResult validateAgainst(Path head, Path base) {
    return Fixtures.every()
        .validate(
            head,
            ValidationOptions.defaults()
                .withAsOf(Fixtures.AS_OF)
                .withBase(new FolderSource(base, "base")));
  }

  static Optional<String> read(Path root, String file) {
    Path p = root.resolve(file);
    return Files.isRegularFile(p) ? Optional.of(Fixtures.read(p)) : Optional.empty();
  }

  static Map<String, String> texts(Path root) {
    Map<String, String> texts = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .sorted()
          .forEach(p -> texts.put(root.relativize(p).toString(), Fixtures.read(p)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }

  /**
   * The ten mechanical mistakes of {@code planted-mistakes.tsv}: file of the example, what it says,
   * what is planted instead.
   */
  static List<String[]> plantedMistakes() {
    return plantedMistakes(
        Path.of("src/test/resources/io/waymark/engine/fix/planted-mistakes.tsv"));
  }

  /** Reads a planted-mistakes table; the CLI's FixCommandTest reads the same file. */
  static List<String[]> plantedMistakes(Path table) {
    try (Stream<String> lines = Files.lines(table)) {
      return lines
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.replace("\\n", "\n").split("\t", -1))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
