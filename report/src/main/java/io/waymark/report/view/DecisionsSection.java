package io.waymark.report.view;

import io.waymark.engine.Insights;
import io.waymark.engine.gate.CriterionResult;
import io.waymark.engine.gate.GateEvaluation;
import io.waymark.engine.gate.Waivers;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Config;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Replan;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.vendor.VendorScore;
import io.waymark.report.chart.Rag;
import io.waymark.report.text.Wording;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decisions needed (issue 15), from what the repository already records: business cases proposed
 * and awaiting approval, vendors in due diligence, the next gate's criteria not met today, gates
 * that failed or whose phase ended undecided, suppressions that expire by the end of next quarter
 * (or have expired), and time-boxed gate and criterion waivers that expire by then (or have
 * expired) while the shortfall they accepted is still there ({@link Waivers}). Each with the date
 * it is needed by and its owner, soonest first; a waiver's owner is the roadmap's, who carries the
 * gate (a Governance decision has no owner).
 */
final class DecisionsSection {

  private final Context c;
  private final List<Waivers.Open> waivers;
  private final List<Entry> out = new ArrayList<>();

  private record Entry(QuarterlyReview.Decision decision, LocalDate by) {}

  private DecisionsSection(Context c) {
    this.c = c;
    this.waivers = Waivers.open(c.plan(), c.asOf());
  }

  static QuarterlyReview.Decisions of(Context c, QuarterlyReview.Priorities priorities) {
    DecisionsSection d = new DecisionsSection(c);
    d.businessCases();
    d.vendors();
    d.gates(priorities);
    d.suppressions();
    d.waivers();
    List<QuarterlyReview.Decision> all =
        d.out.stream().sorted(Comparator.comparing(Entry::by)).map(Entry::decision).toList();
    // The sort is stable: decisions due the same day keep the order they were found in (business
    // cases, vendors, the gate, suppressions, waivers), so the cut is deterministic.
    List<QuarterlyReview.Decision> items = Shortlist.head(all, QuarterlyReview.Decisions.MAX_ITEMS);
    QuarterlyReview.More more =
        Shortlist.more(
            all.size(),
            items.size(),
            "decision",
            "decisions",
            "less urgent than those above; the JSON output has every business case, vendor and"
                + " gate they concern"
                + " (businessCases, vendors and gates in "
                + Shortlist.JSON
                + "), and waymark.yaml every suppression");
    String note =
        items.isEmpty()
            ? "No decision is pending: no business case awaits approval, no vendor is in due"
                + " diligence, the next gate's criteria are met and no suppression or waiver"
                + " expires by the end of "
                + c.quarter().next().label()
                + "."
            : "";
    return new QuarterlyReview.Decisions(items, note, more);
  }

  private void businessCases() {
    String board = board();
    for (Insights.CaseFigures f : c.result().insights().businessCases()) {
      BusinessCase bc = f.businessCase();
      if (bc.status() != BusinessCase.Status.PROPOSED) {
        continue;
      }
      String id = bc.metadata().id();
      Optional<Phase> phase = firstPhase(i -> i.businessCase().filter(id::equals).isPresent());
      add(
          "Business case",
          Context.title(bc.metadata().title(), id),
          "Approve or reject"
              + board
              + ": planned investment "
              + c.money(f.computed().c0().abs())
              + ", NPV "
              + c.money(f.computed().npv())
              + phase.map(p -> "; funds initiatives of " + p.name()).orElse("")
              + ".",
          phase.flatMap(c::phaseStart),
          phase.map(p -> "start of " + p.name()),
          bc.metadata().owner());
    }
  }

  private void vendors() {
    for (Insights.VendorRating r : c.result().insights().vendors()) {
      if (!VendorScore.Band.DILIGENCE.id().equals(r.vendor().decision())
          || diligenceDecided(r.vendor().id())) {
        continue;
      }
      Optional<VendorEvaluation> evaluation =
          c.plan().vendorEvaluations().stream()
              .filter(e -> e.metadata().id().equals(r.evaluation()))
              .findFirst();
      String vendorId = r.vendor().id();
      Optional<Phase> phase = firstPhase(i -> i.vendor().filter(vendorId::equals).isPresent());
      add(
          "Vendor",
          r.vendor().name()
              + evaluation
                  .map(e -> " (" + Context.title(e.metadata().title(), e.metadata().id()) + ")")
                  .orElse(""),
          "Close due diligence and decide go or no-go: weighted score "
              + Wording.percent(r.score().weightedPct())
              + evaluation
                  .map(
                      e ->
                          ", go from "
                              + Wording.percent(e.thresholds().go())
                              + (r.vendor().references() < 3
                                  ? ", "
                                      + Wording.count(
                                          r.vendor().references(), "reference", "references")
                                  : "")
                              + (r.vendor().redFlags().isEmpty()
                                  ? ""
                                  : ", red flags: "
                                      + String.join(
                                          ", ",
                                          r.vendor().redFlags().stream()
                                              .map(Wording::words)
                                              .toList())))
                  .orElse("")
              + phase.map(p -> "; named by initiatives of " + p.name()).orElse("")
              + ".",
          phase.flatMap(c::phaseStart),
          phase.map(p -> "start of " + p.name()),
          evaluation.map(e -> e.metadata().owner()).orElse(""));
    }
  }

  /**
   * True when the board has already answered a vendor's due diligence: a decision on or before the
   * as-of date names the vendor (in {@code relatesTo} or {@code selects}) and selects no other
   * vendor (a selection of a competitor is about the competitor).
   */
  private boolean diligenceDecided(String vendorId) {
    return c.plan()
        .decisions()
        .filter(d -> !d.date().isAfter(c.asOf()))
        .anyMatch(
            d ->
                (d.relatesTo().contains(vendorId) || d.selects().contains(vendorId))
                    && d.selects().stream().allMatch(vendorId::equals));
  }

  /**
   * The gates the board must decide on: the next gate while its criteria are not met, and every
   * gate that failed (re-plan, waive or stop) or whose phase has ended without a decision; each
   * gate once, in plan order.
   */
  private void gates(QuarterlyReview.Priorities priorities) {
    Optional<QuarterlyReview.UpcomingGate> next = priorities.gates().stream().findFirst();
    for (Phase p : c.phases()) {
      if (p.gate().id().isEmpty() || p.gate().open()) {
        continue;
      }
      boolean isNext =
          next.filter(g -> g.gate().equals(p.gate().id()) && g.phase().equals(p.name()))
              .isPresent();
      Optional<LocalDate> end = c.phaseEnd(p);
      boolean failed = p.gate().status() == Gate.Status.FAILED;
      boolean overdue = end.filter(e -> e.isBefore(c.asOf())).isPresent();
      if (failed) {
        failedGate(p, end);
      } else if (overdue) {
        overdueGate(p, end.get());
      } else if (isNext) {
        nextGate(p, end);
      }
    }
  }

  /** The next gate, not yet due: a decision only while some of its criteria are not met. */
  private void nextGate(Phase p, Optional<LocalDate> end) {
    List<QuarterlyReview.CriterionView> open = openCriteria(p);
    if (open.isEmpty()) {
      return;
    }
    add(
        "Gate",
        "Gate of " + p.name(),
        shortfall(open)
            + (allUnknown(open)
                ? ". Fix the files named, so that the gate can be judged."
                : ". Fund the work to meet "
                    + (open.size() == 1 ? "it" : "them")
                    + ", re-plan the gate, or waive with a recorded decision."),
        end,
        Optional.empty(),
        roadmapOwner());
  }

  /** A gate whose phase has ended with the gate still pending: overdue since the phase's end. */
  private void overdueGate(Phase p, LocalDate end) {
    List<QuarterlyReview.CriterionView> open = openCriteria(p);
    String ask =
        open.isEmpty()
            ? "The phase ended on "
                + Wording.date(end)
                + " and the gate is not decided, though its criteria are met today. Decide the"
                + " gate and record it as passed."
            : "The phase ended on "
                + Wording.date(end)
                + " and the gate is not decided. "
                + shortfall(open)
                + (allUnknown(open)
                    ? ". Fix the files named, so that the gate can be judged, then decide it."
                    : ". Decide the gate: re-plan the phase, waive the gate with a recorded"
                        + " decision, or stop the phase.");
    add(
        "Gate",
        "Gate of " + p.name(),
        ask,
        Optional.of(end),
        Optional.of("end of " + p.name()),
        roadmapOwner());
  }

  /**
   * A failed gate: re-plan, waive or stop, needed since it failed (or from the phase's end when the
   * file records no date); once re-planned after the failure, deciding it again by the phase's end.
   */
  private void failedGate(Phase p, Optional<LocalDate> end) {
    List<QuarterlyReview.CriterionView> open = openCriteria(p);
    Optional<LocalDate> failedOn = p.gate().decidedOn();
    Optional<Replan> replan = ChallengesSection.replanAfterFailure(p);
    String failure =
        "Failed"
            + failedOn.map(d -> " on " + Wording.date(d)).orElse("")
            + (open.isEmpty() ? "" : "; " + shortfall(open))
            + ". ";
    if (replan.isPresent()) {
      add(
          "Gate",
          "Gate of " + p.name(),
          failure
              + "Re-planned on "
              + Wording.date(replan.get().on())
              + replan.get().decision().map(d -> " (decision " + d + ")").orElse("")
              + ": decide the gate again.",
          end,
          Optional.of("end of " + p.name()),
          roadmapOwner());
      return;
    }
    add(
        "Gate",
        "Gate of " + p.name(),
        failure
            + "Re-plan the phase with the board, waive the gate with a recorded decision, or stop"
            + " the phase.",
        failedOn.isPresent() ? failedOn : end,
        Optional.of(failedOn.isPresent() ? "the gate failed" : "end of " + p.name()),
        roadmapOwner());
  }

  /**
   * A gate's criteria not met or not known today. An expired criterion waiver's shortfall counts as
   * not met again, and the waiver's own row asks for the decision (renew it or close the
   * shortfall): the gate's row leaves it out. (A whole gate's waiver belongs to a waived gate,
   * which is no longer coming up.)
   */
  private List<QuarterlyReview.CriterionView> openCriteria(Phase p) {
    Set<String> expiredWaivers = new HashSet<>();
    for (Waivers.Open w : waivers) {
      if (w.gate().id().equals(p.gate().id())
          && w.phase().name().equals(p.name())
          && w.expiredOn(c.asOf())) {
        w.criterion().ifPresent(k -> expiredWaivers.add(k.id()));
      }
    }
    boolean failed = p.gate().status() == Gate.Status.FAILED;
    List<QuarterlyReview.CriterionView> open = new ArrayList<>();
    for (CriterionResult r : c.evaluation(p).map(GateEvaluation::criteria).orElse(List.of())) {
      QuarterlyReview.CriterionView k = PrioritiesSection.criterionView(c, r, failed);
      if (!k.state().equals("Met")
          && !k.state().equals("Waived")
          && !expiredWaivers.contains(k.id())) {
        open.add(k);
      }
    }
    return open;
  }

  /** "2 criteria are not met today: …", the criteria with target and today's value. */
  private static String shortfall(List<QuarterlyReview.CriterionView> open) {
    List<String> parts = new ArrayList<>();
    for (QuarterlyReview.CriterionView k : open) {
      parts.add(k.description() + " (target " + k.target() + ", today " + k.current() + ")");
    }
    // A criterion whose metric is in a file that cannot be judged is not known, not unmet.
    long unknown = open.stream().filter(k -> k.state().equals(PrioritiesSection.NOT_KNOWN)).count();
    String verdict =
        unknown == 0
            ? " not met today: "
            : unknown == open.size() ? " not known today: " : " not met or not known today: ";
    return Wording.count(open.size(), "criterion is", "criteria are")
        + verdict
        + String.join("; ", parts);
  }

  private static boolean allUnknown(List<QuarterlyReview.CriterionView> open) {
    return open.stream().allMatch(k -> k.state().equals(PrioritiesSection.NOT_KNOWN));
  }

  private String roadmapOwner() {
    return c.roadmap().map(r -> r.metadata().owner()).orElse("");
  }

  private void suppressions() {
    LocalDate horizon = c.quarter().next().end();
    for (Config.Suppression s : c.plan().config().suppressions()) {
      if (s.expires().isEmpty() || s.expires().get().isAfter(horizon)) {
        continue;
      }
      boolean expired = s.expires().get().isBefore(c.asOf());
      add(
          "Suppression",
          "Rule " + s.rule() + " in " + s.file() + s.path().map(p -> " at " + p).orElse(""),
          (expired ? "Expired: its findings count again. " : "")
              + "Fix the findings or renew the suppression with a new date"
              + (s.reason().isBlank() ? "" : " (suppressed because: " + s.reason().strip() + ")")
              + ".",
          s.expires(),
          Optional.empty(),
          s.owner());
    }
  }

  private void waivers() {
    LocalDate horizon = c.quarter().next().end();
    for (Waivers.Open w : waivers) {
      if (w.expires().isAfter(horizon)) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      for (CriterionResult r : w.shortfall()) {
        QuarterlyReview.CriterionView k = PrioritiesSection.criterionView(c, r, false);
        String figures = "target " + k.target() + ", today " + k.current();
        parts.add(w.criterion().isPresent() ? figures : k.description() + " (" + figures + ")");
      }
      String shortfall =
          w.criterion().isPresent()
              ? " (" + String.join("; ", parts) + ")"
              : ": "
                  + (parts.isEmpty()
                      ? "the gate has no criteria"
                      : Wording.count(parts.size(), "criterion is", "criteria are")
                          + " not met today: "
                          + String.join("; ", parts));
      String decision =
          c.plan()
              .decision(w.waiver().decision())
              .map(d -> d.title().isBlank() ? d.id() : d.title().strip())
              .orElse(w.waiver().decision());
      String gate = "gate of " + w.phase().name();
      add(
          "Waiver",
          w.criterion()
              .map(k -> k.description().strip() + " — " + gate)
              .orElse(Wording.capitalised(gate)),
          (w.expiredOn(c.asOf()) ? "Expired: the shortfall it accepted is still there. " : "")
              + "Renew the waiver (a new approved decision and a later expiry date) or close the"
              + " shortfall"
              + shortfall
              + ". Waived by: "
              + decision
              + ".",
          Optional.of(w.expires()),
          Optional.empty(),
          w.roadmap().metadata().owner());
    }
  }

  /** The earliest phase (plan order) with an initiative that matches. */
  private Optional<Phase> firstPhase(Predicate<Initiative> uses) {
    return c.phases().stream().filter(p -> p.initiatives().stream().anyMatch(uses)).findFirst();
  }

  private String board() {
    return c.plan()
        .reviewBoard()
        .map(b -> b.name().isBlank() ? "" : " (" + b.name().strip() + ")")
        .orElse("");
  }

  /**
   * Adds one decision; {@code by} empty means the plan needs it no sooner than the next quarterly
   * review: at the end of the quarter under review, or of the as-of date's quarter when that one
   * has ended.
   */
  private void add(
      String kind,
      String subject,
      String ask,
      Optional<LocalDate> by,
      Optional<String> byWhat,
      String owner) {
    if (by.isEmpty()) {
      // Nothing in the plan needs it sooner: it is for the next quarterly review, the one at the
      // end of the quarter under review, or, for a past quarter reviewed later, the first one
      // still to come on the as-of date (what nothing asked for by then cannot be overdue).
      LocalDate review = c.quarter().end();
      if (review.isBefore(c.asOf())) {
        review = Quarter.containing(c.asOf()).end();
      }
      by = Optional.of(review);
      byWhat = Optional.of("the next quarterly review");
    }
    Rag rag;
    String when;
    if (by.get().isBefore(c.asOf())) {
      rag = Rag.RED;
      when = "overdue since " + Wording.date(by.get()) + byWhat.map(w -> " (" + w + ")").orElse("");
    } else {
      rag = by.get().isAfter(c.quarter().next().end()) ? Rag.GREEN : Rag.AMBER;
      when = Wording.date(by.get()) + byWhat.map(w -> " (" + w + ")").orElse("");
    }
    out.add(
        new Entry(
            new QuarterlyReview.Decision(
                kind,
                subject,
                ask,
                when,
                by.get().toString(),
                owner == null || owner.isBlank() ? "not named in the files" : owner.strip(),
                rag),
            by.get()));
  }
}
