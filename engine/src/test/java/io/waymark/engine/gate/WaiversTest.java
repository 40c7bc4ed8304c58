package io.waymark.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.gate.CriterionResult.State;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaiversTest {

  private static final LocalDate AS_OF = Fixtures.AS_OF;
  private static final String EXPIRES = "expires: 2027-04-30";

  @TempDir Path dir;

  /** The example with retrieval p95 still at 105 ms on 30 April, when its waiver ran out. */
  private Path latencyStillHigh() {
    Path root = Fixtures.copyExample(dir);
    Fixtures.replaceOnce(
        root.resolve("metrics/executive-dashboard.yaml"),
        "{date: 2027-04-30, value: 86}",
        "{date: 2027-04-30, value: 105}");
    return root;
  }

  /** Waives Build Foundations' gate until {@code expires}. */
  private static void waiveSecondGate(Path root, String status, String expires) {
    Fixtures.replaceOnce(
        root.resolve("roadmap.yaml"),
        "id: gate-build-foundations\n        status: pending",
        "id: gate-build-foundations\n        status: "
            + status
            + "\n        decidedOn: 2027-04-30\n"
            + "        waiver: {decision: dec-waive-p1-retrieval-latency, reason: accepted,"
            + " expires: "
            + expires
            + "}");
  }

  @Test
  void shouldFindAnExpiredCriterionWaiverWhoseCriterionIsStillNotMet() {
    List<Waivers.Open> open = Waivers.open(ExamplePlan.load(latencyStillHigh()), AS_OF);

    assertThat(open).hasSize(1);
    Waivers.Open w = open.get(0);
    assertThat(w.subject())
        .isEqualTo("criterion gc-p1-retrieval-latency of gate gate-assess-stabilise");
    assertThat(w.gate().id()).isEqualTo("gate-assess-stabilise");
    assertThat(w.roadmap().metadata().owner()).isEqualTo("cto-office");
    assertThat(w.waiver().decision()).isEqualTo("dec-waive-p1-retrieval-latency");
    assertThat(w.expires()).isEqualTo(LocalDate.of(2027, 4, 30));
    assertThat(w.expiredOn(LocalDate.of(2027, 4, 30))).isFalse();
    assertThat(w.expiredOn(LocalDate.of(2027, 5, 1))).isTrue();
    // Judged by the latest reading on or before the date, whatever the waiver says.
    assertThat(w.shortfall())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.state()).isEqualTo(State.NOT_MET);
              assertThat(r.explanation())
                  .isEqualTo("retrieval-latency-p95-ms 105 is not < 100 on 2027-04-30");
            });
  }

  @Test
  void shouldLeaveOutWaiversWhoseShortfallIsClosedOrThatHaveNoExpiry() {
    // The example: the waiver ran out on 30 April, but 86 ms met the target that day.
    assertThat(Waivers.open(ExamplePlan.example(), AS_OF)).isEmpty();

    Path root = latencyStillHigh();
    Fixtures.replaceOnce(root.resolve("roadmap.yaml"), "\n              " + EXPIRES, "");
    assertThat(Waivers.open(ExamplePlan.load(root), AS_OF)).isEmpty();
  }

  @Test
  void shouldFindAWaivedGateWithTheCriteriaItStillMissesBeforeAndAfterItExpires() {
    Path root = Fixtures.copyExample(dir);
    waiveSecondGate(root, "waived", "2027-08-31");

    List<Waivers.Open> open = Waivers.open(ExamplePlan.load(root), AS_OF);

    assertThat(open).hasSize(1);
    Waivers.Open w = open.get(0);
    assertThat(w.criterion()).isEmpty();
    assertThat(w.subject()).isEqualTo("gate gate-build-foundations");
    assertThat(w.expiredOn(AS_OF)).isFalse();
    assertThat(w.shortfall())
        .extracting(CriterionResult::id)
        .containsExactly("gc-p2-pipeline-sla", "gc-p2-team-trained");
  }

  @Test
  void shouldCountAGateWaiverOnlyForAWaivedGate() {
    Path root = Fixtures.copyExample(dir);
    waiveSecondGate(root, "pending", "2027-05-01");

    assertThat(Waivers.open(ExamplePlan.load(root), AS_OF)).isEmpty();
  }

  @Test
  void shouldIgnoreTheWaiversOfAFailedGate() {
    Path root = latencyStillHigh();
    Fixtures.replaceOnce(root.resolve("roadmap.yaml"), "status: passed", "status: failed");

    assertThat(Waivers.open(ExamplePlan.load(root), AS_OF)).isEmpty();
  }

  @Test
  void shouldCountACriterionCoveredByAWaiverThatStillAppliesAsSatisfiedForTheGate() {
    Path root = latencyStillHigh();
    Fixtures.replaceOnce(root.resolve("roadmap.yaml"), EXPIRES, "expires: 2027-12-31");
    Fixtures.replaceOnce(root.resolve("roadmap.yaml"), "status: passed", "status: waived");
    Fixtures.replaceOnce(
        root.resolve("roadmap.yaml"),
        "id: gate-assess-stabilise\n",
        "id: gate-assess-stabilise\n        waiver: {decision: dec-waive-p1-retrieval-latency,"
            + " reason: accepted, expires: 2027-04-01}\n");

    // The gate's own waiver ran out, but its one short criterion is waived until December: the
    // gate misses nothing; the criterion's waiver is still open (its shortfall is there).
    assertThat(Waivers.open(ExamplePlan.load(root), AS_OF))
        .extracting(Waivers.Open::subject)
        .containsExactly("criterion gc-p1-retrieval-latency of gate gate-assess-stabilise");
  }
}
