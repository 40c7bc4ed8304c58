package io.waymark.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renders the quarterly business review (HTML, PDF, Markdown) and the executive dashboard, like
 * {@code waymark report}: {@code qbr-<quarter>.html}, {@code .pdf}, {@code .md}, {@code
 * dashboard.html} and {@code waymark.css}. Findings do not fail this goal; use {@code validate}.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends WaymarkMojo {

  /** The folder the reports are written to (created when missing). */
  @Parameter(
      property = "waymark.reportDirectory",
      defaultValue = "${project.build.directory}/waymark/report",
      required = true)
  File outputDirectory;

  /** The quarter to review, e.g. {@code 2027-Q2}. Default: the quarter of the as-of date. */
  @Parameter(property = "waymark.quarter")
  String quarter;

  /** Also render the PDF (the slow part). */
  @Parameter(property = "waymark.pdf", defaultValue = "true")
  boolean pdf;

  @Override
  String goal() {
    return "report";
  }

  @Override
  List<String> arguments() {
    List<String> args = new ArrayList<>();
    args.add("report");
    args.add(display(directory));
    args.add("--out");
    args.add(display(outputDirectory));
    if (quarter != null && !quarter.isBlank()) {
      args.add("--quarter");
      args.add(quarter.strip());
    }
    if (!pdf) {
      args.add("--no-pdf");
    }
    addCommonOptions(args);
    return args;
  }

  @Override
  List<Path> staleResults() {
    Path out = outputDirectory.toPath();
    return List.of(
        out.resolve("qbr-*.html"),
        out.resolve("qbr-*.pdf"),
        out.resolve("qbr-*.md"),
        out.resolve("dashboard.html"),
        out.resolve("waymark.css"));
  }

  @Override
  void completed(int exitCode, List<String> err) throws MojoExecutionException {
    if (exitCode != 0) {
      throw new MojoExecutionException(
          "waymark:report could not render the reports of "
              + display(directory)
              + ": "
              + firstOr(err, "exit code " + exitCode));
    }
  }
}
