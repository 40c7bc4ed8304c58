package io.waymark.git;

import io.waymark.engine.history.History;
import java.nio.file.Path;

/**
 * Opens the history of the folder given, as a run of Waymark does, in a JVM of its own: what the
 * system configuration's memo does depends on what one process did before ({@link
 * GitSystemConfigTest}).
 */
public final class SystemConfigProbe {

  private SystemConfigProbe() {}

  public static void main(String[] args) throws Exception {
    try (History history = GitHistory.open(Path.of(args[0]), "HEAD")) {
      System.out.println(history.available() ? "available" : "unavailable");
    }
  }
}
