package io.waymark.report.view;

import io.waymark.engine.Analyses;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.analysis.MilestoneSlips;
import io.waymark.engine.diff.JudgedPlan;
import io.waymark.engine.gate.GateEvaluation;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.Roadmap;
import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What every section of the review is built from. */
record Context(
    ValidationResult result,
    Plan plan,
    Optional<Roadmap> roadmap,
    LocalDate asOf,
    Quarter quarter,
    String currency,
    Analyses analyses) {

  static Context of(ValidationResult result, Quarter quarter, Analyses analyses) {
    Plan plan = result.plan();
    String currency = plan.config().currency().isBlank() ? "USD" : plan.config().currency();
    return new Context(result, plan, plan.roadmap(), result.asOf(), quarter, currency, analyses);
  }

  /**
   * Why the review has no roadmap though the repository holds one: "roadmap.yaml could not be
   * read", "the roadmap in roadmap.yaml failed its schema", or "the repository has 2 roadmaps (…)
   * and a review covers one"; empty when it has one, or none is there.
   */
  Optional<String> roadmapNotJudged() {
    if (roadmap.isPresent()) {
      return Optional.empty();
    }
    if (plan.roadmaps().size() > 1) {
      return Optional.of(
          "the repository has "
              + plan.roadmaps().size()
              + " roadmaps ("
              + String.join(
                  ", ", plan.roadmaps().stream().map(r -> r.at().file()).distinct().toList())
              + ") and a review covers one");
    }
    return result.notInPlan(Kind.ROADMAP).entrySet().stream()
        .findFirst()
        .map(
            e ->
                e.getValue() == JudgedPlan.Gap.UNREADABLE
                    ? e.getKey() + " could not be read"
                    : "the roadmap in " + e.getKey() + " failed its schema");
  }

  /**
   * The files this review leaves out, whole or in part, each with why: "roadmap.yaml (could not be
   * read)".
   */
  List<String> leftOut() {
    return result.unjudgedFiles().entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue().why() + ")")
        .toList();
  }

  /** The part of the quarter that has happened: its start to the earlier of its end and as-of. */
  LocalDate periodEnd() {
    return asOf.isBefore(quarter.end()) ? asOf : quarter.end();
  }

  boolean inPeriod(LocalDate d) {
    return d != null && !d.isBefore(quarter.start()) && !d.isAfter(periodEnd());
  }

  List<Phase> phases() {
    return roadmap.map(Roadmap::phases).orElse(List.of());
  }

  List<Milestone> milestones() {
    return roadmap.map(Roadmap::milestones).orElse(List.of());
  }

  String phaseOf(Milestone m) {
    return phases().stream()
        .filter(p -> p.milestones().contains(m))
        .map(Phase::name)
        .findFirst()
        .orElse("");
  }

  /** The history the analyses read: metric trends, coverage and limits. */
  PlanHistory history() {
    return analyses.history();
  }

  /**
   * The due date a milestone first had, when Git shows it moved since (the engine's {@link
   * MilestoneSlips}, as the Challenges section and the milestone-slipping rule count them); empty
   * when it never moved or there is no history.
   */
  Optional<LocalDate> firstDue(Milestone m) {
    return analyses
        .slips(m.id())
        .filter(h -> !h.slips().isEmpty() && !h.originalDue().equals(h.currentDue()))
        .map(MilestoneSlips.MilestoneHistory::originalDue);
  }

  /** Overdue as the engine's analyses define it. */
  boolean overdue(Milestone m) {
    return analyses.overdue(m);
  }

  String money(BigDecimal amount) {
    return Wording.money(amount, currency);
  }

  /** The last day of a phase. */
  Optional<LocalDate> phaseEnd(Phase p) {
    return roadmap.map(r -> r.monthEnd(p.lastMonth()));
  }

  Optional<LocalDate> phaseStart(Phase p) {
    return roadmap.map(r -> r.monthStart(p.firstMonth()));
  }

  /** The milestones by due date (undated last), then by id. */
  List<Milestone> sortedMilestones() {
    return milestones().stream()
        .sorted(
            Comparator.comparing(Milestone::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Milestone::id))
        .toList();
  }

  /** The evaluation of a phase's gate, if the engine made one. */
  /**
   * The criteria of a gate marked passed that were neither met nor waived on its decision date
   * (what {@code gate-criteria-unmet} reports): a pass only claimed. Empty for any other gate.
   */
  List<io.waymark.engine.gate.CriterionResult> unmetAtPass(Phase p) {
    if (p.gate().status() != io.waymark.engine.model.Gate.Status.PASSED) {
      return List.of();
    }
    return evaluation(p).map(e -> e.criteria()).orElse(List.of()).stream()
        .filter(
            r ->
                r.state() != io.waymark.engine.gate.CriterionResult.State.MET
                    && r.state() != io.waymark.engine.gate.CriterionResult.State.WAIVED)
        .toList();
  }

  Optional<GateEvaluation> evaluation(Phase p) {
    return result.insights().gates().stream()
        .filter(g -> g.phaseId().equals(p.id()) && g.gateId().equals(p.gate().id()))
        .findFirst();
  }

  /** A document's title, or its id when it has none. */
  static String title(String title, String id) {
    return title == null || title.isBlank() ? id : title.strip();
  }
}
