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
 * How robust a vendor evaluation is (issue 10 §4): does any vendor's go / diligence / no-go band,
 * or the ranking of the top two, change when one weight moves by up to ±10 points (the other
 * weights rescaled so that the total stays the same) or one criterion score moves by one step?
 *
 * <p>Exact: every weighted score is kept as a numerator over one denominator shared by every vendor
 * and perturbation of the evaluation, so bands and ranks are decided without rounding (a vendor
 * that lands exactly on 80 % is a go). For a weight move it is enough to try the two ends, ±10
 * points: each vendor's score is linear in the move, so a band or an order that holds at both ends
 * holds everywhere between them.
 *
 * @param evaluation the evaluation's id
 * @param ranking vendor ids by weighted score, best first (ties in document order)
 * @param selected the first-ranked vendor when its band is go or diligence; empty otherwise
 * @param flips every perturbation that changes a band or the top two, in a stable order
 */
public record VendorSensitivity(
    String evaluation, List<String> ranking, Optional<String> selected, List<Flip> flips) {

  /** How far one weight is moved, in points. */
  public static final BigDecimal WEIGHT_MOVE = BigDecimal.TEN;

  private static final BigDecimal FIVE = BigDecimal.valueOf(5);

  public VendorSensitivity {
    ranking = List.copyOf(ranking);
    flips = List.copyOf(flips);
  }

  /**
   * One perturbation that changes the outcome.
   *
   * @param change what was moved, e.g. "weight economics 30 → 40" or "v-acme economics.pricing 4 →
   *     3"
   * @param effects what changed, e.g. "v-acme go → diligence", "first place v-acme → v-beta"
   * @param selectedAffected true when the selected vendor loses first place or its band
   */
  public record Flip(String change, List<String> effects, boolean selectedAffected) {
    public Flip {
      effects = List.copyOf(effects);
    }
  }

  /** True when no perturbation changes a band or the top two. */
  public boolean robust() {
    return flips.isEmpty();
  }

  /** True when some perturbation costs the selected vendor first place or its band. */
  public boolean selectedFragile() {
    return flips.stream().anyMatch(Flip::selectedAffected);
  }

  public static VendorSensitivity of(VendorEvaluation evaluation) {
    return new Scorer(evaluation).analyse();
  }

  /**
   * Exact scores of every vendor under given weights (scaled by a common factor). Each vendor's
   * weighted score is a sum over the dimensions of weight times a term that does not depend on the
   * weights (the dimension's score sum times {@code common} over its criterion count): the terms
   * are worked out once, a weight move only recombines them, and a score step changes one vendor's
   * numerator by weight times step times its per-criterion factor. Every step is exact, so the
   * numerators are those a recomputation from the moved scores gives.
   */
  private static final class Scorer {
    private final VendorEvaluation evaluation;
    private final List<VendorEvaluation.Vendor> vendors;
    private final BigInteger common;

    /** Per vendor and dimension: the score sum times common / criteria; null without criteria. */
    private final BigDecimal[][] terms;

    /** Per vendor and dimension: common / criteria; null without criteria. */
    private final BigDecimal[][] units;

    /**
     * The vendor ids, each once, in the order first met: what an outcome ranks (an id written twice
     * counts once, with the scores of its last vendor, as a map by id keeps them).
     */
    private final List<String> ids;

    /** Per id of {@link #ids}: the index of the last vendor with it. */
    private final int[] lastOf;

    /** The score thresholds for weights that add up to the evaluation's total (factor 1). */
    private final Thresholds atOne;

    Scorer(VendorEvaluation evaluation) {
      this.evaluation = evaluation;
      this.vendors = evaluation.vendors();
      BigInteger l = BigInteger.ONE;
      for (VendorEvaluation.Vendor v : vendors) {
        for (Map<String, BigDecimal> criteria : v.scores().values()) {
          if (!criteria.isEmpty()) {
            BigInteger n = BigInteger.valueOf(criteria.size());
            l = l.multiply(n).divide(l.gcd(n));
          }
        }
      }
      this.common = l;
      int dimensions = VendorEvaluation.DIMENSIONS.size();
      this.terms = new BigDecimal[vendors.size()][dimensions];
      this.units = new BigDecimal[vendors.size()][dimensions];
      for (int i = 0; i < vendors.size(); i++) {
        Map<String, Map<String, BigDecimal>> scores = vendors.get(i).scores();
        for (int d = 0; d < dimensions; d++) {
          Map<String, BigDecimal> criteria =
              scores.getOrDefault(VendorEvaluation.DIMENSIONS.get(d), Map.of());
          if (criteria.isEmpty()) {
            continue;
          }
          BigDecimal sum = BigDecimal.ZERO;
          for (BigDecimal score : criteria.values()) {
            sum = sum.add(score);
          }
          units[i][d] = new BigDecimal(common.divide(BigInteger.valueOf(criteria.size())));
          terms[i][d] = sum.multiply(units[i][d]);
        }
      }
      Map<String, Integer> slot = new LinkedHashMap<>();
      List<Integer> last = new ArrayList<>();
      for (int i = 0; i < vendors.size(); i++) {
        Integer k = slot.putIfAbsent(vendors.get(i).id(), last.size());
        if (k == null) {
          last.add(i);
        } else {
          last.set(k, i);
        }
      }
      this.ids = List.copyOf(slot.keySet());
      this.lastOf = last.stream().mapToInt(Integer::intValue).toArray();
      this.atOne = thresholds(BigDecimal.ONE);
    }

    /** The denominator of a score and its go and diligence thresholds, for weights times factor. */
    private record Thresholds(BigDecimal denominator, BigDecimal go, BigDecimal diligence) {}

    private Thresholds thresholds(BigDecimal factor) {
      // score% = Σ w_d·sum_d/n_d/5 = numerator / (5·common·factor)
      BigDecimal denominator = FIVE.multiply(new BigDecimal(common)).multiply(factor);
      return new Thresholds(
          denominator,
          evaluation.thresholds().go().multiply(denominator),
          evaluation.thresholds().diligence().multiply(denominator));
    }

    VendorSensitivity analyse() {
      List<String> dimensions = VendorEvaluation.DIMENSIONS;
      BigDecimal[] weights = new BigDecimal[dimensions.size()];
      BigDecimal total = BigDecimal.ZERO;
      for (int d = 0; d < weights.length; d++) {
        weights[d] = evaluation.weights().of(dimensions.get(d));
        total = total.add(weights[d]);
      }
      BigDecimal[] baseNumerators = numerators(weights);
      Outcome base = outcome(baseNumerators, BigDecimal.ONE);
      Optional<String> selected =
          base.ranking.length == 0 || base.bands[base.ranking[0]] == VendorScore.Band.NO_GO
              ? Optional.empty()
              : Optional.of(ids.get(base.ranking[0]));
      List<Flip> flips = new ArrayList<>();
      for (int m = 0; m < weights.length; m++) {
        String dimension = dimensions.get(m);
        BigDecimal w = weights[m];
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
          BigDecimal[] scaled = new BigDecimal[weights.length];
          BigDecimal others = total.subtract(moved);
          for (int d = 0; d < weights.length; d++) {
            scaled[d] = d == m ? moved.multiply(rest) : weights[d].multiply(others);
          }
          Outcome o = outcome(numerators(scaled), rest);
          compare(
                  base,
                  o,
                  selected,
                  () -> "weight " + dimension + " " + plain(w) + " → " + plain(moved))
              .ifPresent(flips::add);
        }
      }
      for (int i = 0; i < vendors.size(); i++) {
        VendorEvaluation.Vendor v = vendors.get(i);
        for (Map.Entry<String, Map<String, BigDecimal>> dim : v.scores().entrySet()) {
          int d = dimensions.indexOf(dim.getKey());
          for (Map.Entry<String, BigDecimal> criterion : dim.getValue().entrySet()) {
            for (int step : new int[] {-1, 1}) {
              BigDecimal score = criterion.getValue().add(BigDecimal.valueOf(step));
              if (score.compareTo(BigDecimal.ONE) < 0 || score.compareTo(FIVE) > 0) {
                continue;
              }
              BigDecimal[] numerators = baseNumerators.clone();
              if (d >= 0) {
                // A dimension the weights do not name counts for nothing, moved or not.
                numerators[i] =
                    numerators[i].add(
                        weights[d].multiply(BigDecimal.valueOf(step)).multiply(units[i][d]));
              }
              Outcome o = outcome(numerators, BigDecimal.ONE);
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
      return new VendorSensitivity(
          evaluation.metadata().id(), names(base.ranking), selected, flips);
    }

    /** Each vendor's numerator Σ w_d·sum_d·common/n_d under {@code weights} (by dimension). */
    private BigDecimal[] numerators(BigDecimal[] weights) {
      BigDecimal[] numerators = new BigDecimal[vendors.size()];
      for (int i = 0; i < numerators.length; i++) {
        BigDecimal numerator = BigDecimal.ZERO;
        for (int d = 0; d < weights.length; d++) {
          if (terms[i][d] != null) {
            numerator = numerator.add(weights[d].multiply(terms[i][d]));
          }
        }
        numerators[i] = numerator;
      }
      return numerators;
    }

    /**
     * Bands and ranking of the vendors with {@code numerators} (in vendor order), worked out with
     * weights that add up to the evaluation's total times {@code factor}; the thresholds are scaled
     * by the same factor. By index into {@link #ids}, not by maps of ids: an evaluation is looked
     * at under about a hundred perturbations, and maps per perturbation were most of its cost.
     */
    private Outcome outcome(BigDecimal[] numerators, BigDecimal factor) {
      Thresholds t = factor.equals(BigDecimal.ONE) ? atOne : thresholds(factor);
      int n = ids.size();
      BigDecimal[] byId = new BigDecimal[n];
      VendorScore.Band[] bands = new VendorScore.Band[n];
      Integer[] order = new Integer[n];
      for (int k = 0; k < n; k++) {
        BigDecimal numerator = numerators[lastOf[k]];
        byId[k] = numerator;
        bands[k] =
            numerator.compareTo(t.go()) >= 0
                ? VendorScore.Band.GO
                : numerator.compareTo(t.diligence()) >= 0
                    ? VendorScore.Band.DILIGENCE
                    : VendorScore.Band.NO_GO;
        order[k] = k;
      }
      // A stable sort keeps document order among equal scores.
      java.util.Arrays.sort(order, (a, b) -> byId[b].compareTo(byId[a]));
      int[] ranking = new int[n];
      for (int k = 0; k < n; k++) {
        ranking[k] = order[k];
      }
      return new Outcome(ranking, bands, byId, t.denominator());
    }

    private Optional<Flip> compare(
        Outcome base, Outcome now, Optional<String> selected, Supplier<String> change) {
      List<String> effects = new ArrayList<>(); // no array until an effect is added
      boolean selectedAffected = false;
      for (int k = 0; k < ids.size(); k++) {
        VendorScore.Band before = base.bands[k];
        VendorScore.Band after = now.bands[k];
        if (after != before) {
          String id = ids.get(k);
          effects.add(
              id
                  + " "
                  + before.id()
                  + " → "
                  + after.id()
                  + " ("
                  + now.pct(k).toPlainString()
                  + "%)");
          selectedAffected |= selected.filter(id::equals).isPresent();
        }
      }
      int top = Math.min(2, base.ranking.length);
      int topNow = Math.min(2, now.ranking.length);
      boolean sameTop = top == topNow;
      for (int k = 0; sameTop && k < top; k++) {
        sameTop = base.ranking[k] == now.ranking[k];
      }
      if (!sameTop) {
        effects.add(
            "top two "
                + String.join(", ", names(base.ranking, top))
                + " → "
                + String.join(", ", names(now.ranking, topNow)));
        if (selected.isPresent() && !ids.get(now.ranking[0]).equals(selected.get())) {
          selectedAffected = true;
        }
      }
      return effects.isEmpty()
          ? Optional.empty()
          : Optional.of(new Flip(change.get(), effects, selectedAffected));
    }

    /** The ids of a ranking. */
    private List<String> names(int[] ranking) {
      return names(ranking, ranking.length);
    }

    /** The ids of the first {@code count} of a ranking. */
    private List<String> names(int[] ranking, int count) {
      List<String> out = new ArrayList<>(count);
      for (int k = 0; k < count; k++) {
        out.add(ids.get(ranking[k]));
      }
      return out;
    }

    private static String plain(BigDecimal value) {
      return value.stripTrailingZeros().toPlainString();
    }
  }

  /**
   * Bands and ranking of one scenario, by index into the evaluation's distinct vendor ids; the
   * score percentages are worked out only for the vendors a flip names (thousands of scenarios flip
   * nothing).
   */
  private record Outcome(
      int[] ranking, VendorScore.Band[] bands, BigDecimal[] numerators, BigDecimal denominator) {

    BigDecimal pct(int vendor) {
      return numerators[vendor].divide(denominator, 2, RoundingMode.HALF_EVEN);
    }
  }
}
