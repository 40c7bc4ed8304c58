package io.waymark.maven;

import io.waymark.cli.Main;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs one {@code waymark} command line in-process, through {@link Main#run}, so that the goals
 * have exactly the CLI's options, output files and exit codes.
 */
abstract class WaymarkMojo extends AbstractMojo {

  /** Runs a command line and returns its exit code. */
  @FunctionalInterface
  interface Cli {
    int run(PrintWriter out, PrintWriter err, String... args);
  }

  /** Skips the goal. */
  @Parameter(property = "waymark.skip", defaultValue = "false")
  boolean skip;

  /** The roadmap repository folder. */
  @Parameter(property = "waymark.directory", defaultValue = "${project.basedir}", required = true)
  File directory;

  /**
   * Judge the roadmap as of this date (YYYY-MM-DD). Default: Config {@code spec.asOf}, else the
   * date of the last commit, else today (UTC).
   */
  @Parameter(property = "waymark.asOf")
  String asOf;

  /** A Config file to use instead of the repository's {@code waymark.yaml}. */
  @Parameter(property = "waymark.config")
  File config;

  /** The command line runner; tests replace it. */
  Cli cli = Main::run;

  /** The goal's name, for messages. */
  abstract String goal();

  /** The arguments of the {@code waymark} command line. */
  abstract List<String> arguments();

  /**
   * The files an earlier run of this goal may have left: deleted before the run, so that a run that
   * fails cannot leave them looking like its own results. A name may end in a {@code *} pattern
   * ({@code qbr-*.html}); only files are deleted, never folders.
   */
  abstract List<Path> staleResults();

  /** Turns the command's exit code into the goal's result; the output is already logged. */
  abstract void completed(int exitCode, List<String> err)
      throws MojoExecutionException, MojoFailureException;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping waymark:" + goal() + " (waymark.skip)");
      return;
    }
    List<String> args = arguments();
    getLog().debug("waymark " + String.join(" ", args));
    deleteStaleResults();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = cli.run(o, e, args.toArray(new String[0]));
    } catch (RuntimeException | Error e) {
      // Waymark runs inside Maven's JVM: a crash of it, even running out of memory or stack,
      // ends this goal with a build error, never Maven itself, and never reads as findings.
      throw new MojoExecutionException(crashMessage(e), e);
    }
    beforeOutput(code);
    for (String line : lines(out.toString())) {
      getLog().info(line);
    }
    List<String> errors = lines(err.toString());
    for (String line : errors) {
      if (code == 0) {
        getLog().warn(line);
      } else {
        getLog().error(line);
      }
    }
    completed(code, errors);
  }

  /** One line that says what crashed and what to do. */
  String crashMessage(Throwable e) {
    String what = firstLine(String.valueOf(e));
    if (e instanceof OutOfMemoryError) {
      return "waymark:"
          + goal()
          + " ran out of memory ("
          + what
          + "): give Maven more, e.g. MAVEN_OPTS=-Xmx2g";
    }
    if (e instanceof StackOverflowError) {
      return "waymark:"
          + goal()
          + " ran out of stack ("
          + what
          + "): give Maven more, e.g. MAVEN_OPTS=-Xss8m";
    }
    return "waymark:" + goal() + " failed: " + what;
  }

  private static String firstLine(String text) {
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }

  private void deleteStaleResults() throws MojoExecutionException {
    for (Path stale : staleResults()) {
      String name = stale.getFileName().toString();
      Path folder = stale.getParent();
      if (folder == null || !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
        continue;
      }
      try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, name)) {
        for (Path file : files) {
          if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(file)) {
            Files.delete(file);
          }
        }
      } catch (IOException e) {
        throw new MojoExecutionException(
            "waymark:"
                + goal()
                + " cannot delete the results of an earlier run in "
                + display(folder.toFile())
                + ": "
                + e.getMessage(),
            e);
      }
    }
  }

  /** Called after the run, before its standard output is logged. */
  void beforeOutput(int exitCode) {}

  /** The options shared by every goal. */
  void addCommonOptions(List<String> args) {
    if (asOf != null && !asOf.isBlank()) {
      args.add("--as-of");
      args.add(asOf.strip());
    }
    if (config != null) {
      args.add("--config");
      args.add(display(config));
    }
  }

  /**
   * A path as the CLI should see it: relative to the working folder when it lies below it (so that
   * findings read {@code roadmap.yaml:12:5} rather than an absolute path), absolute otherwise.
   */
  static String display(File file) {
    Path path = file.toPath().toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath().normalize();
    if (path.startsWith(cwd)) {
      String relative = cwd.relativize(path).toString().replace('\\', '/');
      return relative.isEmpty() ? "." : relative;
    }
    return path.toString().replace('\\', '/');
  }

  static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (!line.isBlank()) {
        lines.add(line.stripTrailing());
      }
    }
    return lines;
  }

  /** The first error line, or a default, for exception messages. */
  static String firstOr(List<String> lines, String fallback) {
    return lines.isEmpty() ? fallback : lines.get(0).replaceFirst("^waymark: ", "");
  }
}
