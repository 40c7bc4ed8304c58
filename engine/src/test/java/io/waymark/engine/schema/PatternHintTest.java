package io.waymark.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hint of a value that fails a pattern says what the pattern asks for. */
class PatternHintTest {

  @TempDir Path dir;

  /**
   * A metric reference that is not an id ("Retrieval_Latency" in a use case's spec.metrics) got the
   * hint "Dates are written YYYY-MM-DD": the hint was chosen by the field's name, and a metric
   * reference is not called id.
   */
  @Test
  void shouldGiveAnIdHintToAMetricReferenceOfAUseCase() {
    Path copy = Fixtures.copyExample(dir.resolve("copy"));
    Fixtures.replaceOnce(
        copy.resolve("use-cases/eta-prediction.yaml"),
        "    - retrieval-latency-p95-ms",
        "    - Retrieval_Latency");

    assertThat(BundledPatterns.schemaFindings(copy))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.location().path()).isEqualTo("/spec/metrics/0");
              assertThat(f.hint()).contains("lower-case words joined by '-'");
              assertThat(f.hint()).doesNotContain("YYYY-MM-DD");
            });
  }

  @Test
  void shouldGiveAnIdHintToTheMetricOfAGateCriterion() {
    Path copy = Fixtures.copyExample(dir.resolve("copy"));
    Fixtures.replaceOnce(
        copy.resolve("roadmap.yaml"), "metric: pilot-downtime-pct", "metric: Pilot Downtime");

    assertThat(BundledPatterns.schemaFindings(copy))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.location().path()).endsWith("/metric");
              assertThat(f.hint()).contains("lower-case words joined by '-'");
              assertThat(f.hint()).doesNotContain("YYYY-MM-DD");
            });
  }

  /** Each pattern of the bundled schemas has a hint of its own, none a hint about dates. */
  @Test
  void shouldHaveAHintOfItsOwnForEveryPatternOfTheBundledSchemas() {
    List<String> patterns = BundledPatterns.all();
    String fallback = SchemaCheck.patternHint("^x$");

    assertThat(patterns).contains(SchemaCheck.ID_PATTERN, SchemaCheck.DATE_PATTERN);
    assertThat(patterns.stream().filter(p -> !p.equals(SchemaCheck.DATE_PATTERN)))
        .allSatisfy(
            p -> {
              assertThat(SchemaCheck.patternHint(p)).as(p).isNotEqualTo(fallback);
              assertThat(SchemaCheck.patternHint(p)).as(p).doesNotContain("YYYY-MM-DD");
            });
  }
}
