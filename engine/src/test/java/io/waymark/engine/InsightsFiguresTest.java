package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.vendor.VendorSensitivity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The insights of a validation take each business case's figures from what the rules worked out,
 * and those are the figures worked out afresh: the JSON and the QBR say what a run without the
 * rules would say.
 */
class InsightsFiguresTest {

  @Test
  void shouldGiveEveryCaseTheFiguresWorkedOutAfresh() {
    ValidationResult result = Fixtures.validate(Fixtures.exampleRoadmap());

    List<Insights.CaseFigures> cases = result.insights().businessCases();

    assertThat(cases).hasSize(result.plan().businessCases().size()).isNotEmpty();
    for (Insights.CaseFigures c : cases) {
      assertThat(c.computed())
          .as(c.businessCase().metadata().id())
          .isEqualTo(CaseFinancials.of(c.businessCase()));
    }
  }

  @Test
  void shouldTakeTheFiguresTheRulesWorkedOut() {
    ValidationResult result = Fixtures.validate(Fixtures.exampleRoadmap());
    BusinessCase first = result.plan().businessCases().get(0);
    CaseFinancials kept = CaseFinancials.of(first);
    VendorEvaluation evaluation = result.plan().vendorEvaluations().get(0);
    VendorSensitivity sensitivity = VendorSensitivity.of(evaluation);
    result.keepFinancials(Map.of(first, kept), Map.of(evaluation, sensitivity));

    assertThat(result.insights().businessCases().get(0).computed()).isSameAs(kept);
    assertThat(result.insights().vendorSensitivity().get(0)).isSameAs(sensitivity);
  }

  @Test
  void shouldGiveEveryEvaluationTheSensitivityWorkedOutAfresh() {
    ValidationResult result = Fixtures.validate(Fixtures.exampleRoadmap());

    List<VendorSensitivity> sensitivities = result.insights().vendorSensitivity();

    assertThat(sensitivities).hasSize(result.plan().vendorEvaluations().size()).isNotEmpty();
    for (int i = 0; i < sensitivities.size(); i++) {
      assertThat(sensitivities.get(i))
          .isEqualTo(VendorSensitivity.of(result.plan().vendorEvaluations().get(i)));
    }
  }
}
