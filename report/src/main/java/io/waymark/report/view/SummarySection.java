package io.waymark.report.view;

import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.model.UseCase;
import io.waymark.report.chart.Rag;
import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The executive summary: overall RAG with its reasons, the headline and the key figures. */
final class SummarySection {

  private final Context c;

  private SummarySection(Context c) {
    this.c = c;
  }

  static QuarterlyReview.Summary of(Context c, List<QuarterlyReview.MetricTile> tiles) {
    return new SummarySection(c).summary(tiles);
  }

  private QuarterlyReview.Summary summary(List<QuarterlyReview.MetricTile> tiles) {
    ValidationResult r = c.result();
    List<String> reasons = new ArrayList<>();
    Rag rag = Rag.GREEN;
    long errors = r.count(Severity.ERROR);
    if (errors > 0) {
      rag = Rag.RED;
      reasons.add(
          Wording.count(errors, "open error finding", "open error findings")
              + " in the roadmap files");
    }
    c.roadmap()
        .filter(road -> road.start().isAfter(c.asOf()))
        .ifPresent(
            road ->
                reasons.add(
                    "The roadmap starts on "
                        + Wording.date(road.start())
                        + ", after this review's status date: its phases, milestones and gates"
                        + " are shown as the files declare them"));
    // Counted from the plan, not from recorded-after-as-of's findings: turning the rule off or
    // suppressing it silences the warning, not the fact, and the figures still count the records.
    long later = c.analyses().recordedLater().size();
    if (later > 0) {
      reasons.add(
          Wording.count(later, "record is", "records are")
              + " dated after the status date ("
              + Wording.date(c.asOf())
              + "): the figures below count "
              + (later == 1 ? "it" : "them")
              + " as the files write "
              + (later == 1 ? "it" : "them"));
    }
    List<String> leftOut = c.leftOut();
    if (!leftOut.isEmpty()) {
      // Their findings are errors already (yaml-syntax, schema): the health is red.
      reasons.add("Left out of this review until fixed: " + String.join(", ", leftOut));
    }
    for (Phase p : c.phases()) {
      if (p.gate().status() == Gate.Status.FAILED) {
        rag = Rag.RED;
        reasons.add("The gate of " + p.name() + " failed");
      }
    }
    long overdue = c.milestones().stream().filter(c::overdue).count();
    if (overdue > 0) {
      rag = rag.worse(overdue > 1 ? Rag.RED : Rag.AMBER);
      reasons.add(Wording.count(overdue, "milestone is", "milestones are") + " overdue");
    }
    long atRisk = c.milestones().stream().filter(c.analyses()::atRisk).count();
    if (atRisk > 0) {
      rag = rag.worse(Rag.AMBER);
      reasons.add(Wording.count(atRisk, "milestone is", "milestones are") + " at risk");
    }
    long red = tiles.stream().filter(t -> t.rag() == Rag.RED).count();
    long amber = tiles.stream().filter(t -> t.rag() == Rag.AMBER).count();
    if (red > 0) {
      rag = rag.worse(red > 1 || red * 3 > tiles.size() ? Rag.RED : Rag.AMBER);
      reasons.add(
          Wording.count(red, "dashboard metric is", "dashboard metrics are")
              + " red: "
              + names(tiles, Rag.RED));
    }
    if (amber > 0) {
      rag = rag.worse(Rag.AMBER);
      reasons.add(
          Wording.count(amber, "dashboard metric is", "dashboard metrics are")
              + " behind plan: "
              + names(tiles, Rag.AMBER));
    }
    Optional<Roadmap.Budget> budget = c.roadmap().flatMap(Roadmap::budget);
    BigDecimal allocated = allocated();
    if (budget.isPresent()
        && allocated.add(budget.get().contingency()).compareTo(budget.get().total()) > 0) {
      rag = Rag.RED;
      reasons.add("Initiative budgets and contingency exceed the total budget");
    }
    long warnings = r.count(Severity.WARNING);
    if (warnings > 0) {
      rag = rag.worse(Rag.AMBER);
      reasons.add(Wording.count(warnings, "warning", "warnings") + " from validation");
    }
    if (reasons.isEmpty()) {
      reasons.add("Milestones, gates, budget and dashboard metrics are on plan");
    }
    return new QuarterlyReview.Summary(
        rag,
        reasons,
        headline(tiles),
        figures(),
        (int) errors,
        (int) warnings,
        (int) r.count(Severity.INFO),
        r.suppressed().size());
  }

  private static String names(List<QuarterlyReview.MetricTile> tiles, Rag rag) {
    return String.join(
        ", ", tiles.stream().filter(t -> t.rag() == rag).map(t -> t.name()).toList());
  }

  private BigDecimal allocated() {
    return c.roadmap().map(r -> r.allocatedBy(c.asOf())).orElse(BigDecimal.ZERO);
  }

  private Optional<Phase> currentPhase() {
    List<Phase> phases = c.phases();
    return phases.stream()
        .filter(p -> p.status() == Phase.Status.IN_PROGRESS)
        .findFirst()
        .or(() -> phases.stream().filter(p -> p.status() == Phase.Status.PLANNED).findFirst())
        .or(() -> phases.isEmpty() ? Optional.empty() : Optional.of(phases.get(phases.size() - 1)));
  }

  private String headline(List<QuarterlyReview.MetricTile> tiles) {
    StringBuilder b = new StringBuilder();
    Optional<Phase> phase = currentPhase();
    if (phase.isEmpty()) {
      return c.roadmapNotJudged()
          .map(why -> "The roadmap is not in this review: " + why + ".")
          .orElse("The roadmap has no phases yet.");
    }
    Phase p = phase.get();
    Roadmap r = c.roadmap().get();
    long month = ChronoUnit.MONTHS.between(r.start(), c.asOf()) + 1;
    String where =
        month >= 1 && month <= r.horizonMonths()
            ? " (month " + month + " of " + r.horizonMonths() + ")"
            : "";
    b.append(p.name())
        .append(
            p.status() == Phase.Status.IN_PROGRESS
                ? " is under way"
                : p.status() == Phase.Status.DONE ? " is complete" : " is next")
        .append(where)
        .append(": ");
    long delivered =
        c.milestones().stream()
            .filter(m -> m.completedOn().filter(c::inPeriod).isPresent())
            .count();
    long gates = decidedInQuarter(Gate.Status.PASSED);
    long waived = decidedInQuarter(Gate.Status.WAIVED);
    b.append(Wording.count(delivered, "milestone", "milestones")).append(" delivered this quarter");
    if (gates > 0) {
      b.append(waived > 0 ? ", " : " and ")
          .append(Wording.count(gates, "gate", "gates"))
          .append(" passed");
    }
    if (waived > 0) {
      b.append(" and ").append(Wording.count(waived, "gate", "gates")).append(" waived");
    }
    long troubled = c.milestones().stream().filter(c.analyses()::troubled).count();
    if (troubled > 0) {
      b.append(", ").append(troubled).append(" at risk or overdue");
    }
    b.append('.');
    bestOutcome().ifPresent(s -> b.append(' ').append(s));
    return b.toString();
  }

  /** The lagging dashboard metric that moved furthest towards its target, in words. */
  private Optional<String> bestOutcome() {
    String best = null;
    BigDecimal bestChange = BigDecimal.ZERO;
    for (Metrics.Metric m : MetricTiles.dashboard(c)) {
      Optional<Metrics.DataPoint> latest = m.latestOnOrBefore(c.asOf());
      if (!"lagging".equals(m.kind())
          || latest.isEmpty()
          || m.baseline().isEmpty()
          || m.baseline().get().signum() == 0) {
        continue;
      }
      BigDecimal base = m.baseline().get();
      BigDecimal change =
          latest
              .get()
              .value()
              .subtract(base)
              .multiply(BigDecimal.valueOf(100))
              .divide(base.abs(), MathContext.DECIMAL64);
      BigDecimal good = m.lowerIsBetter() ? change.negate() : change;
      if (good.compareTo(bestChange) > 0) {
        bestChange = good;
        String from = MetricValue.of(base, m.unit(), c.currency());
        String to = MetricValue.of(latest.get().value(), m.unit(), c.currency());
        String target =
            m.target()
                .map(t -> " (target " + MetricValue.of(t.value(), m.unit(), c.currency()) + ")")
                .orElse("");
        best =
            Wording.capitalised(m.name())
                + (m.lowerIsBetter() ? " is down from " : " is up from ")
                + from
                + " to "
                + to
                + " since the baseline"
                + target
                + ".";
      }
    }
    return Optional.ofNullable(best);
  }

  private List<QuarterlyReview.Figure> figures() {
    List<QuarterlyReview.Figure> out = new ArrayList<>();
    currentPhase()
        .ifPresent(
            p ->
                out.add(
                    new QuarterlyReview.Figure(
                        "Current phase",
                        p.name(),
                        "Months "
                            + p.firstMonth()
                            + "–"
                            + p.lastMonth()
                            + c.phaseStart(p).map(s -> ", " + Wording.month(s)).orElse("")
                            + c.phaseEnd(p).map(e -> " to " + Wording.month(e)).orElse("")
                            + ", "
                            + Wording.words(p.status().name()))));
    List<Milestone> all =
        c.milestones().stream().filter(m -> m.status() != Milestone.Status.DROPPED).toList();
    long done = all.stream().filter(m -> m.status() == Milestone.Status.DONE).count();
    long atRisk = all.stream().filter(c.analyses()::atRisk).count();
    long overdue = all.stream().filter(c::overdue).count();
    if (!all.isEmpty()) {
      out.add(
          new QuarterlyReview.Figure(
              "Milestones delivered",
              done + " of " + all.size(),
              atRisk + " at risk, " + overdue + " overdue"));
    }
    if (!c.phases().isEmpty()) {
      // A waived gate let its phase close; it was not passed, and its waiver may have run out.
      long passed =
          c.phases().stream()
              .filter(p -> p.gate().status() == Gate.Status.PASSED && c.unmetAtPass(p).isEmpty())
              .count();
      long claimed = c.phases().stream().filter(p -> !c.unmetAtPass(p).isEmpty()).count();
      List<String> waived = new ArrayList<>();
      for (Phase p : c.phases()) {
        if (p.gate().status() == Gate.Status.WAIVED) {
          waived.add(
              p.name()
                  + p.gate()
                      .waiver()
                      .filter(w -> w.expiredOn(c.asOf()))
                      .flatMap(Gate.Waiver::expires)
                      .map(e -> " (its waiver expired on " + Wording.date(e) + ")")
                      .orElse(""));
        }
      }
      Optional<Phase> next = c.phases().stream().filter(p -> !p.gate().open()).findFirst();
      String nextGate =
          next.map(p -> "Next: " + p.name() + nextGateState(p))
              .orElse(waived.isEmpty() ? "All gates passed" : "No gate pending");
      out.add(
          new QuarterlyReview.Figure(
              "Gates passed",
              passed + " of " + c.phases().size(),
              (claimed == 0
                      ? ""
                      : Wording.count(claimed, "gate", "gates")
                          + " marked passed without its criteria met. ")
                  + (waived.isEmpty() ? "" : "Waived: " + String.join(", ", waived) + ". ")
                  + nextGate));
    }
    c.roadmap()
        .flatMap(Roadmap::budget)
        .ifPresent(
            b ->
                out.add(
                    new QuarterlyReview.Figure(
                        "Programme budget",
                        c.money(b.total()),
                        c.money(allocated())
                            + " in "
                            + Wording.count(
                                c.roadmap().get().initiatives().size(), "initiative", "initiatives")
                            + ", "
                            + c.money(b.contingency())
                            + " contingency")));
    List<UseCase> useCases = c.plan().useCases();
    if (!useCases.isEmpty()) {
      long production =
          useCases.stream()
              .filter(
                  u ->
                      u.status() == UseCase.Status.PRODUCTION
                          && u.since().map(s -> !s.isAfter(c.asOf())).orElse(true))
              .count();
      long pilot = useCases.stream().filter(u -> u.status() == UseCase.Status.PILOT).count();
      out.add(
          new QuarterlyReview.Figure(
              "AI use cases in production", String.valueOf(production), pilot + " in pilot"));
    }
    List<io.waymark.engine.Insights.CaseFigures> approved =
        c.result().insights().businessCases().stream()
            .filter(f -> f.businessCase().approved())
            .toList();
    if (!approved.isEmpty()) {
      BigDecimal npv =
          approved.stream().map(f -> f.computed().npv()).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal invest =
          approved.stream()
              .map(f -> f.computed().c0().abs())
              .reduce(BigDecimal.ZERO, BigDecimal::add);
      out.add(
          new QuarterlyReview.Figure(
              "NPV of approved cases",
              c.money(npv),
              Wording.count(approved.size(), "case", "cases")
                  + ", "
                  + c.money(invest)
                  + " planned investment"));
    }
    return out;
  }

  /** The gates decided in the quarter with {@code status}. */
  private long decidedInQuarter(Gate.Status status) {
    return c.phases().stream()
        .filter(
            x ->
                x.gate().status() == status && x.gate().decidedOn().filter(c::inPeriod).isPresent())
        .filter(x -> c.unmetAtPass(x).isEmpty()) // a pass only claimed is not counted as one
        .count();
  }

  /**
   * ", 3 October 2027" for a gate still ahead; a failed gate or one whose phase has ended is not
   * "next" on a date to come: ", failed (due 3 April 2027)", ", overdue since 3 October 2027".
   */
  private String nextGateState(Phase p) {
    Optional<LocalDate> end = c.phaseEnd(p);
    if (p.gate().status() == Gate.Status.FAILED) {
      return ", failed" + end.map(e -> " (due " + Wording.date(e) + ")").orElse("");
    }
    return end.map(
            e ->
                e.isBefore(c.asOf())
                    ? ", overdue since " + Wording.date(e)
                    : ", " + Wording.date(e))
        .orElse("");
  }
}
