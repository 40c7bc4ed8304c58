package io.waymark.engine.rules.gate;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhaseStartedBeforeGateRuleTest {

  private static final String RULE = "phase-started-before-gate";

  @TempDir Path dir;

  @Test
  void shouldReportAPhaseInProgressWhileThePreviousGateIsPending() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "status: passed", "status: pending");
    Position status = Fixtures.positionOf(roadmap, "status: in-progress\n      gate:");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withSeverity(Severity.ERROR)
        .inFile("roadmap.yaml")
        .at(status.line(), status.column() + "status: ".length())
        .withMessageContaining("phase phase-build-foundations is in-progress")
        .withMessageContaining("phase-assess-stabilise (gate-assess-stabilise) is pending")
        .hasCount(1);
  }

  @Test
  void shouldOrderPhasesByMonthsNotByPosition() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    // Phase 3 written first in the file would still follow phase 2 by its months.
    String text = Fixtures.read(roadmap);
    int p1 = text.indexOf("    - id: phase-assess-stabilise");
    int p3 =
        text.indexOf(
            "    # ------------------------------------------------------------------------------\n    # Phase 3");
    String reordered = text.substring(0, p1) + text.substring(p3) + text.substring(p1, p3);
    Fixtures.write(
        dir,
        "roadmap.yaml",
        reordered.replace("      status: planned\n", "      status: in-progress\n"));
    Position status =
        Fixtures.positionOf(roadmap, "status: in-progress\n      gate:\n        id: gate-scale");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .at(status.line(), status.column() + "status: ".length())
        .withMessageContaining("phase phase-scale-optimise is in-progress")
        .withMessageContaining("phase-build-foundations (gate-build-foundations) is pending")
        .hasCount(1);
  }

  @Test
  void shouldAcceptAPhaseStartedAfterThePreviousGatePassedOrWasWaived() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);

    Fixtures.replaceOnce(
        roadmap,
        "        status: passed\n",
        "        status: waived\n        waiver:\n          decision: dec-gate-assess-stabilise\n"
            + "          reason: Board accepted the phase-1 results.\n");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }
}
