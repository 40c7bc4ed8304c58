package io.waymark.report.view;

import io.waymark.engine.analysis.MilestoneSlips;
import io.waymark.engine.diff.ChangeReasons;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.history.Coverage;
import io.waymark.engine.model.Assessment;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Replan;
import io.waymark.report.chart.Rag;
import io.waymark.report.text.Wording;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The quarter's challenges: troubled milestones, red and amber indicators, open errors. */
final class ChallengesSection {

  private final Context c;

  private ChallengesSection(Context c) {
    this.c = c;
  }

  static QuarterlyReview.Challenges of(Context c, List<QuarterlyReview.MetricTile> tiles) {
    return new ChallengesSection(c).challenges(tiles);
  }

  private QuarterlyReview.Challenges challenges(List<QuarterlyReview.MetricTile> tiles) {
    List<QuarterlyReview.TroubledMilestone> milestones = new ArrayList<>();
    for (Milestone m : c.sortedMilestones()) {
      if (m.status() == Milestone.Status.DROPPED) {
        continue;
      }
      // Re-plans counted by the engine's analyses, as the milestone-slipping rule counts them.
      Optional<MilestoneSlips.MilestoneHistory> history = c.analyses().slips(m.id());
      // The 'replanned' entry behind each move, looked up once for the lines and the next step.
      List<Optional<Replan>> entries = history.map(ChangeReasons::entries).orElse(List.of());
      List<String> moves = history.map(h -> movesWithReasons(h, entries)).orElse(List.of());
      long slipped = history.map(h -> h.slips().size()).orElse(0);
      List<String> problems = new ArrayList<>();
      Rag rag = Rag.GREEN;
      if (c.overdue(m)) {
        problems.add("Overdue by " + Wording.count(c.analyses().daysLate(m), "day", "days"));
        rag = Rag.RED;
      } else if (c.analyses().atRisk(m)) {
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
        String next;
        if (c.overdue(m)) {
          next =
              "Deliver it, or re-plan it with the board: a new due date with its reason in"
                  + " 'replanned'";
        } else if (c.analyses().atRisk(m)) {
          next = "Confirm the due date at the next review, or re-plan it with its reason";
        } else if (relevantSlip && !m.closed()) {
          next =
              history.filter(h -> everyMoveExplained(h, entries)).isPresent()
                  ? "Hold the re-planned date; why it moved is recorded"
                  : "Agree a firm date with the board; record why in 'replanned'";
        } else if (lateInQuarter) {
          next = "Review at the next QBR why it was late";
        } else {
          // Delivered by its re-planned date: the slip is the story, not lateness.
          next =
              history.filter(h -> everyMoveExplained(h, entries)).isPresent()
                  ? "None: delivered by its re-planned date, and why it moved is recorded"
                  : "Record why it moved in 'replanned', for the lessons of the next plan";
        }
        milestones.add(
            new QuarterlyReview.TroubledMilestone(
                m.title(),
                c.phaseOf(m),
                Wording.date(m.due()),
                Wording.capitalised(Wording.words(m.status().name())),
                rag,
                String.join("; ", problems),
                moves,
                roadmapOwner(),
                next));
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
                    + (t.targetBy().isEmpty() ? "" : " by " + t.targetBy()),
                metricOwner(t.id()),
                t.commentary().isEmpty()
                    ? "Agree a corrective action and record it as the reading's commentary"
                    : "Follow up the action in the commentary at the next review"));
      }
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
                                        + (d.notes().isBlank() ? "" : ". " + d.notes().strip()),
                                    owner(a.metadata().owner()),
                                    ReadinessScorecard.nextStep(c, name))));
              }
            });
    for (Phase p : c.phases()) {
      List<io.waymark.engine.gate.CriterionResult> unmet = c.unmetAtPass(p);
      if (!unmet.isEmpty()) {
        indicators.add(
            new QuarterlyReview.Indicator(
                "Gate of " + p.name(),
                Rag.RED,
                "Marked passed"
                    + p.gate().decidedOn().map(d -> " on " + Wording.date(d)).orElse("")
                    + ", but not met then: "
                    + String.join(
                        "; ",
                        unmet.stream().map(r -> r.criterion().description().strip()).toList()),
                roadmapOwner(),
                "Record what the board decided: 'failed' with a re-plan, or a waiver of the unmet"
                    + " criteria naming an approved decision"));
      }
      if (p.gate().status() == Gate.Status.FAILED) {
        indicators.add(
            new QuarterlyReview.Indicator(
                "Gate of " + p.name(),
                Rag.RED,
                "Failed" + p.gate().decidedOn().map(d -> " on " + Wording.date(d)).orElse(""),
                roadmapOwner(),
                afterFailure(p)));
      }
    }
    // A waiver past its expiry with the shortfall still there: the gate is open again in fact.
    for (io.waymark.engine.gate.Waivers.Open w :
        io.waymark.engine.gate.Waivers.open(c.plan(), c.asOf())) {
      if (!w.expiredOn(c.asOf())) {
        continue;
      }
      indicators.add(
          new QuarterlyReview.Indicator(
              "Gate of "
                  + w.phase().name()
                  + w.criterion().map(k -> ": " + k.description().strip()).orElse(""),
              Rag.AMBER,
              "Waiver expired on "
                  + Wording.date(w.expires())
                  + " (decision "
                  + w.waiver().decision()
                  + "); still not met: "
                  + String.join(
                      "; ",
                      w.shortfall().stream()
                          .map(r -> r.criterion().description().strip())
                          .toList()),
              roadmapOwner(),
              "Renew the waiver (a new approved decision and expiry date) or close the shortfall"));
    }
    List<QuarterlyReview.FindingView> errors =
        c.result().findings().stream()
            .filter(f -> f.severity() == Severity.ERROR)
            .limit(QuarterlyReview.Challenges.MAX_ERRORS)
            .map(AppendixSection::finding)
            .toList();
    return new QuarterlyReview.Challenges(
        milestones,
        indicators,
        errors,
        (int) c.result().count(Severity.ERROR) - errors.size(),
        (int) c.result().count(Severity.WARNING));
  }

  private String roadmapOwner() {
    return owner(c.roadmap().map(r -> r.metadata().owner()).orElse(""));
  }

  /** The owner of the metrics file that defines the metric. */
  private String metricOwner(String id) {
    return owner(
        c.plan().metricsFiles().stream()
            .filter(f -> f.metrics().stream().anyMatch(m -> m.id().equals(id)))
            .map(f -> f.metadata().owner())
            .findFirst()
            .orElse(""));
  }

  /** An owner as the reports print it: "not named in the files" when the files name nobody. */
  static String owner(String owner) {
    return owner == null || owner.isBlank() ? "not named in the files" : owner.strip();
  }

  /** "1 March 2027 to 15 March 2027 (+14 days), commit a1b2c3d of 10 February 2027". */
  /**
   * The next step after a failed gate: re-plan or waive; once the phase or the gate records a
   * re-plan made on or after the failure, deciding the gate again by the phase's (new) end.
   */
  private String afterFailure(Phase p) {
    Optional<Replan> replan = replanAfterFailure(p);
    if (replan.isEmpty()) {
      return "Re-plan the phase with the board, or waive the gate with a recorded decision";
    }
    return "Re-planned on "
        + Wording.date(replan.get().on())
        + replan.get().decision().map(d -> " (decision " + d + ")").orElse("")
        + ": decide the gate again"
        + c.phaseEnd(p).map(e -> " by " + Wording.date(e)).orElse("");
  }

  /** The latest re-plan of a failed gate's phase or gate made on or after the failure. */
  static Optional<Replan> replanAfterFailure(Phase p) {
    return java.util.stream.Stream.concat(p.replanned().stream(), p.gate().replanned().stream())
        .filter(r -> p.gate().decidedOn().map(d -> !r.on().isBefore(d)).orElse(true))
        .max(java.util.Comparator.comparing(Replan::on));
  }

  /** Each move described, with its reason when the history tells one ("…: vendor late (…)"). */
  private static List<String> movesWithReasons(
      MilestoneSlips.MilestoneHistory history, List<Optional<Replan>> entries) {
    List<Optional<String>> reasons = ChangeReasons.of(history, entries);
    List<String> out = new ArrayList<>();
    for (int k = 0; k < history.moves().size(); k++) {
      out.add(describe(history.moves().get(k)) + reasons.get(k).map(r -> ": " + r).orElse(""));
    }
    return out;
  }

  /** True when each move later has a 'replanned' entry (not just a commit message) behind it. */
  private static boolean everyMoveExplained(
      MilestoneSlips.MilestoneHistory history, List<Optional<Replan>> entries) {
    for (int k = 0; k < history.moves().size(); k++) {
      if (history.moves().get(k).later() && entries.get(k).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  static String describe(MilestoneSlips.Move move) {
    long days = move.days();
    return Wording.date(move.from())
        + " to "
        + Wording.date(move.to())
        + " ("
        + (days > 0 ? "+" : Wording.MINUS)
        + Wording.count(Math.abs(days), "day", "days")
        + ")"
        + move.commit()
            .map(x -> ", commit " + x.shortId() + " of " + Wording.date(x.date()))
            .orElse(", not yet committed");
  }
}
