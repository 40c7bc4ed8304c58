package io.waymark.engine.rules.pitfall;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Governance;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Kebab;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Pitfall 8, skipping architecture review: an initiative above the review board's approval
 * threshold has a business case with status approved whose {@code approval.decision} names an
 * approved Governance decision. Without a Governance document there is no threshold to judge by
 * ({@code component-missing} reports that).
 */
public final class PitfallNoReviewRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "pitfall-no-review",
          Severity.ERROR,
          "pitfalls",
          "An initiative above the review board's threshold has no approved business case.",
          """
          Pitfall 8 is skipping architecture review: without governance every team makes
          different decisions and the infrastructure ends up fragmented. The fix is a
          governance process for all major decisions: the architecture review board sets an
          approval threshold, and every initiative whose budget is above it needs a business
          case the board approved. The approval is only real when the business case is
          `approved` and its `approval.decision` names a Governance decision with outcome
          `approved`.""",
          """
          Take the business case to the review board. Once approved, set the case's `status:
          approved` and `approval: {decision: <id>, date: <date>}`, and record the decision in
          `governance.yaml` with `outcome: approved`. Or bring the initiative's budget to the
          threshold or below.""",
          """
          # governance.yaml: approvalThreshold: 100000
          initiatives:
            - id: i-knowledge-layer
              budget: 160000
              businessCase: bc-knowledge-layer    # status: proposed, no approval
          """,
          """
          # business-cases/knowledge-layer.yaml
          spec:
            status: approved
            approval: {decision: dec-bc-knowledge-layer, date: 2027-03-31}
          # governance.yaml: dec-bc-knowledge-layer with outcome: approved
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext context) {
    Plan plan = context.plan();
    Optional<Governance.ReviewBoard> board = plan.reviewBoard();
    if (board.isEmpty()) {
      return;
    }
    BigDecimal threshold = board.get().approvalThreshold();
    String currency = plan.config().currency();
    for (Roadmap roadmap : plan.roadmaps()) {
      for (Initiative initiative : roadmap.initiatives()) {
        if (initiative.budget().compareTo(threshold) <= 0) {
          continue;
        }
        Optional<String> missing = missingApproval(context, initiative);
        if (missing.isEmpty()) {
          continue;
        }
        context.report(
            initiative.at().location("budget"),
            "initiative '"
                + initiative.id()
                + "' has a budget of "
                + Numbers.money(initiative.budget(), currency)
                + ", above the review board's threshold of "
                + Numbers.money(threshold, currency)
                + ", but "
                + missing.get(),
            "Get the business case approved by the review board and record it (case status"
                + " approved, approval.decision naming an approved decision in governance.yaml),"
                + " or bring the budget to "
                + Numbers.money(threshold, currency)
                + " or less.");
      }
    }
  }

  /** Why the initiative lacks an approved business case, or empty when it has one. */
  private static Optional<String> missingApproval(RuleContext context, Initiative initiative) {
    Plan plan = context.plan();
    Optional<String> caseId = initiative.businessCase().filter(id -> !id.isBlank());
    if (caseId.isEmpty()) {
      return Optional.of("it has no business case");
    }
    Optional<BusinessCase> found = plan.businessCase(caseId.get());
    if (found.isEmpty()) {
      return Optional.of(
          context
              .ids()
              .invalidDocument(Kind.BUSINESS_CASE.id(), caseId.get())
              .map(file -> context.ids().invalid("its business case '" + caseId.get() + "'", file))
              .orElseGet(
                  () ->
                      context
                          .ids()
                          .notFound("its business case '" + caseId.get() + "' does not exist")));
    }
    BusinessCase bc = found.get();
    if (!bc.approved()) {
      return Optional.of(
          "its business case '" + bc.metadata().id() + "' is " + Kebab.of(bc.status()));
    }
    Optional<String> decisionId =
        bc.approval().map(BusinessCase.Approval::decision).filter(id -> !id.isBlank());
    if (decisionId.isEmpty()) {
      return Optional.of(
          "its business case '" + bc.metadata().id() + "' names no approval decision");
    }
    Optional<Governance.Decision> decision = plan.decision(decisionId.get());
    if (decision.isEmpty()) {
      String which =
          "the approval decision '"
              + decisionId.get()
              + "' of business case '"
              + bc.metadata().id()
              + "'";
      return Optional.of(
          context
              .ids()
              .invalidItem("decision", decisionId.get())
              .map(file -> context.ids().invalid(which, file))
              .orElseGet(() -> context.ids().notFound(which + " is not recorded in governance")));
    }
    if (!decision.get().approved()) {
      return Optional.of(
          "the approval decision '"
              + decisionId.get()
              + "' of business case '"
              + bc.metadata().id()
              + "' has outcome "
              + decision.get().outcome());
    }
    return Optional.empty();
  }
}
