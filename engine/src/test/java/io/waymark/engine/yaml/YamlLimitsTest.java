package io.waymark.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link YamlLimits#toString} is part of the loader's cache key: written out by hand, it must print
 * exactly what the record printed before (the strings below are what Java's record {@code toString}
 * gives for these values), or every cache would be thrown away for nothing.
 */
class YamlLimitsTest {

  @Test
  void shouldPrintAsTheRecordPrinted() {
    assertThat(YamlLimits.DEFAULT)
        .hasToString(
            "YamlLimits[aliases=50, depth=64, fileBytes=3145728, expandedNodes=1000000,"
                + " expandedBytes=8388608]");
    assertThat(new YamlLimits(0, 1, 2L, 3L, 4L))
        .hasToString(
            "YamlLimits[aliases=0, depth=1, fileBytes=2, expandedNodes=3, expandedBytes=4]");
  }

  @Test
  void shouldPrintEveryComponentSoThatKeysOfOtherLimitsDiffer() {
    YamlLimits base = YamlLimits.DEFAULT;
    assertThat(
            List.of(
                new YamlLimits(51, 64, 3_145_728L, 1_000_000L, 8_388_608L),
                new YamlLimits(50, 65, 3_145_728L, 1_000_000L, 8_388_608L),
                new YamlLimits(50, 64, 3_145_729L, 1_000_000L, 8_388_608L),
                new YamlLimits(50, 64, 3_145_728L, 1_000_001L, 8_388_608L),
                new YamlLimits(50, 64, 3_145_728L, 1_000_000L, 8_388_609L)))
        .extracting(YamlLimits::toString)
        .doesNotContain(base.toString())
        .doesNotHaveDuplicates();
  }
}
