package io.waymark.engine.rules.vendor;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * StreamForge scores 84.67% in the example. With workloadFit 4 instead of 5 it is at 82.00%, and
 * one step down on any technical-fit criterion (its mean 4 → 11/3) costs 40 x (1/3) / 5 = 2.67
 * points: 79.33%, diligence.
 */
class VendorChoiceFragileRuleTest {

  private static final String RULE = "vendor-choice-fragile";
  private static final String FILE = "vendors/data-pipeline-platform.yaml";

  @TempDir Path dir;

  @Test
  void shouldReportALeaderThatLosesItsBandOnOneScoreStep() {
    Path file = Fixtures.copyExample(dir).resolve(FILE);
    Fixtures.replaceOnce(
        file,
        "technicalFit: {workloadFit: 5, integration: 4, performance: 4}",
        "technicalFit: {workloadFit: 4, integration: 4, performance: 4}");
    Fixtures.Position at = Fixtures.positionOf(file, "id: v-streamforge");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile(FILE)
        .at(at.line(), at.column())
        .withSeverity(Severity.INFO)
        .withMessageContaining(
            "vendor evaluation 'eval-data-pipeline-platform': the choice of v-streamforge is"
                + " fragile: v-streamforge technicalFit.workloadFit 4 → 3 gives v-streamforge go"
                + " → diligence (79.33%) (and ");
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
