package io.waymark.engine.vendor;

import io.waymark.engine.model.VendorEvaluation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The straightforward computation of {@link VendorSensitivity}, as it stood before the scores were
 * combined from per-dimension terms: every perturbation rebuilds the moved vendor and scores every
 * vendor again from its criteria. {@link VendorSensitivityDifferentialTest} holds the fast path to
 * exactly its results.
 */
final class StraightforwardSensitivity {

  private static final BigDecimal WEIGHT_MOVE = VendorSensitivity.WEIGHT_MOVE;
  private static final BigDecimal FIVE = BigDecimal.valueOf(5);

  private StraightforwardSensitivity() {}

  static VendorSensitivity of(VendorEvaluation evaluation) {
    return new Scorer(evaluation).analyse();
  }

  /** Exact scores of every vendor under given weights (scaled by a common factor). */
  static final class Scorer {
    private final VendorEvaluation evaluation;
    private final BigInteger common;

    Scorer(VendorEvaluation evaluation) {
      this.evaluation = evaluation;
      BigInteger l = BigInteger.ONE;
      for (VendorEvaluation.Vendor v : evaluation.vendors()) {
        for (Map<String, BigDecimal> criteria : v.scores().values()) {
          if (!criteria.isEmpty()) {
            BigInteger n = BigInteger.valueOf(criteria.size());
            l = l.multiply(n).divide(l.gcd(n));
          }
        }
      }
      this.common = l;
    }

    VendorSensitivity analyse() {
      Map<String, BigDecimal> weights = new LinkedHashMap<>();
      for (String d : VendorEvaluation.DIMENSIONS) {
        weights.put(d, evaluation.weights().of(d));
      }
      Outcome base = outcome(weights, BigDecimal.ONE, evaluation.vendors());
      Optional<String> selected =
          base.ranking.isEmpty() || base.bands.get(base.ranking.get(0)) == VendorScore.Band.NO_GO
              ? Optional.empty()
              : Optional.of(base.ranking.get(0));
      List<VendorSensitivity.Flip> flips = new ArrayList<>();
      BigDecimal total = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
      for (String dimension : VendorEvaluation.DIMENSIONS) {
        BigDecimal w = weights.get(dimension);
        BigDecimal rest = total.subtract(w);
        if (rest.signum() <= 0) {
          continue; // one weight carries everything: there is nothing to rescale
        }
        for (BigDecimal move : List.of(WEIGHT_MOVE.negate(), WEIGHT_MOVE)) {
          BigDecimal moved = w.add(move).max(BigDecimal.ZERO).min(total);
          if (moved.compareTo(w) == 0) {
            continue;
          }
          // Every weight times `rest`: this one becomes moved·rest, each other w_j·(total − moved),
          // so the weights still add up to total·rest and no division is needed.
          Map<String, BigDecimal> scaled = new LinkedHashMap<>();
          for (String d : VendorEvaluation.DIMENSIONS) {
            scaled.put(
                d,
                d.equals(dimension)
                    ? moved.multiply(rest)
                    : weights.get(d).multiply(total.subtract(moved)));
          }
          Outcome o = outcome(scaled, rest, evaluation.vendors());
          compare(
                  base,
                  o,
                  selected,
                  () -> "weight " + dimension + " " + plain(w) + " → " + plain(moved))
              .ifPresent(flips::add);
        }
      }
      for (int i = 0; i < evaluation.vendors().size(); i++) {
        VendorEvaluation.Vendor v = evaluation.vendors().get(i);
        for (Map.Entry<String, Map<String, BigDecimal>> dim : v.scores().entrySet()) {
          for (Map.Entry<String, BigDecimal> criterion : dim.getValue().entrySet()) {
            for (int step : new int[] {-1, 1}) {
              BigDecimal score = criterion.getValue().add(BigDecimal.valueOf(step));
              if (score.compareTo(BigDecimal.ONE) < 0 || score.compareTo(FIVE) > 0) {
                continue;
              }
              List<VendorEvaluation.Vendor> vendors = new ArrayList<>(evaluation.vendors());
              vendors.set(i, withScore(v, dim.getKey(), criterion.getKey(), score));
              Outcome o = outcome(weights, BigDecimal.ONE, vendors);
              compare(
                      base,
                      o,
                      selected,
                      () ->
                          v.id()
                              + " "
                              + dim.getKey()
                              + "."
                              + criterion.getKey()
                              + " "
                              + plain(criterion.getValue())
                              + " → "
                              + plain(score))
                  .ifPresent(flips::add);
            }
          }
        }
      }
      return new VendorSensitivity(evaluation.metadata().id(), base.ranking, selected, flips);
    }

    /**
     * Bands and ranking with {@code weights}, which add up to the evaluation's total times {@code
     * factor}; the thresholds are scaled by the same factor.
     */
    private Outcome outcome(
        Map<String, BigDecimal> weights, BigDecimal factor, List<VendorEvaluation.Vendor> vendors) {
      // score% = Σ w_d·sum_d/n_d/5 = numerator / (5·common·factor)
      BigDecimal denominator = FIVE.multiply(new BigDecimal(common)).multiply(factor);
      Map<String, BigDecimal> numerators = new LinkedHashMap<>();
      Map<String, VendorScore.Band> bands = new LinkedHashMap<>();
      BigDecimal go = evaluation.thresholds().go().multiply(denominator);
      BigDecimal diligence = evaluation.thresholds().diligence().multiply(denominator);
      for (VendorEvaluation.Vendor v : vendors) {
        BigDecimal numerator = BigDecimal.ZERO;
        for (String d : VendorEvaluation.DIMENSIONS) {
          Map<String, BigDecimal> criteria = v.scores().getOrDefault(d, Map.of());
          if (criteria.isEmpty()) {
            continue;
          }
          BigDecimal sum = criteria.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
          BigDecimal perCriterion =
              new BigDecimal(common.divide(BigInteger.valueOf(criteria.size())));
          numerator = numerator.add(weights.get(d).multiply(sum).multiply(perCriterion));
        }
        numerators.put(v.id(), numerator);
        bands.put(
            v.id(),
            numerator.compareTo(go) >= 0
                ? VendorScore.Band.GO
                : numerator.compareTo(diligence) >= 0
                    ? VendorScore.Band.DILIGENCE
                    : VendorScore.Band.NO_GO);
      }
      List<String> ranking = new ArrayList<>(numerators.keySet());
      // A stable sort keeps document order among equal scores.
      ranking.sort((a, b) -> numerators.get(b).compareTo(numerators.get(a)));
      return new Outcome(ranking, bands, numerators, denominator);
    }

    private static Optional<VendorSensitivity.Flip> compare(
        Outcome base, Outcome now, Optional<String> selected, Supplier<String> change) {
      List<String> effects = new ArrayList<>();
      boolean selectedAffected = false;
      for (Map.Entry<String, VendorScore.Band> e : base.bands.entrySet()) {
        VendorScore.Band after = now.bands.get(e.getKey());
        if (after != e.getValue()) {
          effects.add(
              e.getKey()
                  + " "
                  + e.getValue().id()
                  + " → "
                  + after.id()
                  + " ("
                  + now.pct(e.getKey()).toPlainString()
                  + "%)");
          selectedAffected |= selected.filter(e.getKey()::equals).isPresent();
        }
      }
      List<String> top = base.ranking.subList(0, Math.min(2, base.ranking.size()));
      List<String> topNow = now.ranking.subList(0, Math.min(2, now.ranking.size()));
      if (!top.equals(topNow)) {
        effects.add("top two " + String.join(", ", top) + " → " + String.join(", ", topNow));
        if (selected.isPresent() && !topNow.get(0).equals(selected.get())) {
          selectedAffected = true;
        }
      }
      return effects.isEmpty()
          ? Optional.empty()
          : Optional.of(new VendorSensitivity.Flip(change.get(), effects, selectedAffected));
    }

    private static VendorEvaluation.Vendor withScore(
        VendorEvaluation.Vendor v, String dimension, String criterion, BigDecimal score) {
      Map<String, Map<String, BigDecimal>> scores = new LinkedHashMap<>();
      v.scores()
          .forEach(
              (d, criteria) -> {
                Map<String, BigDecimal> copy = new LinkedHashMap<>(criteria);
                if (d.equals(dimension)) {
                  copy.put(criterion, score);
                }
                scores.put(d, copy);
              });
      return new VendorEvaluation.Vendor(
          v.id(), v.name(), scores, v.references(), v.redFlags(), v.decision(), v.at());
    }

    private static String plain(BigDecimal value) {
      return value.stripTrailingZeros().toPlainString();
    }
  }

  private record Outcome(
      List<String> ranking,
      Map<String, VendorScore.Band> bands,
      Map<String, BigDecimal> numerators,
      BigDecimal denominator) {

    BigDecimal pct(String vendor) {
      return numerators.get(vendor).divide(denominator, 2, RoundingMode.HALF_EVEN);
    }
  }
}
