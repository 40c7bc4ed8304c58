package io.waymark.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** The project's own files, for tests that read every one of a kind. */
public final class ProjectFiles {

  private ProjectFiles() {}

  /**
   * Every {@code .yaml} and {@code .yml} file under {@code project}, sorted; build folders, Git's
   * and npm's left out before they are entered: the other modules' builds write and delete files
   * there while a test runs (a test report that vanished between the listing and the reading of its
   * attributes failed a walk that filtered them out afterwards).
   */
  public static List<Path> yaml(Path project) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          project,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
              return name.equals("target") || name.equals(".git") || name.equals("node_modules")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() && file.getFileName().toString().matches(".*\\.ya?ml")) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(null);
    return files;
  }
}
