package io.waymark.engine.rules.assessment;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Assessment;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Phase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Each of the top three constraints of the latest assessment has an initiative in phase 1. */
public final class ConstraintsUnaddressedRule implements Rule {

  static final int TOP = 3;

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "constraints-unaddressed",
          Severity.WARNING,
          "assessment",
          "A top-three constraint of the latest assessment has no initiative in the first phase.",
          """
          The gap analysis ranks the constraints; the roadmap removes the biggest ones first.
          Phase 1 (months 1-3) identifies the top three constraints and implements quick fixes
          for them: if pipelines are manual, automation unblocks many use cases; if bandwidth
          limits pilot scale-up, the network upgrade pays back at once. A top constraint with no
          phase-1 initiative means the plan spends its first 90 days on something that is not
          the bottleneck.""",
          """
          Add an initiative to the first phase (any category) whose `constraint` names this
          constraint id, or re-rank the constraints in a new assessment if it is no longer in
          the top three.""",
          """
          constraints:
            - {id: c-manual-pipelines, dimension: data, rank: 1, description: ...}
          # no phase-1 initiative has constraint: c-manual-pipelines
          """,
          """
          initiatives:                     # in the first phase
            - id: i-automate-core-pipelines
              constraint: c-manual-pipelines
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext context) {
    Optional<Assessment> latest = context.plan().latestAssessment(context.asOf());
    Optional<Phase> first =
        context
            .plan()
            .roadmap()
            .flatMap(r -> r.phases().stream().min(Comparator.comparingInt(Phase::firstMonth)));
    if (latest.isEmpty() || first.isEmpty()) {
      return;
    }
    Set<String> named =
        first.get().initiatives().stream()
            .map(Initiative::constraint)
            .flatMap(Optional::stream)
            .collect(Collectors.toSet());
    for (Assessment.Constraint c : latest.get().constraints()) {
      if (c.rank() < 1 || c.rank() > TOP || named.contains(c.id())) {
        continue;
      }
      context.report(
          c.at().location(),
          "constraint "
              + c.id()
              + " (rank "
              + c.rank()
              + ", "
              + c.dimension()
              + ") of "
              + latest.get().metadata().id()
              + " is not named by any initiative of the first phase "
              + first.get().id(),
          "Add an initiative to "
              + first.get().id()
              + " with constraint: "
              + c.id()
              + ", or re-rank the constraints in a new assessment.");
    }
  }
}
