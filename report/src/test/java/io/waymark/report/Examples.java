package io.waymark.report;

import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Validator;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.rules.RuleRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The example roadmap and copies of it, validated the way the command line does. */
final class Examples {

  static final Path EXAMPLE = Path.of("..", "example-roadmap");

  private Examples() {}

  static ValidationResult validate(Path folder, String label) {
    try {
      return new Validator(RuleRegistry.discover())
          .validate(new FolderSource(folder, label), ValidationOptions.defaults());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ValidationResult example() {
    return validate(EXAMPLE, "example-roadmap");
  }

  /** Copies the example into {@code target} (a fresh folder), files only. */
  static Path copyExample(Path target) throws IOException {
    try (Stream<Path> files = Files.walk(EXAMPLE)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        Path to = target.resolve(EXAMPLE.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(to);
        } else {
          Files.copy(source, to);
        }
      }
    }
    return target;
  }
}
