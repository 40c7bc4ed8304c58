package io.waymark.report.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.ValidationOptions;
import io.waymark.engine.Validator;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.rules.RuleRegistry;
import io.waymark.engine.vendor.VendorSensitivity;
import io.waymark.report.chart.Rag;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one sentence per vendor decision: robust, robust for the choice only, or not robust. */
class RobustnessSectionTest {

  private static VendorEvaluation pipelines;

  @BeforeAll
  static void load() throws IOException {
    pipelines =
        new Validator(RuleRegistry.discover())
                .validate(
                    new FolderSource(Path.of("..", "example-roadmap"), "example"),
                    ValidationOptions.defaults())
                .plan()
                .vendorEvaluations()
                .stream()
                .filter(e -> e.metadata().id().equals("eval-data-pipeline-platform"))
                .findFirst()
                .orElseThrow();
  }

  private static VendorSensitivity.Flip flip(boolean selected) {
    return new VendorSensitivity.Flip(
        "weight economics 30 → 40", List.of("first place v-streamforge → v-dataloom"), selected);
  }

  @Test
  void shouldSayTheChoiceIsNotRobustWhenTheSelectedVendorLosesFirstPlace() {
    VendorSensitivity s =
        new VendorSensitivity(
            "eval-data-pipeline-platform",
            List.of("v-streamforge", "v-dataloom"),
            Optional.of("v-streamforge"),
            List.of(flip(true)));

    QuarterlyReview.VendorRobustness row = RobustnessSection.vendorRow(pipelines, s);

    assertThat(row.rag()).isEqualTo(Rag.AMBER);
    assertThat(row.sentence())
        .endsWith(
            ": not robust. StreamForge loses first place or its band under 1 perturbation when"
                + " any one weight moves by up to ±10 points (the others rescaled) or any one"
                + " score by one step (e.g. weight economics 30 → 40: first place v-streamforge →"
                + " v-dataloom).");
  }

  @Test
  void shouldSayTheChoiceIsRobustWhenOnlyOtherVendorsMove() {
    VendorSensitivity s =
        new VendorSensitivity(
            "eval-data-pipeline-platform",
            List.of("v-streamforge", "v-dataloom"),
            Optional.of("v-streamforge"),
            List.of(
                new VendorSensitivity.Flip(
                    "v-dataloom economics.tco 3 → 4",
                    List.of("v-dataloom no-go → diligence"),
                    false)));

    QuarterlyReview.VendorRobustness row = RobustnessSection.vendorRow(pipelines, s);

    assertThat(row.rag()).isEqualTo(Rag.GREEN);
    assertThat(row.sentence())
        .contains(
            ": robust for the choice of StreamForge, which keeps first place and its band when"
                + " any one weight moves")
        .endsWith(
            "; 1 perturbation changes another vendor's band or the runner-up (e.g. v-dataloom"
                + " economics.tco 3 → 4: v-dataloom no-go → diligence).");
  }

  @Test
  void shouldSayWhenNoVendorIsSelected() {
    VendorSensitivity s =
        new VendorSensitivity(
            "eval-data-pipeline-platform", List.of("v-streamforge"), Optional.empty(), List.of());

    assertThat(RobustnessSection.vendorRow(pipelines, s).sentence())
        .endsWith(
            ": no vendor reaches due diligence, and none would reach it when any one weight moves by"
                + " up to ±10 points (the others rescaled) or any one score by one step.");
  }
}
