package io.waymark.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The library is laid out as Jenkins expects, and every step is documented where Jenkins shows it.
 */
class LibraryLayoutTest {

  private static final Path VARS = MockPipeline.LIBRARY.resolve("vars");

  @Test
  void shouldHaveAHelpFileForEveryStepAndAStepForEveryHelpFile() throws IOException {
    List<String> steps = names(".groovy");

    assertThat(steps).containsExactlyInAnyOrder("waymarkValidate", "waymarkReport");
    assertThat(names(".txt")).containsExactlyInAnyOrderElementsOf(steps);
    for (String step : steps) {
      assertThat(Files.readString(VARS.resolve(step + ".txt"), StandardCharsets.UTF_8))
          .as("help of %s", step)
          .contains(step + "(")
          .hasSizeGreaterThan(500);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"waymarkValidate", "waymarkReport"})
  void shouldDocumentEveryOptionOfTheStep(String step) throws IOException {
    // The step lists the options it knows when it meets one it doesn't.
    Throwable rejected =
        catchThrowable(
            () -> new MockPipeline().run(step, new HashMap<>(Map.of("noSuchOption", true))));
    String known = rejected.getMessage().replaceFirst("(?s).*\\(known: (.*)\\)$", "$1");
    String help = Files.readString(VARS.resolve(step + ".txt"), StandardCharsets.UTF_8);

    assertThat(known.split(", ")).hasSizeGreaterThan(5);
    for (String option : known.split(", ")) {
      assertThat(help).as("help of %s", step).containsPattern("(?m)^\\s*" + option + "\\b");
    }
  }

  @Test
  void shouldKeepJavaOutOfTheGroovySourceRoot() throws IOException {
    // Jenkins puts src/ on the class path of the library: only Groovy classes belong there.
    try (Stream<Path> files = Files.walk(MockPipeline.LIBRARY.resolve("src"))) {
      assertThat(files.filter(Files::isRegularFile).map(Path::toString))
          .isNotEmpty()
          .allMatch(f -> f.endsWith(".groovy"));
    }
  }

  private static List<String> names(String extension) throws IOException {
    try (Stream<Path> files = Files.list(VARS)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(extension))
          .map(f -> f.substring(0, f.length() - extension.length()))
          .toList();
    }
  }
}
