package io.waymark.engine.rules.pitfall;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PitfallPrematureGpuRuleTest {

  private static final String RULE = "pitfall-premature-gpu";
  private static final String APRIL = "assessment/2027-04-assessment.yaml";

  @TempDir Path dir;

  @Test
  void shouldReportAGpuPurchaseAtFiftyTwoPercentUtilisation() {
    Path roadmap = buyGpusInPhaseThree();
    Position type = Fixtures.positionOf(roadmap, "type: gpu-purchase");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withSeverity(Severity.ERROR)
        .inFile("roadmap.yaml")
        .at(type.line(), type.column() + "type: ".length())
        .withMessageContaining("initiative i-autoscaling-inference buys GPUs")
        .withMessageContaining("GPU utilisation is 52% in assessment-2027-04 (buy only above 60%)")
        .hasCount(1);
  }

  @Test
  void shouldReportAGpuPurchaseBeforeAnyUseCaseIsInProduction() {
    Path roadmap = buyGpusInPhaseThree();
    utilisation("61");
    for (String useCase :
        new String[] {"eta-prediction", "freight-invoice-extraction", "customer-email-triage"}) {
      Fixtures.replaceOnce(
          dir.resolve("use-cases/" + useCase + ".yaml"), "status: production", "status: pilot");
    }
    Position type = Fixtures.positionOf(roadmap, "type: gpu-purchase");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .at(type.line(), type.column() + "type: ".length())
        .withMessageContaining("no use case is in production at 2027-05-14")
        .hasCount(1);
  }

  /** "Buy only above 60%": exactly 60% is not above. */
  @Test
  void shouldReportAGpuPurchaseAtExactlySixtyPercent() {
    buyGpusInPhaseThree();
    utilisation("60");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withMessageContaining("GPU utilisation is 60% in assessment-2027-04 (buy only above 60%)")
        .hasCount(1);
  }

  @Test
  void shouldAcceptAGpuPurchaseAboveSixtyPercentWithAUseCaseInProduction() {
    buyGpusInPhaseThree();
    utilisation("61");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptRentedCapacityAtAnyUtilisation() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }

  private Path buyGpusInPhaseThree() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "type: cloud-compute", "type: gpu-purchase");
    return roadmap;
  }

  private void utilisation(String pct) {
    Path april = dir.resolve(APRIL);
    Fixtures.replaceOnce(
        april,
        "gpuUtilisationPct: 52\n    retrieval",
        "gpuUtilisationPct: " + pct + "\n    retrieval");
    Fixtures.replaceOnce(
        april,
        "gpuUtilisationPct: 52\n        gpuCount",
        "gpuUtilisationPct: " + pct + "\n        gpuCount");
  }
}
