package io.waymark.engine.rules.vendor;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import io.waymark.engine.vendor.VendorScore;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/** A vendor's declared weighted score is the one its criterion scores give. */
public final class VendorScoreMismatchRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "vendor-score-mismatch",
          Severity.ERROR,
          "vendors",
          "A vendor's declared weightedScorePct differs from the score computed from its criterion"
              + " scores.",
          """
          A stated weighted score is what a steering committee reads instead of the scorecard, so
          it must be the one the scorecard gives: the sum over the four dimensions of weight x
          mean criterion score / 5, with the evaluation's own weights (technical fit 40%,
          economics 30%, viability 20%, lock-in 10% by default). A score typed before a
          criterion was re-scored, or copied from another vendor, makes the comparison say
          something the scores do not. The declared value may differ from the computed one by
          `tolerancePct` of it (waymark.yaml, default 1%), for rounding. Evaluations whose
          weights do not add up to 100 and vendors with a score outside 1-5 are left to
          `vendor-weights` and `vendor-score-range`.""",
          """
          Declare the computed score the message names (`waymark fix` writes it), or fix the
          criterion scores it was meant to come from. `weightedScorePct` is optional: remove
          it to let Waymark show the computed score alone.""",
          """
          scores:   # 84.67 %
            technicalFit: {workloadFit: 5, integration: 4, performance: 4}
            economics: {tco: 4, pricePredictability: 4, scalingEconomics: 4}
            viability: {financialHealth: 4, roadmapAlignment: 4, supportQuality: 5}
            lockIn: {dataPortability: 4, openStandards: 5, exitTerms: 4}
          weightedScorePct: 88.0   # before integration was re-scored from 5 to 4
          decision: go
          """,
          """
          scores:   # 84.67 %
            technicalFit: {workloadFit: 5, integration: 4, performance: 4}
            economics: {tco: 4, pricePredictability: 4, scalingEconomics: 4}
            viability: {financialHealth: 4, roadmapAlignment: 4, supportQuality: 5}
            lockIn: {dataPortability: 4, openStandards: 5, exitTerms: 4}
          weightedScorePct: 84.7
          decision: go
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
    BigDecimal tolerancePct = context.plan().config().tolerancePct().max(BigDecimal.ZERO);
    for (VendorEvaluation evaluation : context.plan().vendorEvaluations()) {
      if (!DimensionNames.weightsAddUp(evaluation)) {
        continue;
      }
      for (VendorEvaluation.Vendor vendor : evaluation.vendors()) {
        if (vendor.weightedScorePct().isEmpty() || !scoresValid(vendor)) {
          continue;
        }
        BigDecimal declared = vendor.weightedScorePct().get();
        VendorScore score = VendorScore.of(evaluation, vendor);
        BigDecimal computed = score.weightedPct();
        BigDecimal allowed = computed.abs().multiply(tolerancePct).movePointLeft(2);
        if (declared.subtract(computed).abs().compareTo(allowed) <= 0) {
          continue;
        }
        context.report(
            vendor.at().location("weightedScorePct"),
            "vendor '"
                + vendor.id()
                + "' is declared at "
                + Numbers.percent(declared)
                + " but its scores give "
                + Numbers.percent(computed)
                + " ("
                + DimensionNames.means(score)
                + "; tolerance "
                + Numbers.percent(tolerancePct)
                + ")",
            "Declare 'weightedScorePct: "
                + Numbers.plain(computed)
                + "', or correct the scores it was meant to come from.");
      }
    }
  }

  private static boolean scoresValid(VendorEvaluation.Vendor vendor) {
    return vendor.scores().values().stream()
        .map(Map::values)
        .flatMap(Collection::stream)
        .allMatch(VendorScore::isValidScore);
  }
}
