package io.waymark.engine.rules.pullrequest;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Kebab;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A gate opened (passed or waived) in this change without a decision date and its evidence. */
public final class GateTransitionRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "gate-transition",
          Severity.ERROR,
          "pull-request",
          "A gate moves to passed or waived in this change without a decision date on or before"
              + " the as-of date and its evidence or waiver (only with --base).",
          """
          A gate is decided at a gate review, with evidence, and that decision is what lets the
          next phase start and its money flow. The pull request that flips a gate to `passed` or
          `waived` is the moment to check it: it must say when the decision was taken (a
          `decidedOn` that is not in the future of the as-of date, the day after aside since
          the as-of date is UTC's: a gate cannot be passed ahead of its review) and on what
          grounds (at least one `evidence` entry for a passed gate,
          the `waiver` with its decision and reason for a waived one). A gate that was not
          passed or waived at the base revision, or did not exist there, is checked; gates that
          were already open are left to `gate-evidence-missing`.""",
          """
          Add `decidedOn` with the date of the gate review (today or earlier), and for a passed
          gate at least one `evidence` entry (review minutes, a dashboard link, a repository
          path); for a waived gate, the `waiver` with the approving decision and the reason.
          Or keep the gate `pending` until the review has happened.""",
          """
          # base: status: pending
          gate:
            id: gate-build-foundations
            status: passed
            decidedOn: 2027-09-30     # after the as-of date 2027-05-14
            evidence: []
          """,
          """
          # base: status: pending
          gate:
            id: gate-build-foundations
            status: passed
            decidedOn: 2027-05-12
            evidence:
              - https://wiki.example/ai-programme/gates/phase-2-review
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.ROADMAP);
  }

  @Override
  public void check(RuleContext context) {
    if (context.base().isEmpty()) {
      return;
    }
    Map<String, Gate> before = gates(context.base().get());
    LocalDate asOf = context.asOf();
    for (Roadmap roadmap : context.plan().roadmaps()) {
      for (Phase phase : roadmap.phases()) {
        Gate gate = phase.gate();
        if (!gate.open() || gate.id().isBlank()) {
          continue;
        }
        Gate base = before.get(gate.id());
        if (base != null && base.open()) {
          continue;
        }
        List<String> missing = new ArrayList<>();
        if (gate.decidedOn().isEmpty()) {
          missing.add("no decidedOn");
        } else if (gate.decidedOn().get().isAfter(asOf.plusDays(1))) {
          // The day after is accepted: the as-of date is the commit's in UTC, a day behind the
          // team's own in an eastern morning (as recorded-after-as-of).
          missing.add("decidedOn " + gate.decidedOn().get() + " after the as-of date " + asOf);
        }
        if (gate.status() == Gate.Status.PASSED && !gate.hasEvidence()) {
          missing.add("no evidence");
        }
        if (gate.status() == Gate.Status.WAIVED
            && gate.waiver().filter(w -> !w.decision().isBlank()).isEmpty()) {
          missing.add("no waiver with its decision");
        }
        if (missing.isEmpty()) {
          continue;
        }
        context.report(
            gate.at().location("status"),
            "gate "
                + gate.id()
                + " of "
                + phase.id()
                + " moves from "
                + (base == null ? "(not in the base)" : Kebab.of(base.status()))
                + " to "
                + Kebab.of(gate.status())
                + " in this change with "
                + String.join(" and ", missing),
            gate.status() == Gate.Status.WAIVED
                ? "Add decidedOn (the review date, not in the future) and the waiver (decision and"
                    + " reason), or keep the gate pending until the review."
                : "Add decidedOn (the review date, not in the future) and at least one evidence"
                    + " entry, or keep the gate pending until the review.");
      }
    }
  }

  private static Map<String, Gate> gates(Plan plan) {
    Map<String, Gate> out = new HashMap<>();
    for (Roadmap roadmap : plan.roadmaps()) {
      for (Phase phase : roadmap.phases()) {
        out.putIfAbsent(phase.gate().id(), phase.gate());
      }
    }
    return out;
  }
}
