package io.waymark.engine.rules.vendor;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import io.waymark.engine.vendor.VendorScore;
import java.math.BigDecimal;
import java.util.Map;

/** Every criterion score is a whole number from 1 to 5. */
public final class VendorScoreRangeRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "vendor-score-range",
          Severity.ERROR,
          "vendors",
          "A vendor criterion score is outside 1-5 or not a whole number.",
          """
          Each criterion is scored on a 1-5 scale, 1 poor and 5 exceptional, and the weighted
          score is the sum of weight x mean / 5. A 0, a 7 or a 3.5 breaks that scale: a 7
          lifts the vendor past the 80% go threshold that a true 5 would not reach, and half
          points hide a decision the evaluators should take. Vendors with such a score are not
          banded by `vendor-decision-mismatch` until the score is fixed.""",
          """
          Score the criterion with a whole number from 1 (poor) to 5 (exceptional). If two
          aspects deserve different scores, split the criterion into two.""",
          """
          technicalFit: {workloadFit: 6, integration: 3.5, performance: 4}
          """,
          """
          technicalFit: {workloadFit: 5, integration: 4, performance: 4}
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
    for (VendorEvaluation.Vendor vendor : context.plan().vendors().toList()) {
      for (Map.Entry<String, Map<String, BigDecimal>> dimension : vendor.scores().entrySet()) {
        for (Map.Entry<String, BigDecimal> criterion : dimension.getValue().entrySet()) {
          BigDecimal score = criterion.getValue();
          if (VendorScore.isValidScore(score)) {
            continue;
          }
          String name = dimension.getKey() + "/" + criterion.getKey();
          boolean whole = score.stripTrailingZeros().scale() <= 0;
          context.report(
              vendor.at().location("scores/" + name),
              "score "
                  + score.toPlainString()
                  + " for "
                  + name
                  + " of vendor '"
                  + vendor.id()
                  + "' is "
                  + (whole ? "outside 1-5" : "not a whole number"),
              "Score "
                  + criterion.getKey()
                  + " with a whole number from 1 (poor) to 5 (exceptional); if two aspects"
                  + " deserve different scores, split the criterion in two.");
        }
      }
    }
  }
}
