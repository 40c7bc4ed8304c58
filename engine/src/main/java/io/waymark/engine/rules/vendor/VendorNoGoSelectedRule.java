package io.waymark.engine.rules.vendor;

import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Governance;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import io.waymark.engine.vendor.VendorScore;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Nothing selects a vendor whose computed band is no-go; a final selection (an approved business
 * case or an approved Governance decision) of a vendor still in due diligence is a warning.
 */
public final class VendorNoGoSelectedRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "vendor-no-go-selected",
          Severity.ERROR,
          "vendors",
          "An initiative, business case or governance approval selects a vendor whose computed"
              + " score is no-go (a warning when the score is in due diligence and the selection"
              + " is final).",
          """
          The guide: "Define 80% as your go threshold. Scores between 60-79% trigger further
          due diligence. Anything below 60% is a no-go." An evaluation only protects the
          programme if the plan follows it: an initiative, a business case or a board approval
          that picks a vendor scoring under 60 % spends money the evaluation said not to spend.
          A vendor between 60 % and 79 % may be piloted, but selecting it for good (an approved
          business case or an approved decision) before the due diligence is done is a
          warning. A Governance decision selects vendors through its `selects:` list
          (`relatesTo` only says what a decision is about, which may include the vendors it
          turned down).""",
          """
          Select a vendor whose computed band is go, or finish the due diligence and re-score
          the vendor in its VendorEvaluation before approving the selection.""",
          """
          # vendors/gpu-cloud.yaml: vendor v-cheapcloud scores 54 % (no-go)
          initiatives:
            - {id: i-burst-gpus, vendor: v-cheapcloud}
          """,
          """
          # vendors/gpu-cloud.yaml: vendor v-opencloud scores 83 % (go)
          initiatives:
            - {id: i-burst-gpus, vendor: v-opencloud}
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(
        Kind.BUSINESS_CASE, Kind.GOVERNANCE, Kind.ROADMAP, Kind.VENDOR_EVALUATION);
  }

  @Override
  public void check(RuleContext context) {
    Map<String, VendorScore> scores = new HashMap<>();
    for (VendorEvaluation e : context.plan().vendorEvaluations()) {
      if (!DimensionNames.weightsAddUp(e)) {
        continue;
      }
      for (VendorEvaluation.Vendor v : e.vendors()) {
        scores.putIfAbsent(v.id(), VendorScore.of(e, v));
      }
    }
    if (scores.isEmpty()) {
      return;
    }
    for (Roadmap r : context.plan().roadmaps()) {
      for (Initiative i : r.initiatives()) {
        i.vendor()
            .ifPresent(
                v ->
                    judge(
                        context,
                        scores.get(v),
                        false,
                        () -> i.at().location("vendor"),
                        "initiative " + i.id()));
      }
    }
    for (BusinessCase b : context.plan().businessCases()) {
      b.solution()
          .vendor()
          .ifPresent(
              v ->
                  judge(
                      context,
                      scores.get(v),
                      b.status() == BusinessCase.Status.APPROVED,
                      () -> b.at().location("spec/solution/vendor"),
                      "business case " + b.metadata().id()));
    }
    for (Governance.Decision d : context.plan().decisions().toList()) {
      if (!d.approved()) {
        continue;
      }
      for (int k = 0; k < d.selects().size(); k++) {
        String at = "selects/" + k;
        judge(
            context,
            scores.get(d.selects().get(k)),
            true,
            () -> d.at().location(at),
            "approved decision " + d.id());
      }
    }
  }

  private static void judge(
      RuleContext context, VendorScore score, boolean fin, Supplier<Location> at, String selector) {
    if (score == null) {
      return;
    }
    boolean noGo = score.band() == VendorScore.Band.NO_GO;
    if (!noGo && !(fin && score.band() == VendorScore.Band.DILIGENCE)) {
      return;
    }
    context.report(
        noGo ? Severity.ERROR : Severity.WARNING,
        at.get(),
        selector
            + (fin ? " selects" : " names")
            + " vendor '"
            + score.vendorId()
            + "', whose computed score "
            + Numbers.percent(score.weightedPct())
            + " is "
            + (noGo ? "no-go" : "only diligence, and the selection is final"),
        noGo
            ? "Choose a vendor whose computed band is go, or re-score '"
                + score.vendorId()
                + "' if the evaluation is out of date."
            : "Finish the due diligence and re-score '"
                + score.vendorId()
                + "' to go before approving it, or keep the selection provisional.");
  }
}
