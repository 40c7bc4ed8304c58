package io.waymark.engine;

import io.waymark.engine.load.FolderSource;
import io.waymark.engine.rules.RuleRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Small roadmap repositories for tests. The usual shape: copy the example roadmap (which validates
 * clean) into a {@code @TempDir}, change one thing with {@link #replaceOnce}, validate, and assert
 * on the one finding that change causes.
 */
public final class Fixtures {

  /** The as-of date the example roadmap pins in its waymark.yaml. */
  public static final LocalDate AS_OF = LocalDate.of(2027, 5, 14);

  private static final Validator VALIDATOR = new Validator(RuleRegistry.discover());

  private Fixtures() {}

  /** A 1-based position in a text file. */
  public record Position(int line, int column) {}

  /** The top-level {@code example-roadmap/} folder of this project. */
  public static Path exampleRoadmap() {
    return projectFolder("example-roadmap");
  }

  /**
   * The final state of an example repository under {@code examples/} (e.g. {@code ashdown-health});
   * {@code examples/build.sh} builds it with its dated Git history.
   */
  public static Path example(String name) {
    return projectFolder("examples/" + name);
  }

  private static Path projectFolder(String relative) {
    Path base = Path.of(System.getProperty("basedir", "."));
    for (Path candidate : List.of(base.resolve("..").resolve(relative), base.resolve(relative))) {
      if (Files.isRegularFile(candidate.resolve("roadmap.yaml"))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException(relative + " not found from " + base.toAbsolutePath());
  }

  /** Copies the example roadmap into {@code target} and returns {@code target}. */
  public static Path copyExample(Path target) {
    return copy(exampleRoadmap(), target);
  }

  /** Copies the example repository {@code name} of {@code examples/} into {@code target}. */
  public static Path copyExample(String name, Path target) {
    return copy(example(name), target);
  }

  private static Path copy(Path source, Path target) {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : walk.toList()) {
        Path to = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
    }
    return target;
  }

  /** Writes a UTF-8 text file below {@code root}, creating folders as needed. */
  public static Path write(Path root, String relative, String text) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + relative, e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Replaces the single occurrence of {@code from} in a file. Fails when {@code from} is missing or
   * appears more than once, so a test notices when the example roadmap changes under it.
   */
  public static void replaceOnce(Path file, String from, String to) {
    String text = read(file);
    int first = text.indexOf(from);
    if (first < 0 || text.indexOf(from, first + 1) >= 0) {
      throw new IllegalStateException(
          "expected exactly one '" + from + "' in " + file + (first < 0 ? ", found none" : ""));
    }
    write(file.getParent(), file.getFileName().toString(), text.replace(from, to));
  }

  /** Where the single occurrence of {@code marker} starts in a file (1-based line and column). */
  public static Position positionOf(Path file, String marker) {
    String text = read(file);
    int offset = text.indexOf(marker);
    if (offset < 0 || text.indexOf(marker, offset + 1) >= 0) {
      throw new IllegalStateException("expected exactly one '" + marker + "' in " + file);
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Position(line, offset - lineStart + 1);
  }

  /** Validates a folder with every discovered rule, as of {@link #AS_OF}. */
  public static ValidationResult validate(Path root) {
    return validate(root, AS_OF);
  }

  /** Validates a folder with every discovered rule, as of {@code asOf}. */
  public static ValidationResult validate(Path root, java.time.LocalDate asOf) {
    try {
      return VALIDATOR.validate(
          new FolderSource(root, "x"), ValidationOptions.defaults().withAsOf(asOf));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot validate " + root, e);
    }
  }
}
