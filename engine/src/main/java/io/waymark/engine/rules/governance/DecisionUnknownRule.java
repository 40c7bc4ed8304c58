package io.waymark.engine.rules.governance;

import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.finding.Suggestion;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Governance;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Replan;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A gate waiver, a criterion waiver, a business-case approval or a re-plan ({@code replanned})
 * names a decision recorded in a Governance document. Whether that decision approved anything is
 * {@code gate-waiver-invalid}'s and {@code pitfall-no-review}'s concern.
 */
public final class DecisionUnknownRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "decision-unknown",
          Severity.ERROR,
          "governance",
          "A waiver, business-case approval, re-plan or stopped initiative names a decision that no"
              + " Governance document records.",
          """
          The governance framework is one of the five components of a roadmap: an architecture
          review board decides, and every major decision is on record. Skipping architecture
          review is a pitfall of its own, because teams then make different decisions and the
          infrastructure fragments. A waived gate, an approved business case or a re-planned
          milestone, phase or gate (`replanned[].decision`) is only as good as the decision
          behind it; an id that no Governance document records (a typo, or a
          decision that was never taken) makes the approval unverifiable.""",
          """
          Name the id of the decision in `governance.yaml` (the hint suggests the closest one),
          or record the decision there with its date, outcome and `relatesTo`.""",
          """
          approval:
            decision: dec-bc-pipeline-automaton   # not in governance.yaml
            date: 2027-01-12
          """,
          """
          approval:
            decision: dec-bc-pipeline-automation
            date: 2027-01-12
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext context) {
    List<String> known = context.plan().decisions().map(Governance.Decision::id).toList();
    for (Roadmap roadmap : context.plan().roadmaps()) {
      for (Phase phase : roadmap.phases()) {
        Gate gate = phase.gate();
        gate.waiver()
            .ifPresent(
                w ->
                    check(
                        context,
                        known,
                        w.decision(),
                        () -> w.at().location("decision"),
                        "gate waiver"));
        for (Gate.Criterion criterion : gate.criteria()) {
          criterion
              .waiver()
              .ifPresent(
                  w ->
                      check(
                          context,
                          known,
                          w.decision(),
                          () -> w.at().location("decision"),
                          "criterion waiver"));
        }
        replans(context, known, phase.replanned(), "re-plan of phase '" + phase.id() + "'");
        replans(context, known, gate.replanned(), "re-plan of gate '" + gate.id() + "'");
        for (Milestone m : phase.milestones()) {
          replans(context, known, m.replanned(), "re-plan of milestone '" + m.id() + "'");
        }
        for (Initiative i : phase.initiatives()) {
          Optional<Initiative.Stop> stop = i.stopped();
          if (stop.isPresent() && stop.get().decision().isPresent()) {
            check(
                context,
                known,
                stop.get().decision().get(),
                () -> stop.get().at().location("decision"),
                "stop of initiative '" + i.id() + "'");
          }
        }
      }
    }
    for (BusinessCase bc : context.plan().businessCases()) {
      bc.approval()
          .ifPresent(
              a ->
                  check(
                      context,
                      known,
                      a.decision(),
                      () -> a.at().location("decision"),
                      "approval of business case '" + bc.metadata().id() + "'"));
    }
  }

  private static void replans(
      RuleContext context, List<String> known, List<Replan> replans, String what) {
    for (Replan r : replans) {
      r.decision()
          .ifPresent(d -> check(context, known, d, () -> r.at().location("decision"), what));
    }
  }

  private static void check(
      RuleContext context,
      List<String> known,
      String id,
      Supplier<Location> location,
      String what) {
    if (known.contains(id) || context.ids().declares("decision", id)) {
      return; // also when declared in a Governance document that failed its schema
    }
    String message =
        "the "
            + what
            + " names decision '"
            + id
            + "', which "
            + (context.plan().governance().isEmpty()
                ? "cannot be found: the repository has no Governance document"
                : "no Governance document records");
    Optional<String> near = Suggestion.nearest(id, known);
    context.report(
        location.get(),
        message,
        near.map(n -> "Did you mean '" + n + "'? ").orElse("")
            + "Name a decision recorded in governance.yaml, or record this one there (id, date,"
            + " title, outcome, relatesTo).");
  }
}
