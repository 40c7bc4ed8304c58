package io.waymark.engine.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.model.Anchor;
import io.waymark.engine.model.Metadata;
import io.waymark.engine.model.VendorEvaluation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link VendorSensitivity} combines per-dimension terms instead of scoring every vendor again for
 * every perturbation: on generated evaluations (several criteria per dimension, decimal weights and
 * scores, missing and unknown dimensions, repeated vendor ids, thresholds anywhere) it must give
 * exactly the result of the straightforward computation, every flip's wording included.
 */
class VendorSensitivityDifferentialTest {

  private static final Anchor AT = Anchor.ofFile("vendors/test.yaml");
  private static final List<String> DIMS = VendorEvaluation.DIMENSIONS;

  @Test
  void shouldGiveExactlyTheStraightforwardResultOnGeneratedEvaluations() {
    Random random = new Random(13L);
    int flips = 0;
    int fragile = 0;
    for (int i = 0; i < 600; i++) {
      VendorEvaluation e = generated(random);

      VendorSensitivity fast = VendorSensitivity.of(e);

      assertThat(fast).as("evaluation %d: %s", i, e).isEqualTo(StraightforwardSensitivity.of(e));
      flips += fast.flips().size();
      fragile += fast.selectedFragile() ? 1 : 0;
    }
    // The generated evaluations exercise what is compared: many flips, fragile and robust choices.
    assertThat(flips).isGreaterThan(1000);
    assertThat(fragile).isBetween(50, 550);
  }

  @Test
  void shouldGiveExactlyTheStraightforwardResultForTheRulesExample() {
    VendorEvaluation e =
        evaluation(
            weights("40", "30", "20", "10"),
            thresholds("80", "60"),
            vendor(
                "v-a", Map.of("technicalFit", Map.of("fit", "5"), "economics", Map.of("p", "3"))),
            vendor(
                "v-a", Map.of("technicalFit", Map.of("fit", "4"), "economics", Map.of("p", "5"))),
            vendor("v-b", Map.of("unknown", Map.of("x", "2"), "lockIn", Map.of("f", "3"))));

    assertThat(VendorSensitivity.of(e)).isEqualTo(StraightforwardSensitivity.of(e));
  }

  private static VendorEvaluation generated(Random random) {
    VendorEvaluation.Weights weights =
        random.nextInt(4) == 0
            ? weights(decimal(random, 60), decimal(random, 40), decimal(random, 30), "0")
            : weights(
                String.valueOf(5 * random.nextInt(9)),
                String.valueOf(5 * random.nextInt(9)),
                String.valueOf(5 * random.nextInt(7)),
                String.valueOf(5 * random.nextInt(5)));
    int go = 55 + random.nextInt(35);
    VendorEvaluation.Thresholds thresholds =
        thresholds(
            String.valueOf(go), random.nextBoolean() ? "60" : decimal(random, Math.max(1, go - 1)));
    int count = 1 + random.nextInt(4);
    List<VendorEvaluation.Vendor> vendors = new ArrayList<>();
    for (int v = 0; v < count; v++) {
      Map<String, Map<String, String>> scores = new LinkedHashMap<>();
      for (String dim : DIMS) {
        if (random.nextInt(8) == 0) {
          continue; // a dimension this vendor was not scored on
        }
        Map<String, String> criteria = new LinkedHashMap<>();
        int n = random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(4);
        for (int c = 0; c < n; c++) {
          criteria.put(
              "c" + c,
              random.nextInt(6) == 0
                  ? (1 + random.nextInt(4)) + ".5"
                  : String.valueOf(1 + random.nextInt(5)));
        }
        scores.put(dim, criteria);
      }
      if (random.nextInt(10) == 0) {
        scores.put("unknown", Map.of("x", String.valueOf(1 + random.nextInt(5))));
      }
      String id = random.nextInt(12) == 0 && v > 0 ? "v-0" : "v-" + v;
      vendors.add(vendor(id, scores));
    }
    return evaluation(weights, thresholds, vendors.toArray(new VendorEvaluation.Vendor[0]));
  }

  private static String decimal(Random random, int below) {
    return random.nextInt(below) + "." + random.nextInt(100);
  }

  private static VendorEvaluation evaluation(
      VendorEvaluation.Weights w, VendorEvaluation.Thresholds t, VendorEvaluation.Vendor... v) {
    return new VendorEvaluation(
        new Metadata("eval-test", "Test", "owner", Map.of()), "test", w, t, List.of(v), AT);
  }

  private static VendorEvaluation.Weights weights(String tf, String ec, String vi, String li) {
    return new VendorEvaluation.Weights(
        new BigDecimal(tf), new BigDecimal(ec), new BigDecimal(vi), new BigDecimal(li), AT);
  }

  private static VendorEvaluation.Thresholds thresholds(String go, String diligence) {
    return new VendorEvaluation.Thresholds(new BigDecimal(go), new BigDecimal(diligence), AT);
  }

  private static VendorEvaluation.Vendor vendor(
      String id, Map<String, Map<String, String>> scores) {
    Map<String, Map<String, BigDecimal>> exact = new LinkedHashMap<>();
    scores.forEach(
        (dim, criteria) -> {
          Map<String, BigDecimal> values = new LinkedHashMap<>();
          criteria.forEach((c, s) -> values.put(c, new BigDecimal(s)));
          exact.put(dim, values);
        });
    return new VendorEvaluation.Vendor(id, id, exact, 3, List.of(), "go", AT);
  }
}
