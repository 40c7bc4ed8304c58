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
        .withMessageContaining("24 months is longer than 18")
        .withHintContaining("Cut horizonMonths to at most 18");
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
