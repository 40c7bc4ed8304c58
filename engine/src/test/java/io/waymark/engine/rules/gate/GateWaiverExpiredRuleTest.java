package io.waymark.engine.rules.gate;

import static io.waymark.engine.FindingsAssert.assertThat;
import static io.waymark.engine.rules.gate.GateEvidenceMissingRuleTest.valueOf;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateWaiverExpiredRuleTest {

  private static final String RULE = "gate-waiver-expired";
  private static final String EXPIRES = "expires: 2027-04-30";
  private static final String METRICS = "metrics/executive-dashboard.yaml";

  @TempDir Path dir;

  /**
   * The example roadmap with its retrieval-latency criterion waiver time-boxed to {@code date} (the
   * example's is 2027-04-30).
   */
  private Path waiverExpiring(String date) {
    Path root = Fixtures.copyExample(dir);
    Fixtures.replaceOnce(root.resolve("roadmap.yaml"), EXPIRES, "expires: " + date);
    return root;
  }

  /** Retrieval p95 still above the 100 ms target in the latest reading before the as-of date. */
  private static void latencyStillHigh(Path root) {
    Fixtures.replaceOnce(
        root.resolve(METRICS), "{date: 2027-04-30, value: 86}", "{date: 2027-04-30, value: 105}");
  }

  @Test
  void shouldReportAnExpiredCriterionWaiverWhoseCriterionIsStillNotMet() {
    Path root = waiverExpiring("2027-04-30");
    latencyStillHigh(root);
    Position expires = valueOf(root.resolve("roadmap.yaml"), "expires: 2027-04-30");

    assertThat(Fixtures.only(RULE).validate(root))
        .containsRule(RULE)
        .withSeverity(Severity.WARNING)
        .inFile("roadmap.yaml")
        .at(expires.line(), expires.column())
        .withMessageContaining(
            "the waiver of criterion gc-p1-retrieval-latency of gate gate-assess-stabilise"
                + " (decision dec-waive-p1-retrieval-latency) expired on 2027-04-30")
        .withMessageContaining(
            "still not met: retrieval-latency-p95-ms 105 is not < 100 on 2027-04-30")
        .hasCount(1);
  }

  @Test
  void shouldNotReportAnExpiredWaiverWhoseShortfallIsClosed() {
    // The example's April reading (86 ms) meets the target the waiver was waiting for.
    assertThat(Fixtures.only(RULE).validate(waiverExpiring("2027-04-30"))).doesNotContainRule(RULE);
  }

  @Test
  void shouldApplyTheWaiverUpToAndIncludingItsExpiryDate() {
    Path root = waiverExpiring("2027-05-14");
    latencyStillHigh(root);

    assertThat(Fixtures.only(RULE).validate(root, LocalDate.of(2027, 5, 14)))
        .doesNotContainRule(RULE);
    assertThat(Fixtures.only(RULE).validate(root, LocalDate.of(2027, 5, 15)))
        .containsRule(RULE)
        .hasCount(1);
  }

  @Test
  void shouldNeverReportAWaiverWithoutExpiry() {
    Path root = Fixtures.copyExample(dir);
    Fixtures.replaceOnce(root.resolve("roadmap.yaml"), "\n              " + EXPIRES, "");
    latencyStillHigh(root);

    assertThat(Fixtures.only(RULE).validate(root, LocalDate.of(2030, 1, 1)))
        .doesNotContainRule(RULE);
  }

  @Test
  void shouldListEveryCriterionAWaivedGateStillMisses() {
    Path root = Fixtures.copyExample(dir);
    Fixtures.replaceOnce(
        root.resolve("roadmap.yaml"),
        "id: gate-build-foundations\n        status: pending",
        "id: gate-build-foundations\n        status: waived\n        decidedOn: 2027-04-30\n"
            + "        waiver: {decision: dec-waive-p1-retrieval-latency, reason: accepted,"
            + " expires: 2027-05-01}");

    assertThat(Fixtures.only(RULE).validate(root))
        .containsRule(RULE)
        .withMessageContaining("the waiver of gate gate-build-foundations")
        .withMessageContaining(
            "2 criteria are still not met: gc-p2-pipeline-sla (data-pipeline-sla-pct 97.8 is not"
                + " > 99 on 2027-04-30); gc-p2-team-trained (")
        .hasCount(1);
  }

  @Test
  void shouldCountTheCriteriaAWaivedGateStillMissesWithTheirOwnExpiredWaivers() {
    Path root = waiverExpiring("2027-04-30");
    latencyStillHigh(root);
    Fixtures.replaceOnce(root.resolve("roadmap.yaml"), "status: passed", "status: waived");
    Fixtures.replaceOnce(
        root.resolve("roadmap.yaml"),
        "id: gate-assess-stabilise\n",
        "id: gate-assess-stabilise\n        waiver: {decision: dec-waive-p1-retrieval-latency,"
            + " reason: accepted, expires: 2027-05-01}\n");

    assertThat(Fixtures.only(RULE).validate(root))
        .containsRule(RULE)
        .withMessageContaining(
            "the waiver of gate gate-assess-stabilise (decision dec-waive-p1-retrieval-latency)"
                + " expired on 2027-05-01 and 1 criterion is still not met: gc-p1-retrieval-latency"
                + " (retrieval-latency-p95-ms 105 is not < 100 on 2027-04-30; the waiver by"
                + " decision dec-waive-p1-retrieval-latency expired on 2027-04-30)")
        .hasCount(1);
    assertThat(Fixtures.only(RULE).validate(root)).containsRule(RULE).hasCount(2);
  }

  @Test
  void shouldNotReopenAGateDecidedWhileItsCriterionWaiverApplied() {
    Path root = waiverExpiring("2027-04-30");
    latencyStillHigh(root);

    // The gate passed on 2027-03-31 with the waiver in force: the decision stands.
    assertThat(Fixtures.only("gate-criteria-unmet").validate(root))
        .doesNotContainRule("gate-criteria-unmet");
  }

  @Test
  void shouldNotLetAWaiverExpiredBeforeTheGateDecisionCarryIt() {
    Path root = waiverExpiring("2027-03-30");

    assertThat(Fixtures.only("gate-criteria-unmet").validate(root))
        .containsRule("gate-criteria-unmet")
        .withMessageContaining(
            "the waiver by decision dec-waive-p1-retrieval-latency expired on" + " 2027-03-30")
        .hasCount(1);
  }
}
