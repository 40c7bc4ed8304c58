package io.waymark.report.view;

import io.waymark.engine.ValidationResult;
import io.waymark.engine.diff.PlanDiff;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.gate.CriterionResult;
import io.waymark.engine.gate.GateEvaluation;
import io.waymark.engine.history.Coverage;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.history.Snapshot;
import io.waymark.engine.model.Assessment;
import io.waymark.engine.model.Deviation;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Governance;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.model.UseCase;
import io.waymark.report.chart.Palette;
import io.waymark.report.chart.Rag;
import io.waymark.report.chart.Timeline;
import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@link QuarterlyReview} of a validated plan for one quarter. Pure: the same result,
 * quarter and history always give an equal review.
 */
public final class ReviewBuilder {

  private final Context c;
  private final MilestoneSlips slips;

  private ReviewBuilder(Context c) {
    this.c = c;
    this.slips = MilestoneSlips.of(c.history());
  }

  /**
   * The review of {@code quarter}.
   *
   * @param diff the plan compared with its state at the end of the previous quarter; when empty,
   *     the roadmap adjustments are read from {@code history}
   * @param revision the state of the repository the review reflects, or empty without Git
   */
  public static QuarterlyReview build(
      ValidationResult result,
      Quarter quarter,
      PlanHistory history,
      Optional<PlanDiff> diff,
      String revision) {
    ReviewBuilder b = new ReviewBuilder(Context.of(result, quarter, history));
    List<QuarterlyReview.MetricTile> tiles = MetricTiles.of(b.c);
    return new QuarterlyReview(
        b.header(revision),
        b.summary(tiles),
        b.wins(),
        b.challenges(tiles),
        tiles,
        diff.map(d -> DiffAdjustments.of(d, quarter)).orElseGet(b::adjustmentsFromHistory),
        b.priorities(),
        ReadinessScorecard.of(b.c),
        Portfolio.matrix(b.c),
        Portfolio.budget(b.c),
        Portfolio.vendors(b.c),
        Portfolio.cases(b.c),
        b.timeline(),
        b.appendix());
  }

  private QuarterlyReview.Header header(String revision) {
    String organisation = c.plan().config().organisation();
    String title =
        c.roadmap()
            .map(r -> r.metadata().title())
            .filter(t -> !t.isBlank())
            .orElse("AI infrastructure roadmap");
    Quarter q = c.quarter();
    return new QuarterlyReview.Header(
        organisation.isBlank() ? "Quarterly business review" : organisation,
        title,
        q.id(),
        q.label(),
        Wording.date(q.start()) + " to " + Wording.date(q.end()),
        Wording.date(c.asOf()),
        c.asOf().toString(),
        c.currency(),
        "qbr-" + q.id() + ".html",
        revision);
  }

  // ---------------------------------------------------------------- summary

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
    long atRisk =
        c.milestones().stream().filter(m -> m.status() == Milestone.Status.AT_RISK).count();
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
    return c.roadmap()
        .map(
            r ->
                r.initiatives().stream()
                    .map(i -> i.budget())
                    .reduce(BigDecimal.ZERO, BigDecimal::add))
        .orElse(BigDecimal.ZERO);
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
      return "The roadmap has no phases yet.";
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
    long gates =
        c.phases().stream()
            .filter(x -> x.gate().open() && x.gate().decidedOn().filter(c::inPeriod).isPresent())
            .count();
    b.append(Wording.count(delivered, "milestone", "milestones")).append(" delivered this quarter");
    if (gates > 0) {
      b.append(" and ").append(Wording.count(gates, "gate", "gates")).append(" passed");
    }
    long troubled =
        c.milestones().stream()
            .filter(m -> c.overdue(m) || m.status() == Milestone.Status.AT_RISK)
            .count();
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
    long atRisk = all.stream().filter(m -> m.status() == Milestone.Status.AT_RISK).count();
    long overdue = all.stream().filter(c::overdue).count();
    if (!all.isEmpty()) {
      out.add(
          new QuarterlyReview.Figure(
              "Milestones delivered",
              done + " of " + all.size(),
              atRisk + " at risk, " + overdue + " overdue"));
    }
    if (!c.phases().isEmpty()) {
      long passed = c.phases().stream().filter(p -> p.gate().open()).count();
      Optional<Phase> next = c.phases().stream().filter(p -> !p.gate().open()).findFirst();
      out.add(
          new QuarterlyReview.Figure(
              "Gates passed",
              passed + " of " + c.phases().size(),
              next.map(
                      p ->
                          "Next: "
                              + p.name()
                              + c.phaseEnd(p).map(e -> ", " + Wording.date(e)).orElse(""))
                  .orElse("All gates passed")));
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
                  + " invested"));
    }
    return out;
  }

  // ---------------------------------------------------------------- wins

  private QuarterlyReview.Wins wins() {
    List<QuarterlyReview.DeliveredMilestone> milestones = new ArrayList<>();
    c.milestones().stream()
        .filter(
            m ->
                m.status() == Milestone.Status.DONE
                    && m.completedOn().filter(c::inPeriod).isPresent())
        .sorted(
            Comparator.comparing((Milestone m) -> m.completedOn().get())
                .thenComparing(Milestone::id))
        .forEach(
            m -> {
              long late = ChronoUnit.DAYS.between(m.due(), m.completedOn().get());
              String timeliness =
                  late > 0
                      ? Wording.count(late, "day", "days") + " late"
                      : late < 0 ? Wording.count(-late, "day", "days") + " early" : "on the day";
              milestones.add(
                  new QuarterlyReview.DeliveredMilestone(
                      m.title(),
                      c.phaseOf(m),
                      Wording.date(m.completedOn().get()),
                      timeliness,
                      m.deliverables().stream().map(String::strip).toList()));
            });
    List<QuarterlyReview.PassedGate> gates = new ArrayList<>();
    for (Phase p : c.phases()) {
      Gate g = p.gate();
      if (g.open() && g.decidedOn().filter(c::inPeriod).isPresent()) {
        Optional<GateEvaluation> e = evaluation(p);
        long met =
            e.map(
                    x ->
                        x.criteria().stream()
                            .filter(r -> r.state() == CriterionResult.State.MET)
                            .count())
                .orElse(0L);
        long waived =
            e.map(
                    x ->
                        x.criteria().stream()
                            .filter(r -> r.state() == CriterionResult.State.WAIVED)
                            .count())
                .orElse(0L);
        String criteria =
            met
                + " of "
                + g.criteria().size()
                + " criteria met"
                + (waived > 0 ? ", " + waived + " waived by the board" : "");
        gates.add(
            new QuarterlyReview.PassedGate(
                p.name(),
                g.id(),
                g.status() == Gate.Status.WAIVED ? "Waived" : "Passed",
                Wording.date(g.decidedOn().get()),
                criteria,
                g.evidence().stream().map(Links::of).toList()));
      }
    }
    List<QuarterlyReview.Item> useCases = new ArrayList<>();
    c.plan().useCases().stream()
        .filter(u -> u.status() == UseCase.Status.PRODUCTION || u.status() == UseCase.Status.PILOT)
        .filter(u -> u.since().filter(c::inPeriod).isPresent())
        .sorted(Comparator.comparing((UseCase u) -> u.since().get()).thenComparing(UseCase::id))
        .forEach(
            u ->
                useCases.add(
                    new QuarterlyReview.Item(
                        title(u.metadata().title(), u.id()),
                        (u.status() == UseCase.Status.PRODUCTION
                                ? "In production since "
                                : "Pilot started ")
                            + Wording.date(u.since().get())
                            + ". "
                            + u.businessOutcome().strip())));
    List<QuarterlyReview.Item> decisions = new ArrayList<>();
    c.plan()
        .decisions()
        .filter(d -> c.inPeriod(d.date()))
        .sorted(
            Comparator.comparing(Governance.Decision::date).thenComparing(Governance.Decision::id))
        .forEach(
            d ->
                decisions.add(
                    new QuarterlyReview.Item(
                        d.title().strip(),
                        Wording.capitalised(d.outcome()) + " on " + Wording.date(d.date()))));
    List<QuarterlyReview.Item> moves = new ArrayList<>();
    for (Metrics.Metric m : MetricTiles.dashboard(c)) {
      quarterMove(m)
          .filter(QuarterMove::improved)
          .ifPresent(x -> moves.add(new QuarterlyReview.Item(m.name(), x.describe())));
    }
    return new QuarterlyReview.Wins(milestones, gates, useCases, decisions, moves);
  }

  /** How a metric moved within the quarter: last reading before it against the latest in it. */
  private record QuarterMove(
      BigDecimal from,
      LocalDate fromDate,
      BigDecimal to,
      LocalDate toDate,
      Metrics.Metric metric,
      String currency) {
    boolean improved() {
      int cmp = to.compareTo(from);
      return metric.lowerIsBetter() ? cmp < 0 : cmp > 0;
    }

    boolean worsened() {
      int cmp = to.compareTo(from);
      return metric.lowerIsBetter() ? cmp > 0 : cmp < 0;
    }

    String describe() {
      String text =
          MetricValue.of(from, metric.unit(), currency)
              + " on "
              + Wording.date(fromDate)
              + " to "
              + MetricValue.of(to, metric.unit(), currency)
              + " on "
              + Wording.date(toDate);
      if (MetricValue.isPercent(metric.unit())) {
        text += " (" + Wording.signedPoints(to.subtract(from)) + ")";
      } else if (from.signum() != 0) {
        text +=
            " ("
                + Wording.signedPercent(
                    to.subtract(from)
                        .multiply(BigDecimal.valueOf(100))
                        .divide(from.abs(), MathContext.DECIMAL64))
                + ")";
      }
      return text;
    }
  }

  private Optional<QuarterMove> quarterMove(Metrics.Metric m) {
    Optional<Metrics.DataPoint> before = m.latestOnOrBefore(c.quarter().start().minusDays(1));
    Optional<Metrics.DataPoint> latest = m.latestOnOrBefore(c.periodEnd());
    if (before.isEmpty() || latest.isEmpty() || !c.inPeriod(latest.get().date())) {
      return Optional.empty();
    }
    return Optional.of(
        new QuarterMove(
            before.get().value(),
            before.get().date(),
            latest.get().value(),
            latest.get().date(),
            m,
            c.currency()));
  }

  // ---------------------------------------------------------------- challenges

  private QuarterlyReview.Challenges challenges(List<QuarterlyReview.MetricTile> tiles) {
    List<QuarterlyReview.TroubledMilestone> milestones = new ArrayList<>();
    for (Milestone m : sortedMilestones()) {
      if (m.status() == Milestone.Status.DROPPED) {
        continue;
      }
      List<String> moves = slips.of(m.id()).stream().map(MilestoneSlips.Move::describe).toList();
      long slipped = slips.slips(m.id());
      List<String> problems = new ArrayList<>();
      Rag rag = Rag.GREEN;
      if (c.overdue(m)) {
        problems.add(
            "Overdue by "
                + Wording.count(ChronoUnit.DAYS.between(m.due(), c.asOf()), "day", "days"));
        rag = Rag.RED;
      } else if (m.status() == Milestone.Status.AT_RISK) {
        long left = ChronoUnit.DAYS.between(c.asOf(), m.due());
        problems.add("At risk, due in " + Wording.count(left, "day", "days"));
        rag = Rag.AMBER;
      }
      boolean lateInQuarter =
          m.completedOn().filter(c::inPeriod).filter(d -> d.isAfter(m.due())).isPresent();
      if (lateInQuarter) {
        problems.add(
            "Delivered "
                + Wording.count(
                    ChronoUnit.DAYS.between(m.due(), m.completedOn().get()), "day", "days")
                + " late");
        rag = rag.worse(Rag.AMBER);
      }
      boolean relevantSlip =
          slipped > 0 && (!m.closed() || m.completedOn().filter(c::inPeriod).isPresent());
      if (relevantSlip) {
        // With a history that ends early the count is a lower bound: say so, never less.
        Coverage coverage = c.history().milestone(m.id(), "re-plans of " + m.id());
        problems.add(
            "Due date moved later "
                + (coverage.complete() ? "" : "at least ")
                + Wording.count(slipped, "time", "times")
                + coverage
                    .gap()
                    .map(
                        g -> " (history before " + Wording.date(g.knownSince()) + " not available)")
                    .orElse(""));
        rag = rag.worse(slipped >= 2 ? Rag.RED : Rag.AMBER);
      }
      if (!problems.isEmpty()) {
        milestones.add(
            new QuarterlyReview.TroubledMilestone(
                m.title(),
                c.phaseOf(m),
                Wording.date(m.due()),
                Wording.capitalised(Wording.words(m.status().name())),
                rag,
                String.join("; ", problems),
                moves));
      }
    }
    List<QuarterlyReview.Indicator> indicators = new ArrayList<>();
    for (QuarterlyReview.MetricTile t : tiles) {
      if (t.rag() == Rag.RED || t.rag() == Rag.AMBER) {
        indicators.add(
            new QuarterlyReview.Indicator(
                t.name(),
                t.rag(),
                t.assessment()
                    + "; latest "
                    + t.latest()
                    + ", target "
                    + t.target()
                    + (t.targetBy().isEmpty() ? "" : " by " + t.targetBy())));
      }
    }
    for (Metrics.Metric m : MetricTiles.dashboard(c)) {
      quarterMove(m)
          .filter(QuarterMove::worsened)
          .ifPresent(
              x ->
                  indicators.add(
                      new QuarterlyReview.Indicator(
                          m.name(),
                          Rag.AMBER,
                          "Moved the wrong way this quarter: " + x.describe())));
    }
    c.plan()
        .latestAssessment(c.asOf())
        .ifPresent(
            a -> {
              for (String name : Assessment.DIMENSIONS) {
                a.dimension(name)
                    .filter(d -> d.rating() == Assessment.Rating.RED)
                    .ifPresent(
                        d ->
                            indicators.add(
                                new QuarterlyReview.Indicator(
                                    "Readiness: " + name,
                                    Rag.RED,
                                    "Rated red on "
                                        + Wording.date(a.date())
                                        + (d.notes().isBlank() ? "" : ". " + d.notes().strip()))));
              }
            });
    for (Phase p : c.phases()) {
      if (p.gate().status() == Gate.Status.FAILED) {
        indicators.add(
            new QuarterlyReview.Indicator(
                "Gate of " + p.name(),
                Rag.RED,
                "Failed" + p.gate().decidedOn().map(d -> " on " + Wording.date(d)).orElse("")));
      }
    }
    List<QuarterlyReview.FindingView> errors =
        c.result().findings().stream()
            .filter(f -> f.severity() == Severity.ERROR)
            .limit(QuarterlyReview.Challenges.MAX_ERRORS)
            .map(ReviewBuilder::finding)
            .toList();
    return new QuarterlyReview.Challenges(
        milestones,
        indicators,
        errors,
        (int) c.result().count(Severity.ERROR) - errors.size(),
        (int) c.result().count(Severity.WARNING));
  }

  private List<Milestone> sortedMilestones() {
    return c.milestones().stream()
        .sorted(
            Comparator.comparing(Milestone::due, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Milestone::id))
        .toList();
  }

  static QuarterlyReview.FindingView finding(Finding f) {
    return new QuarterlyReview.FindingView(
        f.severity().id(),
        f.rule(),
        f.file() + ":" + f.line() + ":" + f.column(),
        f.message(),
        f.hint());
  }

  // ---------------------------------------------------------------- adjustments

  private QuarterlyReview.Adjustments adjustmentsFromHistory() {
    PlanHistory h = c.history();
    LocalDate cutOff = c.quarter().previous().end();
    String since =
        "the end of " + c.quarter().previous().label() + " (" + Wording.date(cutOff) + ")";
    if (h.roadmap().isEmpty() || c.roadmap().isEmpty()) {
      String why = h.limitation().map(l -> " (" + l + ")").orElse("");
      return new QuarterlyReview.Adjustments(
          false,
          "",
          List.of(),
          "No Git history available"
              + why
              + ": roadmap adjustments since "
              + since
              + " cannot be shown.");
    }
    List<Snapshot<Roadmap>> snapshots = h.roadmap();
    Optional<String> limited = Optional.empty();
    Optional<Snapshot<Roadmap>> base =
        snapshots.stream().filter(s -> !s.commit().date().isAfter(cutOff)).reduce((a, b) -> b);
    String basis;
    Roadmap previous;
    int from;
    if (base.isPresent()) {
      previous = base.get().model();
      from = snapshots.indexOf(base.get()) + 1;
      basis =
          "Compared with commit "
              + base.get().commit().shortId()
              + " of "
              + Wording.date(base.get().commit().date())
              + ", the last change to the roadmap before "
              + since
              + ".";
    } else if (h.roadmapSince(cutOff, "roadmap changes since " + since).extent()
        == Coverage.Extent.PARTIAL) {
      // The history ends early (shallow clone, missing objects): say what cannot be told.
      Coverage coverage = h.roadmapSince(cutOff, "roadmap changes since " + since);
      previous = snapshots.get(0).model();
      from = 1;
      limited = coverage.statement();
      basis =
          "The roadmap's Git history is incomplete: "
              + coverage.statement().orElseThrow()
              + ". Listed below: the changes since commit "
              + snapshots.get(0).commit().shortId()
              + " of "
              + Wording.date(snapshots.get(0).commit().date())
              + ". "
              + coverage.gap().orElseThrow().remedy();
    } else {
      previous = snapshots.get(0).model();
      from = 1;
      basis =
          "The roadmap's Git history starts after "
              + since
              + ", with commit "
              + snapshots.get(0).commit().shortId()
              + " of "
              + Wording.date(snapshots.get(0).commit().date())
              + "; changes since then.";
    }
    List<QuarterlyReview.Change> changes = new ArrayList<>();
    for (int i = from; i < snapshots.size(); i++) {
      Snapshot<Roadmap> s = snapshots.get(i);
      String when =
          Wording.date(s.commit().date())
              + ", commit "
              + s.commit().shortId()
              + " ("
              + s.commit().subject()
              + ")";
      for (RoadmapComparison.Difference d :
          RoadmapComparison.compare(previous, s.model(), c.currency())) {
        changes.add(new QuarterlyReview.Change(d.area(), d.subject(), d.description(), when));
      }
      previous = s.model();
    }
    for (RoadmapComparison.Difference d :
        RoadmapComparison.compare(previous, c.roadmap().get(), c.currency())) {
      changes.add(
          new QuarterlyReview.Change(d.area(), d.subject(), d.description(), "not yet committed"));
    }
    String note =
        !changes.isEmpty()
            ? ""
            : limited.isPresent()
                ? "The available history shows no changes to phases, gates, milestones,"
                    + " initiatives or budget after commit "
                    + snapshots.get(0).commit().shortId()
                    + "; earlier changes since "
                    + since
                    + " cannot be shown."
                : "No changes to phases, gates, milestones, initiatives or budget since "
                    + since
                    + ".";
    return new QuarterlyReview.Adjustments(true, basis, changes, note);
  }

  // ---------------------------------------------------------------- priorities

  private QuarterlyReview.Priorities priorities() {
    Quarter next = c.quarter().next();
    List<QuarterlyReview.PlannedMilestone> carried = new ArrayList<>();
    List<QuarterlyReview.PlannedMilestone> due = new ArrayList<>();
    for (Milestone m : sortedMilestones()) {
      if (m.closed() || m.due() == null) {
        continue;
      }
      if (!m.due().isAfter(c.quarter().end())) {
        carried.add(planned(m));
      } else if (next.contains(m.due())) {
        due.add(planned(m));
      }
    }
    List<QuarterlyReview.UpcomingGate> gates = new ArrayList<>();
    // The gates due by the end of next quarter; at least the next gate, however far away.
    List<Phase> pending =
        c.phases().stream().filter(p -> !p.gate().open() && !p.gate().id().isEmpty()).toList();
    for (Phase p : pending) {
      Optional<LocalDate> end = c.phaseEnd(p);
      if (end.isEmpty() || (end.get().isAfter(next.end()) && p != pending.get(0))) {
        continue;
      }
      Optional<GateEvaluation> e = evaluation(p);
      List<QuarterlyReview.CriterionView> criteria = new ArrayList<>();
      long met = 0;
      for (CriterionResult r : e.map(GateEvaluation::criteria).orElse(List.of())) {
        if (r.satisfied()) {
          met++;
        }
        criteria.add(criterion(r, p.gate().status() == Gate.Status.FAILED));
      }
      gates.add(
          new QuarterlyReview.UpcomingGate(
              p.name(),
              p.gate().id(),
              Wording.date(end.get()),
              Wording.capitalised(Wording.words(p.gate().status().name())),
              met + " of " + criteria.size() + " criteria met today",
              criteria));
    }
    return new QuarterlyReview.Priorities(next.label(), c.quarter().label(), carried, due, gates);
  }

  private QuarterlyReview.PlannedMilestone planned(Milestone m) {
    Rag rag =
        c.overdue(m) ? Rag.RED : m.status() == Milestone.Status.AT_RISK ? Rag.AMBER : Rag.GREEN;
    String status =
        c.overdue(m) ? "Overdue" : Wording.capitalised(Wording.words(m.status().name()));
    return new QuarterlyReview.PlannedMilestone(
        m.title(),
        c.phaseOf(m),
        Wording.date(m.due()),
        status,
        rag,
        m.deliverables().stream().map(String::strip).toList());
  }

  private Optional<GateEvaluation> evaluation(Phase p) {
    return c.result().insights().gates().stream()
        .filter(g -> g.phaseId().equals(p.id()) && g.gateId().equals(p.gate().id()))
        .findFirst();
  }

  private QuarterlyReview.CriterionView criterion(CriterionResult r, boolean failedGate) {
    Gate.Criterion k = r.criterion();
    Optional<Metrics.Metric> metric = k.metric().flatMap(id -> c.plan().metric(id));
    String unit = metric.map(Metrics.Metric::unit).orElse("");
    String target =
        switch (k.operator()) {
          case "measured" -> "Measured";
          default ->
              operator(k.operator())
                  + " "
                  + k.target().map(t -> MetricValue.of(t, unit, c.currency())).orElse("?");
        };
    String current =
        r.actual()
            .map(
                v ->
                    MetricValue.of(v, unit, c.currency())
                        + r.observedOn().map(d -> " on " + Wording.shortDate(d)).orElse(""))
            .orElse("No data yet");
    Rag rag;
    String state;
    switch (r.state()) {
      case MET -> {
        rag = Rag.GREEN;
        state = "Met";
      }
      case WAIVED -> {
        rag = Rag.AMBER;
        state = "Waived";
      }
      case NOT_MET -> {
        rag = failedGate ? Rag.RED : Rag.AMBER;
        state = "Not met yet";
      }
      case NO_DATA -> {
        rag = Rag.NONE;
        state = "No data yet";
      }
      default -> {
        rag = Rag.RED;
        state = "Cannot be measured";
      }
    }
    return new QuarterlyReview.CriterionView(k.description().strip(), target, current, state, rag);
  }

  private static String operator(String op) {
    return switch (op) {
      case ">=" -> "≥";
      case "<=" -> "≤";
      case "==" -> "=";
      default -> op;
    };
  }

  // ---------------------------------------------------------------- timeline

  private QuarterlyReview.TimelineView timeline() {
    if (c.roadmap().isEmpty()) {
      return new QuarterlyReview.TimelineView("", List.of(), List.of());
    }
    Roadmap r = c.roadmap().get();
    LocalDate from = r.start();
    LocalDate to = r.monthEnd(Math.max(1, r.horizonMonths()));
    List<Timeline.Row> rows = new ArrayList<>();
    List<QuarterlyReview.PhaseRow> phases = new ArrayList<>();
    List<QuarterlyReview.MilestoneRow> milestones = new ArrayList<>();
    for (Phase p : r.phases()) {
      LocalDate start = r.monthStart(Math.max(1, p.firstMonth()));
      LocalDate end = r.monthEnd(Math.max(1, p.lastMonth()));
      if (end.isAfter(to)) {
        to = end;
      }
      String fill =
          switch (p.status()) {
            case DONE -> "#6e9f7f";
            case IN_PROGRESS -> Palette.ACCENT;
            case PLANNED -> "#aab7c4";
          };
      List<Timeline.Marker> markers = new ArrayList<>();
      for (Milestone m : p.milestones()) {
        if (m.due() == null) {
          continue;
        }
        Rag rag = milestoneRag(m);
        boolean hollow =
            m.status() == Milestone.Status.PLANNED && !c.overdue(m)
                || m.status() == Milestone.Status.DROPPED;
        String colour =
            m.status() == Milestone.Status.DONE
                ? Palette.GREEN
                : c.overdue(m)
                    ? Palette.RED
                    : m.status() == Milestone.Status.AT_RISK
                        ? Palette.AMBER
                        : m.status() == Milestone.Status.IN_PROGRESS
                            ? Palette.ACCENT
                            : Palette.GREY;
        LocalDate at = m.completedOn().orElse(m.due());
        markers.add(
            new Timeline.Marker(
                at,
                false,
                colour,
                hollow,
                m.title()
                    + ": due "
                    + Wording.date(m.due())
                    + ", "
                    + Wording.words(m.status().name())));
        milestones.add(
            new QuarterlyReview.MilestoneRow(
                m.title(),
                p.name(),
                Wording.date(m.due()),
                c.overdue(m)
                    ? "Overdue"
                    : Wording.capitalised(Wording.words(m.status().name()))
                        + m.completedOn().map(d -> " " + Wording.shortDate(d)).orElse(""),
                rag));
      }
      Gate g = p.gate();
      String gateColour =
          switch (g.status()) {
            case PASSED -> Palette.GREEN;
            case WAIVED -> Palette.AMBER;
            case FAILED -> Palette.RED;
            case PENDING -> Palette.GREY;
          };
      Rag gateRag =
          switch (g.status()) {
            case PASSED -> Rag.GREEN;
            case WAIVED -> Rag.AMBER;
            case FAILED -> Rag.RED;
            case PENDING -> Rag.NONE;
          };
      markers.add(
          new Timeline.Marker(
              g.decidedOn().orElse(end),
              true,
              gateColour,
              g.status() == Gate.Status.PENDING,
              "Gate "
                  + g.id()
                  + ": "
                  + Wording.words(g.status().name())
                  + g.decidedOn()
                      .map(d -> " on " + Wording.date(d))
                      .orElse(", due " + Wording.date(end))));
      rows.add(
          new Timeline.Row(
              p.name(),
              "Months "
                  + p.firstMonth()
                  + "–"
                  + p.lastMonth()
                  + ", "
                  + Wording.words(p.status().name()),
              start,
              end,
              fill,
              markers));
      phases.add(
          new QuarterlyReview.PhaseRow(
              p.name(),
              Wording.month(start) + " to " + Wording.month(end),
              Wording.capitalised(Wording.words(p.status().name())),
              g.id(),
              Wording.capitalised(Wording.words(g.status().name()))
                  + g.decidedOn().map(d -> " " + Wording.shortDate(d)).orElse(""),
              gateRag));
    }
    String svg =
        Timeline.draw(
            "Timeline of phases, gates and milestones",
            from,
            to,
            rows,
            c.asOf(),
            c.quarter().start(),
            c.quarter().end(),
            c.quarter().label(),
            List.of(
                new Timeline.LegendEntry("Delivered", Palette.GREEN, false, false),
                new Timeline.LegendEntry("In progress", Palette.ACCENT, false, false),
                new Timeline.LegendEntry("At risk", Palette.AMBER, false, false),
                new Timeline.LegendEntry("Overdue", Palette.RED, false, false),
                new Timeline.LegendEntry("Planned", Palette.GREY, false, true),
                new Timeline.LegendEntry("Gate passed", Palette.GREEN, true, false),
                new Timeline.LegendEntry("Gate pending", Palette.GREY, true, true)));
    return new QuarterlyReview.TimelineView(svg, phases, milestones);
  }

  private Rag milestoneRag(Milestone m) {
    if (c.overdue(m)) {
      return Rag.RED;
    }
    return switch (m.status()) {
      case DONE, IN_PROGRESS, PLANNED -> Rag.GREEN;
      case AT_RISK -> Rag.AMBER;
      case DROPPED -> Rag.NONE;
    };
  }

  // ---------------------------------------------------------------- appendix

  private QuarterlyReview.Appendix appendix() {
    int max = QuarterlyReview.Appendix.MAX_ROWS;
    List<QuarterlyReview.FindingView> findings =
        c.result().findings().stream().limit(max).map(ReviewBuilder::finding).toList();
    List<QuarterlyReview.SuppressedView> suppressed =
        c.result().suppressed().stream()
            .limit(max)
            .map(
                s ->
                    new QuarterlyReview.SuppressedView(
                        s.finding().rule(),
                        s.finding().file() + ":" + s.finding().line() + ":" + s.finding().column(),
                        s.finding().message(),
                        s.reason()))
            .toList();
    List<String> notes = new ArrayList<>();
    c.history().limitation().ifPresent(notes::add);
    notes.addAll(c.history().notes());
    List<QuarterlyReview.DeviationView> deviations = new ArrayList<>();
    c.plan().roadmaps().stream()
        .flatMap(r -> r.phases().stream())
        .forEach(
            p ->
                p.gate()
                    .deviation()
                    .ifPresent(
                        d ->
                            deviations.add(
                                deviation("Gate " + p.gate().id() + " (" + p.name() + ")", d))));
    c.plan()
        .vendorEvaluations()
        .forEach(
            e ->
                e.deviation()
                    .ifPresent(
                        d ->
                            deviations.add(
                                deviation(
                                    "Vendor evaluation "
                                        + title(e.metadata().title(), e.metadata().id()),
                                    d))));
    return new QuarterlyReview.Appendix(
        findings,
        c.result().findings().size() - findings.size(),
        suppressed,
        c.result().suppressed().size() - suppressed.size(),
        deviations,
        notes);
  }

  private QuarterlyReview.DeviationView deviation(String subject, Deviation d) {
    String decision =
        d.decision()
            .map(
                id ->
                    c.plan()
                        .decision(id)
                        .map(x -> x.id() + " (" + x.outcome() + ", " + Wording.date(x.date()) + ")")
                        .orElse(id + " (unknown decision)"))
            .orElse("No decision recorded");
    return new QuarterlyReview.DeviationView(subject, d.reason().strip(), decision);
  }

  private static String title(String title, String id) {
    return title == null || title.isBlank() ? id : title.strip();
  }
}
