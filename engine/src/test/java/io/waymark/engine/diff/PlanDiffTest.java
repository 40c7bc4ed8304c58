package io.waymark.engine.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanDiffTest {

  @TempDir static Path dir;

  private static PlanDiff diff;

  @BeforeAll
  static void change() {
    Path base = Fixtures.copyExample(dir.resolve("base"));
    Path head = Fixtures.copyExample(dir.resolve("head"));
    Fixtures.replaceOnce(
        base.resolve("roadmap.yaml"), "contingency: 270000", "contingency: 100000");
    Path roadmap = head.resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "due: 2027-06-18", "due: 2027-07-02");
    Fixtures.replaceOnce(roadmap, "total: 1800000", "total: 1900000");
    Fixtures.replaceOnce(roadmap, "budget: 160000", "budget: 180000");
    Fixtures.replaceOnce(
        roadmap,
        "id: gate-build-foundations\n        status: pending\n",
        "id: gate-build-foundations\n        status: passed\n        decidedOn: 2027-05-12\n"
            + "        evidence: [https://wiki.example/gates/phase-2-review]\n");
    Fixtures.replaceOnce(
        head.resolve("business-cases/knowledge-layer.yaml"),
        "    - category: compute\n      annual: 30000\n",
        "    - category: compute\n      annual: 45000\n");
    Fixtures.replaceOnce(
        head.resolve("vendors/data-pipeline-platform.yaml"),
        "economics: {tco: 4, pricePredictability: 4, scalingEconomics: 4}",
        "economics: {tco: 2, pricePredictability: 2, scalingEconomics: 2}");
    ValidationResult before = Fixtures.validate(base);
    ValidationResult after = Fixtures.validate(head);
    diff = PlanDiff.between(before, after);
  }

  @Test
  void shouldListMilestonesMovedWithDays() {
    assertThat(diff.milestonesMoved())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.id()).isEqualTo("ms-priority-etl-wave-1");
              assertThat(m.from()).isEqualTo(LocalDate.of(2027, 6, 18));
              assertThat(m.to()).isEqualTo(LocalDate.of(2027, 7, 2));
              assertThat(m.days()).isEqualTo(14);
            });
    assertThat(diff.milestonesAdded()).isEmpty();
    assertThat(diff.milestonesRemoved()).isEmpty();
  }

  @Test
  void shouldListGateChanges() {
    assertThat(diff.gates())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.gate()).isEqualTo("gate-build-foundations");
              assertThat(g.before().orElseThrow().status()).isEqualTo("pending");
              assertThat(g.after().orElseThrow().status()).isEqualTo("passed");
              assertThat(g.after().orElseThrow().decidedOn()).contains(LocalDate.of(2027, 5, 12));
              assertThat(g.after().orElseThrow().criteria()).isEqualTo(3);
            });
  }

  @Test
  void shouldListBudgetAndInitiativeChanges() {
    PlanDiff.BudgetChange budget = diff.budget().orElseThrow();
    assertThat(budget.totalBefore()).contains(new BigDecimal("1800000"));
    assertThat(budget.totalAfter()).contains(new BigDecimal("1900000"));
    assertThat(budget.contingencyBefore()).contains(new BigDecimal("100000"));
    assertThat(budget.contingencyAfter()).contains(new BigDecimal("270000"));
    assertThat(diff.initiatives())
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.id()).isEqualTo("i-knowledge-layer");
              assertThat(i.before()).contains(new BigDecimal("160000"));
              assertThat(i.after()).contains(new BigDecimal("180000"));
            });
  }

  @Test
  void shouldListCaseFiguresWithTheComputedNpvBeforeAndAfter() {
    assertThat(diff.businessCases())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.id()).isEqualTo("bc-knowledge-layer");
              assertThat(c.statusBefore()).contains("approved");
              assertThat(c.edits()).singleElement();
              assertThat(c.edits().get(0).describe("EUR"))
                  .isEqualTo("compute annual 30,000.00 → 45,000.00 EUR");
              assertThat(c.npvBefore().orElseThrow()).isGreaterThan(c.npvAfter().orElseThrow());
              // Only an annual cost changed: the planned investment (|C0|) is the same.
              assertThat(c.investmentBefore()).isPresent().isEqualTo(c.investmentAfter());
              assertThat(c.investmentAfter().orElseThrow()).isPositive();
            });
  }

  @Test
  void shouldListVendorsWhoseBandChanged() {
    assertThat(diff.vendors())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.vendor()).isEqualTo("v-streamforge");
              assertThat(v.bandBefore()).contains("go");
              assertThat(v.bandAfter()).contains("diligence");
              assertThat(v.decisionAfter()).contains("go");
            });
  }

  @Test
  void shouldListNewAndFixedFindingsByFingerprint() {
    assertThat(diff.newFindings())
        .extracting(Finding::rule)
        .contains("vendor-decision-mismatch", "bc-financials-mismatch")
        .doesNotContain("contingency-range");
    assertThat(diff.fixedFindings()).extracting(Finding::rule).containsExactly("contingency-range");
    assertThat(diff.planUnchanged()).isFalse();
  }

  @Test
  void shouldTellAFindingWhoseMessageChangedFromANewOne(@TempDir Path other) {
    Path base = Fixtures.copyExample(other.resolve("base"));
    Path head = Fixtures.copyExample(other.resolve("head"));
    String compute = "    - category: compute\n      annual: 30000\n";
    Fixtures.replaceOnce(
        base.resolve("business-cases/knowledge-layer.yaml"),
        compute,
        "    - category: compute\n      annual: 45000\n");
    Fixtures.replaceOnce(
        head.resolve("business-cases/knowledge-layer.yaml"),
        compute,
        "    - category: compute\n      annual: 50000\n");

    PlanDiff changed = PlanDiff.between(Fixtures.validate(base), Fixtures.validate(head));

    assertThat(changed.newFindings()).isEmpty();
    assertThat(changed.fixedFindings()).isEmpty();
    assertThat(changed.changedFindings())
        .isNotEmpty()
        .allSatisfy(
            c -> {
              assertThat(c.after().rule()).isEqualTo("bc-financials-mismatch");
              assertThat(c.before().path()).isEqualTo(c.after().path());
              assertThat(c.worse()).isFalse();
            });
  }

  /**
   * A roadmap refresh appends phases: the diff names each phase added (and removed), not only the
   * gates and milestones that come with it, and counts them in its summary.
   */
  @Test
  void shouldListPhasesAddedAndRemoved(@TempDir Path other) {
    Path base = Fixtures.copyExample(other.resolve("base"));
    Path head = Fixtures.copyExample(other.resolve("head"));
    String text = Fixtures.read(base.resolve("roadmap.yaml"));
    int third = text.indexOf("\n    - id: phase-scale-optimise\n");
    Fixtures.write(base, "roadmap.yaml", text.substring(0, third + 1));

    PlanDiff added = PlanDiff.between(Fixtures.validate(base), Fixtures.validate(head));
    PlanDiff removed = PlanDiff.between(Fixtures.validate(head), Fixtures.validate(base));

    assertThat(added.phasesAdded())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.id()).isEqualTo("phase-scale-optimise");
              assertThat(p.name()).isEqualTo("Scale and Optimise");
              assertThat(p.firstMonth()).isEqualTo(10);
              assertThat(p.lastMonth()).isEqualTo(18);
              assertThat(p.status()).isEqualTo("planned");
            });
    assertThat(added.phasesRemoved()).isEmpty();
    assertThat(added.planUnchanged()).isFalse();
    assertThat(removed.phasesRemoved())
        .extracting(PlanDiff.PhaseEntry::id)
        .containsExactly("phase-scale-optimise");
    assertThat(removed.phasesAdded()).isEmpty();
  }

  /**
   * A metric's target is the goalpost the plan is judged by: raising or moving it is a change of
   * the plan, not "The plan is unchanged".
   */
  @Test
  void shouldListMetricTargetsThatChanged(@TempDir Path other) {
    Path base = Fixtures.copyExample(other.resolve("base"));
    Path head = Fixtures.copyExample(other.resolve("head"));
    Path kpis = head.resolve("metrics/executive-dashboard.yaml");
    String text = Fixtures.read(kpis);
    int at = text.indexOf("id: cost-per-inference");
    int target = text.indexOf("target:", at);
    int end = text.indexOf("\n      cadence:", target);
    Fixtures.write(
        head,
        "metrics/executive-dashboard.yaml",
        text.substring(0, target) + "target: {value: 1.5, by: 2029-03-01}" + text.substring(end));

    PlanDiff diff = PlanDiff.between(Fixtures.validate(base), Fixtures.validate(head));

    assertThat(diff.metricTargets())
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.id()).isEqualTo("cost-per-inference");
              assertThat(k.after().orElseThrow().value()).isEqualByComparingTo("1.5");
              assertThat(k.after().orElseThrow().by()).isEqualTo(LocalDate.of(2029, 3, 1));
              assertThat(k.before()).isPresent();
            });
    assertThat(diff.planUnchanged()).isFalse();
  }

  /** A milestone carried by its phase's recorded re-plan is listed with the phase's reason. */
  @Test
  void shouldGiveAMilestoneMovedWithItsPhaseThePhasesReason(@TempDir Path other) {
    Path base = Fixtures.copyExample(other.resolve("base"));
    Path head = Fixtures.copyExample(other.resolve("head"));
    Path roadmap = head.resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "due: 2027-06-18", "due: 2027-07-16");
    Fixtures.replaceOnce(
        roadmap,
        "      months: [4, 9]\n",
        "      months: [4, 10]\n      replanned:\n        - {on: 2027-05-12, reason: Gate slipped"
            + " a month, decision: dec-qbr-2027-q1}\n");

    PlanDiff diff = PlanDiff.between(Fixtures.validate(base), Fixtures.validate(head));

    assertThat(diff.milestonesMoved())
        .singleElement()
        .satisfies(m -> assertThat(m.reason().orElseThrow()).startsWith("Gate slipped a month"));
  }

  @Test
  void shouldFindNothingBetweenARevisionAndItself() {
    ValidationResult same = Fixtures.validate(dir.resolve("base"));

    PlanDiff none = PlanDiff.between(same, same);

    assertThat(none.planUnchanged()).isTrue();
    assertThat(none.newFindings()).isEmpty();
    assertThat(none.changedFindings()).isEmpty();
    assertThat(none.fixedFindings()).isEmpty();
    assertThat(none.budget()).isEqualTo(Optional.empty());
  }
}
