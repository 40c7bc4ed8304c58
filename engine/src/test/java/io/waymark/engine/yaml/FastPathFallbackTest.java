package io.waymark.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.snakeyaml.engine.v2.events.Event;

/**
 * The fast path is an optimisation: whatever goes wrong inside it, SnakeYAML reads the file and the
 * run goes on with exactly the result SnakeYAML alone gives. Isolated: one test switches the fast
 * path off for the whole JVM through its system property.
 */
@Isolated
class FastPathFallbackTest {

  private static final byte[] ROADMAP =
      """
      apiVersion: waymark/v1
      kind: Roadmap
      metadata:
        id: ai-infra-2027
      spec:
        phases:
          - id: assess
            months: [1, 3]
      """
          .getBytes(StandardCharsets.UTF_8);

  private static final YamlReader SNAKE = new YamlReader(YamlLimits.DEFAULT, false);

  private static String snakeYamlReading(byte[] bytes) {
    return BlockYamlParserTest.render(SNAKE.read("roadmap.yaml", bytes));
  }

  @Test
  void shouldFallBackToSnakeYamlWhenTheFastParserThrows() {
    YamlReader crashing =
        new YamlReader(
            YamlLimits.DEFAULT,
            chars -> {
              throw new IllegalStateException("a bug in the fast path");
            });

    YamlReader.Result result = crashing.read("roadmap.yaml", ROADMAP);

    assertThat(result.problem()).isEmpty();
    assertThat(BlockYamlParserTest.render(result)).isEqualTo(snakeYamlReading(ROADMAP));
  }

  @Test
  void shouldFallBackToSnakeYamlWhenTheFastParserOverflowsTheStack() {
    YamlReader crashing =
        new YamlReader(
            YamlLimits.DEFAULT,
            chars -> {
              throw new StackOverflowError();
            });

    assertThat(BlockYamlParserTest.render(crashing.read("roadmap.yaml", ROADMAP)))
        .isEqualTo(snakeYamlReading(ROADMAP));
  }

  /** Events that crash the builder half-way must not leave half a document behind. */
  @Test
  void shouldFallBackToSnakeYamlWhenTheFastEventsCannotBeBuilt() {
    YamlReader broken =
        new YamlReader(
            YamlLimits.DEFAULT,
            chars -> {
              List<Event> events = new ArrayList<>(BlockYamlParser.parse(chars));
              events.set(events.size() / 2, null);
              return events;
            });

    assertThat(BlockYamlParserTest.render(broken.read("roadmap.yaml", ROADMAP)))
        .isEqualTo(snakeYamlReading(ROADMAP));
  }

  @Test
  void shouldReadTheFastSubsetTheSameWayWithTheFastPathOff() {
    YamlReader fast = new YamlReader(YamlLimits.DEFAULT, true);

    assertThat(BlockYamlParserTest.usesFastPath(ROADMAP)).isTrue();
    assertThat(BlockYamlParserTest.render(fast.read("roadmap.yaml", ROADMAP)))
        .isEqualTo(snakeYamlReading(ROADMAP));
  }

  @Test
  void shouldTurnTheFastPathOffWithTheSystemProperty() {
    String before = System.getProperty(YamlReader.FAST_PATH_PROPERTY);
    try {
      System.setProperty(YamlReader.FAST_PATH_PROPERTY, "false");
      assertThat(new YamlReader(YamlLimits.DEFAULT).fastPathOn()).isFalse();
      System.setProperty(YamlReader.FAST_PATH_PROPERTY, "true");
      assertThat(new YamlReader(YamlLimits.DEFAULT).fastPathOn()).isTrue();
    } finally {
      if (before == null) {
        System.clearProperty(YamlReader.FAST_PATH_PROPERTY);
      } else {
        System.setProperty(YamlReader.FAST_PATH_PROPERTY, before);
      }
    }
  }

  @Test
  void shouldTurnTheFastPathOffOnlyWhenAskedToWithFalse() {
    assertThat(YamlReader.fastPathEnabled(null, null)).isTrue();
    assertThat(YamlReader.fastPathEnabled("true", null)).isTrue();
    assertThat(YamlReader.fastPathEnabled("false", null)).isFalse();
    assertThat(YamlReader.fastPathEnabled(" FALSE ", null)).isFalse();
    assertThat(YamlReader.fastPathEnabled(null, "false")).isFalse();
    assertThat(YamlReader.fastPathEnabled("true", "false"))
        .as("the system property wins over the environment")
        .isTrue();
  }
}
