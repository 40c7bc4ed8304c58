package io.waymark.engine;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import java.time.LocalDate;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One typo in waymark.yaml used to drop the whole configuration: the run was judged as of today in
 * USD with no exclusions, and every finding that depends on the date was false (an assessment
 * "stale", initiatives with "no actual spend"). Now a configuration that fails its schema still
 * sets the date, currency, organisation and exclusions, and relaxes nothing (its rule settings,
 * suppressions and tolerance wait for the fix); one the YAML reader cannot read stops every rule,
 * and says so.
 */
class InvalidConfigTest {

  private static final String VENDORS = "vendors/data-pipeline-platform.yaml";

  @TempDir Path repo;

  @BeforeEach
  void example() {
    Fixtures.copyExample(repo);
    // One vendor short of references: a vendor-references warning, turned off below.
    Fixtures.replaceOnce(repo.resolve(VENDORS), "      references: 3\n", "      references: 2\n");
    Fixtures.replaceOnce(
        repo.resolve("waymark.yaml"),
        "  tolerancePct: 1\n",
        "  tolerancePct: 1\n  rules:\n"
            + "    vendor-references: {severity: off, justification: checked by procurement}\n");
  }

  private ValidationResult withConfig(String from, String to) {
    Fixtures.replaceOnce(repo.resolve("waymark.yaml"), from, to);
    return Fixtures.every().validate(repo, ValidationOptions.defaults());
  }

  @Test
  void shouldJudgeAsOfTheConfiguredDateWhenTheConfigFailsItsSchema() {
    ValidationResult result = withConfig("  tolerancePct: 1\n", "  tolerancePct: one\n");

    Assertions.assertThat(result.asOf()).isEqualTo(LocalDate.of(2027, 5, 14));
    Assertions.assertThat(result.plan().config().currency()).isEqualTo("EUR");
    assertThat(result).doesNotContainRule("assessment-stale").doesNotContainRule("actuals-stale");
    assertThat(result).doesNotContainRule("not-waymark"); // the exclusions still apply
    assertThat(result)
        .containsRule("schema")
        .inFile("waymark.yaml")
        .withMessageContaining(
            "waymark.yaml fails its schema: until it is fixed, its rule settings, suppressions and"
                + " tolerance are not applied");
    // The rule it turned off is on again until the file is fixed.
    assertThat(result).containsRule("vendor-references").withSeverity(Severity.WARNING);
  }

  @Test
  void shouldRunNoRuleWhenTheConfigCannotBeRead() {
    ValidationResult result = withConfig("  currency: EUR\n", "  currency: [EUR\n");

    assertThat(result)
        .containsRule("yaml-syntax")
        .inFile("waymark.yaml")
        .withMessageContaining("no rule ran: waymark.yaml could not be read");
    Assertions.assertThat(result.findings())
        .extracting(Finding::rule)
        .containsOnly("yaml-syntax", "not-waymark");
    Assertions.assertThat(result.configUnreadable()).contains("waymark.yaml");
  }

  @Test
  void shouldKeepTheDateButNoRelaxationWhenASuppressionIsIncomplete() {
    // A suppression without file, reason and owner: nothing the configuration relaxes counts.
    ValidationResult result =
        withConfig(
            "  tolerancePct: 1\n",
            "  tolerancePct: 1\n  suppressions:\n    - rule: vendor-references\n");

    assertThat(result).containsRule("schema").inFile("waymark.yaml");
    assertThat(result).containsRule("vendor-references");
    Assertions.assertThat(result.asOf()).isEqualTo(LocalDate.of(2027, 5, 14));
  }

  /**
   * An impossible date passes the schema's pattern and fails only when the model reads it: a
   * configuration with one was applied in full, so a suppression that "expires" on 2027-02-30 never
   * expired, and it could suppress the very schema error that named its date.
   */
  @Test
  void shouldRelaxNothingWhenTheConfigHoldsAnImpossibleDate() {
    ValidationResult result =
        withConfig(
            "  tolerancePct: 1\n",
            """
              tolerancePct: 1
              suppressions:
                - rule: schema
                  file: waymark.yaml
                  reason: the date is fine
                  owner: cto-office
                  expires: 2027-02-30
            """);

    assertThat(result)
        .containsRule("schema")
        .inFile("waymark.yaml")
        .withMessageContaining("'2027-02-30' is not a calendar date")
        .hasCount(1);
    assertThat(result)
        .containsRule("schema")
        .inFile("waymark.yaml")
        .withMessageContaining("its rule settings, suppressions and tolerance are not applied");
    assertThat(result).containsRule("vendor-references").withSeverity(Severity.WARNING);
    Assertions.assertThat(result.asOf()).isEqualTo(LocalDate.of(2027, 5, 14));
  }

  /**
   * Three capital letters pass the schema's pattern; a code that names no currency (a typo) is a
   * schema error too, as 'waymark init --currency' refuses it, and relaxes nothing.
   */
  @Test
  void shouldReportACurrencyCodeThatNamesNoCurrency() {
    ValidationResult result = withConfig("currency: EUR\n", "currency: EUO\n");

    assertThat(result)
        .containsRule("schema")
        .inFile("waymark.yaml")
        .withMessageContaining("/spec/currency: 'EUO' is not an ISO 4217 currency code")
        .hasCount(1);
    assertThat(result)
        .containsRule("schema")
        .inFile("waymark.yaml")
        .withMessageContaining("its rule settings, suppressions and tolerance are not applied");
  }

  /** A code in small letters breaks the schema's pattern: one finding says so, not a second. */
  @Test
  void shouldReportACurrencyInSmallLettersOnce() {
    ValidationResult result = withConfig("currency: EUR\n", "currency: eur\n");

    assertThat(result)
        .containsRule("schema")
        .inFile("waymark.yaml")
        .withMessageContaining("/spec/currency: 'eur' is not a currency code")
        .hasCount(1);
    Assertions.assertThat(result.findings())
        .extracting(Finding::message)
        .noneMatch(m -> m.contains("ISO 4217 currency code"));
  }
}
