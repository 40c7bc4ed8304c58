package io.waymark.cli.format;

import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.report.OutputException;
import io.waymark.report.OutputFolder;
import io.waymark.report.text.WellFormedText;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Writes a validation result in the chosen format, to a file or standard output. */
public final class Formats {

  private Formats() {}

  /**
   * Renders {@code result} and prints it, or writes it to {@code output} (then a summary line goes
   * to {@code stdout} unless quiet). Colour is used only on standard output.
   */
  public static void write(
      Format format,
      ValidationResult result,
      List<RuleDescriptor> rules,
      Path output,
      PrintWriter stdout,
      FormatOptions options)
      throws OutputException {
    FormatOptions effective =
        output == null
            ? options
            : new FormatOptions(
                false,
                options.quiet(),
                options.displayRoot(),
                options.failAt(),
                options.sourceRoot());
    String text = render(format, result, rules, effective);
    deliver(
        stdout,
        output,
        options.quiet(),
        text,
        () -> summaryLine(result, options.failAt()) + " (written to " + output + ")");
  }

  /**
   * Prints {@code text}, or writes it to {@code output} (creating folders) and prints the summary
   * unless quiet. Every command that has {@code --output} delivers through here; the file is
   * replaced atomically and never through a symbolic link ({@link OutputFolder}).
   *
   * @throws OutputException when the file cannot be written; the previous file is then intact
   */
  public static void deliver(
      PrintWriter stdout, Path output, boolean quiet, String text, Supplier<String> summary)
      throws OutputException {
    deliver(stdout, output, quiet, text, summary, OutputFolder.DISK);
  }

  /** As the other {@code deliver}, with the bytes of the file written by {@code writer}. */
  static void deliver(
      PrintWriter stdout,
      Path output,
      boolean quiet,
      String text,
      Supplier<String> summary,
      OutputFolder.ContentWriter writer)
      throws OutputException {
    if (output == null) {
      stdout.print(text);
      stdout.flush();
      return;
    }
    OutputFolder.writeFile(
        output, WellFormedText.of(text).getBytes(StandardCharsets.UTF_8), writer);
    if (!quiet) {
      stdout.println(summary.get());
      stdout.flush();
    }
  }

  /**
   * As {@link #deliver(PrintWriter, Path, boolean, String, Supplier)} for a text already encoded:
   * {@code length} bytes of UTF-8 from {@code offset} of {@code utf8}, well formed (as {@link
   * #render} gives). Printed as they are where {@code stdout} takes bytes ({@link Utf8Writer}).
   */
  public static void deliver(
      PrintWriter stdout,
      Path output,
      boolean quiet,
      byte[] utf8,
      int offset,
      int length,
      Supplier<String> summary)
      throws OutputException {
    if (output == null) {
      if (stdout instanceof Utf8Writer bytes) {
        bytes.writeUtf8(utf8, offset, length);
      } else {
        stdout.print(new String(utf8, offset, length, StandardCharsets.UTF_8));
        stdout.flush();
      }
      return;
    }
    OutputFolder.writeFile(
        output, Arrays.copyOfRange(utf8, offset, offset + length), OutputFolder.DISK);
    if (!quiet) {
      stdout.println(summary.get());
      stdout.flush();
    }
  }

  /**
   * As {@link #deliver(PrintWriter, Path, boolean, String, Supplier)} for a text made in UTF-8 (as
   * {@link #renderUtf8} gives): printed piece by piece where {@code stdout} takes bytes.
   */
  public static void deliver(
      PrintWriter stdout, Path output, boolean quiet, Utf8Text text, Supplier<String> summary)
      throws OutputException {
    if (output == null && stdout instanceof Utf8Writer bytes) {
      bytes.writeUtf8(text);
      return;
    }
    byte[] all = text.exact();
    deliver(stdout, output, quiet, all, 0, all.length, summary);
  }

  /** The whole output of one format, deterministic: the same result gives the same text. */
  public static String render(
      Format format, ValidationResult result, List<RuleDescriptor> rules, FormatOptions options) {
    // A lone surrogate from a YAML escape cannot be written as UTF-8: every format carries U+FFFD.
    return WellFormedText.of(
        switch (format) {
          case text -> {
            StringWriter buffer = new StringWriter();
            PrintWriter w = new PrintWriter(buffer);
            new TextFormat(
                    options.color(), options.quiet(), options.displayRoot(), options.failAt())
                .write(result, w);
            w.flush();
            yield buffer.toString();
          }
          case json -> JsonFormat.write(result);
          case junit -> JunitFormat.write(result, options);
          case sarif -> SarifFormat.write(result, rules, options.sourceRoot());
          case checkstyle -> CheckstyleFormat.write(result, options.sourceRoot());
          case github -> GithubFormat.write(result, options);
          case gitlab -> GitlabFormat.write(result, options.sourceRoot());
        });
  }

  /**
   * As {@link #render}, as UTF-8. The JSON and SARIF are written as they are made, never whole as a
   * tree or as text: for 100,000 documents the JSON runs to tens of megabytes (every business
   * case's recomputed figures), which held as a tree and then as text took more than a gigabyte.
   */
  public static Utf8Text renderUtf8(
      Format format, ValidationResult result, List<RuleDescriptor> rules, FormatOptions options) {
    return switch (format) {
      case json -> made(text -> JsonFormat.write(result, text));
      case sarif -> made(text -> SarifFormat.write(result, rules, options.sourceRoot(), text));
      case junit -> {
        // The totals come first and are known last: the suites are made, then the head.
        Utf8Text.Buffer suites = new Utf8Text.Buffer();
        Utf8Text.Buffer head = new Utf8Text.Buffer();
        try (Writer h = utf8(head);
            Writer b = utf8(suites)) {
          JunitFormat.write(result, options, h, b);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot happen: the XML is written to memory", e);
        }
        yield Utf8Text.concat(head.text(), suites.text());
      }
      default -> Utf8Text.of(render(format, result, rules, options));
    };
  }

  /** What {@code writer} writes to the writer it is given (and closes), in UTF-8, well formed. */
  private static Utf8Text made(Consumer<Writer> writer) {
    Utf8Text.Buffer bytes = new Utf8Text.Buffer();
    try (Writer text = utf8(bytes)) {
      writer.accept(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: the output is written to memory", e);
    }
    return bytes.text();
  }

  /** A writer of well-formed text into {@code bytes}, as UTF-8. */
  private static Writer utf8(Utf8Text.Buffer bytes) {
    return WellFormedText.writer(new OutputStreamWriter(bytes, StandardCharsets.UTF_8));
  }

  /**
   * The findings that fail the run, at most {@code cap}, as the text format writes them (without
   * colour), then how many more there are in {@code where}; nothing when none fails.
   */
  public static String failing(
      ValidationResult result, FormatOptions options, int cap, String where) {
    StringWriter buffer = new StringWriter();
    PrintWriter w = new PrintWriter(buffer);
    new TextFormat(false, true, options.displayRoot(), options.failAt())
        .writeFailing(result, cap, where, w);
    w.flush();
    return WellFormedText.of(buffer.toString());
  }

  /**
   * "✖ 2 errors, 1 warning, 0 infos in 24 documents (as of 2027-05-14)", or "✔ no findings …": ✖
   * exactly when the run exits 1, i.e. a finding is at or above {@code failAt}.
   */
  public static String summaryLine(ValidationResult result, Optional<Severity> failAt) {
    return TextFormat.summaryLine(result, failAt);
  }
}
