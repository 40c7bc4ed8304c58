package io.waymark.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by every command that prints a result. */
final class OutputOptions {

  @Option(
      names = "--output",
      paramLabel = "FILE",
      description = "Write the result to FILE instead of standard output.")
  Path output;

  @Option(names = "--quiet", description = "Print only findings, no summary or progress.")
  boolean quiet;

  @Option(
      names = "--no-color",
      description = "Plain text without ANSI colours (also when NO_COLOR is set).")
  boolean noColor;

  @Mixin DebugOption debug;

  boolean color() {
    return !noColor && output == null && System.getenv("NO_COLOR") == null && Terminal.attached();
  }
}
