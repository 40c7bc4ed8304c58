package io.waymark.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of the launchers' class-data archive (Java 17 on: a static archive from the list
 * of classes loaded; Java 25 on, when asked for: the ahead-of-time cache): the command lines a user
 * runs most, one after the other in one JVM, their output discarded. One JVM, so that one list of
 * classes (or one AOT configuration, which Java 25 records from a single run) covers them all:
 * lists of several JVMs merged line by line name a class twice with different ids, which Java 25's
 * {@code -Xshare:dump} refuses.
 *
 * <pre>java -cp waymark.jar io.waymark.cli.Training EXAMPLE SCRATCH</pre>
 *
 * <p>{@code EXAMPLE} is a roadmap folder (the example); nothing is written into it: the cache and
 * the report go under {@code SCRATCH}, a folder of the launcher's that it deletes afterwards. The
 * exit code is always 0: a training run that fails only makes a smaller archive.
 */
public final class Training {

  private Training() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: Training EXAMPLE SCRATCH");
      return;
    }
    for (List<String> line : commandLines(args[0], Path.of(args[1]))) {
      PrintWriter discard = new PrintWriter(Writer.nullWriter());
      try {
        Main.run(discard, discard, line.toArray(String[]::new));
      } catch (RuntimeException | LinkageError e) {
        // Main.run reports failures as exit codes; anything else only ends this run early.
      }
    }
  }

  /**
   * The runs: the example validated with the cache filling it (JSON output), judged again with the
   * stored outcome read (text), then found stored as a run with nothing changed is; without the
   * cache; at a revision as the pre-commit hook runs it (exit 2 outside a Git work tree, after the
   * classes of that path are loaded); a usage error (picocli's error path); and the report.
   */
  static List<List<String>> commandLines(String example, Path scratch) {
    String cache = scratch.resolve("cache").toString();
    List<List<String>> lines = new ArrayList<>();
    lines.add(
        List.of(
            "validate", example, "--fail-on", "never", "--format", "json", "--cache-dir", cache));
    lines.add(
        List.of(
            "validate", example, "--fail-on", "never", "--format", "text", "--cache-dir", cache));
    lines.add(List.of("validate", example, "--fail-on", "never", "--cache-dir", cache));
    lines.add(List.of("validate", example, "--fail-on", "never", "--no-cache"));
    lines.add(
        List.of(
            "validate",
            example,
            "--rev",
            "HEAD",
            "--fail-on",
            "never",
            "--cache-dir",
            scratch.resolve("rev-cache").toString()));
    lines.add(List.of("validate", example, "--no-such-option"));
    lines.add(List.of("report", example, "--out", scratch.resolve("report").toString(), "--quiet"));
    return lines;
  }
}
