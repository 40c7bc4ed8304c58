package io.waymark.maven;

import io.waymark.cli.Main;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
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
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      code = cli.run(o, e, args.toArray(new String[0]));
    } catch (RuntimeException | LinkageError e) {
      throw new MojoExecutionException("waymark:" + goal() + " failed: " + e, e);
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
