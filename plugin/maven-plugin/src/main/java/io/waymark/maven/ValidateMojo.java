package io.waymark.maven;

import io.waymark.cli.Main;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Validates the roadmap repository and writes the machine-readable results, like {@code waymark
 * ci}: {@code waymark.json}, {@code waymark-junit.xml}, {@code waymark.sarif}, {@code
 * waymark-checkstyle.xml}, {@code waymark-gitlab.json}, {@code waymark.txt} and the HTML reports in
 * {@code report/}. Fails the build when a finding is at or above {@code failOn}.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends WaymarkMojo {

  /**
   * Fail the build when a finding is at least this severe: {@code error}, {@code warning}, {@code
   * info} or {@code never}.
   */
  @Parameter(property = "waymark.failOn", defaultValue = "error", required = true)
  String failOn;

  /** The folder the result files are written to (created when missing). */
  @Parameter(
      property = "waymark.outputDirectory",
      defaultValue = "${project.build.directory}/waymark",
      required = true)
  File outputDirectory;

  /**
   * Compare with this base revision (a commit, branch or tag) and add the pull-request rules, e.g.
   * {@code origin/main}.
   */
  @Parameter(property = "waymark.base")
  String base;

  /**
   * Findings recorded in this file (by {@code waymark baseline}) are reported as info and do not
   * fail the build; only new ones do.
   */
  @Parameter(property = "waymark.baseline")
  File baseline;

  /**
   * The quarter the HTML report in {@code report/} reviews, e.g. {@code 2027-Q2}. Default: the
   * quarter of the as-of date.
   */
  @Parameter(property = "waymark.quarter")
  String quarter;

  @Override
  String goal() {
    return "validate";
  }

  @Override
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    args.add("ci");
    args.add(display(directory));
    args.add("--out");
    args.add(display(outputDirectory));
    args.add("--fail-on");
    args.add(failOn.strip());
    args.add("--no-pdf");
    // The findings are logged from waymark.json at their severity's level (beforeOutput).
    args.add("--annotate");
    args.add("none");
    if (base != null && !base.isBlank()) {
      args.add("--base");
      args.add(base.strip());
    }
    if (baseline != null) {
      args.add("--baseline");
      args.add(display(baseline));
    }
    if (quarter != null && !quarter.isBlank()) {
      args.add("--quarter");
      args.add(quarter.strip());
    }
    addCommonOptions(args);
    return args;
  }

  @Override
  List<Path> staleResults() {
    Path out = outputDirectory.toPath();
    Path report = out.resolve("report");
    return List.of(
        out.resolve("waymark.json"),
        out.resolve("waymark-junit.xml"),
        out.resolve("waymark.sarif"),
        out.resolve("waymark-checkstyle.xml"),
        out.resolve("waymark-gitlab.json"),
        out.resolve("waymark.txt"),
        report.resolve("qbr-*.html"),
        report.resolve("qbr-*.pdf"),
        report.resolve("qbr-*.md"),
        report.resolve("dashboard.html"),
        report.resolve("waymark.css"));
  }

  /** The JSON result of this run, or null when it wrote none. */
  private JsonNode result;

  /** Logs every finding with its place, at the level of its severity. */
  @Override
  void beforeOutput(int exitCode) {
    // Exit code 2 may come before anything is written: a waymark.json there is a stale one.
    result = exitCode <= 1 ? readResult() : null;
    if (result == null) {
      return;
    }
    String root = display(directory);
    String prefix = root.equals(".") ? "" : root + "/";
    for (JsonNode f : result.path("findings")) {
      // The JSON keeps the repository's texts exact; the log shows them on one line, escaped as
      // the text output does, so that none starts a line of its own (a workflow command).
      String line =
          Main.printable(prefix + f.path("file").asString())
              + ":"
              + f.path("line").asInt()
              + ":"
              + f.path("column").asInt()
              + " ["
              + Main.printable(f.path("rule").asString())
              + "] "
              + Main.printable(f.path("message").asString());
      String hint = f.path("hint").asString();
      if (!hint.isEmpty()) {
        line += " (hint: " + Main.printable(hint) + ")";
      }
      if (f.path("baseline").asBoolean()) {
        getLog().info("(baseline) " + line);
        continue;
      }
      switch (f.path("severity").asString()) {
        case "error" -> getLog().error(line);
        case "warning" -> getLog().warn(line);
        default -> getLog().info(line);
      }
    }
  }

  @Override
  void completed(int exitCode, List<String> err)
      throws MojoExecutionException, MojoFailureException {
    if (exitCode == 0 || exitCode == 1) {
      // The results were deleted before the run: these are this run's, or there are none.
      String disagree = disagreement(exitCode);
      if (disagree != null) {
        throw new MojoExecutionException(
            "waymark:validate did not finish normally: " + disagree + "; see the log above");
      }
    }
    switch (exitCode) {
      case 0 -> {}
      case 1 -> throw new MojoFailureException(failureMessage());
      default ->
          throw new MojoExecutionException(
              "waymark:validate could not validate "
                  + display(directory)
                  + ": "
                  + firstOr(err, "exit code " + exitCode));
    }
  }

  /**
   * Why exit code 0 or 1 cannot be trusted: no waymark.json, or a summary that says otherwise (exit
   * 1 means a finding at failOn or above); null when they agree.
   */
  private String disagreement(int exitCode) {
    JsonNode summary = result == null ? null : result.path("summary");
    if (summary == null || !summary.isObject()) {
      return "it exited "
          + exitCode
          + " but wrote no readable "
          + display(new File(outputDirectory, "waymark.json"));
    }
    long errors = summary.path("errors").asLong();
    long warnings = summary.path("warnings").asLong();
    long infos = summary.path("infos").asLong();
    long failing =
        switch (failOn.strip().toLowerCase(Locale.ROOT)) {
          case "error" -> errors;
          case "warning" -> errors + warnings;
          case "info" -> errors + warnings + infos;
          default -> 0;
        };
    if ((failing > 0) == (exitCode == 1)) {
      return null;
    }
    return "it exited "
        + exitCode
        + " but its results have "
        + failing
        + " finding(s) at "
        + failOn.strip()
        + " or above";
  }

  private String failureMessage() {
    String found = "findings";
    JsonNode summary = result == null ? null : result.path("summary");
    if (summary != null && summary.isObject()) {
      // Only the severities that fail the build: --fail-on warning counts errors and warnings.
      String threshold = failOn.strip().toLowerCase(Locale.ROOT);
      List<String> counts = new ArrayList<>();
      count(counts, summary.path("errors").asLong(), "error");
      if (threshold.equals("warning") || threshold.equals("info")) {
        count(counts, summary.path("warnings").asLong(), "warning");
      }
      if (threshold.equals("info")) {
        count(counts, summary.path("infos").asLong(), "info");
      }
      if (!counts.isEmpty()) {
        found = String.join(", ", counts);
      }
    }
    return "Waymark found "
        + found
        + " (the build fails on "
        + failOn.strip()
        + " and above): see "
        + display(new File(outputDirectory, "waymark.txt"));
  }

  private static void count(List<String> counts, long n, String word) {
    if (n > 0) {
      counts.add(n + " " + word + (n == 1 ? "" : "s"));
    }
  }

  /** The JSON result the command wrote, or null when there is none. */
  private JsonNode readResult() {
    Path json = outputDirectory.toPath().resolve("waymark.json");
    if (!Files.isRegularFile(json)) {
      return null;
    }
    try {
      return JsonMapper.builder().build().readTree(json.toFile());
    } catch (JacksonException e) {
      getLog().debug("cannot read " + json + ": " + e.getMessage());
      return null;
    }
  }
}
