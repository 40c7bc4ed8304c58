package io.waymark.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
    invalidCopy(Path.of(args[0]), Path.of(args[1]).resolve(INVALID));
    for (List<String> line : commandLines(args[0], Path.of(args[1]))) {
      PrintWriter discard = new PrintWriter(Writer.nullWriter());
      try {
        Main.run(discard, discard, line.toArray(String[]::new));
      } catch (RuntimeException | LinkageError e) {
        // Main.run reports failures as exit codes; anything else only ends this run early.
      }
    }
    residentRound(args[0], Path.of(args[1]));
  }

  /**
   * One request through the resident validate server ({@code WAYMARK_DAEMON=1}), client and server
   * in this JVM on a socket in the scratch folder, so that the client's classes are in the archive
   * too: a client's run is little more than the JVM's start and those classes. Nothing when the
   * socket cannot be made there (a path too long for a socket, no Unix sockets).
   */
  static void residentRound(String example, Path scratch) {
    try {
      Optional<Path> folder = DaemonSocket.checked(scratch.resolve("d"));
      if (folder.isEmpty()) {
        return;
      }
      DaemonSocket socket = new DaemonSocket(folder.get(), DaemonSocket.identity(System.getenv()));
      DaemonServer server = new DaemonServer(socket, Duration.ofMinutes(1), code -> {});
      Thread serving = new Thread(new Serving(server), "waymark-training-daemon");
      serving.setDaemon(true);
      serving.start();
      long until = System.nanoTime() + 10_000_000_000L;
      while (DaemonClient.ask(socket.socket(), DaemonClient.STATUS, "").isEmpty()) {
        if (System.nanoTime() > until || !serving.isAlive()) {
          return;
        }
        Thread.sleep(5);
      }
      String cache = scratch.resolve("cache").toString();
      DaemonClient.validate(
          socket,
          System.console() != null,
          new String[] {"validate", example, "--fail-on", "never", "--cache-dir", cache},
          OutputStream.nullOutputStream(),
          OutputStream.nullOutputStream());
      DaemonClient.ask(socket.socket(), DaemonClient.STOP, "");
      serving.join(10_000);
    } catch (IOException | RuntimeException | LinkageError e) {
      // a smaller archive, nothing worse
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The server of {@link #residentRound}, on its own thread. */
  private record Serving(DaemonServer server) implements Runnable {
    @Override
    public void run() {
      try {
        server.serve();
      } catch (IOException e) {
        // no round
      }
    }
  }

  /** The scratch subfolder of {@link #invalidCopy}. */
  static final String INVALID = "invalid";

  /**
   * A copy of the example's YAML files into {@code target}, every document invalid: validated
   * without a cache, the schema check's two ways of wording failures are in the archive too, which
   * any repository with a schema error loads. Every other file has a top-level key no schema allows
   * ({@link #UNKNOWN_KEY}), a failure the quick verdict words itself; the others a title that is a
   * mapping ({@link #MAPPING_TITLE}), which only the full schema validator words, so that it and
   * its keyword classes (about 300 classes the valid example never loads) are archived too (10,000
   * documents, 1,001 of them invalid, when networknt worded them all: 417 classes loaded outside
   * the archive before, 95 after; about 5% less CPU). A copy that cannot be made only leaves that
   * run with nothing to read.
   */
  static void invalidCopy(Path example, Path target) {
    try (Stream<Path> files = Files.walk(example, 2)) {
      int n = 0;
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        Path copy = target.resolve(example.relativize(file).toString());
        Files.createDirectories(copy.getParent());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.write(
            copy,
            (n++ % 2 == 0
                    ? text + "\n" + UNKNOWN_KEY + ": 1\n"
                    : TITLE.matcher(text).replaceFirst(MAPPING_TITLE))
                .getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException | RuntimeException e) {
      // a smaller archive, nothing worse
    }
  }

  /** The top-level key of {@link #invalidCopy} that no schema allows. */
  static final String UNKNOWN_KEY = "unexpectedTrainingKey";

  /** The metadata's title in {@link #invalidCopy}: a mapping where a text goes. */
  static final String MAPPING_TITLE = "  title: {}";

  private static final java.util.regex.Pattern TITLE =
      java.util.regex.Pattern.compile("(?m)^  title: .*$");

  /**
   * The runs: the example validated with the cache filling it (JSON output), judged again with the
   * stored outcome read (text), then found stored as a run with nothing changed is; without the
   * cache; its invalid copy without the cache (see {@link #invalidCopy}); at a revision as the
   * pre-commit hook runs it (exit 2 outside a Git work tree, after the classes of that path are
   * loaded); a usage error (picocli's error path); and the report.
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
            "validate", scratch.resolve(INVALID).toString(), "--fail-on", "never", "--no-cache"));
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
