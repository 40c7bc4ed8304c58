package io.waymark.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Fuzz target (issue 11, docs/reliability.md): the block fast path and SnakeYAML read every input
 * the same way, or both refuse it. Under plain {@code mvn test} it replays the inputs checked in
 * under {@code src/test/resources/io/waymark/engine/yaml/YamlReaderFuzzTestInputs/}; in the fuzz
 * executions of {@code mvn verify} (JAZZER_FUZZ=1) Jazzer fuzzes it for {@code maxDuration}.
 */
public class YamlReaderFuzzTest {

  private static final YamlReader FAST = new YamlReader(YamlLimits.DEFAULT, true);
  private static final YamlReader SNAKE = new YamlReader(YamlLimits.DEFAULT, false);

  @FuzzTest(maxDuration = "10s")
  void fastPathAgreesWithSnakeYaml(FuzzedDataProvider data) {
    agree(data);
  }

  /** The target itself (also reached through {@code io.waymark.engine.EngineFuzzTest}). */
  public static void agree(FuzzedDataProvider data) {
    byte[] bytes;
    if (data.consumeBoolean()) {
      // Structure-aware: a roadmap-shaped document, then a few fuzzed insertions into it.
      StringBuilder text =
          new StringBuilder(BlockYamlParserTest.Generator.document(new Random(data.consumeLong())));
      int edits = data.consumeInt(0, 4);
      for (int i = 0; i < edits; i++) {
        text.insert(data.consumeInt(0, text.length()), data.consumeString(6));
      }
      bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    } else {
      bytes = data.consumeRemainingAsBytes();
    }

    YamlReader.Result fast = FAST.read("fuzz.yaml", bytes);
    YamlReader.Result snake = SNAKE.read("fuzz.yaml", bytes);

    if (fast.problem().isPresent() && snake.problem().isPresent()) {
      return; // both refuse it
    }
    assertThat(BlockYamlParserTest.render(fast))
        .as("fast path and SnakeYAML differ on %s", new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(BlockYamlParserTest.render(snake));
  }
}
