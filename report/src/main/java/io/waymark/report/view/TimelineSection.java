package io.waymark.report.view;

import io.waymark.engine.analysis.Schedule;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.report.chart.Palette;
import io.waymark.report.chart.Rag;
import io.waymark.report.chart.Timeline;
import io.waymark.report.text.Wording;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
                    : Schedule.atRisk(m)
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
}
