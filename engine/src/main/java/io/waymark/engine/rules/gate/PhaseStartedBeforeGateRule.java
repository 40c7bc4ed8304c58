package io.waymark.engine.rules.gate;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** A phase starts only once the gate of the phase before it (by months) is passed or waived. */
public final class PhaseStartedBeforeGateRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "phase-started-before-gate",
          Severity.ERROR,
          "gates",
          "A phase is in progress or done while the previous phase's gate is neither passed nor"
              + " waived.",
          """
          The roadmap is built in 90-day increments that each prove value before the next
          investment: if the phase-1 gate (pilots with less than 5% downtime, cost per inference
          measured) is not met, the organisation is not ready for phase 2, and starting it anyway
          is the big-bang approach in slow motion. Incremental investment reduces risk only if
          the gates actually hold.""",
          """
          Decide the previous gate first: mark it `passed` with `decidedOn` and evidence, or
          `waived` with an approved Governance decision. Otherwise set this phase back to
          `planned`.""",
          """
          phases:
            - id: phase-assess-stabilise
              months: [1, 3]
              gate: {id: gate-assess-stabilise, status: pending, criteria: [...]}
            - id: phase-build-foundations
              months: [4, 9]
              status: in-progress
          """,
          """
          phases:
            - id: phase-assess-stabilise
              months: [1, 3]
              gate:
                id: gate-assess-stabilise
                status: passed
                decidedOn: 2027-03-31
                evidence: [https://wiki.example/gate-1]
                criteria: [...]
            - id: phase-build-foundations
              months: [4, 9]
              status: in-progress
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Findings on a file depend only on that file's documents. */
  @Override
  public RuleScope scope() {
    return RuleScope.perDocument();
  }

  @Override
  public void check(RuleContext context) {
    for (Roadmap roadmap : context.plan().roadmaps()) {
      List<Phase> ordered =
          roadmap.phases().stream().sorted(Comparator.comparingInt(Phase::firstMonth)).toList();
      for (int k = 1; k < ordered.size(); k++) {
        Phase phase = ordered.get(k);
        Gate previous = ordered.get(k - 1).gate();
        if (!phase.started() || previous.open()) {
          continue;
        }
        context.report(
            phase.at().location("status"),
            "phase "
                + phase.id()
                + " is "
                + kebab(phase.status())
                + " but the gate of the previous phase "
                + ordered.get(k - 1).id()
                + " ("
                + (previous.id().isEmpty() ? "none" : previous.id())
                + ") is "
                + kebab(previous.status()),
            "Pass or waive gate "
                + previous.id()
                + " first (decidedOn, evidence or an approved waiver), or set "
                + phase.id()
                + " back to planned.");
      }
    }
  }

  private static String kebab(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
