package io.waymark.report.view;

import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.report.chart.Palette;
import io.waymark.report.chart.Rag;
import io.waymark.report.chart.Timeline;
import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The timeline of phases, gates and milestones, drawn and tabulated. */
final class TimelineSection {

  private final Context c;

  private TimelineSection(Context c) {
    this.c = c;
  }

  static QuarterlyReview.TimelineView of(Context c) {
    return new TimelineSection(c).timeline();
  }

  private QuarterlyReview.TimelineView timeline() {
    if (c.roadmap().isEmpty()) {
      return new QuarterlyReview.TimelineView(
          "",
          List.of(),
          List.of(),
          c.roadmapNotJudged()
              .map(why -> "No roadmap to draw: " + why + ".")
              .orElse("No roadmap to draw."));
    }
    Roadmap r = c.roadmap().get();
    LocalDate from = r.start();
    LocalDate to = r.monthEnd(Math.max(1, r.horizonMonths()));
    List<Timeline.Row> rows = new ArrayList<>();
    List<QuarterlyReview.PhaseRow> phases = new ArrayList<>();
    List<QuarterlyReview.MilestoneRow> milestones = new ArrayList<>();
    int numbered = 0;
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
        Timeline.Kind kind = kind(m);
        String number = String.valueOf(++numbered);
        Optional<LocalDate> firstDue = c.firstDue(m);
        LocalDate at = m.completedOn().orElse(m.due());
        String status =
            kind.text() + m.completedOn().map(d -> " " + Wording.shortDate(d)).orElse("");
        markers.add(
            new Timeline.Marker(
                at,
                kind,
                number,
                firstDue,
                m.title()
                    + ": due "
                    + Wording.date(m.due())
                    + firstDue.map(d -> " (first due " + Wording.date(d) + ")").orElse("")
                    + ", "
                    + kind.text().toLowerCase(java.util.Locale.ROOT)
                    + m.completedOn().map(d -> " " + Wording.date(d)).orElse("")));
        milestones.add(
            new QuarterlyReview.MilestoneRow(
                number,
                m.title(),
                p.name(),
                Wording.date(m.due()),
                firstDue.map(Wording::date).orElse(""),
                status,
                rag));
      }
      Gate g = p.gate();
      Timeline.Kind gateKind =
          switch (g.status()) {
            case PASSED -> Timeline.Kind.GATE_PASSED;
            case WAIVED -> Timeline.Kind.GATE_WAIVED;
            case FAILED -> Timeline.Kind.GATE_FAILED;
            case PENDING -> Timeline.Kind.GATE_PENDING;
          };
      // A pass only claimed (criteria not met on the day) is red, and says so below.
      boolean claimedOnly = !c.unmetAtPass(p).isEmpty();
      // The "When" column gives months only ("Apr 2027 to Oct 2027"): a gate still to be decided
      // says its day, since a phase ends on the day before its next month starts (3 October).
      boolean overdue = g.status() == Gate.Status.PENDING && end.isBefore(c.asOf());
      Rag gateRag =
          claimedOnly
              ? Rag.RED
              : switch (g.status()) {
                case PASSED -> Rag.GREEN;
                case WAIVED -> Rag.AMBER;
                case FAILED -> Rag.RED;
                case PENDING -> overdue ? Rag.RED : Rag.NONE;
              };
      markers.add(
          new Timeline.Marker(
              g.decidedOn().orElse(end),
              gateKind,
              "",
              Optional.empty(),
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
              markers,
              initiatives(p)));
      phases.add(
          new QuarterlyReview.PhaseRow(
              p.name(),
              Wording.month(start) + " to " + Wording.month(end),
              Wording.capitalised(Wording.words(p.status().name())),
              g.id(),
              (claimedOnly
                      ? "Marked passed"
                      : Wording.capitalised(Wording.words(g.status().name())))
                  + g.decidedOn()
                      .map(d -> " " + Wording.shortDate(d))
                      .orElse(
                          g.status() != Gate.Status.PENDING
                              ? ""
                              : (overdue ? ", overdue since " : ", due ") + Wording.shortDate(end))
                  + (claimedOnly ? ", criteria not met" : ""),
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
            c.quarter().label());
    return new QuarterlyReview.TimelineView(svg, phases, milestones, "");
  }

  /** The initiatives of a phase with the share of their budget spent by the as-of date. */
  private List<Timeline.Initiative> initiatives(Phase p) {
    List<Timeline.Initiative> out = new ArrayList<>();
    for (Initiative i : p.initiatives()) {
      BigDecimal spent = i.spentBy(c.asOf());
      spent = spent.signum() == 0 ? BigDecimal.ZERO : spent;
      boolean recorded = !i.actuals().isEmpty() && i.budget().signum() > 0;
      Optional<Double> share =
          recorded
              ? Optional.of(spent.divide(i.budget(), MathContext.DECIMAL64).doubleValue())
              : Optional.empty();
      // A stopped initiative says so, in its label and its tooltip.
      String stopped =
          i.stopBy(c.asOf()).map(x -> " (stopped " + Wording.date(x.on()) + ")").orElse("");
      out.add(
          new Timeline.Initiative(
              i.title() + stopped,
              share,
              i.title()
                  + stopped
                  + ": budget "
                  + c.money(i.budget())
                  + (recorded
                      ? ", "
                          + c.money(spent)
                          + " spent by "
                          + Wording.date(c.asOf())
                          + " ("
                          + Math.round(share.get() * 100)
                          + "%)"
                      : ", no spend recorded")));
    }
    return out;
  }

  private Timeline.Kind kind(Milestone m) {
    if (m.status() == Milestone.Status.DONE) {
      return Timeline.Kind.DELIVERED;
    }
    if (m.status() == Milestone.Status.DROPPED) {
      return Timeline.Kind.DROPPED;
    }
    if (c.overdue(m)) {
      return Timeline.Kind.OVERDUE;
    }
    if (c.analyses().atRisk(m)) {
      return Timeline.Kind.AT_RISK;
    }
    return m.status() == Milestone.Status.IN_PROGRESS
        ? Timeline.Kind.IN_PROGRESS
        : Timeline.Kind.PLANNED;
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
}
