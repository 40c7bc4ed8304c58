package io.waymark.engine.rules.businesscase;

import static io.waymark.engine.FindingsAssert.assertThat;
import static io.waymark.engine.rules.businesscase.CaseFiles.PIPELINE;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pipeline case of the example: C0 = -172,500, Ct = 173,000 for 3 years at 8% (worked out in
 * the finance package's CaseFinancialsTest): NPV 273,337.78, IRR 84.2583%, ROI 200.8696%, payback
 * month 12.
 */
class BcFinancialsMismatchRuleTest {

  private static final String RULE = "bc-financials-mismatch";
  private static final String MLOPS = "business-cases/mlops-skills.yaml";
  private static final String BASIS =
      "cash flows C0 -172,500.00 EUR then 173,000.00 EUR a year for 3 years, discount rate 8%";

  @TempDir Path dir;

  /** |300,000 - 273,337.78| / 273,337.78 = 9.75% > 1%. */
  @Test
  void shouldReportADeclaredNpvOutsideTheToleranceOnTheDeclaredValue() {
    Path file = edit("npv: 273338", "npv: 300000");
    Position at = Fixtures.positionOf(file, "npv: 300000");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile(PIPELINE)
        .at(at.line(), at.column() + "npv: ".length())
        .withPath("/spec/financials/declared/npv")
        .withSeverity(Severity.ERROR)
        .withMessageContaining(
            "declared NPV 300,000.00 EUR, computed 273,337.78 EUR (9.75% off, tolerance 1%); "
                + BASIS)
        .withHintContaining("npv: 273337.78");
  }

  /** 276,000 is 0.97% above 273,337.78; 276,100 is 1.01% above. */
  @Test
  void shouldMeasureTheToleranceRelativeToTheComputedValue() {
    edit("npv: 273338", "npv: 276000");
    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);

    Fixtures.replaceOnce(dir.resolve(PIPELINE), "npv: 276000", "npv: 276100");
    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining("1.01% off");
  }

  @Test
  void shouldUseTheConfiguredTolerance() {
    edit("npv: 273338", "npv: 300000");
    Fixtures.replaceOnce(dir.resolve("waymark.yaml"), "tolerancePct: 1", "tolerancePct: 10");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  /** |90 - 84.2583| / 84.2583 = 6.81%. */
  @Test
  void shouldReportADeclaredIrrOutsideTheTolerance() {
    Path file = edit("irr: 84.3", "irr: 90");
    Position at = Fixtures.positionOf(file, "irr: 90");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .at(at.line(), at.column() + "irr: ".length())
        .withPath("/spec/financials/declared/irr")
        .withMessageContaining(
            "declared IRR 90%, computed 84.26% (6.81% off, tolerance 1%); " + BASIS);
  }

  /** |180 - 200.8696| / 200.8696 = 10.39%. */
  @Test
  void shouldReportADeclaredRoiOutsideTheTolerance() {
    Path file = edit("roi: 200.9", "roi: 180");
    Position at = Fixtures.positionOf(file, "roi: 180");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .at(at.line(), at.column() + "roi: ".length())
        .withMessageContaining("declared ROI 180%, computed 200.87% (10.39% off, tolerance 1%)");
  }

  /** Payback has no tolerance: 13 is not 12. */
  @Test
  void shouldReportAPaybackOffByOneMonth() {
    Path file = edit("paybackMonths: 12", "paybackMonths: 13");
    Position at = Fixtures.positionOf(file, "paybackMonths: 13");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .at(at.line(), at.column() + "paybackMonths: ".length())
        .withPath("/spec/financials/declared/paybackMonths")
        .withMessageContaining("declared payback 13 months, computed 12 months; " + BASIS)
        .withHintContaining("paybackMonths: 12");
  }

  /**
   * Without benefits every year is -31,000: no sign change, so no IRR and no payback; NPV =
   * -172,500 - 31,000 x 2.5770970 = -252,390.01; ROI = (-93,000 - 172,500) / 172,500 = -153.91%.
   * One finding per declared figure.
   */
  @Test
  void shouldReportEveryFigureWhenTheCaseLosesItsBenefits() {
    Path file = edit("annual: 156000", "annual: 0");
    Fixtures.replaceOnce(file, "annual: 48000", "annual: 0");

    ValidationResult result = Fixtures.only(RULE).validate(dir);

    assertThat(result).containsRule(RULE).hasCount(4);
    assertThat(result)
        .containsRule(RULE)
        .withPath("/spec/financials/declared/irr")
        .withMessageContaining("declared IRR 84.3%, but no discount rate makes the NPV")
        .withMessageContaining("C0 -172,500.00 EUR then -31,000.00 EUR a year")
        .withHintContaining("Remove 'irr'");
    assertThat(result)
        .containsRule(RULE)
        .withPath("/spec/financials/declared/paybackMonths")
        .withMessageContaining("never turns non-negative within the 3-year horizon");
    assertThat(result)
        .containsRule(RULE)
        .withPath("/spec/financials/declared/npv")
        .withMessageContaining("computed -252,390.01 EUR");
    assertThat(result)
        .containsRule(RULE)
        .withPath("/spec/financials/declared/roi")
        .withMessageContaining("computed -153.91%");
  }

  /**
   * Without one-off costs C0 is 0: ROI is taken on the total cost over the horizon, (3 x 130,000 -
   * 3 x 18,000) / 54,000 = 622.22%, so the declared 221.5% is a mismatch.
   */
  @Test
  void shouldCheckADeclaredRoiOnTheTotalCostWhenNothingIsInvestedUpFront() {
    mlopsSkillsWithoutOneOffCosts();

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .inFile(MLOPS)
        .withPath("/spec/financials/declared/roi")
        .hasCount(1)
        .withMessageContaining("declared ROI 221.5%, computed 622.22%");
  }

  /** A declared ROI on the total cost that matches is accepted. */
  @Test
  void shouldAcceptARoiOnTheTotalCost() {
    Path file = mlopsSkillsWithoutOneOffCosts();
    Fixtures.replaceOnce(file, "roi: 221.5", "roi: 622.2");
    Fixtures.replaceOnce(file, "npv: 184135", "npv: 288634.86");
    Fixtures.replaceOnce(file, "      irr: 92.0\n", "");
    Fixtures.replaceOnce(file, "paybackMonths: 12", "paybackMonths: 1");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRuleInFile(RULE, MLOPS);
  }

  /** A case that costs nothing at all has no ROI, so any declared ROI is a mismatch. */
  @Test
  void shouldReportADeclaredRoiWhenTheCaseCostsNothing() {
    Path file = mlopsSkillsWithoutOneOffCosts();
    Fixtures.replaceOnce(file, "annual: 12000", "annual: 0");
    Fixtures.replaceOnce(file, "annual: 6000", "annual: 0");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withPath("/spec/financials/declared/roi")
        .withMessageContaining("declared ROI 221.5%, but the case costs nothing over its horizon");
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }

  /** A case that declares one figure only has that figure checked (each of the four). */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"roi, 250", "npv, 300000", "irr, 90", "paybackMonths, 13"})
  void shouldCheckTheOneFigureACaseDeclares(String field, String value) {
    edit(
        "    declared:\n      roi: 200.9\n      npv: 273338\n      irr: 84.3\n      paybackMonths: 12\n",
        "    declared:\n      " + field + ": " + value + "\n");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withPath("/spec/financials/declared/" + field);
  }

  private Path edit(String from, String to) {
    Path file = Fixtures.copyExample(dir).resolve(PIPELINE);
    Fixtures.replaceOnce(file, from, to);
    return file;
  }

  /** The example's MLOps skills case with none of its three one-off costs (C0 = 0). */
  private Path mlopsSkillsWithoutOneOffCosts() {
    Path file = Fixtures.copyExample(dir).resolve(MLOPS);
    Fixtures.replaceOnce(file, "oneOff: 60000", "oneOff: 0");
    Fixtures.replaceOnce(file, "oneOff: 20000", "oneOff: 0");
    Fixtures.replaceOnce(file, "oneOff: 15000", "oneOff: 0");
    return file;
  }
}
