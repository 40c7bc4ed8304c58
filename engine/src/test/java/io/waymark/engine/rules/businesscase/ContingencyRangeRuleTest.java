package io.waymark.engine.rules.businesscase;

import static io.waymark.engine.FindingsAssert.assertThat;
import static io.waymark.engine.rules.businesscase.CaseFiles.PIPELINE;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContingencyRangeRuleTest {

  private static final String RULE = "contingency-range";

  @TempDir Path dir;

  /** 90,000 / 1,800,000 = 5%; the hint names 10-20% of 1,800,000: 180,000 to 360,000. */
  @Test
  void shouldReportARoadmapContingencyBelowTenPercentOnTheContingency() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "contingency: 270000", "contingency: 90000");
    Position at = Fixtures.positionOf(roadmap, "contingency: 90000");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile("roadmap.yaml")
        .at(at.line(), at.column() + "contingency: ".length())
        .withPath("/spec/budget/contingency")
        .withSeverity(Severity.WARNING)
        .withMessageContaining(
            "contingency 90,000.00 EUR is 5% of the total budget 1,800,000.00 EUR;"
                + " the methodology reserves 10-20%")
        .withHintContaining("between 180,000.00 EUR and 360,000.00 EUR");
  }

  /** 400,000 / 1,800,000 = 22.22%. */
  @Test
  void shouldReportARoadmapContingencyAboveTwentyPercent() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "contingency: 270000", "contingency: 400000");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining("is 22.22% of the total budget");
  }

  /** 180,000 and 360,000 are exactly 10% and 20%: inside the range. */
  @Test
  void shouldAcceptTheBoundsOfTheRange() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "contingency: 270000", "contingency: 180000");
    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);

    Fixtures.replaceOnce(roadmap, "contingency: 180000", "contingency: 360000");
    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldReportABusinessCaseContingencyOutsideTheRangeOnContingencyPct() {
    Path file = Fixtures.copyExample(dir).resolve(PIPELINE);
    Fixtures.replaceOnce(file, "contingencyPct: 15", "contingencyPct: 25");
    Position at = Fixtures.positionOf(file, "contingencyPct: 25");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile(PIPELINE)
        .at(at.line(), at.column() + "contingencyPct: ".length())
        .withPath("/spec/contingencyPct")
        .withMessageContaining(
            "business case 'bc-pipeline-automation' adds 25% contingency to its one-off costs;"
                + " the methodology reserves 10-20%");
  }

  @Test
  void shouldReportABusinessCaseWithoutContingency() {
    Path file = Fixtures.copyExample(dir).resolve(PIPELINE);
    Fixtures.replaceOnce(file, "contingencyPct: 15", "contingencyPct: 0");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining("adds 0% contingency");
  }

  /** The example's cases sit on both bounds: mlops-skills at 10, knowledge-layer at 20. */
  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
