package io.waymark.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.model.Anchor;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Plan;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facts on the example roadmap, computed by hand from its YAML. Use cases by current status and
 * {@code since}: production eta-prediction (2026-10-05), freight-invoice-extraction (2027-03-22),
 * customer-email-triage (2027-04-26); pilot warehouse-demand-forecast (2027-02-15),
 * dynamic-route-replanning (2027-04-12), agentic-dispatch-assistant (2027-05-03); retired
 * legacy-faq-chatbot (2027-02-01); idea cold-chain-anomaly-edge (2027-04-01).
 */
class FactsTest {

  private static final Plan PLAN = ExamplePlan.example();
  private static final Facts FACTS = new Facts(PLAN);
  private static final LocalDate GATE_1 = LocalDate.of(2027, 3, 31);

  @TempDir Path dir;

  @Test
  void shouldCountUseCasesInProductionByTheirSinceDate() {
    assertThat(value(FACTS.productionUseCases(LocalDate.of(2026, 12, 31)))).isEqualTo("1");
    assertThat(value(FACTS.productionUseCases(GATE_1))).isEqualTo("2");
    assertThat(value(FACTS.productionUseCases(Fixtures.AS_OF))).isEqualTo("3");
  }

  /**
   * Retiring a use case does not rewrite the past: freight-invoice-extraction, in production from
   * 2027-03-22 ({@code productionOn}) and retired on 2027-05-10 ({@code since}), still counts on
   * the phase-1 gate's date, as a production use case and as a converted pilot, and no longer
   * today.
   */
  @Test
  void shouldCountARetiredUseCaseInProductionBetweenItsProductionAndItsRetirement() {
    Fixtures.copyExample(dir);
    Fixtures.replaceOnce(
        dir.resolve("use-cases/freight-invoice-extraction.yaml"),
        "  status: production\n  since: 2027-03-22\n",
        "  status: retired\n  since: 2027-05-10\n  productionOn: 2027-03-22\n");
    Facts facts = new Facts(ExamplePlan.load(dir));

    assertThat(value(facts.productionUseCases(LocalDate.of(2027, 3, 21)))).isEqualTo("1");
    assertThat(value(facts.productionUseCases(GATE_1))).isEqualTo("2");
    assertThat(value(facts.productionUseCases(LocalDate.of(2027, 5, 9)))).isEqualTo("3");
    assertThat(value(facts.productionUseCases(Fixtures.AS_OF))).isEqualTo("2");
    assertThat(facts.pilotToProductionPct(GATE_1).value()).contains(new BigDecimal("50.000000"));
  }

  @Test
  void shouldComputePilotToProductionAmongUseCasesThatLeftTheIdeaStage() {
    // 2027-03-31: freight (piloted, production) and warehouse (pilot): 1 of 2. eta (in
    // production since before the programme) and legacy-faq are origin: pre-existing.
    assertThat(FACTS.pilotToProductionPct(GATE_1).value()).contains(new BigDecimal("50.000000"));
    // As of: 2 converted pilots (freight, e-mail triage) of 2 + 3 pilots = 2/5.
    Facts.Reading asOf = FACTS.pilotToProductionPct(Fixtures.AS_OF);
    assertThat(asOf.value()).contains(new BigDecimal("40.000000"));
    assertThat(asOf.detail())
        .isEqualTo(
            "2 of 5 piloted use cases in production: uc-customer-email-triage,"
                + " uc-freight-invoice-extraction; piloted, not in production:"
                + " uc-agentic-dispatch-assistant, uc-dynamic-route-replanning,"
                + " uc-warehouse-demand-forecast; not counted (no pilot recorded: pilotedOn or"
                + " origin): uc-eta-prediction, uc-legacy-faq-chatbot");
  }

  @Test
  void shouldNotCountAProductionUseCaseWithoutARecordedPilotAsAConvertedPilot() {
    Fixtures.copyExample(dir);
    // Without its origin, the model in production since 2026 is simply not counted: it was
    // never shown to have gone through a pilot.
    Fixtures.replaceOnce(
        dir.resolve("use-cases/eta-prediction.yaml"), "  origin: pre-existing\n", "");
    Fixtures.replaceOnce(
        dir.resolve("use-cases/customer-email-triage.yaml"), "  pilotedOn: 2027-02-22\n", "");

    Facts.Reading asOf = new Facts(ExamplePlan.load(dir)).pilotToProductionPct(Fixtures.AS_OF);

    assertThat(asOf.value()).contains(new BigDecimal("25.000000"));
    assertThat(asOf.detail())
        .startsWith("1 of 4 piloted use cases in production: uc-freight-invoice-extraction;")
        .endsWith(
            "not counted (no pilot recorded: pilotedOn or origin): uc-customer-email-triage,"
                + " uc-eta-prediction, uc-legacy-faq-chatbot");
  }

  @Test
  void shouldNotMeasureRealisedRoiUntilRealisedFiguresAreRecorded() {
    assertThat(FACTS.realisedPositiveRoi(Fixtures.AS_OF).value()).isEmpty();
    assertThat(FACTS.realisedPositiveRoi(Fixtures.AS_OF).detail()).startsWith("not measurable");
    // The projected fact, under its new and its former name, counts projections.
    assertThat(value(FACTS.read(Facts.PROJECTED_POSITIVE_ROI, null, Fixtures.AS_OF)))
        .isEqualTo("6");
    assertThat(value(FACTS.read(Facts.APPROVED_POSITIVE_ROI, null, Fixtures.AS_OF))).isEqualTo("6");

    Fixtures.copyExample(dir);
    Path mlops = dir.resolve("business-cases/mlops-skills.yaml");
    Path pipelines = dir.resolve("business-cases/pipeline-automation.yaml");
    appendToSpec(mlops, "  realised: {benefits: 150000, costs: 120000, asOf: 2027-04-30}\n");
    appendToSpec(pipelines, "  realised: {benefits: 50000, costs: 180000, asOf: 2027-04-30}\n");
    Facts facts = new Facts(ExamplePlan.load(dir));

    assertThat(facts.realisedPositiveRoi(LocalDate.of(2027, 4, 29)).value()).isEmpty();
    // Figures recorded as of a later day are named: dating them is the fix.
    assertThat(facts.realisedPositiveRoi(LocalDate.of(2027, 4, 29)).detail())
        .endsWith(
            "on or before 2027-04-29 (bc-mlops-skills's are as of 2027-04-30,"
                + " bc-pipeline-automation's are as of 2027-04-30, after it)");
    Facts.Reading reading = facts.realisedPositiveRoi(Fixtures.AS_OF);
    assertThat(value(reading)).isEqualTo("1");
    assertThat(reading.detail())
        .isEqualTo(
            "1 of 2 approved business cases with realised figures have a positive realised ROI:"
                + " bc-mlops-skills");
  }

  /**
   * A portfolio of many converted pilots: the detail names the first ten of a list and counts the
   * rest, and the reading's figure still counts every one.
   */
  @Test
  void shouldNameTheFirstTenUseCasesOfALongListAndCountTheRest() throws java.io.IOException {
    Fixtures.copyExample(dir);
    String triage =
        java.nio.file.Files.readString(dir.resolve("use-cases/customer-email-triage.yaml"));
    for (int i = 1; i <= 12; i++) {
      java.nio.file.Files.writeString(
          dir.resolve(String.format("use-cases/converted-%02d.yaml", i)),
          triage.replace("uc-customer-email-triage", String.format("uc-converted-%02d", i)));
    }

    Facts.Reading asOf = new Facts(ExamplePlan.load(dir)).pilotToProductionPct(Fixtures.AS_OF);

    // 2 + 12 converted pilots of 5 + 12 piloted use cases.
    assertThat(asOf.value()).contains(new BigDecimal("82.352941"));
    assertThat(asOf.detail())
        .startsWith(
            "14 of 17 piloted use cases in production: uc-converted-01, uc-converted-02,"
                + " uc-converted-03, uc-converted-04, uc-converted-05, uc-converted-06,"
                + " uc-converted-07, uc-converted-08, uc-converted-09, uc-converted-10 and 4"
                + " more; piloted, not in production: uc-agentic-dispatch-assistant,");
    assertThat(Facts.named(List.of("a", "b"))).isEqualTo("a, b");
    assertThat(Facts.named(java.util.Collections.nCopies(Facts.NAMED, "x"))).doesNotContain("more");
    assertThat(Facts.named(java.util.Collections.nCopies(Facts.NAMED + 1, "x")))
        .endsWith("x and 1 more");
  }

  private static void appendToSpec(Path file, String yaml) {
    try {
      java.nio.file.Files.writeString(file, yaml, java.nio.file.StandardOpenOption.APPEND);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void shouldLeavePilotToProductionEmptyWhenNoUseCaseWasPilotedYet() {
    assertThat(FACTS.pilotToProductionPct(LocalDate.of(2026, 1, 1)).value()).isEmpty();
  }

  @Test
  void shouldCountApprovedCasesWithPositiveRoiByApprovalDate() {
    assertThat(value(FACTS.approvedPositiveRoi(LocalDate.of(2027, 1, 11)))).isEqualTo("0");
    // bc-pipeline-automation and bc-retrieval-latency, both approved on 2027-01-12.
    assertThat(value(FACTS.approvedPositiveRoi(LocalDate.of(2027, 1, 12)))).isEqualTo("2");
    // Six approved cases; the proposed and the draft one never count.
    assertThat(value(FACTS.approvedPositiveRoi(Fixtures.AS_OF))).isEqualTo("6");
  }

  @Test
  void shouldNotCountAnApprovedCaseWhoseRoiIsNegative() {
    Fixtures.copyExample(dir);
    // bc-mlops-skills: C0 = -95,000 x 1.10 = -104,500; Ct = 1,000 + 20,000 - 18,000 = 3,000;
    // ROI = (9,000 - 104,500) / 104,500 < 0.
    Fixtures.replaceOnce(
        dir.resolve("business-cases/mlops-skills.yaml"), "annual: 110000", "annual: 1000");

    Facts facts = new Facts(ExamplePlan.load(dir));

    assertThat(value(facts.approvedPositiveRoi(Fixtures.AS_OF))).isEqualTo("5");
  }

  @Test
  void shouldComputeMetricChangeAgainstTheDeclaredBaseline() {
    // cost-per-inference: baseline 4.80; 4.21 on 2027-04-30 → (4.21 - 4.80) / 4.80 = -12.2917 %.
    Facts.Reading reading = FACTS.metricChangePct("cost-per-inference", Fixtures.AS_OF);
    assertThat(reading.value()).contains(new BigDecimal("-12.291667"));
    assertThat(reading.on()).isEqualTo(LocalDate.of(2027, 4, 30));
    // On 2027-03-15 the latest point is 4.80 of 2027-02-28: no change.
    assertThat(FACTS.metricChangePct("cost-per-inference", LocalDate.of(2027, 3, 15)).value())
        .contains(new BigDecimal("0.000000"));
  }

  @Test
  void shouldUseTheFirstDataPointWhenTheMetricHasNoBaseline() {
    Fixtures.copyExample(dir);
    Fixtures.replaceOnce(
        dir.resolve("metrics/executive-dashboard.yaml"), "      baseline: 60\n", "");
    Facts facts = new Facts(ExamplePlan.load(dir));

    // milestone-completion-pct without baseline: first point 100, 75 on 2027-03-31 → -25 %.
    assertThat(facts.metricChangePct("milestone-completion-pct", GATE_1).value())
        .contains(new BigDecimal("-25.000000"));
  }

  @Test
  void shouldLeaveMetricChangeEmptyWithoutDataOrWithAZeroBaseline() {
    // Before the first reading, the baseline is the reading: no change yet.
    Facts.Reading early = FACTS.metricChangePct("cost-per-inference", LocalDate.of(2027, 2, 1));
    assertThat(early.value()).contains(BigDecimal.ZERO);
    assertThat(early.detail()).isEqualTo("cost-per-inference has only its baseline 4.8 yet");
    assertThat(FACTS.metricChangePct("no-such-metric", Fixtures.AS_OF).value()).isEmpty();

    Fixtures.copyExample(dir);
    Fixtures.replaceOnce(
        dir.resolve("metrics/executive-dashboard.yaml"), "baseline: 4.80", "baseline: 0");
    Facts facts = new Facts(ExamplePlan.load(dir));

    assertThat(facts.metricChangePct("cost-per-inference", Fixtures.AS_OF).value()).isEmpty();
  }

  @Test
  void shouldComputeMilestoneCompletionForTheGatesOwnPhase() {
    Phase first = ExamplePlan.phase(PLAN, "phase-assess-stabilise");
    assertThat(FACTS.milestoneCompletionPct(first, GATE_1).value())
        .contains(new BigDecimal("100.000000"));
    // On 2027-03-25, ms-core-pipelines-automated (completed 2027-03-26) is not done yet: 3 of 4.
    assertThat(FACTS.milestoneCompletionPct(first, LocalDate.of(2027, 3, 25)).value())
        .contains(new BigDecimal("75.000000"));
    // Phase 2 as of 2027-05-14: 2 of its 6 milestones done.
    Phase second = ExamplePlan.phase(PLAN, "phase-build-foundations");
    assertThat(FACTS.milestoneCompletionPct(second, Fixtures.AS_OF).value())
        .contains(new BigDecimal("33.333333"));
  }

  @Test
  void shouldLeaveDroppedMilestonesOutAndDateADoneMilestoneWithoutCompletedOnByItsDue() {
    Phase phase =
        phase(
            milestone("ms-a", "2027-02-01", Milestone.Status.DONE, null),
            milestone("ms-b", "2027-03-01", Milestone.Status.DONE, "2027-04-15"),
            milestone("ms-c", "2027-03-01", Milestone.Status.DROPPED, null),
            milestone("ms-d", "2027-03-20", Milestone.Status.AT_RISK, null));

    // Not dropped: a, b, d. Done by 2027-03-31: a (due 02-01); b completed only on 04-15.
    assertThat(FACTS.milestoneCompletionPct(phase, GATE_1).value())
        .contains(new BigDecimal("33.333333"));
    assertThat(FACTS.milestoneCompletionPct(phase(), GATE_1).value()).isEmpty();
  }

  @Test
  void shouldKnowTheFiveFactPatternsAndNothingElse() {
    assertThat(Facts.isKnown("useCases.production")).isTrue();
    assertThat(Facts.isKnown("useCases.pilotToProductionPct")).isTrue();
    assertThat(Facts.isKnown("businessCases.approvedPositiveRoi")).isTrue();
    assertThat(Facts.isKnown("milestones.completionPct")).isTrue();
    assertThat(Facts.isKnown("metrics.cost-per-inference.changePct")).isTrue();
    assertThat(Facts.isKnown("metrics.cost-per-inference.latest")).isFalse();
    assertThat(Facts.isKnown("useCases.pilots")).isFalse();
    assertThat(Facts.isKnown("")).isFalse();
    assertThat(Facts.metricOf("metrics.cost-per-inference.changePct"))
        .contains("cost-per-inference");
  }

  @Test
  void shouldReadAnyFactByName() {
    Phase first = ExamplePlan.phase(PLAN, "phase-assess-stabilise");
    assertThat(value(FACTS.read("useCases.production", first, GATE_1))).isEqualTo("2");
    assertThat(FACTS.read("metrics.cost-per-inference.changePct", first, GATE_1).value())
        .contains(new BigDecimal("-5.833333"));
    assertThat(FACTS.read("useCases.pilots", first, GATE_1).value()).isEmpty();
  }

  private static String value(Facts.Reading reading) {
    return reading.value().map(BigDecimal::toPlainString).orElse("empty");
  }

  private static Milestone milestone(String id, String due, Milestone.Status status, String done) {
    return new Milestone(
        id,
        id,
        LocalDate.parse(due),
        status,
        Optional.ofNullable(done).map(LocalDate::parse),
        List.of(),
        Anchor.ofFile("roadmap.yaml"));
  }

  private static Phase phase(Milestone... milestones) {
    Anchor at = Anchor.ofFile("roadmap.yaml");
    return new Phase(
        "phase-x",
        "X",
        1,
        3,
        Phase.Status.DONE,
        new Gate(
            "gate-x",
            Gate.Status.PENDING,
            Optional.empty(),
            List.of(),
            Optional.empty(),
            List.of(),
            at),
        List.of(milestones),
        List.of(),
        at);
  }
}
