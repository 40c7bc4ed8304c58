package io.waymark.engine.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.LoadResult;
import io.waymark.engine.load.Loader;
import io.waymark.engine.model.Anchor;
import io.waymark.engine.model.Metadata;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.schema.BundledSchemas;
import io.waymark.engine.vendor.VendorScore.Band;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VendorScoreTest {

  private static final Anchor AT = Anchor.ofFile("vendors/test.yaml");

  @Test
  void shouldPutAVendorScoringFourEverywhereExactlyOnTheGoThreshold() {
    VendorScore score = score(defaults(), vendor(allScores(4)));

    assertThat(score.weightedPct()).isEqualByComparingTo("80");
    assertThat(score.weightedPct().toPlainString()).isEqualTo("80.000000");
    assertThat(score.band()).isEqualTo(Band.GO);
    assertThat(score.means().values()).allSatisfy(m -> assertThat(m).isEqualByComparingTo("4"));
  }

  @Test
  void shouldBandAScoreJustBelowEightyAsDiligence() {
    // Lock-in: 199 criteria at 4 and one at 3, mean 3.995: 32 + 24 + 16 + 10 × 3.995 / 5 = 79.99%
    Map<String, Map<String, BigDecimal>> scores = allScores(4);
    Map<String, BigDecimal> lockIn = new LinkedHashMap<>();
    for (int i = 0; i < 199; i++) {
      lockIn.put("c" + i, BigDecimal.valueOf(4));
    }
    lockIn.put("exitTerms", BigDecimal.valueOf(3));
    scores.put("lockIn", lockIn);

    VendorScore score = score(defaults(), vendor(scores));

    assertThat(score.means().get("lockIn")).isEqualByComparingTo("3.995");
    assertThat(score.weightedPct().toPlainString()).isEqualTo("79.990000");
    assertThat(score.band()).isEqualTo(Band.DILIGENCE);
  }

  @Test
  void shouldKeepRecurringMeansExactAcrossDimensions() {
    // technical fit 27/7, economics 11/3, viability 4, lock-in 4:
    // 8 × 27/7 + 6 × 11/3 + 16 + 8 = 216/7 + 22 + 24 = 76.857142...%
    Map<String, Map<String, BigDecimal>> scores = allScores(4);
    scores.put("technicalFit", scores("a", 4, "b", 4, "c", 4, "d", 4, "e", 4, "f", 4, "g", 3));
    scores.put("economics", scores("tco", 4, "predictability", 4, "scaling", 3));

    VendorScore score = score(defaults(), vendor(scores));

    assertThat(score.means().get("technicalFit").toPlainString()).isEqualTo("3.857143");
    assertThat(score.means().get("economics").toPlainString()).isEqualTo("3.666667");
    assertThat(score.weightedPct().toPlainString()).isEqualTo("76.857143");
    assertThat(score.band()).isEqualTo(Band.DILIGENCE);
  }

  @Test
  void shouldDecideTheBandOnTheExactValueNotTheRoundedOne() {
    // Only lock-in carries weight: 100 × 3.99999999 / 5 = 79.9999998%, which shows as 80.000000
    // at six decimals but is below the go threshold.
    Map<String, Map<String, BigDecimal>> scores = new LinkedHashMap<>();
    scores.put("lockIn", Map.of("exitTerms", new BigDecimal("3.99999999")));
    VendorEvaluation evaluation =
        evaluation(weights(0, 0, 0, 100), thresholds(80, 60), vendor(scores));

    VendorScore score = VendorScore.of(evaluation, evaluation.vendors().get(0));

    assertThat(score.weightedPct().toPlainString()).isEqualTo("80.000000");
    assertThat(score.band()).isEqualTo(Band.DILIGENCE);
  }

  @Test
  void shouldBandAtTheDiligenceThresholdInclusively() {
    VendorScore score = score(defaults(), vendor(allScores(3)));

    assertThat(score.weightedPct()).isEqualByComparingTo("60");
    assertThat(score.band()).isEqualTo(Band.DILIGENCE);
  }

  @Test
  void shouldBandBelowSixtyAsNoGo() {
    Map<String, Map<String, BigDecimal>> scores = allScores(3);
    scores.put("lockIn", scores("portability", 2, "exit", 3));

    VendorScore score = score(defaults(), vendor(scores));

    // 24 + 18 + 12 + 10 × 2.5 / 5 = 59%
    assertThat(score.weightedPct()).isEqualByComparingTo("59");
    assertThat(score.band()).isEqualTo(Band.NO_GO);
  }

  @Test
  void shouldScoreTheExampleVendorsAsTheirCommentsSay() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("v-streamforge", "84.666667 go");
    expected.put("v-pipewise", "70.000000 diligence");
    expected.put("v-dataloom", "47.333333 no-go");
    expected.put("v-nimbus-gpu", "84.000000 go");
    expected.put("v-helio-cloud", "69.333333 diligence");
    expected.put("v-voltaic-compute", "49.333333 no-go");

    Map<String, String> actual = new LinkedHashMap<>();
    for (VendorEvaluation evaluation : examplePlanEvaluations()) {
      for (VendorEvaluation.Vendor vendor : evaluation.vendors()) {
        VendorScore score = VendorScore.of(evaluation, vendor);
        actual.put(vendor.id(), score.weightedPct().toPlainString() + " " + score.band().id());
      }
    }

    assertThat(actual).containsExactlyInAnyOrderEntriesOf(expected);
  }

  @Test
  void shouldGiveADimensionWithoutCriteriaAMeanOfZero() {
    Map<String, Map<String, BigDecimal>> scores = allScores(5);
    scores.put("viability", Map.of());

    VendorScore score = score(defaults(), vendor(scores));

    assertThat(score.means().get("viability")).isEqualByComparingTo("0");
    assertThat(score.weightedPct()).isEqualByComparingTo("80");
    assertThat(score.band()).isEqualTo(Band.GO);
  }

  @Test
  void shouldTreatAMissingDimensionLikeAnEmptyOne() {
    Map<String, Map<String, BigDecimal>> scores = allScores(5);
    scores.remove("lockIn");

    VendorScore score = score(defaults(), vendor(scores));

    assertThat(score.means()).containsOnlyKeys(VendorEvaluation.DIMENSIONS);
    assertThat(score.means().get("lockIn")).isEqualByComparingTo("0");
    assertThat(score.weightedPct()).isEqualByComparingTo("90");
  }

  @Test
  void shouldUseCustomWeightsAndThresholds() {
    Map<String, Map<String, BigDecimal>> scores = new LinkedHashMap<>();
    scores.put("technicalFit", scores("fit", 5));
    scores.put("economics", scores("tco", 2, "predictability", 3));
    scores.put("viability", scores("health", 4));
    scores.put("lockIn", scores("portability", 1, "standards", 2, "exit", 3));
    // 25 × 5/5 + 25 × 2.5/5 + 25 × 4/5 + 25 × 2/5 = 25 + 12.5 + 20 + 10 = 67.5%
    VendorEvaluation strict =
        evaluation(weights(25, 25, 25, 25), thresholds(90, 70), vendor(scores));
    VendorEvaluation lenient =
        evaluation(weights(25, 25, 25, 25), thresholds(67.5, 50), vendor(scores));

    VendorScore underStrict = VendorScore.of(strict, strict.vendors().get(0));
    VendorScore underLenient = VendorScore.of(lenient, lenient.vendors().get(0));

    assertThat(underStrict.weightedPct()).isEqualByComparingTo("67.5");
    assertThat(underStrict.band()).isEqualTo(Band.NO_GO);
    assertThat(underLenient.band()).isEqualTo(Band.GO);
    assertThat(underStrict.means())
        .containsExactly(
            Map.entry("technicalFit", new BigDecimal("5.000000")),
            Map.entry("economics", new BigDecimal("2.500000")),
            Map.entry("viability", new BigDecimal("4.000000")),
            Map.entry("lockIn", new BigDecimal("2.000000")));
  }

  @Test
  void shouldParseBandsByTheirYamlIds() {
    assertThat(Band.parse("go")).contains(Band.GO);
    assertThat(Band.parse("diligence")).contains(Band.DILIGENCE);
    assertThat(Band.parse("no-go")).contains(Band.NO_GO);
    assertThat(Band.parse("maybe")).isEmpty();
    assertThat(Band.NO_GO.id()).isEqualTo("no-go");
  }

  @Test
  void shouldAcceptOnlyWholeScoresFromOneToFive() {
    assertThat(VendorScore.isValidScore(new BigDecimal("1"))).isTrue();
    assertThat(VendorScore.isValidScore(new BigDecimal("5"))).isTrue();
    assertThat(VendorScore.isValidScore(new BigDecimal("4.0"))).isTrue();
    assertThat(VendorScore.isValidScore(new BigDecimal("0"))).isFalse();
    assertThat(VendorScore.isValidScore(new BigDecimal("6"))).isFalse();
    assertThat(VendorScore.isValidScore(new BigDecimal("3.5"))).isFalse();
    assertThat(VendorScore.isValidScore(new BigDecimal("-2"))).isFalse();
  }

  private static List<VendorEvaluation> examplePlanEvaluations() throws Exception {
    LoadResult load =
        new Loader(new BundledSchemas())
            .load(new FolderSource(Fixtures.exampleRoadmap(), "x"), Optional.empty());
    return Plan.of(load.config(), load.models()).vendorEvaluations();
  }

  private static VendorScore score(VendorEvaluation.Weights weights, VendorEvaluation.Vendor v) {
    VendorEvaluation evaluation = evaluation(weights, thresholds(80, 60), v);
    return VendorScore.of(evaluation, evaluation.vendors().get(0));
  }

  private static VendorEvaluation evaluation(
      VendorEvaluation.Weights weights,
      VendorEvaluation.Thresholds thresholds,
      VendorEvaluation.Vendor vendor) {
    return new VendorEvaluation(
        new Metadata("eval-test", "Test", "owner", Map.of()),
        "test",
        weights,
        thresholds,
        List.of(vendor),
        AT);
  }

  private static VendorEvaluation.Weights defaults() {
    return weights(40, 30, 20, 10);
  }

  private static VendorEvaluation.Weights weights(
      double technicalFit, double economics, double viability, double lockIn) {
    return new VendorEvaluation.Weights(
        BigDecimal.valueOf(technicalFit),
        BigDecimal.valueOf(economics),
        BigDecimal.valueOf(viability),
        BigDecimal.valueOf(lockIn),
        AT);
  }

  private static VendorEvaluation.Thresholds thresholds(double go, double diligence) {
    return new VendorEvaluation.Thresholds(
        BigDecimal.valueOf(go), BigDecimal.valueOf(diligence), AT);
  }

  private static VendorEvaluation.Vendor vendor(Map<String, Map<String, BigDecimal>> scores) {
    return new VendorEvaluation.Vendor("v-test", "Test", scores, 3, List.of(), "go", AT);
  }

  private static Map<String, Map<String, BigDecimal>> allScores(int value) {
    Map<String, Map<String, BigDecimal>> scores = new LinkedHashMap<>();
    for (String dimension : VendorEvaluation.DIMENSIONS) {
      scores.put(dimension, scores("first", value, "second", value, "third", value));
    }
    return scores;
  }

  private static Map<String, BigDecimal> scores(Object... keysAndValues) {
    Map<String, BigDecimal> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put((String) keysAndValues[i], BigDecimal.valueOf((Integer) keysAndValues[i + 1]));
    }
    return out;
  }
}
