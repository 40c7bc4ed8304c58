package io.waymark.engine;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.rules.RuleRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Severity changes, inline ignores, Config suppressions and baselines (SPEC §3 "Suppression",
 * "Baseline"), on the example with one vendor short of references (a vendor-references warning).
 */
class SuppressionTest {

  private static final String VENDORS = "vendors/data-pipeline-platform.yaml";
  private static final String RULE = "vendor-references";

  @TempDir Path repo;

  @BeforeEach
  void breakOneVendor() {
    Fixtures.copyExample(repo);
    Fixtures.replaceOnce(repo.resolve(VENDORS), "      references: 3\n", "      references: 2\n");
  }

  @Test
  void shouldReportTheWarningWithoutConfiguration() {
    ValidationResult result = Fixtures.validate(repo);

    assertThat(result)
        .containsRule(RULE)
        .inFile(VENDORS)
        .withSeverity(Severity.WARNING)
        .hasCount(1);
    Assertions.assertThat(result.suppressed()).isEmpty();
  }

  @Test
  void shouldRaiseARuleToErrorWithAJustification() {
    configure(
        "    vendor-references: {severity: error, justification: procurement policy since 2027}\n");

    ValidationResult result = Fixtures.validate(repo);

    assertThat(result).containsRule(RULE).withSeverity(Severity.ERROR).hasCount(1);
    Assertions.assertThat(result.failsAt(Severity.ERROR)).isTrue();
  }

  @Test
  void shouldTurnARuleOffWithAJustification() {
    configure(
        "    vendor-references: {severity: off, justification: references are checked by procurement}\n");

    assertThat(Fixtures.validate(repo)).doesNotContainRule(RULE);
  }

  @Test
  void shouldRefuseToTurnARuleOffWithoutAJustification() {
    configure("    vendor-references: {severity: off}\n");

    ValidationResult result = Fixtures.validate(repo);

    assertThat(result)
        .containsRule("schema")
        .inFile("waymark.yaml")
        .withMessageContaining("justification");
    assertThat(result).containsRule(RULE).withSeverity(Severity.WARNING);
  }

  @Test
  void shouldReportAnUnknownRuleInTheConfig() {
    configure("    vendor-referenses: {severity: off, justification: typo}\n");

    assertThat(Fixtures.validate(repo))
        .containsRule("schema")
        .inFile("waymark.yaml")
        .withMessageContaining("unknown rule 'vendor-referenses'");
  }

  @Test
  void shouldSuppressOneFindingWithAnInlineComment() {
    Fixtures.replaceOnce(
        repo.resolve(VENDORS),
        "      references: 2\n",
        "      references: 2   # waymark:ignore vendor-references -- two references, third call booked\n");

    ValidationResult result = Fixtures.validate(repo);

    assertThat(result).doesNotContainRule(RULE);
    Assertions.assertThat(result.suppressed())
        .singleElement()
        .satisfies(
            s -> {
              Assertions.assertThat(s.finding().rule()).isEqualTo(RULE);
              Assertions.assertThat(s.how()).isEqualTo("inline");
              Assertions.assertThat(s.reason()).isEqualTo("two references, third call booked");
            });
  }

  @Test
  void shouldNotSuppressAnotherRuleWithAnInlineComment() {
    Fixtures.replaceOnce(
        repo.resolve(VENDORS),
        "      references: 2\n",
        "      references: 2   # waymark:ignore vendor-red-flag -- wrong rule\n");

    assertThat(Fixtures.validate(repo)).containsRule(RULE).hasCount(1);
  }

  @Test
  void shouldSuppressByLocationUntilTheSuppressionExpires() {
    configureSuppression("2027-06-30");

    ValidationResult active = Fixtures.validate(repo);

    assertThat(active).doesNotContainRule(RULE).doesNotContainRule("suppression-expired");
    Assertions.assertThat(active.suppressed())
        .singleElement()
        .satisfies(
            s -> {
              Assertions.assertThat(s.how()).isEqualTo("config");
              Assertions.assertThat(s.reason())
                  .contains("third reference call on 2027-06-10")
                  .contains("procurement");
            });
  }

  @Test
  void shouldCountAgainOnceTheSuppressionExpired() {
    configureSuppression("2027-04-30");

    ValidationResult expired = Fixtures.validate(repo);

    assertThat(expired).containsRule(RULE).hasCount(1);
    assertThat(expired)
        .containsRule("suppression-expired")
        .inFile("waymark.yaml")
        .withSeverity(Severity.WARNING);
  }

  @Test
  void shouldReportBaselinedFindingsAsInfoAndNewOnesAtTheirSeverity() throws IOException {
    Finding known = Fixtures.validate(repo).findings().get(0);
    Fixtures.replaceOnce(repo.resolve(VENDORS), "      references: 5\n", "      references: 1\n");
    Validator validator = new Validator(RuleRegistry.discover());

    ValidationResult result =
        validator.validate(
            new FolderSource(repo, "x"),
            ValidationOptions.defaults()
                .withAsOf(Fixtures.AS_OF)
                .withBaseline(Set.of(known.baselineKey())));

    Assertions.assertThat(result.findings()).hasSize(2);
    Finding old = result.findings().stream().filter(result::isBaselined).findFirst().orElseThrow();
    Assertions.assertThat(old.severity()).isEqualTo(Severity.INFO);
    Assertions.assertThat(old.message()).isEqualTo(known.message());
    Assertions.assertThat(result.failsAt(Severity.WARNING))
        .as("the new finding still counts")
        .isTrue();
    Assertions.assertThat(
            result.findings().stream().filter(f -> !result.isBaselined(f)).map(Finding::severity))
        .containsExactly(Severity.WARNING);
  }

  @Test
  void shouldKeepTheFingerprintWhenTheFindingMovesToAnotherLine() {
    Finding before = Fixtures.validate(repo).findings().get(0);
    Fixtures.replaceOnce(
        repo.resolve(VENDORS),
        "apiVersion: waymark/v1\n",
        "# a new comment line\n\napiVersion: waymark/v1\n");

    Finding after = Fixtures.validate(repo).findings().get(0);

    Assertions.assertThat(after.line()).isEqualTo(before.line() + 2);
    Assertions.assertThat(after.fingerprint()).isEqualTo(before.fingerprint());
  }

  private void configure(String ruleLine) {
    Fixtures.replaceOnce(
        repo.resolve("waymark.yaml"),
        "  tolerancePct: 1\n",
        "  tolerancePct: 1\n  rules:\n" + ruleLine);
  }

  private void configureSuppression(String expires) {
    Fixtures.replaceOnce(
        repo.resolve("waymark.yaml"),
        "  tolerancePct: 1\n",
        "  tolerancePct: 1\n"
            + "  suppressions:\n"
            + "    - rule: vendor-references\n"
            + "      file: "
            + VENDORS
            + "\n"
            + "      path: /spec/vendors/1\n"
            + "      reason: third reference call on 2027-06-10\n"
            + "      owner: procurement\n"
            + "      expires: "
            + expires
            + "\n");
  }
}
