package io.waymark.engine.rules.vendor;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.stream.Collectors;

/** The four dimension weights of an evaluation add up to 100%. */
public final class VendorWeightsRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "vendor-weights",
          Severity.ERROR,
          "vendors",
          "The dimension weights of a vendor evaluation do not add up to 100%.",
          """
          Vendors are compared on four weighted dimensions: technical fit (40%), economics
          (30%), vendor viability (20%) and lock-in risk (10%). The weighted score is read
          against fixed thresholds (80% go, 60-79% further due diligence, below 60% no-go), so
          the weights must add up to 100: with 95 even a perfect vendor tops out at 95%, with
          110 a mediocre one drifts into go. Re-weighting for a category (say, more weight on
          lock-in for a data platform) is fine as long as the total stays 100.""",
          """
          Adjust the weights so that technicalFit + economics + viability + lockIn = 100; leave
          `weights` at the methodology's 40/30/20/10 unless the category needs otherwise.""",
          """
          weights: {technicalFit: 40, economics: 30, viability: 20, lockIn: 20}   # 110
          """,
          """
          weights: {technicalFit: 40, economics: 30, viability: 20, lockIn: 10}
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
      if (DimensionNames.weightsAddUp(evaluation)) {
        continue;
      }
      VendorEvaluation.Weights weights = evaluation.weights();
      String terms =
          VendorEvaluation.DIMENSIONS.stream()
              .map(d -> DimensionNames.label(d) + " " + Numbers.plain(weights.of(d)))
              .collect(Collectors.joining(" + "));
      context.report(
          weights.at().location(),
          "weights of '"
              + evaluation.metadata().id()
              + "' add up to "
              + Numbers.percent(weights.sum())
              + " ("
              + terms
              + "), not 100%",
          "Make technicalFit + economics + viability + lockIn = 100 (the methodology uses"
              + " 40/30/20/10).");
    }
  }
}
