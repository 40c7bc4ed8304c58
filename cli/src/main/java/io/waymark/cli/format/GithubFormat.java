package io.waymark.cli.format;

import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;

/**
 * GitHub Actions workflow commands: one {@code ::error}, {@code ::warning} or {@code ::notice} line
 * per finding, which GitHub shows as an annotation on the file and line, then the summary line. The
 * file is the path from where the command ran (DIR as given, then the repository-relative path),
 * since GitHub resolves it against the checkout. Data and properties are escaped as the Actions
 * toolkit does: {@code %}, CR and LF everywhere, and {@code :} and {@code ,} in properties. The
 * message and title are {@link FindingText#shown} (GitHub shows them on the pull request); {@code
 * file} stays exact, so that GitHub finds the file.
 */
final class GithubFormat {

  private GithubFormat() {}

  static String write(ValidationResult result, FormatOptions options) {
    StringBuilder out = new StringBuilder();
    for (Finding f : result.findings()) {
      out.append("::").append(command(f));
      out.append(" file=").append(property(options.displayed(f.file())));
      out.append(",line=").append(f.line());
      out.append(",col=").append(f.column());
      out.append(",title=").append(property(visible(FindingText.shown("waymark " + f.rule()))));
      out.append("::").append(data(visible(FindingText.withHint(f)))).append('\n');
    }
    if (!options.quiet()) {
      out.append(Formats.summaryLine(result, options.failAt())).append('\n');
    }
    return out.toString();
  }

  private static String command(Finding f) {
    return switch (f.severity()) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "notice";
    };
  }

  /**
   * A text people read in the log and the annotations: a control character other than the line
   * breaks (which {@link #data} encodes) and the tab as U+FFFD, so that an escape sequence from a
   * roadmap text ({@code ESC[31m}, a bell) cannot colour or rewrite the log. Not for {@code file=},
   * which must name the file exactly.
   */
  static String visible(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean control =
          (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7f && c <= 0x9f);
      if (control && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (out != null) {
        out.append(control ? '\uFFFD' : c);
      }
    }
    return out == null ? s : out.toString();
  }

  /** The message of a command. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** A property value of a command. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
