package io.waymark.engine.rules.roadmap;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhaseOverlapRuleTest {

  private static final String RULE = "phase-overlap";

  @TempDir Path dir;

  private Path roadmap() {
    return Fixtures.copyExample(dir).resolve("roadmap.yaml");
  }

  @Test
  void shouldReportOverlappingPhasesOnTheLaterPhasesMonths() {
    Path roadmap = roadmap();
    Fixtures.replaceOnce(roadmap, "months: [4, 9]", "months: [3, 9]");
    Position at = Fixtures.positionOf(roadmap, "months: [3, 9]");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile("roadmap.yaml")
        .at(at.line(), at.column() + "months: ".length())
        .withPath("/spec/phases/1/months")
        .withSeverity(Severity.ERROR)
        .withMessageContaining("'phase-build-foundations' (months 3-9) overlaps phase")
        .withMessageContaining("'phase-assess-stabilise' (months 1-3) in month 3")
        .withHintContaining(
            "Start phase 'phase-build-foundations' in month 4, after 'phase-assess-stabilise'"
                + " ends, or end 'phase-assess-stabilise' in month 2;");
  }

  @Test
  void shouldReportAGapBetweenConsecutivePhases() {
    Path roadmap = roadmap();
    Fixtures.replaceOnce(roadmap, "months: [10, 18]", "months: [12, 18]");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .atLine(Fixtures.positionOf(roadmap, "months: [12, 18]").line())
        .withMessageContaining("months 10-11 between phase 'phase-build-foundations'")
        .withMessageContaining("belong to no phase")
        .withHintContaining(
            "Start phase 'phase-scale-optimise' in month 10, or extend 'phase-build-foundations'"
                + " to month 11.");
  }

  /**
   * Phases 1 and 2 both end in month 9; the gap after them is named after the first phase that
   * reached month 9, not after a later one that ends there too.
   */
  @Test
  void shouldNameTheFirstPhaseReachingTheMonthBeforeAGap() {
    Path roadmap = roadmap();
    Fixtures.replaceOnce(roadmap, "months: [1, 3]", "months: [1, 9]");
    Fixtures.replaceOnce(roadmap, "months: [10, 18]", "months: [12, 18]");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(2)
        .withMessageContaining(
            "months 10-11 between phase 'phase-assess-stabilise' (months 1-9) and phase"
                + " 'phase-scale-optimise' (months 12-18) belong to no phase");
  }

  /** A phase of a single month is not written backwards. */
  @Test
  void shouldAcceptAOneMonthPhase() {
    Path roadmap = roadmap();
    Fixtures.replaceOnce(roadmap, "months: [1, 3]", "months: [1, 1]");
    Fixtures.replaceOnce(roadmap, "months: [4, 9]", "months: [2, 9]");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldReportAPhaseRunningPastTheHorizon() {
    Path roadmap = roadmap();
    Fixtures.replaceOnce(roadmap, "months: [10, 18]", "months: [10, 20]");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .atLine(Fixtures.positionOf(roadmap, "months: [10, 20]").line())
        .withMessageContaining("(months 10-20) runs past the 18-month horizon");
  }

  @Test
  void shouldReportMonthsWrittenBackwards() {
    Path roadmap = roadmap();
    Fixtures.replaceOnce(roadmap, "months: [10, 18]", "months: [18, 10]");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .atLine(Fixtures.positionOf(roadmap, "months: [18, 10]").line())
        .withMessageContaining("the first month is after the last");
  }

  @Test
  void shouldReportEveryEarlierPhaseALongPhaseOverlaps() {
    Path roadmap = roadmap();
    Fixtures.replaceOnce(roadmap, "months: [1, 3]", "months: [1, 12]");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(2)
        .withMessageContaining("overlaps phase 'phase-assess-stabilise' (months 1-12)");
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
