package io.waymark.engine.vendor;

import io.waymark.engine.model.VendorEvaluation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One vendor's result in its evaluation (SPEC §3.1): per dimension the mean of its criterion
 * scores, the weighted score {@code Σ weight_d × mean_d / 5} in percent (a vendor scoring 4
 * everywhere is at exactly 80%), and the band that score falls in.
 *
 * <p>The band is decided on the exact rational value of the weighted score, so no rounding can move
 * a vendor across a threshold; {@link #weightedPct} and {@link #means} are that value rounded to
 * {@value #SCALE} decimals, for display. A dimension with no criteria has a mean of 0 and so adds
 * nothing to the weighted score.
 *
 * @param vendorId the vendor's id
 * @param means the mean score (0–5) of each dimension, in {@link VendorEvaluation#DIMENSIONS} order
 * @param weightedPct the weighted score in percent, rounded to {@value #SCALE} decimals
 * @param band the band of the exact weighted score
 */
public record VendorScore(
    String vendorId, Map<String, BigDecimal> means, BigDecimal weightedPct, Band band) {

  /** Decimals of the displayed means and weighted score. */
  public static final int SCALE = 6;

  private static final BigDecimal FIVE = BigDecimal.valueOf(5);

  public VendorScore {
    Objects.requireNonNull(vendorId, "vendorId");
    Objects.requireNonNull(weightedPct, "weightedPct");
    Objects.requireNonNull(band, "band");
    means = Collections.unmodifiableMap(new LinkedHashMap<>(means));
  }

  /** The decision bands of the methodology: go, further due diligence, no-go. */
  public enum Band {
    GO("go"),
    DILIGENCE("diligence"),
    NO_GO("no-go");

    private final String id;

    Band(String id) {
      this.id = id;
    }

    /** The kebab-case id used in YAML ({@code decision: no-go}). */
    public String id() {
      return id;
    }

    /** The band with this YAML id, if any. */
    public static Optional<Band> parse(String id) {
      for (Band b : values()) {
        if (b.id.equals(id)) {
          return Optional.of(b);
        }
      }
      return Optional.empty();
    }
  }

  /** Scores {@code vendor} with the weights and thresholds of {@code evaluation}. */
  public static VendorScore of(VendorEvaluation evaluation, VendorEvaluation.Vendor vendor) {
    VendorEvaluation.Weights weights = evaluation.weights();
    Map<String, BigDecimal> sums = new LinkedHashMap<>();
    Map<String, Integer> counts = new LinkedHashMap<>();
    BigInteger common = BigInteger.ONE;
    for (String dimension : VendorEvaluation.DIMENSIONS) {
      Map<String, BigDecimal> criteria = vendor.scores().getOrDefault(dimension, Map.of());
      sums.put(dimension, criteria.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
      counts.put(dimension, criteria.size());
      if (!criteria.isEmpty()) {
        common = lcm(common, BigInteger.valueOf(criteria.size()));
      }
    }
    // weighted = Σ w_d × sum_d / n_d / 5 = numerator / (5 × common), exactly.
    BigDecimal numerator = BigDecimal.ZERO;
    Map<String, BigDecimal> means = new LinkedHashMap<>();
    for (String dimension : VendorEvaluation.DIMENSIONS) {
      int n = counts.get(dimension);
      if (n == 0) {
        means.put(dimension, BigDecimal.ZERO.setScale(SCALE));
        continue;
      }
      BigDecimal sum = sums.get(dimension);
      means.put(dimension, sum.divide(BigDecimal.valueOf(n), SCALE, RoundingMode.HALF_EVEN));
      BigDecimal factor = new BigDecimal(common.divide(BigInteger.valueOf(n)));
      numerator = numerator.add(weights.of(dimension).multiply(sum).multiply(factor));
    }
    BigDecimal denominator = FIVE.multiply(new BigDecimal(common));
    BigDecimal weightedPct = numerator.divide(denominator, SCALE, RoundingMode.HALF_EVEN);
    VendorEvaluation.Thresholds thresholds = evaluation.thresholds();
    Band band;
    if (numerator.compareTo(thresholds.go().multiply(denominator)) >= 0) {
      band = Band.GO;
    } else if (numerator.compareTo(thresholds.diligence().multiply(denominator)) >= 0) {
      band = Band.DILIGENCE;
    } else {
      band = Band.NO_GO;
    }
    return new VendorScore(vendor.id(), means, weightedPct, band);
  }

  /** True for a score the methodology allows: a whole number from 1 to 5. */
  public static boolean isValidScore(BigDecimal score) {
    return score.stripTrailingZeros().scale() <= 0
        && score.compareTo(BigDecimal.ONE) >= 0
        && score.compareTo(FIVE) <= 0;
  }

  private static BigInteger lcm(BigInteger a, BigInteger b) {
    return a.multiply(b).divide(a.gcd(b));
  }
}
