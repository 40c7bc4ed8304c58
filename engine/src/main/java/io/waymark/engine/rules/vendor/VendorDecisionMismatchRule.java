package io.waymark.engine.rules.vendor;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import io.waymark.engine.vendor.VendorScore;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** A vendor's declared decision is the band its weighted score falls in. */
public final class VendorDecisionMismatchRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "vendor-decision-mismatch",
          Severity.ERROR,
          "vendors",
          "A vendor's declared decision differs from the band of its weighted score.",
          """
          The methodology fixes the decision to the weighted score: 80% or more is a go,
          60-79% calls for further due diligence, below 60% is a no-go (the weighted score is
          the sum over technical fit 40%, economics 30%, viability 20% and lock-in 10% of
          weight x mean criterion score / 5, so scoring 4 everywhere lands exactly on 80%).
          A declared go on a 72% vendor means someone overrode the scorecard without saying
          why; a no-go on an 85% vendor throws away the best candidate. Waymark recomputes the
          score exactly (no rounding near a threshold) with the evaluation's own weights and
          thresholds. Evaluations whose weights do not add up to 100 and vendors with a score
          outside 1-5 are left to `vendor-weights` and `vendor-score-range`.""",
          """
          Set `decision` to the computed band. If the scorecard is wrong, fix the scores (and
          say in a comment what changed); if the board decided against the scorecard, record
          that as a Governance decision and keep the evaluation honest.""",
          """
          scores:   # 70% -> diligence
            technicalFit: {workloadFit: 4, integration: 4, performance: 3}
            economics: {tco: 3, pricePredictability: 3, scalingEconomics: 4}
            viability: {financialHealth: 4, roadmapAlignment: 3, supportQuality: 4}
            lockIn: {dataPortability: 3, openStandards: 2, exitTerms: 4}
          decision: go
          """,
          """
          scores:   # 70% -> diligence
            technicalFit: {workloadFit: 4, integration: 4, performance: 3}
            economics: {tco: 3, pricePredictability: 3, scalingEconomics: 4}
            viability: {financialHealth: 4, roadmapAlignment: 3, supportQuality: 4}
            lockIn: {dataPortability: 3, openStandards: 2, exitTerms: 4}
          decision: diligence
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
    for (VendorEvaluation evaluation : context.plan().vendorEvaluations()) {
      if (!DimensionNames.weightsAddUp(evaluation)) {
        continue;
      }
      for (VendorEvaluation.Vendor vendor : evaluation.vendors()) {
        Optional<VendorScore.Band> declared = VendorScore.Band.parse(vendor.decision());
        if (declared.isEmpty() || !scoresValid(vendor)) {
          continue;
        }
        VendorScore score = VendorScore.of(evaluation, vendor);
        if (score.band() == declared.get()) {
          continue;
        }
        context.report(
            vendor.at().location("decision"),
            "vendor '"
                + vendor.id()
                + "' is declared "
                + declared.get().id()
                + " but scores "
                + Numbers.percent(score.weightedPct())
                + " ("
                + DimensionNames.means(score)
                + "), which is "
                + score.band().id()
                + " ("
                + DimensionNames.bands(evaluation.thresholds())
                + ")",
            "Set 'decision: "
                + score.band().id()
                + "', or correct the scores if they do not reflect the evaluation.");
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
