package io.waymark.engine.rules.vendor;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.math.BigDecimal;
import java.util.List;

/** Vendor weights and thresholds are the guide's, unless a reason for the change is recorded. */
public final class VendorMethodChangedRule implements Rule {

  /** The guide's weights in percent: technical fit, economics, viability, lock-in. */
  static final List<BigDecimal> WEIGHTS =
      List.of(
          BigDecimal.valueOf(40), BigDecimal.valueOf(30), BigDecimal.valueOf(20), BigDecimal.TEN);

  /** The guide's go threshold in percent. */
  static final BigDecimal GO = BigDecimal.valueOf(80);

  /** The guide's due-diligence threshold in percent. */
  static final BigDecimal DILIGENCE = BigDecimal.valueOf(60);

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "vendor-method-changed",
          Severity.WARNING,
          "vendors",
          "Vendor weights are not 40/30/20/10, or the go/diligence thresholds are not 80/60,"
              + " and no reason is recorded.",
          """
          The guide: "Evaluate vendors on four weighted dimensions: technical fit (40%),
          economics (30%), vendor viability (20%), and lock-in risk (10%) ... Define 80% as your
          go threshold. Scores between 60-79% trigger further due diligence. Anything below
          60% is a no-go." Changing the weights or thresholds can turn a no-go into a go
          without any score changing. A change may be right (a regulator may make lock-in
          matter more), but it must be a visible decision, not a quiet edit.""",
          """
          Use the guide's weights and thresholds, or record why they differ under
          `spec.deviation: {reason: ..., decision: <Governance decision id>}`.""",
          """
          weights: {technicalFit: 30, economics: 50, viability: 10, lockIn: 10}
          """,
          """
          weights: {technicalFit: 30, economics: 30, viability: 20, lockIn: 20}
          deviation:
            reason: Exit terms weigh double after the regulator's outsourcing guidance
            decision: dec-vendor-weights-2027
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
    for (VendorEvaluation e : context.plan().vendorEvaluations()) {
      if (e.deviation().filter(d -> !d.reason().isBlank()).isPresent()) {
        continue;
      }
      VendorEvaluation.Weights w = e.weights();
      List<BigDecimal> weights =
          List.of(w.technicalFit(), w.economics(), w.viability(), w.lockIn());
      boolean weightsChanged = false;
      for (int k = 0; k < WEIGHTS.size(); k++) {
        weightsChanged |= weights.get(k).compareTo(WEIGHTS.get(k)) != 0;
      }
      if (weightsChanged) {
        context.report(
            w.at().location(),
            "vendor evaluation '"
                + e.metadata().id()
                + "' weights "
                + weights.stream().map(Numbers::plain).reduce((a, b) -> a + "/" + b).orElse("")
                + " differ from the guide's 40/30/20/10 and no reason is recorded",
            "Use 40/30/20/10, or add spec.deviation: {reason: ..., decision: <decision id>}.");
      }
      VendorEvaluation.Thresholds t = e.thresholds();
      if (t.go().compareTo(GO) != 0 || t.diligence().compareTo(DILIGENCE) != 0) {
        context.report(
            t.at().location(),
            "vendor evaluation '"
                + e.metadata().id()
                + "' thresholds go "
                + Numbers.plain(t.go())
                + " / diligence "
                + Numbers.plain(t.diligence())
                + " differ from the guide's 80/60 and no reason is recorded",
            "Use go: 80 and diligence: 60, or add spec.deviation: {reason: ...,"
                + " decision: <decision id>}.");
      }
    }
  }
}
