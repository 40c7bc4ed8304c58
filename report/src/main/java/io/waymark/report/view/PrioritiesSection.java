package io.waymark.report.view;

import io.waymark.engine.diff.JudgedPlan;
import io.waymark.engine.gate.CriterionResult;
import io.waymark.engine.gate.DescribedTarget;
import io.waymark.engine.gate.Facts;
import io.waymark.engine.gate.GateEvaluation;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.report.chart.Rag;
import io.waymark.report.text.Wording;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Next quarter's priorities: milestones carried over and due, and the upcoming gates with their
 * criteria.
 */
final class PrioritiesSection {

  private final Context c;

  private PrioritiesSection(Context c) {
    this.c = c;
  }

  static QuarterlyReview.Priorities of(Context c) {
    return new PrioritiesSection(c).priorities();
  }

  private QuarterlyReview.Priorities priorities() {
    Quarter next = c.quarter().next();
    List<QuarterlyReview.PlannedMilestone> carried = new ArrayList<>();
    List<QuarterlyReview.PlannedMilestone> due = new ArrayList<>();
    for (Milestone m : c.sortedMilestones()) {
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
      Optional<GateEvaluation> e = c.evaluation(p);
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
    String none =
        c.roadmapNotJudged()
            .map(why -> "Not known: " + why + ".")
            .orElse("Nothing is due in " + next.label() + ".");
    return new QuarterlyReview.Priorities(
        next.label(), c.quarter().label(), carried, due, gates, none);
  }

  private QuarterlyReview.PlannedMilestone planned(Milestone m) {
    Rag rag = c.overdue(m) ? Rag.RED : c.analyses().atRisk(m) ? Rag.AMBER : Rag.GREEN;
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

  /** The state of a criterion whose metric is in a file that cannot be judged. */
  static final String NOT_KNOWN = "Not known";

  /** One criterion's verdict as the QBR's gate tables show it (target, today's value, state). */
  static QuarterlyReview.CriterionView criterionView(
      Context c, CriterionResult r, boolean failedGate) {
    return new PrioritiesSection(c).criterion(r, failedGate);
  }

  private QuarterlyReview.CriterionView criterion(CriterionResult r, boolean failedGate) {
    Gate.Criterion k = r.criterion();
    Optional<Metrics.Metric> metric = k.metric().flatMap(id -> c.plan().metric(id));
    // A fact has no metric: its unit is the fact's own ("%" for the percentages).
    String unit =
        metric.map(Metrics.Metric::unit).orElseGet(() -> k.fact().map(Facts::unitOf).orElse(""));
    String target =
        switch (k.operator()) {
          case "measured" -> "Measured";
          default ->
              operator(k.operator())
                  + " "
                  + k.target().map(t -> MetricValue.of(t, unit, c.currency())).orElse("?");
        };
    // A metric without a reading by then is judged on its baseline: say so, it is not a reading.
    String current =
        r.actual()
            .map(
                v ->
                    MetricValue.of(v, unit, c.currency())
                        + r.observedOn()
                            .map(d -> " on " + Wording.shortDate(d))
                            .orElse(" (baseline, no reading yet)"))
            .orElse("No data yet");
    // A metric the plan lacks because its file could not be read or failed its schema has data
    // this review cannot see: "not known", not "no data yet".
    Optional<String> unjudged =
        Facts.metricOf(k)
            .filter(id -> c.plan().metric(id).isEmpty())
            .flatMap(id -> c.result().unjudgedFileOf("metric", id));
    if (unjudged.isPresent()) {
      String file = unjudged.get();
      String why =
          Optional.ofNullable(c.result().unjudgedFiles().get(file))
              .map(JudgedPlan.Gap::why)
              .orElse("failed its schema");
      String description = k.description().strip();
      return new QuarterlyReview.CriterionView(
          k.id(), description, target, "Not known (" + file + " " + why + ")", NOT_KNOWN, Rag.NONE);
    }
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
    // A description that states another number than the target (a re-planned target): the
    // target is the truth, and the reader is told so next to the words.
    String description = k.description().strip();
    if (!DescribedTarget.contradicted(k).isEmpty()) {
      description += " (out of date: the gate is judged on the target, " + target + ")";
    }
    return new QuarterlyReview.CriterionView(k.id(), description, target, current, state, rag);
  }

  private static String operator(String op) {
    return switch (op) {
      case ">=" -> "≥";
      case "<=" -> "≤";
      case "==" -> "=";
      default -> op;
    };
  }
}
