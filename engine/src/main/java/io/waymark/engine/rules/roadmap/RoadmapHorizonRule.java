package io.waymark.engine.rules.roadmap;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;

/** The roadmap horizon is 12 to 18 months. */
public final class RoadmapHorizonRule implements Rule {

  static final int SHORTEST = 12;
  static final int LONGEST = 18;

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "roadmap-horizon",
          Severity.WARNING,
          "roadmap",
          "The roadmap horizon is shorter than 12 or longer than 18 months.",
          """
          An AI infrastructure roadmap works over 12 to 18 months. A shorter plan cannot carry
          the foundational work (automated pipelines, hybrid architecture, a knowledge layer)
          that months 4-9 are for; a longer one is overtaken by the AI landscape before it is
          finished. The usual shape is three phases: months 1-3, 4-9 and 10-18.""",
          """
          Set `spec.horizonMonths` between 12 and 18. Move work beyond month 18 into the next
          roadmap, which the semi-annual update prepares. If a longer view is deliberate, turn
          the rule down in `waymark.yaml` with a justification.""",
          """
          spec:
            start: 2027-01-04
            horizonMonths: 36
          """,
          """
          spec:
            start: 2027-01-04
            horizonMonths: 18
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
      int months = roadmap.horizonMonths();
      if (months >= SHORTEST && months <= LONGEST) {
        continue;
      }
      boolean tooShort = months < SHORTEST;
      context.report(
          roadmap.at().location("spec/horizonMonths"),
          "horizon of "
              + months
              + " months is "
              + (tooShort ? "shorter than " + SHORTEST : "longer than " + LONGEST)
              + " months (the methodology asks for 12-18)",
          tooShort
              ? "Extend horizonMonths to at least 12 so that foundations (months 4-9) and"
                  + " scaling (months 10-18) fit in the plan."
              : "Cut horizonMonths to at most 18 and leave later work to the next roadmap"
                  + " update; a longer plan is obsolete before it ends.");
    }
  }
}
