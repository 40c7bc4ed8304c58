package io.waymark.engine.schema;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.LoadResult;
import io.waymark.engine.load.Loader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exact numbers or a finding: a number outside the range its field allows is a {@code schema}
 * finding that quotes it as written, never wrapped and never an internal error. Each case runs
 * twice: as plain block YAML (the fast reader) and with an anchor on the value (which only the
 * SnakeYAML reader accepts).
 */
class NumberRangeTest {

  private static final Loader LOADER = new Loader(new BundledSchemas());

  @TempDir Path repo;

  /** file, text in the example, replacement (%s = the value), value, path, message. */
  static Stream<Arguments> outOfRange() {
    return Stream.of(
            Arguments.of(
                "roadmap.yaml",
                "horizonMonths: 18",
                "horizonMonths: %s",
                "4294967314",
                "/spec/horizonMonths",
                "/spec/horizonMonths: 4294967314 is above the maximum 120"),
            Arguments.of(
                "roadmap.yaml",
                "horizonMonths: 18",
                "horizonMonths: %s",
                "2147483647",
                "/spec/horizonMonths",
                "/spec/horizonMonths: 2147483647 is above the maximum 120"),
            Arguments.of(
                "roadmap.yaml",
                "horizonMonths: 18",
                "horizonMonths: %s",
                "121",
                "/spec/horizonMonths",
                "/spec/horizonMonths: 121 is above the maximum 120"),
            Arguments.of(
                "roadmap.yaml",
                "months: [10, 18]",
                "months: [10, %s]",
                "4294967314",
                "/spec/phases/2/months/1",
                "/spec/phases/2/months/1: 4294967314 is above the maximum 120"),
            Arguments.of(
                "roadmap.yaml",
                "constraint: c-manual-pipelines\n          impact: 5",
                "constraint: c-manual-pipelines\n          impact: %s",
                "1e400",
                "/spec/phases/0/initiatives/0/impact",
                "/spec/phases/0/initiatives/0/impact: 1e400 is above the maximum 5"),
            Arguments.of(
                "roadmap.yaml",
                "total: 1800000",
                "total: %s",
                "1e400",
                "/spec/budget/total",
                "/spec/budget/total: 1e400 is out of range: numbers must be below 10^15"),
            Arguments.of(
                "roadmap.yaml",
                "total: 1800000",
                "total: %s",
                "1e-999999999",
                "/spec/budget/total",
                "/spec/budget/total: 1e-999999999 is out of range"),
            Arguments.of(
                "roadmap.yaml",
                "total: 1800000",
                "total: %s",
                "1000000000000000",
                "/spec/budget/total",
                "/spec/budget/total: 1000000000000000 is out of range"),
            Arguments.of(
                "business-cases/agentic-dispatch.yaml",
                "horizonYears: 3",
                "horizonYears: %s",
                "51",
                "/spec/financials/horizonYears",
                "/spec/financials/horizonYears: 51 is above the maximum 50"),
            Arguments.of(
                "business-cases/agentic-dispatch.yaml",
                "timelineWeeks: 16",
                "timelineWeeks: %s",
                "9223372036854775808",
                "/spec/solution/timelineWeeks",
                "/spec/solution/timelineWeeks: 9223372036854775808 is above the maximum 520"),
            Arguments.of(
                "business-cases/agentic-dispatch.yaml",
                "paybackMonths: 16",
                "paybackMonths: %s",
                "601",
                "/spec/financials/declared/paybackMonths",
                "/spec/financials/declared/paybackMonths: 601 is above the maximum 600"),
            Arguments.of(
                "assessment/2027-01-assessment.yaml",
                "rank: 9",
                "rank: %s",
                "-4294967295",
                "/spec/constraints/8/rank",
                "/spec/constraints/8/rank: -4294967295 is below the minimum 1"))
        .flatMap(a -> Stream.of(a, anchored(a)));
  }

  /** The same case with an anchor on the value: read by SnakeYAML, not by the fast reader. */
  private static Arguments anchored(Arguments a) {
    Object[] args = a.get().clone();
    args[3] = "&n " + args[3];
    return Arguments.of(args);
  }

  @ParameterizedTest(name = "{3} in {0}")
  @MethodSource("outOfRange")
  void shouldReportANumberOutsideItsFieldsRangeAsWritten(
      String file, String from, String to, String value, String path, String message)
      throws IOException {
    Fixtures.copyExample(repo);
    Fixtures.replaceOnce(repo.resolve(file), from, to.formatted(value));

    LoadResult result = LOADER.load(new FolderSource(repo, "x"), Optional.empty());

    assertThat(result.problems())
        .containsRule("schema")
        .inFile(file)
        .withPath(path)
        .withMessageContaining(message)
        .hasCount(1);
  }
}
