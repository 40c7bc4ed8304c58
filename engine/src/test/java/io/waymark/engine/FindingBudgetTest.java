package io.waymark.engine;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Findings are capped per rule and file and per file, with a summary that keeps the verdict. */
class FindingBudgetTest {

  @TempDir Path repo;

  private static List<Finding> findings(String file, String rule, Severity severity, int count) {
    List<Finding> out = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      out.add(new Finding(rule, severity, new Location(file, i, 1, ""), "problem " + i, "fix"));
    }
    return out;
  }

  private static List<Finding> sorted(List<Finding> findings) {
    List<Finding> out = new ArrayList<>(findings);
    out.sort(null);
    return out;
  }

  @Test
  void shouldListEveryFindingUpToTheLimitPerRule() {
    List<Finding> in = sorted(findings("big.yaml", "schema", Severity.ERROR, 3));

    assertThat(FindingBudget.apply(in, new Config.FindingCaps(3, 100))).isEqualTo(in);
  }

  @Test
  void shouldCountTheFindingsOverTheLimitPerRuleInOneSummary() {
    List<Finding> in = sorted(findings("big.yaml", "schema", Severity.ERROR, 4));

    List<Finding> out = FindingBudget.apply(in, new Config.FindingCaps(3, 100));

    assertThat(out.size()).isEqualTo(4);
    assertThat(out)
        .containsRule("findings-capped")
        .inFile("big.yaml")
        .atLine(4)
        .withSeverity(Severity.ERROR)
        .withMessageContaining(
            "and 1 more `schema` findings in big.yaml (at most 3 are listed per rule and file):"
                + " 1 error")
        .hasCount(1);
    assertThat(out).containsRule("schema").hasCount(3);
  }

  @Test
  void shouldCapPerFileAndKeepTheMostSevereSeverityOfWhatItLeavesOut() {
    List<Finding> in = new ArrayList<>(findings("a.yaml", "metric-stale", Severity.WARNING, 2));
    in.add(
        new Finding(
            "schema", Severity.ERROR, new Location("a.yaml", 9, 1, ""), "late error", "fix"));
    in.addAll(findings("b.yaml", "schema", Severity.ERROR, 1));

    List<Finding> out = FindingBudget.apply(sorted(in), new Config.FindingCaps(10, 2));

    // a.yaml: the two warnings come first; the error after them is counted, as an error.
    assertThat(out)
        .containsRule("findings-capped")
        .inFile("a.yaml")
        .withSeverity(Severity.ERROR)
        .withMessageContaining("and 1 more findings in a.yaml (at most 2 are listed per file)")
        .hasCount(1);
    assertThat(out).containsRule("schema").inFile("b.yaml").hasCount(1);
    assertThat(out.size()).isEqualTo(4);
  }

  @Test
  void shouldFormatLargeCountsWithThousandsSeparators() {
    List<Finding> in = sorted(findings("big.yaml", "schema", Severity.ERROR, 200_000));

    List<Finding> out = FindingBudget.apply(in, Config.FindingCaps.DEFAULT);

    assertThat(out.size()).isEqualTo(101);
    assertThat(out)
        .containsRule("findings-capped")
        .withMessageContaining("and 199,900 more `schema` findings in big.yaml")
        .hasCount(1);
  }

  @Test
  void shouldReadTheCapsFromTheConfigAndApplyThemToAValidation() {
    Fixtures.write(
        repo,
        "waymark.yaml",
        """
        apiVersion: waymark/v1
        kind: Config
        metadata: {id: settings, title: Settings}
        spec:
          limits: {findingsPerRule: 2, findingsPerFile: 50}
        """);
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      many.append(
          """
          ---
          apiVersion: waymark/v1
          kind: UseCase
          metadata: {id: uc-%d, title: Use case}
          spec: {status: live, businessOutcome: Faster answers.}
          """
              .formatted(i));
    }
    Fixtures.write(repo, "use-cases/many.yaml", many.toString());

    ValidationResult result = Fixtures.validate(repo);

    assertThat(result).containsRule("schema").inFile("use-cases/many.yaml").hasCount(2);
    assertThat(result)
        .containsRule("findings-capped")
        .withMessageContaining("and 3 more `schema` findings in use-cases/many.yaml")
        .withSeverity(Severity.ERROR)
        .hasCount(1);
    assertThat(result.failsAt(Severity.ERROR)).isTrue();
  }
}
