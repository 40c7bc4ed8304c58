package io.waymark.report.view;

import io.waymark.engine.analysis.CaseEdits;
import io.waymark.engine.diff.PlanDiff;
import io.waymark.engine.model.Governance;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Phase;
import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Roadmap adjustments from a {@link PlanDiff} between the roadmap at the end of the previous
 * quarter and now: milestones moved, added, removed or closed, gates decided, budgets, business
 * cases with their planned investment, NPV and edited figures before and after, vendor scores,
 * bands and decisions, and new or fixed findings; each with why (a {@code replanned} entry, the
 * business case's approval, a Governance decision about the case or vendor). Changes of a work tree
 * that are not committed yet come from a second diff (HEAD against the work tree) and are marked
 * "not yet committed".
 */
final class DiffAdjustments {

  /** Edited figures of one business case named one by one; more are counted. */
  static final int MAX_EDITS = 6;

  private final Context c;
  private final String currency;
  private String when;
  private final List<QuarterlyReview.Change> out = new ArrayList<>();

  private DiffAdjustments(Context c, String currency) {
    this.c = c;
    this.currency = currency;
  }

  static QuarterlyReview.Adjustments of(
      PlanDiff diff, Optional<PlanDiff> uncommitted, Quarter quarter, Context c) {
    String since =
        "the end of "
            + quarter.previous().label()
            + " ("
            + Wording.date(quarter.previous().end())
            + ")";
    // A history that starts after the previous quarter ended is compared from its first commit.
    boolean fromStart =
        AdjustmentBase.endOfPreviousQuarter(c.analyses(), quarter).isEmpty()
            && AdjustmentBase.startOfHistory(c.analyses(), quarter).isPresent();
    DiffAdjustments d = new DiffAdjustments(c, diff.currency());
    d.when = fromStart ? "since " + diff.base() : "since " + quarter.previous().label();
    d.map(diff);
    if (uncommitted.isPresent()) {
      d.when = "not yet committed";
      d.map(uncommitted.get());
    }
    String basis =
        (fromStart
                ? "The Git history starts after "
                    + since
                    + ": compared with its first commit, "
                    + diff.base()
                    + "."
                : "Compared with " + diff.base() + ", the roadmap as it stood at " + since + ".")
            + (uncommitted.isPresent()
                ? " The working tree has changes on top of "
                    + uncommitted.get().base()
                    + ": they are listed as not yet committed."
                : "");
    List<String> gaps = new ArrayList<>(notCompared(diff));
    uncommitted.ifPresent(u -> gaps.addAll(notCompared(u)));
    if (!gaps.isEmpty()) {
      basis += " Not compared, so not listed: " + String.join("; ", gaps) + ".";
    }
    String note =
        d.out.isEmpty()
            ? "No changes to milestones, gates, budgets, business cases or vendors"
                + (gaps.isEmpty() ? "" : " in the files compared")
                + " since "
                + (fromStart ? diff.base() : since)
                + "."
            : "";
    return new QuarterlyReview.Adjustments(true, basis, d.out, note);
  }

  /**
   * The files a comparison left out, one phrase each: "roadmap.yaml (it could not be read in commit
   * 4f2470f of 1 April 2027)", "roadmap.yaml (it cannot be read now)".
   */
  private static List<String> notCompared(PlanDiff diff) {
    return diff.notCompared().stream()
        .map(
            n ->
                "base".equals(n.side())
                    ? n.file() + " (it " + n.why() + " in " + diff.base() + ")"
                    : n.file() + " (" + present(n.why()) + " now)")
        .toList();
  }

  /** "could not be read" as of now: "cannot be read"; "failed its schema": "fails its schema". */
  private static String present(String why) {
    return why.replace("could not", "it cannot").replace("failed", "it fails");
  }

  private void map(PlanDiff diff) {
    for (PlanDiff.MilestoneMove m : diff.milestonesMoved()) {
      long days = m.days();
      add(
          "Milestone",
          m.title(),
          m.reason().orElse(""),
          (days > 0 ? "slipped" : "brought forward")
              + " from "
              + Wording.date(m.from())
              + " to "
              + Wording.date(m.to())
              + " ("
              + (days > 0 ? "+" : Wording.MINUS)
              + Wording.count(Math.abs(days), "day", "days")
              + ")");
    }
    for (PlanDiff.MilestoneEntry m : diff.milestonesAdded()) {
      add("Milestone", m.title(), "added, due " + date(m.due()));
    }
    for (PlanDiff.MilestoneEntry m : diff.milestonesRemoved()) {
      add("Milestone", m.title(), "removed (was due " + date(m.due()) + ")");
    }
    for (PlanDiff.StatusChange s : diff.milestoneStatusChanges()) {
      add(
          "Milestone",
          s.title(),
          // A delivery needs no reason; a milestone dropped or put at risk does.
          s.to().equals("done") ? NO_REASON_NEEDED : "",
          "status changed from "
              + Wording.words(s.from())
              + " to "
              + Wording.words(s.to())
              + s.completedOn().map(d -> ", completed " + Wording.date(d)).orElse(""));
    }
    for (PlanDiff.PhaseChange p : diff.phases()) {
      List<String> parts = new ArrayList<>();
      if (p.statusChanged()) {
        parts.add(
            "status changed from "
                + Wording.words(p.statusBefore())
                + " to "
                + Wording.words(p.statusAfter()));
      }
      if (p.monthsChanged()) {
        parts.add(
            "months changed from "
                + p.firstMonthBefore()
                + "–"
                + p.lastMonthBefore()
                + " to "
                + p.firstMonthAfter()
                + "–"
                + p.lastMonthAfter());
      }
      add(
          "Phase",
          p.name(),
          p.reason().orElse(p.monthsChanged() ? "" : NO_REASON_NEEDED),
          String.join("; ", parts));
    }
    for (PlanDiff.PhaseEntry p : diff.phasesAdded()) {
      add(
          "Phase",
          p.name(),
          p.reason().orElse(""),
          "added, months "
              + p.firstMonth()
              + "–"
              + p.lastMonth()
              + " ("
              + Wording.words(p.status())
              + ")");
    }
    for (PlanDiff.PhaseEntry p : diff.phasesRemoved()) {
      add("Phase", p.name(), "removed (was months " + p.firstMonth() + "–" + p.lastMonth() + ")");
    }
    for (PlanDiff.TargetChange k : diff.metricTargets()) {
      add(
          "Metric target",
          k.name(),
          latestDecision(List.of(k.id()), List.of()).orElse(""),
          "changed from " + target(k.before(), k.unit()) + " to " + target(k.after(), k.unit()));
    }
    for (PlanDiff.UseCaseChange u : diff.useCases()) {
      // A step forward needs no reason; a use case retired (or sent back) does: the decision
      // about it, else "not recorded".
      boolean forward =
          u.statusAfter().equals("production")
              || (u.statusAfter().equals("pilot") && u.statusBefore().equals("idea"));
      add(
          "Use case",
          c.plan()
              .useCase(u.id())
              .map(x -> Context.title(x.metadata().title(), x.id()))
              .orElse(u.id()),
          latestDecision(List.of(u.id()), List.of()).orElse(forward ? NO_REASON_NEEDED : ""),
          "status changed from "
              + Wording.words(u.statusBefore())
              + " to "
              + Wording.words(u.statusAfter()));
    }
    for (PlanDiff.GateChange g : diff.gates()) {
      String subject = "Gate of " + phaseName(g.phase());
      if (g.before().isEmpty()) {
        add("Gate", subject, "added");
      } else if (g.after().isEmpty()) {
        add("Gate", subject, "removed");
      } else {
        PlanDiff.GateState b = g.before().get();
        PlanDiff.GateState a = g.after().get();
        List<String> parts = new ArrayList<>();
        if (!b.status().equals(a.status())) {
          parts.add(
              "status changed from "
                  + Wording.words(b.status())
                  + " to "
                  + Wording.words(a.status()));
        }
        if (!b.decidedOn().equals(a.decidedOn())) {
          parts.add("decided on " + a.decidedOn().map(Wording::date).orElse("no date"));
        }
        if (b.criteria() != a.criteria()) {
          parts.add("criteria " + b.criteria() + " to " + a.criteria());
        }
        add(
            "Gate",
            subject,
            b.status().equals(a.status()) ? "" : gateReason(g),
            String.join("; ", parts));
      }
      for (PlanDiff.CriterionChange k : g.criteria()) {
        add("Gate criterion", k.description().strip(), criterion(k, g.phase()));
      }
    }
    diff.budget()
        .ifPresent(
            b -> {
              if (!same(b.totalBefore(), b.totalAfter())) {
                add(
                    "Budget",
                    "Total budget",
                    "changed from " + money(b.totalBefore()) + " to " + money(b.totalAfter()));
              }
              if (!same(b.contingencyBefore(), b.contingencyAfter())) {
                add(
                    "Budget",
                    "Contingency reserve",
                    "changed from "
                        + money(b.contingencyBefore())
                        + " to "
                        + money(b.contingencyAfter()));
              }
            });
    for (PlanDiff.InitiativeBudget i : diff.initiatives()) {
      if (i.stopped().isPresent()) {
        Initiative.Stop stop = i.stopped().get();
        add(
            "Initiative",
            i.title(),
            stop.reason().strip() + stop.decision().map(d -> " (decision " + d + ")").orElse(""),
            (i.before().isEmpty() ? "added, " : "")
                + "stopped on "
                + Wording.date(stop.on())
                + " with "
                + money(Optional.of(i.spent()))
                + " spent of "
                + money(i.after())
                + (i.before().isPresent() && !i.budgetSame()
                    ? " (budget changed from " + money(i.before()) + ")"
                    : ""));
      } else if (i.before().isEmpty()) {
        add("Initiative", i.title(), "added with " + money(i.after()));
      } else if (i.after().isEmpty()) {
        add("Initiative", i.title(), "removed (had " + money(i.before()) + ")");
      } else {
        add(
            "Initiative",
            i.title(),
            "budget changed from " + money(i.before()) + " to " + money(i.after()));
      }
    }
    for (PlanDiff.CaseChange k : diff.businessCases()) {
      List<String> parts = new ArrayList<>();
      if (k.statusBefore().isEmpty()) {
        parts.add("added (" + k.statusAfter().map(Wording::words).orElse("no status") + ")");
      } else if (k.statusAfter().isEmpty()) {
        parts.add("removed (was " + Wording.words(k.statusBefore().get()) + ")");
      } else if (!k.statusBefore().equals(k.statusAfter())) {
        parts.add(
            "status "
                + Wording.words(k.statusBefore().get())
                + " to "
                + Wording.words(k.statusAfter().get()));
      }
      if (!same(k.investmentBefore(), k.investmentAfter())) {
        parts.add(
            "planned investment "
                + money(k.investmentBefore())
                + " to "
                + money(k.investmentAfter()));
      }
      if (!same(k.npvBefore(), k.npvAfter())) {
        parts.add("computed NPV " + money(k.npvBefore()) + " to " + money(k.npvAfter()));
      }
      k.edits().stream().limit(MAX_EDITS).map(this::edit).forEach(parts::add);
      if (k.edits().size() > MAX_EDITS) {
        parts.add(
            Wording.count(
                k.edits().size() - MAX_EDITS, "more figure edited", "more figures edited"));
      }
      add("Business case", k.title(), caseReason(k), String.join("; ", parts));
    }
    for (PlanDiff.VendorChange v : diff.vendors()) {
      List<String> parts = new ArrayList<>();
      if (!same(v.scoreBefore(), v.scoreAfter())) {
        parts.add(
            "score "
                + v.scoreBefore().map(Wording::percent).orElse("none")
                + " to "
                + v.scoreAfter().map(Wording::percent).orElse("none"));
      }
      if (!v.bandBefore().equals(v.bandAfter())) {
        parts.add("band " + v.bandBefore().orElse("none") + " to " + v.bandAfter().orElse("none"));
      }
      if (!v.decisionBefore().equals(v.decisionAfter())) {
        parts.add(
            "decision "
                + v.decisionBefore().orElse("none")
                + " to "
                + v.decisionAfter().orElse("none"));
      }
      add("Vendor", v.name(), vendorReason(v), String.join("; ", parts));
    }
    int added = diff.newFindings().size();
    int fixed = diff.fixedFindings().size();
    if (added > 0 || fixed > 0) {
      add(
          "Validation",
          "Findings",
          NO_REASON_NEEDED,
          Wording.count(added, "new finding", "new findings")
              + ", "
              + Wording.count(fixed, "finding fixed", "findings fixed"));
    }
  }

  /** "costs compute one-off EUR 120,000 to EUR 150,000", "benefits … annual added: EUR 40,000". */
  private String edit(CaseEdits.Edit e) {
    String field =
        switch (e.field()) {
          case "oneOff" -> "one-off";
          case "discountRatePct" -> "discount rate (%)";
          case "horizonYears" -> "horizon (years)";
          case "contingencyPct" -> "contingency (%)";
          case "paybackMonths" -> "payback (months)";
          default -> e.field();
        };
    String subject = e.section().label() + (e.item().isEmpty() ? "" : " " + e.item()) + " " + field;
    if (e.before().isEmpty()) {
      return subject + " added: " + figure(e, e.after().get());
    }
    if (e.after().isEmpty()) {
      return subject + " removed (was " + figure(e, e.before().get()) + ")";
    }
    return subject + " " + figure(e, e.before().get()) + " to " + figure(e, e.after().get());
  }

  private String figure(CaseEdits.Edit e, BigDecimal value) {
    return e.money() ? Wording.money(value, currency) : Wording.number(value, 2);
  }

  /**
   * Why a business case changed: the approval decision it gained, else the newest Governance
   * decision about it taken since the previous quarter ended (up to as-of), else nothing.
   */
  private String caseReason(PlanDiff.CaseChange k) {
    Optional<String> approval =
        c.plan()
            .businessCase(k.id())
            .filter(b -> !k.statusBefore().equals(k.statusAfter()))
            .flatMap(b -> b.approval())
            .map(a -> a.decision());
    return approval
        .flatMap(id -> c.plan().decision(id))
        .map(DiffAdjustments::describe)
        .or(() -> latestDecision(List.of(k.id()), List.of()))
        .orElse("");
  }

  /** Why a vendor's decision changed: the newest Governance decision that selects or names it. */
  private String vendorReason(PlanDiff.VendorChange v) {
    return latestDecision(List.of(v.vendor()), List.of(v.vendor())).orElse("");
  }

  private Optional<String> latestDecision(List<String> relatesTo, List<String> selects) {
    LocalDate from = c.quarter().previous().end();
    return c.plan()
        .decisions()
        .filter(d -> d.date().isAfter(from) && !d.date().isAfter(c.asOf()))
        .filter(
            d ->
                d.relatesTo().stream().anyMatch(relatesTo::contains)
                    || d.selects().stream().anyMatch(selects::contains))
        .max(java.util.Comparator.comparing(Governance.Decision::date))
        .map(DiffAdjustments::describe);
  }

  /** "decision dec-q2-bc: Agentic dispatch case approved (approved, 12 May 2027)". */
  private static String describe(Governance.Decision d) {
    return "decision "
        + d.id()
        + ": "
        + d.title().strip()
        + " ("
        + Wording.words(d.outcome())
        + ", "
        + Wording.date(d.date())
        + ")";
  }

  private static String criterion(PlanDiff.CriterionChange k, String phase) {
    if (k.before().isEmpty()) {
      return "added to the gate of " + phase + " (" + k.after().orElse("") + ")";
    }
    if (k.after().isEmpty()) {
      return "removed from the gate of " + phase + " (was " + k.before().get() + ")";
    }
    return "target changed from " + k.before().get() + " to " + k.after().get();
  }

  /** The "why" of a change that needs no reason (a delivery, a count of findings). */
  static final String NO_REASON_NEEDED = "—";

  /** The phase of the current plan with this id; empty for a phase removed since. */
  private Optional<Phase> phase(String id) {
    return c.phases().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** The phase's name in the current plan, else its id (a phase removed since). */
  private String phaseName(String id) {
    return phase(id).map(Phase::name).orElse(id);
  }

  /**
   * Why a gate's status changed: its evidence, else the newest Governance decision about the gate
   * (a failed gate has no evidence, but the board's decision says why), else nothing.
   */
  private String gateReason(PlanDiff.GateChange g) {
    String evidence = evidence(g.phase());
    return evidence.isEmpty() ? latestDecision(List.of(g.gate()), List.of()).orElse("") : evidence;
  }

  /** Why a gate was decided: the evidence the current plan gives; empty (not recorded) without. */
  private String evidence(String id) {
    return phase(id)
        .map(p -> p.gate().evidence().stream().map(String::strip).toList())
        .filter(e -> !e.isEmpty())
        .map(e -> "evidence: " + String.join("; ", e))
        .orElse("");
  }

  private void add(String area, String subject, String description) {
    add(area, subject, "", description);
  }

  private void add(String area, String subject, String why, String description) {
    if (!description.isEmpty()) {
      out.add(new QuarterlyReview.Change(area, subject, description, why, when));
    }
  }

  private String money(Optional<BigDecimal> amount) {
    return amount.map(a -> Wording.money(a, currency)).orElse("none");
  }

  /** "EUR 2.20 by 1 September 2027", or "none". */
  private String target(Optional<PlanDiff.Target> t, String unit) {
    return t.map(x -> MetricValue.of(x.value(), unit, currency) + " by " + Wording.date(x.by()))
        .orElse("none");
  }

  private static String date(LocalDate d) {
    return d == null ? "no date" : Wording.date(d);
  }

  private static boolean same(Optional<BigDecimal> a, Optional<BigDecimal> b) {
    if (a.isPresent() != b.isPresent()) {
      return false;
    }
    return a.isEmpty() || a.get().compareTo(b.get()) == 0;
  }
}
