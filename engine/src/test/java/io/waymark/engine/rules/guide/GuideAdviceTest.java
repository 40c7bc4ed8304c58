package io.waymark.engine.rules.guide;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No rule fires on the guide's own advice. Each test takes the clean example roadmap, rewrites it
 * the way the guide recommends, and expects no finding at all (or none of the planning rules, where
 * the rewrite necessarily moves dates that other rules rightly look at).
 */
class GuideAdviceTest {

  private static final String ROADMAP = "roadmap.yaml";
  private static final String JANUARY = "assessment/2027-01-assessment.yaml";
  private static final String APRIL = "assessment/2027-04-assessment.yaml";

  @TempDir Path repo;

  @BeforeEach
  void copyExample() {
    Fixtures.copyExample(repo);
  }

  @Test
  void shouldAcceptNoGpusYet() {
    // "If you don't have GPUs yet, that's fine."
    for (String file : new String[] {JANUARY, APRIL}) {
      Path p = repo.resolve(file);
      String text = Fixtures.read(p);
      String pct = text.contains("gpuUtilisationPct: 31") ? "31" : "52";
      Fixtures.replaceOnce(
          p, "\n    gpuUtilisationPct: " + pct + "\n", "\n    gpuUtilisationPct: null\n");
      Fixtures.replaceOnce(p, "        gpuUtilisationPct: " + pct + "\n", "");
    }

    assertThat(Fixtures.validate(repo)).isEmpty();
  }

  @Test
  void shouldAcceptAGpuPurchaseAfterUtilisationPassedSixtyPercentWithUseCasesInProduction() {
    // "Buy only when utilisation exceeds 60%", once use cases are validated in production, and
    // once the cloud costs more than 60-70 % of owning.
    Fixtures.replaceOnce(
        repo.resolve(APRIL), "\n    gpuUtilisationPct: 52\n", "\n    gpuUtilisationPct: 68\n");
    Fixtures.replaceOnce(
        repo.resolve(APRIL), "        gpuUtilisationPct: 52\n", "        gpuUtilisationPct: 68\n");
    Fixtures.replaceOnce(
        repo.resolve(ROADMAP),
        "constraint-removal\n          type: cloud-compute\n          constraint: c-peak-capacity",
        "constraint-removal\n          type: gpu-purchase\n          constraint: c-peak-capacity");
    Fixtures.replaceOnce(
        repo.resolve("business-cases/inference-economics.yaml"),
        "cloudAnnualCost: 150000",
        "cloudAnnualCost: 230000");

    assertThat(Fixtures.validate(repo)).isEmpty();
  }

  @Test
  void shouldAcceptTheFaqsThreeSixMonthPhases() {
    // "Structure it as three 6-month phases with defined success gates between phases."
    Fixtures.replaceOnce(repo.resolve(ROADMAP), "months: [1, 3]", "months: [1, 6]");
    Fixtures.replaceOnce(repo.resolve(ROADMAP), "months: [4, 9]", "months: [7, 12]");
    Fixtures.replaceOnce(repo.resolve(ROADMAP), "months: [10, 18]", "months: [13, 18]");

    var result = Fixtures.validate(repo);
    for (String rule :
        new String[] {
          "roadmap-horizon",
          "phase-overlap",
          "milestone-cadence",
          "gate-weaker-than-guide",
          "pitfall-big-bang",
          "priority-inverted",
          "constraints-unaddressed",
          "budget-split",
          "component-missing"
        }) {
      assertThat(result).doesNotContainRule(rule);
    }
  }

  @Test
  void shouldAcceptAPilotOnRentedCloud() {
    // "Pilot on cloud or rented infrastructure first", next to the phase-1 pipeline work.
    Fixtures.replaceOnce(
        repo.resolve(ROADMAP),
        "quick-win\n          type: observability\n          constraint: c-idle-gpus",
        "quick-win\n          type: cloud-compute\n          constraint: c-idle-gpus");

    assertThat(Fixtures.validate(repo)).isEmpty();
  }

  @Test
  void shouldAcceptAReassessmentAfterPhaseOne() {
    // Phase 1 is done; the April re-assessment re-ranks the open constraints, and its top
    // three are handled in phase 2. Neither constraints-unaddressed nor duplicate-id fires,
    // and the assessment is fresh.
    assertThat(Fixtures.validate(repo)).isEmpty();
    org.assertj.core.api.Assertions.assertThat(Fixtures.read(repo.resolve(APRIL)))
        .contains("id: c-data-quality");
  }
}
