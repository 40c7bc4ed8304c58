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
    Files.walkFileTree(
        EXAMPLE,
        new java.nio.file.SimpleFileVisitor<>() {
          @Override
          public java.nio.file.FileVisitResult preVisitDirectory(
              Path dir, java.nio.file.attribute.BasicFileAttributes attrs) throws IOException {
            Path rel = EXAMPLE.relativize(dir);
            // The cache a run of the example keeps there, maybe being written now: not entered.
            if (rel.getNameCount() > 0 && rel.getFileName().toString().equals(".waymark")) {
              return java.nio.file.FileVisitResult.SKIP_SUBTREE;
            }
            Files.createDirectories(target.resolve(rel.toString()));
            return java.nio.file.FileVisitResult.CONTINUE;
          }

          @Override
          public java.nio.file.FileVisitResult visitFile(
              Path f, java.nio.file.attribute.BasicFileAttributes attrs) throws IOException {
            Files.copy(f, target.resolve(EXAMPLE.relativize(f).toString()));
            return java.nio.file.FileVisitResult.CONTINUE;
          }
        });
    return target;
  }
}
