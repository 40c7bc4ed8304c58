package io.waymark.engine.rules.assessment;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Assessment;
import io.waymark.engine.model.Kind;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import io.waymark.engine.rules.Unjudged;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The latest assessment's core team has each of the guide's four roles staffed. */
public final class CoreRolesMissingRule implements Rule {

  /** What each core role does, in the guide's words, for the messages. */
  static final Map<String, String> DOES =
      Map.of(
          "infrastructureArchitect", "hybrid cloud plus on-premises expertise",
          "dataEngineer", "pipeline automation, vector databases",
          "mlopsSpecialist", "model deployment, inference optimisation",
          "financialAnalyst", "TCO modelling, ROI tracking");

  /** "MLOps specialist (model deployment, inference optimisation)"; another role in words. */
  static String described(String role) {
    String does = DOES.get(role);
    return Assessment.Roles.label(role) + (does == null ? "" : " (" + does + ")");
  }

  private static final String HINT =
      "Staff the role in-house, part-time or shared (write 'shared'), or with external help"
          + " ('external'; the guide: budget for it in phase 1 when the team lacks AI"
          + " infrastructure experience), and record it under spec.dimensions.skills.roles. A"
          + " skills initiative on the roadmap is how the plan closes the gap.";

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "core-roles-missing",
          Severity.WARNING,
          "assessment",
          "The latest assessment records a core team role as missing, or leaves one of the four"
              + " out of its roles.",
          """
          The guide names the core team that executes the roadmap: an infrastructure architect
          (hybrid cloud plus on-premises expertise), a data engineer (pipeline automation,
          vector databases), an MLOps specialist (model deployment, inference optimisation) and
          a financial analyst (TCO modelling, ROI tracking). They may be part-time or shared,
          and external help is the guide's advice for phase 1 when the team lacks AI
          infrastructure experience; but a role nobody fills is work nobody does: pipelines stay
          manual, models stay undeployed, or the business cases' ROI is never tracked. Only 14 %
          of leaders report having adequate AI talent.

          The rule reads `spec.dimensions.skills.roles` of the latest assessment on or before
          the as-of date. An assessment that does not record roles is not asked to (the field
          is optional); once it does, each of the four roles is expected, as `in-house`,
          `shared`, `external` or `missing`. Other roles may be recorded the same way; one
          written as `missing` is reported too.""",
          """
          Staff the role (in-house, part-time or shared, or external), or plan a skills
          initiative that does, and record how in the next assessment's
          `spec.dimensions.skills.roles`.""",
          """
          dimensions:
            skills:
              rating: yellow
              roles:
                infrastructureArchitect: in-house
                dataEngineer: in-house
                mlopsSpecialist: missing
          """,
          """
          dimensions:
            skills:
              rating: yellow
              roles:
                infrastructureArchitect: in-house
                dataEngineer: in-house
                mlopsSpecialist: external      # contractor until the first cohort is trained
                financialAnalyst: shared       # from the finance business partner team
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.ASSESSMENT);
  }

  @Override
  public void check(RuleContext context) {
    Optional<Assessment> latest = context.plan().latestAssessment(context.asOf());
    Optional<Assessment.Roles> recorded =
        latest.flatMap(a -> a.dimension("skills")).flatMap(Assessment.Dimension::roles);
    if (recorded.isEmpty()) {
      return;
    }
    Assessment.Roles roles = recorded.get();
    String unjudged = Unjudged.note(context, Kind.ASSESSMENT, "assessment");
    String which = Unjudged.latestAssessment(unjudged, latest.get());
    roles
        .staffing()
        .forEach(
            (role, staffing) -> {
              if (staffing == Assessment.Staffing.MISSING) {
                context.report(
                    roles.at().location(role),
                    which + " records no " + described(role) + unjudged,
                    HINT);
              }
            });
    List<String> left =
        Assessment.Roles.CORE.stream().filter(r -> !roles.staffing().containsKey(r)).toList();
    if (!left.isEmpty()) {
      context.report(
          roles.at().location(),
          which
              + " records the core team's roles but not how it staffs the "
              + String.join(", ", left.stream().map(CoreRolesMissingRule::described).toList())
              + unjudged,
          "Add "
              + String.join(", ", left)
              + " under spec.dimensions.skills.roles: in-house, shared, external or missing.");
    }
  }
}
