package io.waymark.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file one side of a comparison could not judge whole is left out of it on both sides and named,
 * rather than read as everything in it removed (or added). Before, a typo that stopped the YAML
 * reader in roadmap.yaml gave "removed" for all 16 milestones, 3 gates and 13 budgets of the
 * example, and a phase whose status failed the schema removed that phase's milestones and gate.
 */
class NotComparedTest {

  @TempDir Path dir;

  private static final String PHASE_1_DONE = "months: [1, 3]\n      status: done";
  private static final String PHASE_1_INVALID = "months: [1, 3]\n      status: finished";

  private Path base;
  private Path head;

  @BeforeEach
  void sides() {
    base = Fixtures.copyExample(dir.resolve("base"));
    head = Fixtures.copyExample(dir.resolve("head"));
  }

  private PlanDiff diff() {
    return PlanDiff.between(Fixtures.validate(base), Fixtures.validate(head));
  }

  /** The example against itself with {@code from} replaced by {@code to} in the head's file. */
  private PlanDiff diff(String file, String from, String to) {
    Fixtures.replaceOnce(head.resolve(file), from, to);
    return diff();
  }

  @Test
  void shouldLeaveOutARoadmapTheHeadCannotRead() {
    PlanDiff diff = diff("roadmap.yaml", "title: AI", "title: [unclosed AI");

    assertThat(diff.notCompared())
        .containsExactly(new PlanDiff.NotCompared("roadmap.yaml", "head", "could not be read"));
    assertThat(diff.milestonesRemoved()).isEmpty();
    assertThat(diff.gates()).isEmpty();
    assertThat(diff.budget()).isEmpty();
    assertThat(diff.initiatives()).isEmpty();
    assertThat(diff.planUnchanged()).isFalse();
  }

  @Test
  void shouldLeaveOutAFileTheBaseCannotRead() {
    Fixtures.replaceOnce(
        base.resolve("business-cases/knowledge-layer.yaml"), "title: ", "title: [unclosed ");

    PlanDiff diff = diff();

    assertThat(diff.notCompared())
        .containsExactly(
            new PlanDiff.NotCompared(
                "business-cases/knowledge-layer.yaml", "base", "could not be read"));
    assertThat(diff.businessCases()).isEmpty();
  }

  @Test
  void shouldLeaveOutADocumentThatLacksItemsOnOneSideOnly() {
    PlanDiff diff = diff("roadmap.yaml", PHASE_1_DONE, PHASE_1_INVALID);

    assertThat(diff.notCompared())
        .containsExactly(
            new PlanDiff.NotCompared("roadmap.yaml", "head", "failed its schema in some items"));
    assertThat(diff.milestonesRemoved()).isEmpty();
    assertThat(diff.gates()).isEmpty();
  }

  @Test
  void shouldCompareADocumentThatLacksTheSameItemsOnBothSides() {
    // The same phase fails its schema on both sides; the head moves a milestone of another phase.
    Fixtures.replaceOnce(base.resolve("roadmap.yaml"), PHASE_1_DONE, PHASE_1_INVALID);
    Fixtures.replaceOnce(head.resolve("roadmap.yaml"), PHASE_1_DONE, PHASE_1_INVALID);

    PlanDiff diff = diff("roadmap.yaml", "due: 2027-06-18", "due: 2027-07-02");

    assertThat(diff.notCompared()).isEmpty();
    assertThat(diff.milestonesMoved())
        .extracting(PlanDiff.MilestoneMove::id)
        .containsExactly("ms-priority-etl-wave-1");
  }

  @Test
  void shouldLeaveOutAMetricsFileThatFailsItsSchema() {
    PlanDiff diff = diff("metrics/executive-dashboard.yaml", "  dashboard:\n", "  dashbord:\n");

    assertThat(diff.notCompared())
        .containsExactly(
            new PlanDiff.NotCompared(
                "metrics/executive-dashboard.yaml", "head", "failed its schema"));
  }
}
