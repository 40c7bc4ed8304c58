package io.waymark.cli;

import io.waymark.report.template.RenderLimits;
import picocli.CommandLine.Option;

/** {@code --template-timeout}: the time budget of each report template run (report and ci). */
final class TemplateTimeout {

  @Option(
      names = "--template-timeout",
      paramLabel = "DURATION",
      description =
          "Stop with exit code 2, writing no report, when one template run takes longer than this"
              + " (e.g. 5s, 2m). A repository's own templates/ are untrusted code; each run is also"
              + " capped at 16 Mi characters of output and 500 nested levels. Default: "
              + RenderLimits.DEFAULT_TIME_TEXT
              + ".")
  String text;

  /** The limits of each template run. */
  RenderLimits limits() {
    RenderLimits limits = RenderLimits.defaults();
    if (text == null) {
      return limits;
    }
    return limits.withTime(
        Deadline.parse(text)
            .orElseThrow(
                () -> Deadline.invalid("--template-timeout '" + text + "'", text, "5s, 90s or 2m")),
        text.strip());
  }
}
