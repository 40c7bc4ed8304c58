package io.waymark.engine.rules.roadmap;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.Comparator;

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
          finished. The usual shape is three phases: months 1-3, 4-9 and 10-18. A roadmap
          refresh that appends new phases after the done ones keeps the old phases' spend and
          history on the books: once the phases done from the start cover at least 12 months (a
          whole first plan), the 18 months are counted after their last month.""",
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
      // A refresh: a whole plan of at least 12 months is done and new phases follow it.
      int doneFromStart = doneThrough(roadmap);
      int done = doneFromStart >= SHORTEST ? doneFromStart : 0;
      int ahead = months - done;
      if (months >= SHORTEST && ahead <= LONGEST) {
        continue;
      }
      boolean tooShort = months < SHORTEST;
      context.report(
          roadmap.at().location("spec/horizonMonths"),
          "horizon of "
              + months
              + " months "
              + (tooShort || done == 0
                  ? ""
                  : "(" + ahead + " months after the phases done, months 1-" + done + ") ")
              + "is "
              + (tooShort ? "shorter than " + SHORTEST : "longer than " + LONGEST)
              + " months (the methodology asks for 12-18)",
          tooShort
              ? "Extend horizonMonths to at least 12 so that foundations (months 4-9) and"
                  + " scaling (months 10-18) fit in the plan."
              : "Cut horizonMonths to at most 18 and leave later work to the next roadmap"
                  + " update; a longer plan is obsolete before it ends.");
    }
  }

  /**
   * The last month of the phases done from the start (in month order, up to the first phase not
   * done); 0 when the first phase is not done. A refresh appends its phases after them.
   */
  private static int doneThrough(Roadmap roadmap) {
    int through = 0;
    for (Phase p :
        roadmap.phases().stream().sorted(Comparator.comparingInt(Phase::firstMonth)).toList()) {
      if (p.status() != Phase.Status.DONE) {
        break;
      }
      through = Math.max(through, p.lastMonth());
    }
    return through;
  }
}
