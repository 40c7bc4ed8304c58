package io.waymark.engine.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.model.Anchor;
import io.waymark.engine.model.Metadata;
import io.waymark.engine.model.VendorEvaluation;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Robustness of vendor evaluations to one weight moving by up to ±10 points or one score by one
 * step. Generated evaluations are checked against a brute-force second computation in exact
 * fractions that tries every whole move from -10 to +10.
 */
class VendorSensitivityTest {

  private static final Anchor AT = Anchor.ofFile("vendors/test.yaml");
  private static final List<String> DIMS = VendorEvaluation.DIMENSIONS;

  /**
   * v-a 82 %, v-b 80 % at 40/30/20/10. Economics 30 → 40 (others x 6/7): v-a (34.29 x 5 + 40 x 3 +
   * 17.14 x 4 + 8.57 x 4) / 5 = 78.86 %, v-b 82.86 %: v-b first, v-a drops to diligence.
   */
  @Test
  void shouldFindThatAWeightMoveCostsTheLeaderFirstPlace() {
    VendorSensitivity s =
        VendorSensitivity.of(
            evaluation(
                weights(40, 30, 20, 10), vendor("v-a", 5, 3, 4, 4), vendor("v-b", 4, 5, 3, 3)));

    assertThat(s.ranking()).containsExactly("v-a", "v-b");
    assertThat(s.selected()).contains("v-a");
    assertThat(s.selectedFragile()).isTrue();
    assertThat(s.flips())
        .filteredOn(f -> f.change().equals("weight economics 30 → 40"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.effects())
                    .containsExactly("v-a go → diligence (78.86%)", "top two v-a, v-b → v-b, v-a"));
  }

  /**
   * 78 % today: (40·4 + 30·4 + 20·4 + 10·3) / 5. Without lockIn the others are scaled by 10/9 and
   * the score is 360 · 10/9 / 5 = 80 % exactly, a go; lockIn 3 → 4 gives 80 % exactly as well. A
   * rounding calculation would see 79.999…; the flip must be found.
   */
  @Test
  void shouldFlipToGoExactlyAtEightyPercent() {
    VendorSensitivity s =
        VendorSensitivity.of(evaluation(weights(40, 30, 20, 10), vendor("v-a", 4, 4, 4, 3)));

    assertThat(s.flips())
        .extracting(VendorSensitivity.Flip::change)
        .contains("weight lockIn 10 → 0", "v-a lockIn.c 3 → 4");
    assertThat(s.flips())
        .filteredOn(f -> f.change().equals("weight lockIn 10 → 0"))
        .singleElement()
        .satisfies(f -> assertThat(f.effects()).containsExactly("v-a diligence → go (80.00%)"));
  }

  /** Exactly at 80 % a vendor stays go when a move keeps it at 80 %: no flip without a change. */
  @Test
  void shouldKeepGoWhenAMoveLandsExactlyOnEightyPercent() {
    // All 4s: 80 % whatever the weights; only a score step moves it.
    VendorSensitivity s =
        VendorSensitivity.of(evaluation(weights(40, 30, 20, 10), vendor("v-a", 4, 4, 4, 4)));

    assertThat(s.flips())
        .extracting(VendorSensitivity.Flip::change)
        .noneMatch(c -> c.startsWith("weight"));
    assertThat(s.flips())
        .extracting(VendorSensitivity.Flip::change)
        .containsExactly(
            "v-a technicalFit.c 4 → 3",
            "v-a economics.c 4 → 3",
            "v-a viability.c 4 → 3",
            "v-a lockIn.c 4 → 3");
  }

  /** 58 % today: (40·3 + 30·3 + 20·3 + 10·2) / 5; without lockIn 270 · 10/9 / 5 = 60 % exactly. */
  @Test
  void shouldFlipToDiligenceExactlyAtSixtyPercent() {
    VendorSensitivity s =
        VendorSensitivity.of(evaluation(weights(40, 30, 20, 10), vendor("v-a", 3, 3, 3, 2)));

    assertThat(s.flips())
        .filteredOn(f -> f.change().equals("weight lockIn 10 → 0"))
        .singleElement()
        .satisfies(f -> assertThat(f.effects()).containsExactly("v-a no-go → diligence (60.00%)"));
    assertThat(s.selected()).isEmpty();
    assertThat(s.selectedFragile()).isFalse();
  }

  /** The runner-up's band may flip without touching the leader's choice. */
  @Test
  void shouldTellALeaderThatHoldsFromAnEvaluationThatMoves() {
    VendorSensitivity s =
        VendorSensitivity.of(
            evaluation(
                weights(40, 30, 20, 10), vendor("v-a", 5, 4, 5, 4), vendor("v-b", 3, 3, 3, 3)));

    assertThat(s.selected()).contains("v-a");
    assertThat(s.robust()).isFalse();
    assertThat(s.selectedFragile()).isFalse();
    assertThat(s.flips()).allSatisfy(f -> assertThat(f.change()).startsWith("v-b"));
  }

  @Test
  void shouldAgreeWithABruteForceComputationOnGeneratedEvaluations() {
    Random random = new Random(42L);
    int fragile = 0;
    for (int i = 0; i < 150; i++) {
      int[] w = new int[4];
      int left = 20;
      for (int d = 0; d < 3; d++) {
        w[d] = random.nextInt(left + 1);
        left -= w[d];
      }
      w[3] = left;
      List<VendorEvaluation.Vendor> vendors = new ArrayList<>();
      int count = 2 + random.nextInt(2);
      for (int v = 0; v < count; v++) {
        vendors.add(
            vendor(
                "v-" + v,
                2 + random.nextInt(3),
                2 + random.nextInt(3),
                2 + random.nextInt(3),
                2 + random.nextInt(3)));
      }
      VendorEvaluation e =
          evaluation(
              weights(w[0] * 5, w[1] * 5, w[2] * 5, w[3] * 5),
              vendors.toArray(new VendorEvaluation.Vendor[0]));
      VendorSensitivity s = VendorSensitivity.of(e);

      Set<String> expected = new TreeSet<>();
      Brute base = Brute.of(e, weightsOf(e), e.vendors());
      for (String dim : DIMS) {
        for (int d = -10; d <= 10; d++) {
          Map<String, Rational> moved = BruteWeights.move(weightsOf(e), dim, d);
          if (moved != null && base.differs(Brute.of(e, moved, e.vendors()))) {
            expected.add("weight " + dim + (d < 0 ? " -" : " +"));
          }
        }
      }
      for (int v = 0; v < e.vendors().size(); v++) {
        for (String dim : DIMS) {
          for (int step : new int[] {-1, 1}) {
            BigDecimal now = e.vendors().get(v).scores().get(dim).get("c");
            BigDecimal next = now.add(BigDecimal.valueOf(step));
            if (next.signum() <= 0 || next.compareTo(BigDecimal.valueOf(5)) > 0) {
              continue;
            }
            List<VendorEvaluation.Vendor> changed = new ArrayList<>(e.vendors());
            changed.set(v, withScore(changed.get(v), dim, next));
            if (base.differs(Brute.of(e, weightsOf(e), changed))) {
              expected.add(e.vendors().get(v).id() + " " + dim + ".c " + now + " → " + next);
            }
          }
        }
      }
      Set<String> actual = new TreeSet<>();
      for (VendorSensitivity.Flip f : s.flips()) {
        if (f.change().startsWith("weight ")) {
          String[] parts = f.change().split(" ");
          boolean up = new BigDecimal(parts[4]).compareTo(new BigDecimal(parts[2])) > 0;
          actual.add("weight " + parts[1] + (up ? " +" : " -"));
        } else {
          actual.add(f.change());
        }
      }
      assertThat(actual)
          .as("flips of evaluation %d (weights %s)", i, weightsOf(e))
          .isEqualTo(expected);
      assertThat(s.ranking()).as("ranking %d", i).isEqualTo(base.ranking);
      if (s.selectedFragile()) {
        fragile++;
      }
    }
    assertThat(fragile).isGreaterThan(10);
  }

  // ---- the brute-force second computation, in exact fractions ----

  record Rational(BigInteger num, BigInteger den) implements Comparable<Rational> {
    static Rational of(long n) {
      return new Rational(BigInteger.valueOf(n), BigInteger.ONE);
    }

    static Rational of(BigDecimal d) {
      BigDecimal s = d.stripTrailingZeros();
      return s.scale() <= 0
          ? new Rational(s.toBigIntegerExact(), BigInteger.ONE)
          : new Rational(s.unscaledValue(), BigInteger.TEN.pow(s.scale()));
    }

    Rational plus(Rational o) {
      return new Rational(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
    }

    Rational times(Rational o) {
      return new Rational(num.multiply(o.num), den.multiply(o.den));
    }

    Rational over(Rational o) {
      return new Rational(num.multiply(o.den), den.multiply(o.num));
    }

    @Override
    public int compareTo(Rational o) {
      return num.multiply(o.den)
          .multiply(BigInteger.valueOf(o.den.signum() * den.signum()))
          .compareTo(
              o.num.multiply(den).multiply(BigInteger.valueOf(o.den.signum() * den.signum())));
    }
  }

  static final class BruteWeights {
    /** w_dim + d, the others times (100 − w_dim − d)/(100 − w_dim); null when out of range. */
    static Map<String, Rational> move(Map<String, Rational> w, String dim, int d) {
      Rational total = Rational.of(0);
      for (Rational r : w.values()) {
        total = total.plus(r);
      }
      Rational mine = w.get(dim).plus(Rational.of(d));
      Rational rest = total.plus(w.get(dim).times(Rational.of(-1)));
      if (mine.compareTo(Rational.of(0)) < 0
          || mine.compareTo(total) > 0
          || rest.num().signum() == 0) {
        return null;
      }
      Rational factor = total.plus(mine.times(Rational.of(-1))).over(rest);
      Map<String, Rational> out = new LinkedHashMap<>();
      for (String k : DIMS) {
        out.put(k, k.equals(dim) ? mine : w.get(k).times(factor));
      }
      return out;
    }
  }

  record Brute(List<String> ranking, Map<String, String> bands) {
    static Brute of(
        VendorEvaluation e, Map<String, Rational> w, List<VendorEvaluation.Vendor> vendors) {
      Map<String, Rational> score = new LinkedHashMap<>();
      Map<String, String> bands = new LinkedHashMap<>();
      for (VendorEvaluation.Vendor v : vendors) {
        Rational s = Rational.of(0);
        for (String dim : DIMS) {
          Map<String, BigDecimal> c = v.scores().get(dim);
          Rational sum = Rational.of(0);
          for (BigDecimal x : c.values()) {
            sum = sum.plus(Rational.of(x));
          }
          s = s.plus(w.get(dim).times(sum.over(Rational.of(c.size()))).over(Rational.of(5)));
        }
        score.put(v.id(), s);
        bands.put(
            v.id(),
            s.compareTo(Rational.of(80)) >= 0
                ? "go"
                : s.compareTo(Rational.of(60)) >= 0 ? "diligence" : "no-go");
      }
      List<String> ranking = new ArrayList<>(score.keySet());
      ranking.sort((a, b) -> score.get(b).compareTo(score.get(a)));
      return new Brute(ranking, bands);
    }

    boolean differs(Brute o) {
      return !bands.equals(o.bands) || !ranking.subList(0, 2).equals(o.ranking.subList(0, 2));
    }
  }

  private static Map<String, Rational> weightsOf(VendorEvaluation e) {
    Map<String, Rational> w = new LinkedHashMap<>();
    for (String d : DIMS) {
      w.put(d, Rational.of(e.weights().of(d)));
    }
    return w;
  }

  // ---- fixtures ----

  private static VendorEvaluation evaluation(
      VendorEvaluation.Weights w, VendorEvaluation.Vendor... vendors) {
    return new VendorEvaluation(
        new Metadata("eval-test", "Test", "owner", Map.of()),
        "test",
        w,
        new VendorEvaluation.Thresholds(BigDecimal.valueOf(80), BigDecimal.valueOf(60), AT),
        List.of(vendors),
        AT);
  }

  private static VendorEvaluation.Weights weights(int tf, int ec, int vi, int li) {
    return new VendorEvaluation.Weights(
        BigDecimal.valueOf(tf),
        BigDecimal.valueOf(ec),
        BigDecimal.valueOf(vi),
        BigDecimal.valueOf(li),
        AT);
  }

  /** One criterion "c" per dimension. */
  private static VendorEvaluation.Vendor vendor(String id, int tf, int ec, int vi, int li) {
    Map<String, Map<String, BigDecimal>> scores = new LinkedHashMap<>();
    int[] values = {tf, ec, vi, li};
    for (int d = 0; d < 4; d++) {
      scores.put(DIMS.get(d), Map.of("c", BigDecimal.valueOf(values[d])));
    }
    return new VendorEvaluation.Vendor(id, id, scores, 3, List.of(), "go", AT);
  }

  private static VendorEvaluation.Vendor withScore(
      VendorEvaluation.Vendor v, String dim, BigDecimal score) {
    Map<String, Map<String, BigDecimal>> scores = new LinkedHashMap<>(v.scores());
    scores.put(dim, Map.of("c", score));
    return new VendorEvaluation.Vendor(
        v.id(), v.name(), scores, v.references(), v.redFlags(), v.decision(), v.at());
  }
}
