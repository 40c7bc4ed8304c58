package io.waymark.report.view;

import io.waymark.engine.diff.PlanDiff;
import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Roadmap adjustments from a {@link PlanDiff} between the roadmap at the end of the previous
 * quarter and now: milestones moved, added, removed or closed, gates decided, budgets, business
 * cases with their NPV before and after, vendor bands, and new or fixed findings.
 */
final class DiffAdjustments {

  private final String currency;
  private final String when;
  private final List<QuarterlyReview.Change> out = new ArrayList<>();

  private DiffAdjustments(String currency, String when) {
    this.currency = currency;
    this.when = when;
  }

  static QuarterlyReview.Adjustments of(PlanDiff diff, Quarter quarter) {
    String since =
        "the end of "
            + quarter.previous().label()
            + " ("
            + Wording.date(quarter.previous().end())
            + ")";
    DiffAdjustments d = new DiffAdjustments(diff.currency(), "since " + quarter.previous().label());
    d.map(diff);
    String basis = "Compared with " + diff.base() + ", the roadmap as it stood at " + since + ".";
    String note =
        d.out.isEmpty()
            ? "No changes to milestones, gates, budgets, business cases or vendors since "
                + since
                + "."
            : "";
    return new QuarterlyReview.Adjustments(true, basis, d.out, note);
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
      add("Phase", p.name(), p.reason().orElse(""), String.join("; ", parts));
    }
    for (PlanDiff.UseCaseChange u : diff.useCases()) {
      add(
          "Use case",
          u.id(),
          "status changed from "
              + Wording.words(u.statusBefore())
              + " to "
              + Wording.words(u.statusAfter()));
    }
    for (PlanDiff.GateChange g : diff.gates()) {
      String subject = "Gate of " + g.phase();
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
        add("Gate", subject, String.join("; ", parts));
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
      if (i.before().isEmpty()) {
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
    for (PlanDiff.CaseChange c : diff.businessCases()) {
      List<String> parts = new ArrayList<>();
      if (!c.statusBefore().equals(c.statusAfter())) {
        parts.add(
            "status "
                + c.statusBefore().map(Wording::words).orElse("none")
                + " to "
                + c.statusAfter().map(Wording::words).orElse("none"));
      }
      if (!same(c.npvBefore(), c.npvAfter())) {
        parts.add("computed NPV " + money(c.npvBefore()) + " to " + money(c.npvAfter()));
      }
      if (!c.edits().isEmpty()) {
        parts.add(Wording.count(c.edits().size(), "figure edited", "figures edited"));
      }
      add("Business case", c.title(), String.join("; ", parts));
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
      add("Vendor", v.name(), String.join("; ", parts));
    }
    int added = diff.newFindings().size();
    int fixed = diff.fixedFindings().size();
    if (added > 0 || fixed > 0) {
      add(
          "Validation",
          "Findings",
          Wording.count(added, "new finding", "new findings")
              + ", "
              + Wording.count(fixed, "finding fixed", "findings fixed"));
    }
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
