package io.waymark.engine.rules.roadmap;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;

/**
 * The repository holds all five roadmap components. Without a roadmap there is nothing to attach
 * the findings to, and {@code roadmap-missing} already says so.
 */
public final class ComponentMissingRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "component-missing",
          Severity.WARNING,
          "roadmap",
          "One of the five roadmap components is absent.",
          """
          A roadmap has five components: a current-state assessment (an Assessment
          document), a future-state definition (`spec.futureState`: workloads, architecture,
          success criteria), a gap analysis (the ranked constraints of the assessment), a
          phased implementation plan (`spec.phases`) and a governance framework (a Governance
          document: architecture review board, cadence, decisions). Without the assessment
          and the gaps, the plan fixes guesses instead of the biggest constraint; without a
          future state there is no definition of good; without governance every decision
          becomes a debate.""",
          """
          Add what the finding names: `assessment/<date>.yaml` (kind: Assessment) with ranked
          `constraints`, `spec.futureState` in the roadmap, phases, or `governance.yaml` (kind:
          Governance). `waymark init` scaffolds all five.""",
          """
          # roadmap.yaml and business cases, but no kind: Governance anywhere
          spec:
            start: 2027-01-04
            horizonMonths: 18
          """,
          """
          # governance.yaml
          apiVersion: waymark/v1
          kind: Governance
          metadata: {id: ai-governance, title: AI architecture review board}
          spec:
            reviewBoard: {name: AI Architecture Review Board, members: [CTO], approvalThreshold: 100000}
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext context) {
    Plan plan = context.plan();
    for (Roadmap roadmap : plan.roadmap().stream().toList()) {
      if (!present(context, Kind.ASSESSMENT)) {
        context.report(
            roadmap.at().location("spec"),
            "no current-state assessment: the repository has no Assessment document",
            "Add assessment/<date>.yaml (kind: Assessment) rating compute, network, data,"
                + " security, skills and cost.");
      }
      if (!present(context, Kind.ASSESSMENT)
          || allValid(context, Kind.ASSESSMENT)
              && plan.assessments().stream().allMatch(a -> a.constraints().isEmpty())) {
        context.report(
            roadmap.at().location("spec"),
            "no gap analysis: no assessment lists any constraints",
            "List the ranked constraints between the current and the future state in the"
                + " assessment's spec.constraints, and point initiatives at them.");
      }
      if (roadmap.futureState().map(ComponentMissingRule::isEmpty).orElse(true)) {
        context.report(
            roadmap.at().location("spec/futureState"),
            roadmap.futureState().isPresent()
                ? "no future-state definition: spec.futureState is empty"
                : "no future-state definition: spec.futureState is missing",
            "Describe the target workloads, architecture and success criteria in"
                + " spec.futureState.");
      }
      if (roadmap.phases().isEmpty()) {
        context.report(
            roadmap.at().location("spec/phases"),
            "no phased implementation plan: spec.phases is empty",
            "Add phases, e.g. Assess and Stabilise (months 1-3), Build Foundations (4-9) and"
                + " Scale and Optimise (10-18), each with milestones and a gate.");
      }
      if (!present(context, Kind.GOVERNANCE)) {
        context.report(
            roadmap.at().location("spec"),
            "no governance framework: the repository has no Governance document",
            "Add governance.yaml (kind: Governance) with the review board, its approval"
                + " threshold, the review cadence and its decisions.");
      }
    }
  }

  /** A document of the kind exists, even one that failed its schema (reported already). */
  private static boolean present(RuleContext context, Kind kind) {
    return context.documents().present(kind);
  }

  private static boolean allValid(RuleContext context, Kind kind) {
    return context.documents().allValid(kind);
  }

  private static boolean isEmpty(Roadmap.FutureState state) {
    return state.workloads().stream().allMatch(String::isBlank)
        && state.architecture().isBlank()
        && state.successCriteria().stream().allMatch(String::isBlank);
  }
}
