package io.waymark.cli;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by every command that prints a result. */
final class OutputOptions {

  /** The file to write the result to; null for standard output. */
  Path output;

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the result to FILE instead of standard output ('-': standard output).")
  void output(Path file) {
    output = toStandardOutput(file) ? null : file;
  }

  /** True for "-", which names standard output as most tools read it, never a file of that name. */
  static boolean toStandardOutput(Path file) {
    return file.toString().equals("-");
  }

  @Option(names = "--quiet", description = "Print only findings, no summary or progress.")
  boolean quiet;

  @Option(
      names = "--no-color",
      description = "Plain text without ANSI colours (also when NO_COLOR is set).")
  boolean noColor;

  @Mixin DebugOption debug;

  /**
   * Refuses an {@code --output} that names a YAML file of the folder judged: the findings written
   * there would replace a roadmap file (a slip such as {@code --output roadmap.yaml}), and what a
   * user asks to be checked is never overwritten by the check.
   */
  void refuseToReplaceInput(Path dir) {
    if (output == null) {
      return;
    }
    Path target = output.toAbsolutePath().normalize();
    Path name = target.getFileName();
    String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if ((lower.endsWith(".yaml") || lower.endsWith(".yml"))
        && target.startsWith(dir.toAbsolutePath().normalize())
        && Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new UserError(
          "--output '"
              + output
              + "' is a YAML file of the folder validated: the findings would replace it; give"
              + " a file outside the roadmap, e.g. --output target/waymark.txt");
    }
  }

  boolean color() {
    return !noColor && output == null && System.getenv("NO_COLOR") == null && Terminal.attached();
  }
}
