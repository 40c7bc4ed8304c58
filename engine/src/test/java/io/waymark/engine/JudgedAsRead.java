package io.waymark.engine;

import io.waymark.engine.gate.CriterionResult;
import io.waymark.engine.gate.GateEvaluation;
import io.waymark.engine.model.BusinessCase;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run that judged each file as it was read must give exactly as a run that kept every model
 * whole: its findings, and its insights written as the JSON output reads them (a case's id, status
 * and declared figures, not its model; its computed figures, not the years they came from; a
 * criterion's id, not its anchor).
 */
public final class JudgedAsRead {

  private JudgedAsRead() {}

  /**
   * Asserts that {@code asRead} found exactly what {@code whole} found, and worked out the same
   * insights.
   */
  public static void assertSameAs(ValidationResult asRead, ValidationResult whole) {
    org.assertj.core.api.Assertions.assertThat(asRead.findings())
        .containsExactlyElementsOf(whole.findings());
    org.assertj.core.api.Assertions.assertThat(insights(asRead))
        .containsExactlyElementsOf(insights(whole));
  }

  /** The insights of {@code result}, one line per gate, criterion, vendor, case and evaluation. */
  public static List<String> insights(ValidationResult result) {
    Insights insights = result.insights();
    List<String> lines = new ArrayList<>();
    for (GateEvaluation g : insights.gates()) {
      lines.add(
          "gate " + g.phaseId() + " " + g.gateId() + " " + g.status() + " " + g.evaluatedOn());
      for (CriterionResult c : g.criteria()) {
        lines.add(
            "  criterion "
                + c.criterion().id()
                + " "
                + c.state()
                + " "
                + c.actual()
                + " "
                + c.observedOn()
                + " "
                + c.operator()
                + " "
                + c.target()
                + " "
                + c.explanation());
      }
    }
    for (Insights.VendorRating v : insights.vendors()) {
      lines.add(
          "vendor "
              + v.evaluation()
              + " "
              + v.vendor().id()
              + " "
              + v.vendor().name()
              + " "
              + v.score());
    }
    for (Insights.CaseFigures c : insights.businessCases()) {
      BusinessCase bc = c.businessCase();
      BusinessCase.Declared d = bc.financials().declared();
      lines.add(
          "case "
              + bc.metadata().id()
              + " "
              + bc.status()
              + " declared "
              + List.of(d.roi(), d.npv(), d.irr(), d.paybackMonths())
              + " computed "
              + c.computed().withoutYears()
              + " sensitivity "
              + c.sensitivity());
    }
    insights.vendorSensitivity().forEach(s -> lines.add("robustness " + s));
    return lines;
  }
}
