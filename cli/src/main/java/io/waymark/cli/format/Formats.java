package io.waymark.cli.format;

import io.waymark.engine.ValidationResult;
import io.waymark.engine.rules.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a validation result in the chosen format, to a file or standard output. */
public final class Formats {

  private Formats() {}

  /**
   * @param displayRoot the repository folder as the user named it; text output prefixes file paths
   *     with it so that {@code file:line:column} opens in a terminal or editor
   */
  public static void write(
      Format format,
      ValidationResult result,
      RuleRegistry registry,
      Path output,
      boolean color,
      boolean quiet,
      PrintWriter stdout,
      String displayRoot) {
    String text = render(format, result, registry, output == null && color, quiet, displayRoot);
    if (output == null) {
      stdout.print(text);
      stdout.flush();
      return;
    }
    try {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(output, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
    }
    if (!quiet) {
      stdout.println(TextFormat.summaryLine(result) + " (written to " + output + ")");
      stdout.flush();
    }
  }

  public static String render(
      Format format,
      ValidationResult result,
      RuleRegistry registry,
      boolean color,
      boolean quiet,
      String displayRoot) {
    StringWriter buffer = new StringWriter();
    PrintWriter w = new PrintWriter(buffer);
    switch (format) {
      case text -> new TextFormat(color, quiet, displayRoot).write(result, w);
      case json -> w.print(JsonFormat.write(result));
    }
    w.flush();
    return buffer.toString();
  }
}
