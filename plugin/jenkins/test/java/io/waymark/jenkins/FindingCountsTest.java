package io.waymark.jenkins;

import static io.waymark.jenkins.MockPipeline.fixture;
import static io.waymark.jenkins.MockPipeline.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import groovy.lang.GroovyClassLoader;
import java.util.Map;
import org.codehaus.groovy.runtime.InvokerHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The summary of waymark.json and the levels (src/io/waymark/jenkins/FindingCounts.groovy). */
class FindingCountsTest {

  private static final Class<?> FINDING_COUNTS;

  static {
    GroovyClassLoader loader = new GroovyClassLoader(FindingCountsTest.class.getClassLoader());
    loader.addClasspath(MockPipeline.LIBRARY.resolve("src").toString());
    try {
      FINDING_COUNTS = loader.loadClass("io.waymark.jenkins.FindingCounts");
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static Object fromJson(String json) {
    return InvokerHelper.invokeStaticMethod(FINDING_COUNTS, "fromJson", json);
  }

  private static Object atOrAbove(Object counts, String level) {
    return InvokerHelper.invokeMethod(counts, "atOrAbove", level);
  }

  @Test
  void shouldReadTheSummaryOfRealOutput() {
    // The fixtures are made by the real CLI (CliFixtures): the counts are those of its summary.
    for (String name : new String[] {"clean", "warnings", "errors"}) {
      Map<?, ?> summary = CliFixtures.summary(name);
      assertThat(InvokerHelper.invokeMethod(fromJson(fixture(name + ".json")), "toMap", null))
          .as(name)
          .isEqualTo(
              Map.of(
                  "errors", summary.get("errors"),
                  "warnings", summary.get("warnings"),
                  "infos", summary.get("infos")));
    }
    assertThat(fromJson(fixture("clean.json"))).hasToString("0 errors, 0 warnings, 1 info");
    assertThat(CliFixtures.summary("warnings").get("warnings")).isNotEqualTo(0);
    assertThat(CliFixtures.summary("errors").get("errors")).isNotEqualTo(0);
  }

  @ParameterizedTest
  @CsvSource({"error, 2", "warning, 5", "info, 12", "never, 0"})
  void shouldCountTheFindingsAtALevelAndAbove(String level, int expected) {
    assertThat(atOrAbove(fromJson(summary(2, 3, 7)), level)).isEqualTo(expected);
  }

  @Test
  void shouldSayOneFindingInTheSingular() {
    assertThat(fromJson(summary(1, 1, 1))).hasToString("1 error, 1 warning, 1 info");
  }

  @Test
  void shouldRefuseOutputWithoutACountableSummary() {
    assertThatThrownBy(() -> fromJson("not json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not JSON");
    assertThatThrownBy(() -> fromJson("[1, 2]")).hasMessage("no \"summary\" object");
    assertThatThrownBy(() -> fromJson("{\"summary\": {\"errors\": \"two\"}}"))
        .hasMessage("summary.errors is not a count: two");
  }

  @Test
  void shouldRefuseAnUnknownLevel() {
    assertThatThrownBy(() -> atOrAbove(fromJson(summary(0, 0, 0)), "fatal"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown level 'fatal' (one of error, warning, info, never)");
  }
}
