package io.waymark.engine.rules.pitfall;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PitfallNoMetricsRuleTest {

  private static final String RULE = "pitfall-no-metrics";

  @TempDir Path dir;

  @Test
  void shouldReportAnInitiativeWithoutBusinessCaseOnItsId() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "          businessCase: bc-mlops-skills\n", "");
    Position id = Fixtures.positionOf(roadmap, "id: i-mlops-upskilling");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile("roadmap.yaml")
        .at(id.line(), id.column() + "id: ".length())
        .withPath("/spec/phases/1/initiatives/1/id")
        .withSeverity(Severity.WARNING)
        .withMessageContaining("initiative 'i-mlops-upskilling' (110,000.00 EUR) has no business");
  }

  @Test
  void shouldReportABenefitWithoutKpiOnTheBenefit() {
    Path businessCase = Fixtures.copyExample(dir).resolve("business-cases/mlops-skills.yaml");
    Fixtures.replaceOnce(businessCase, "      kpi: trained-staff-pct\n", "");
    Position benefit = Fixtures.positionOf(businessCase, "description: One of the two MLOps");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile("business-cases/mlops-skills.yaml")
        .at(benefit.line(), benefit.column())
        .withPath("/spec/benefits/0")
        .withMessageContaining(
            "benefit 'One of the two MLOps contractors replaced by trained staff' of business"
                + " case 'bc-mlops-skills' (110,000.00 EUR a year) names no kpi");
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
