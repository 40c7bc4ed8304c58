package io.waymark.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The project's example roadmap, copied into a test's folder (it validates clean). */
final class Fixtures {

  private Fixtures() {}

  /** The top-level {@code example-roadmap/} folder of this project. */
  static Path exampleRoadmap() {
    Path base = Path.of(System.getProperty("basedir", "."));
    for (Path candidate :
        List.of(base.resolve("../example-roadmap"), base.resolve("example-roadmap"))) {
      if (Files.isRegularFile(candidate.resolve("roadmap.yaml"))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("example-roadmap not found from " + base.toAbsolutePath());
  }

  /** Copies the example roadmap into {@code target} and returns {@code target}. */
  static Path copyExample(Path target) {
    Path source = exampleRoadmap();
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
      throw new UncheckedIOException("cannot copy the example roadmap to " + target, e);
    }
    return target;
  }
}
