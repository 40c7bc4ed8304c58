package io.waymark.engine.rules.pullrequest;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.Replan;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** A milestone moved later, or a phase's months moved, without a recorded reason. */
public final class ReplanUnexplainedRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "replan-unexplained",
          Severity.WARNING,
          "pull requests",
          "A change moves a milestone's due date later, or a phase's months, without a reason in"
              + " 'replanned'.",
          """
          Plans change, and a good quarterly review explains the adjustments by what was learnt.
          A slipped date without a reason is the start of a roadmap nobody trusts. With --base,
          Waymark compares each milestone's `due` and each phase's `months` with the base
          revision; when a due date moved later or a phase's months changed, the element must
          gain an entry in its `replanned` list in the same change: `{on, reason, decision}`,
          the date, what was learnt, and the Governance decision that approved it (optional).
          A milestone of a phase whose months moved for a new recorded reason is explained by
          it (a failed gate's re-plan moves the phase and its milestones together). `waymark
          history`, `waymark diff` and the QBR's roadmap adjustments show these
          reasons next to the change; where there is none they fall back to the commit
          message.""",
          """
          Add an entry to the milestone's or phase's `replanned` list, for example
          `replanned: [{on: 2027-05-12, reason: Vendor onboarding took six weeks longer,
          decision: dec-q2-replan}]`.""",
          """
          # base: due: 2027-06-18
          - id: ms-priority-etl-wave-1
            due: 2027-07-16
          """,
          """
          - id: ms-priority-etl-wave-1
            due: 2027-07-16
            replanned:
              - on: 2027-05-12
                reason: Customs dataset owner joined four weeks late
                decision: dec-qbr-2027-q1
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
    Plan base = context.base().get();
    Map<String, Milestone> oldMilestones = new HashMap<>();
    Map<String, Phase> oldPhases = new HashMap<>();
    for (Roadmap r : base.roadmaps()) {
      r.milestones().forEach(m -> oldMilestones.putIfAbsent(m.id(), m));
      r.phases().forEach(p -> oldPhases.putIfAbsent(p.id(), p));
    }
    for (Roadmap r : context.plan().roadmaps()) {
      for (Phase phase : r.phases()) {
        Phase was = oldPhases.get(phase.id());
        boolean moved =
            was != null
                && (was.firstMonth() != phase.firstMonth() || was.lastMonth() != phase.lastMonth());
        // A phase moved for a recorded reason carries its milestones with it.
        boolean phaseExplained = was != null && phase.movedFor(was).isPresent();
        if (moved && !phaseExplained) {
          context.report(
              phase.at().location("months"),
              "phase '"
                  + phase.id()
                  + "' moved from months "
                  + was.firstMonth()
                  + "-"
                  + was.lastMonth()
                  + " to "
                  + phase.firstMonth()
                  + "-"
                  + phase.lastMonth()
                  + " without a reason in 'replanned'",
              "Add '- {on: <date>, reason: <what was learnt>, decision: <decision id>}' to the"
                  + " phase's 'replanned' list.");
        }
        for (Milestone m : phase.milestones()) {
          Milestone old = oldMilestones.get(m.id());
          if (old == null
              || !m.due().isAfter(old.due())
              || phaseExplained
              || Replan.added(old.replanned(), m.replanned()).isPresent()) {
            continue;
          }
          long days = ChronoUnit.DAYS.between(old.due(), m.due());
          context.report(
              m.at().location("due"),
              "milestone '"
                  + m.id()
                  + "' moved "
                  + days
                  + (days == 1 ? " day" : " days")
                  + " later ("
                  + old.due()
                  + " → "
                  + m.due()
                  + ") without a reason in 'replanned'",
              "Add '- {on: <date>, reason: <what was learnt>, decision: <decision id>}' to the"
                  + " milestone's 'replanned' list.");
        }
      }
    }
  }

  /** True when the head lists a reason the base did not have. */
}
