package io.waymark.engine.rules.vendor;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.vendor.VendorScore;
import java.math.BigDecimal;
import java.util.stream.Collectors;

/** How findings name the four scoring dimensions and the thresholds. */
final class DimensionNames {

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private DimensionNames() {}

  static String label(String dimension) {
    return switch (dimension) {
      case "technicalFit" -> "technical fit";
      case "economics" -> "economics";
      case "viability" -> "viability";
      case "lockIn" -> "lock-in";
      default -> dimension;
    };
  }

  /** "technical fit 4.33, economics 4, viability 4.33, lock-in 4.33". */
  static String means(VendorScore score) {
    return VendorEvaluation.DIMENSIONS.stream()
        .map(d -> label(d) + " " + Numbers.plain(score.means().get(d)))
        .collect(Collectors.joining(", "));
  }

  /** "go ≥ 80%, diligence ≥ 60%, no-go below". */
  static String bands(VendorEvaluation.Thresholds thresholds) {
    return "go ≥ "
        + Numbers.percent(thresholds.go())
        + ", diligence ≥ "
        + Numbers.percent(thresholds.diligence())
        + ", no-go below";
  }

  static boolean weightsAddUp(VendorEvaluation evaluation) {
    return evaluation.weights().sum().compareTo(HUNDRED) == 0;
  }
}
