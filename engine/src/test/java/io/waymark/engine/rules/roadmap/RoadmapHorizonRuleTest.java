package io.waymark.engine.rules.roadmap;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoadmapHorizonRuleTest {

  private static final String RULE = "roadmap-horizon";

  @TempDir Path dir;

  @Test
  void shouldWarnOnTheHorizonWhenItIsLongerThan18Months() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "horizonMonths: 18", "horizonMonths: 24");
    Position at = Fixtures.positionOf(roadmap, "horizonMonths: 24");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile("roadmap.yaml")
        .at(at.line(), at.column() + "horizonMonths: ".length())
        .withPath("/spec/horizonMonths")
        .withSeverity(Severity.WARNING)
        .withMessageContaining("horizon of 24 months is longer than 18 months")
        .withHintContaining("Cut horizonMonths to at most 18");
  }

  /**
   * A roadmap refresh appends phases after a whole plan done: the plan ahead is what must fit in 18
   * months. With the example's three phases (months 1-18) done, 36 months leave 18 ahead; a plan
   * with only phase 1 (months 1-3) done is still judged whole.
   */
  @Test
  void shouldMeasureTheLongestHorizonAfterAWholePlanDone() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "horizonMonths: 18", "horizonMonths: 21");
    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withMessageContaining("horizon of 21 months is longer than 18 months");

    Fixtures.replaceOnce(roadmap, "horizonMonths: 21", "horizonMonths: 36");
    Fixtures.replaceOnce(
        roadmap, "months: [4, 9]\n      status: in-progress", "months: [4, 9]\n      status: done");
    Fixtures.replaceOnce(
        roadmap, "months: [10, 18]\n      status: planned", "months: [10, 18]\n      status: done");
    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);

    Fixtures.replaceOnce(roadmap, "horizonMonths: 36", "horizonMonths: 37");
    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .withMessageContaining(
            "horizon of 37 months (19 months after the phases done, months 1-18) is longer than"
                + " 18 months");
  }

  @Test
  void shouldWarnWhenTheHorizonIsShorterThan12Months() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "horizonMonths: 18", "horizonMonths: 9");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .atLine(Fixtures.positionOf(roadmap, "horizonMonths: 9").line())
        .withMessageContaining("9 months is shorter than 12")
        .withHintContaining("Extend horizonMonths to at least 12");
  }

  @Test
  void shouldAcceptTheBoundsOfTheRange() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "horizonMonths: 18", "horizonMonths: 12");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
