package io.waymark.engine.rules.pullrequest;

import io.waymark.engine.analysis.CaseEdits;
import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An approved business case's figures change without a new approval decision. */
public final class ApprovedCaseEditedRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "approved-case-edited",
          Severity.ERROR,
          "pull-request",
          "A business case approved at the base revision has its costs, benefits or financials"
              + " changed without a new approval decision (only with --base).",
          """
          The review board approved a business case for its numbers: the costs, the expected
          benefits and the financials (discount rate, horizon, declared ROI, NPV, IRR, payback)
          that give its NPV. Editing those numbers after the approval, while the case still says
          `approved`, turns the approval into a rubber stamp for figures the board never saw:
          budget is consumed faster than value and nobody decided it. A change to an approved
          case's figures needs a new approval: a different `approval.decision`, or a later
          `approval.date`. Wording, owners and risks may change freely.""",
          """
          Take the changed case back to the review board: record its new decision in
          `governance.yaml` and point `spec.approval` at it (a new decision id, or the new
          date). Or set `status: proposed` until it is re-approved, or revert the figures.""",
          """
          # base: approved by dec-bc-knowledge-layer on 2027-03-31, compute annual 30000
          status: approved
          approval: {decision: dec-bc-knowledge-layer, date: 2027-03-31}
          costs:
            - {category: compute, annual: 45000}
          """,
          """
          status: approved
          approval: {decision: dec-bc-knowledge-layer-rev2, date: 2027-05-12}
          costs:
            - {category: compute, annual: 45000}
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /**
   * Per document: a case's findings depend only on that case and the base's case of the same id
   * (looked up by id in the whole base, whichever file holds it), which is the same base for every
   * run a rule memory is reused in. A case declared twice is judged twice, each against the base's
   * case; a case moved to another file is found in the base by its id.
   */
  @Override
  public RuleScope scope() {
    return RuleScope.perDocument();
  }

  @Override
  public void check(RuleContext context) {
    if (context.base().isEmpty()) {
      return;
    }
    String currency = context.plan().config().currency();
    for (BusinessCase now : context.plan().businessCases()) {
      Optional<BusinessCase> base = context.base().get().businessCase(now.metadata().id());
      if (base.isEmpty() || !base.get().approved() || !now.approved()) {
        continue;
      }
      if (newlyApproved(base.get(), now)) {
        continue;
      }
      Map<CaseEdits.Section, List<String>> bySection = new LinkedHashMap<>();
      for (CaseEdits.Edit edit : CaseEdits.between(base.get(), now)) {
        bySection
            .computeIfAbsent(edit.section(), s -> new ArrayList<>())
            .add(edit.describe(currency));
      }
      if (bySection.isEmpty()) {
        continue;
      }
      String npv = npv(base.get(), now, currency);
      String approval =
          base.get()
              .approval()
              .map(
                  a ->
                      " (approved by "
                          + a.decision()
                          + a.date().map(d -> " on " + d).orElse("")
                          + ")")
              .orElse("");
      for (Map.Entry<CaseEdits.Section, List<String>> e : bySection.entrySet()) {
        context.report(
            now.at().location(e.getKey().pointer()),
            "approved business case "
                + now.metadata().id()
                + approval
                + " is edited without a new approval decision: "
                + e.getKey().label()
                + ": "
                + String.join(", ", e.getValue())
                + npv,
            "Take the case back to the review board and point spec.approval at the new decision"
                + " (a new decision id or a later date), set status: proposed until then, or"
                + " revert the change.");
      }
    }
  }

  /** A different approval decision, or the same one dated later, approves the new figures. */
  static boolean newlyApproved(BusinessCase base, BusinessCase now) {
    if (now.approval().isEmpty()) {
      return false;
    }
    BusinessCase.Approval a = now.approval().get();
    if (base.approval().isEmpty()) {
      return !a.decision().isBlank();
    }
    BusinessCase.Approval b = base.approval().get();
    if (!a.decision().equals(b.decision())) {
      return true;
    }
    return a.date().isPresent() && (b.date().isEmpty() || a.date().get().isAfter(b.date().get()));
  }

  private static String npv(BusinessCase base, BusinessCase now, String currency) {
    try {
      var before = CaseFinancials.of(base).npv();
      var after = CaseFinancials.of(now).npv();
      if (before.compareTo(after) == 0) {
        return "";
      }
      return " (computed NPV "
          + Numbers.money(before, currency).replace(" " + currency, "")
          + " → "
          + Numbers.money(after, currency)
          + ")";
    } catch (RuntimeException e) {
      return ""; // figures too odd to discount; the edit itself is still reported
    }
  }
}
