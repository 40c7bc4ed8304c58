package io.waymark.engine.rules.vendor;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code vendor-score-range}. */
class VendorScoreRangeTest extends VendorFixture {

  @Test
  void shouldReportAScoreAboveFive() {
    Path file = pipelines();
    Position key = Fixtures.positionOf(file, "workloadFit: 5");
    Fixtures.replaceOnce(file, "workloadFit: 5", "workloadFit: 6");

    assertThat(Fixtures.only("vendor-score-range").validate(repo))
        .containsRule("vendor-score-range")
        .inFile(PIPELINES)
        .at(key.line(), key.column() + "workloadFit: ".length())
        .withPath("/spec/vendors/0/scores/technicalFit/workloadFit")
        .withSeverity(Severity.ERROR)
        .withMessageContaining("score 6 for technicalFit/workloadFit of vendor 'v-streamforge'")
        .withMessageContaining("outside 1-5")
        .hasCount(1);
  }

  @Test
  void shouldReportAScoreThatIsNotAWholeNumber() {
    Path file = Fixtures.copyExample(repo).resolve(GPU_CLOUD);
    Position key = Fixtures.positionOf(file, "performance: 5");
    Fixtures.replaceOnce(file, "performance: 5", "performance: 4.5");

    assertThat(Fixtures.only("vendor-score-range").validate(repo))
        .containsRule("vendor-score-range")
        .inFile(GPU_CLOUD)
        .at(key.line(), key.column() + "performance: ".length())
        .withMessageContaining("score 4.5")
        .withMessageContaining("not a whole number")
        .hasCount(1);
  }

  @Test
  void shouldReportAScoreOfZero() {
    Path file = pipelines();
    Fixtures.replaceOnce(file, "openStandards: 1", "openStandards: 0");

    assertThat(Fixtures.only("vendor-score-range").validate(repo))
        .containsRule("vendor-score-range")
        .withPath("/spec/vendors/2/scores/lockIn/openStandards")
        .hasCount(1);
  }

  @Test
  void shouldAcceptAWholeNumberWrittenWithADecimalPoint() {
    Path file = pipelines();
    Fixtures.replaceOnce(file, "workloadFit: 5", "workloadFit: 5.0");

    assertThat(Fixtures.only("vendor-score-range").validate(repo))
        .doesNotContainRule("vendor-score-range");
  }

  @Test
  void shouldNotBandAVendorWithAnOutOfRangeScore() {
    Path file = pipelines();
    // 9 would lift DataLoom's technical fit; the range error is the one to fix first.
    Fixtures.replaceOnce(file, "workloadFit: 3, integration: 2", "workloadFit: 9, integration: 9");

    assertThat(Fixtures.only("vendor-decision-mismatch", "vendor-score-range").validate(repo))
        .doesNotContainRule("vendor-decision-mismatch")
        .containsRule("vendor-score-range")
        .hasCount(2);
  }
}
