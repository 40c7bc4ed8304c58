package io.waymark.cli;

import io.waymark.cli.format.Format;
import io.waymark.cli.format.FormatOptions;
import io.waymark.cli.format.Formats;
import io.waymark.cli.format.Utf8Text;
import io.waymark.cli.format.Version;
import io.waymark.engine.Checkout;
import io.waymark.engine.Recall;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Waymark;
import io.waymark.engine.load.Printed;
import io.waymark.git.GitAdapter;
import io.waymark.git.StagedCommit;
import io.waymark.report.OutputException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code waymark validate [DIR]}. */
@Command(
    header =
        "Validate a roadmap repository: schemas and gate rules, findings with file:line:column.",
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Load every Waymark YAML document under DIR, check it against its JSON Schema and the gate rules, and print the findings.",
    footer = {
      "",
      "Examples:",
      "  waymark validate example-roadmap",
      "  waymark validate . --format json --output target/waymark.json",
      "  waymark validate . --format sarif --output waymark.sarif",
      "  waymark validate . --format github   (annotations in a GitHub Actions log)",
      "  waymark validate --fail-on warning --as-of 2027-06-30",
      "  waymark validate --rev v1.2             (a tag, without checking it out)",
      "  waymark validate --base origin/main     (add the pull-request rules)",
      "  waymark validate --staged ai-roadmap    (what is about to be committed)",
      "  waymark validate --watch ai-roadmap     (again on every change; Ctrl-C stops)"
    })
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The roadmap repository folder (default: the current folder).")
  Path dir;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format = Format.text;

  @Option(
      names = "--staged",
      description =
          "Validate what is staged in the Git index (the commit about to be made), not the work"
              + " tree: unstaged changes and untracked files play no part. The index is written as"
              + " an unreferenced commit on top of HEAD and validated as with --rev; for pre-commit"
              + " hooks.")
  boolean staged;

  @Option(
      names = "--watch",
      description =
          "Keep running: validate again whenever a file under DIR changes (after 300 ms without"
              + " further change), clearing the screen first when the output is a terminal. A"
              + " failed run prints its message and the watch goes on. Stop it with Ctrl-C (exit"
              + " 130, the shell's code for an interrupt).")
  boolean watch;

  @Mixin ValidationOptionsMixin validation;
  @Mixin GitOptions git;
  @Mixin OutputOptions output;
  @Mixin PathsOption paths;
  @Mixin CacheOptions cache;

  /** See {@link #answerFromStore}. */
  private Early early;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!watch) {
      return validateOnce(out, err);
    }
    if (staged || git.rev != null) {
      throw new UserError(
          "--watch re-validates the files on disk; it cannot be used with --staged or --rev");
    }
    if (!java.nio.file.Files.isDirectory(dir)) {
      throw new UserError("'" + Repositories.display(dir) + "' is not a folder to watch");
    }
    boolean clear = output.output == null && Terminal.attached();
    try (Watch watcher = new Watch(dir)) {
      Thread hook = new Thread(watcher::stop, "waymark-watch-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        watcher.run(
            () -> {
              try {
                return validateOnce(out, err);
              } catch (UserError | UncheckedIOException e) {
                throw e;
              } catch (Exception e) {
                throw new UserError(String.valueOf(e.getMessage()));
              }
            },
            out,
            err,
            clear);
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
          // the JVM is shutting down (Ctrl-C): the hook is running
        }
      }
    }
    return ExitCode.OK;
  }

  /**
   * One validation, printed to {@code out} (the base note to {@code err}); returns the exit code.
   * Also the whole run of a revision's plain command line read without picocli ({@link
   * QuickValidate#answer}).
   */
  int validateOnce(PrintWriter out, PrintWriter err) throws Exception {
    output.refuseToReplaceInput(dir);
    Waymark waymark = GitOptions.waymark();
    ValidationResult result;
    if (staged && git.rev != null) {
      throw new UserError("--staged and --rev cannot be used together: choose one revision");
    }
    FormatOptions options = formatOptions();
    // Only the findings are printed (and, in JSON, the insights): a large repository's files may
    // then be judged as they are read, and what the other rules do not read let go of.
    ValidationOptions judged =
        validation
            .toOptions(dir)
            .withModels(
                format == Format.json
                    ? ValidationOptions.Models.INSIGHTS
                    : ValidationOptions.Models.FINDINGS);
    Recall recall = staged || watch ? null : recall(waymark, options, judged);
    if (recall != null) {
      OptionalInt stored = deliverStored(recall, out);
      if (stored.isPresent()) {
        return stored.getAsInt();
      }
    }
    try (StagedCommit index = staged ? stage(dir) : null;
        Checkout target =
            git.open(waymark, dir, index == null ? git.rev : index.id(), judged, cache, recall)) {
      // The base is resolved beside the head's load: its note is told once the run is judged.
      result = GitOptions.validate(target, err, output.quiet);
    }
    Utf8Text printed = Formats.renderUtf8(format, result, waymark.rules(), options);
    String summary =
        output.output != null && !output.quiet
            ? Formats.summaryLine(result, validation.threshold())
                + " (written to "
                + output.output
                + ")"
            : "";
    int exit = validation.fails(result) ? ExitCode.FINDINGS : ExitCode.OK;
    if (recall != null && recall.keeps()) {
      Optional<String> day = recall.keep(result, StoredOutput.printed(exit, printed, summary));
      if (day.isPresent()) {
        keepAnswer(recall, day.get(), exit, printed);
      }
    }
    Formats.deliver(out, output.output, output.quiet, printed, () -> summary);
    return exit;
  }

  /**
   * Answers from the stored outcome, without picocli ({@link QuickValidate}'s plain forms of the
   * command line): when the outcome of a run with the same inputs is stored, prints it to {@code
   * out} exactly as {@link #validateOnce} would and returns its exit code; else empty, and the
   * recall is kept for {@link #takeOver} (the folder is then walked once, not twice).
   */
  OptionalInt answerFromStore(PrintWriter out) throws OutputException {
    output.refuseToReplaceInput(dir);
    FormatOptions options = formatOptions();
    String key = key(options);
    Recall recall = GitOptions.waymark().recall(request(), validation.toOptions(dir), key);
    OptionalInt stored = deliverStored(recall, out);
    if (stored.isEmpty()) {
      early = new Early(fields(key), recall);
    }
    return stored;
  }

  /** The recall {@code quick} made of the same command line, for this command's run. */
  void takeOver(ValidateCommand quick) {
    early = quick.early;
  }

  /**
   * The stored outcome of a run with the same inputs; the recall {@link #answerFromStore} made of
   * this same command line when it made one.
   */
  private Recall recall(Waymark waymark, FormatOptions options, ValidationOptions judged) {
    String key = key(options);
    Early made = early;
    early = null;
    if (made != null && made.fields().equals(fields(key))) {
      return made.recall();
    }
    return waymark.recall(request(), judged, key);
  }

  private Waymark.Request request() {
    return git.request(dir, git.rev, cache);
  }

  /** Prints the stored outcome, if there is one, and returns its exit code. */
  private OptionalInt deliverStored(Recall recall, PrintWriter out) throws OutputException {
    Optional<StoredOutput> stored = recall.outcome().flatMap(StoredOutput::decode);
    if (stored.isEmpty()) {
      return OptionalInt.empty();
    }
    // Nothing changed since the run that printed this: the same output, the same exit code.
    StoredOutput o = stored.get();
    keepAnswer(
        recall, recall.day(), o.exitCode(), Printed.of(o.bytes(), o.textFrom(), o.textLength()));
    // Printed as the bytes it was printed as, not decoded and encoded again.
    Formats.deliver(
        out, output.output, output.quiet, o.bytes(), o.textFrom(), o.textLength(), o::summary);
    return OptionalInt.of(o.exitCode());
  }

  /**
   * The command line as given, when {@link QuickValidate} read it (one of its plain forms, whose
   * every input a recall names): only such a line's answer is kept for the launcher.
   */
  List<String> plainLine;

  /**
   * Keeps what this run printed for the launchers, which give it again without a JVM while every
   * input is as it was ({@link Recall#keepAnswer}; {@code waymark-daemon-client.pl}): for a plain
   * command line printing to standard output, without {@code --debug} (whose output is not the
   * answer). The terminal is part of the line (it turns colours on): the launcher tells it as Java
   * 17 to 21 do (standard input and output both terminals); a later Java answers otherwise, so
   * there only a line whose colours are off by choice is kept.
   */
  private void keepAnswer(Recall recall, String day, int exit, Printed printed) {
    if (plainLine == null || output.output != null || output.debug.debug) {
      return;
    }
    boolean byChoice = output.noColor || System.getenv("NO_COLOR") != null;
    if (!byChoice && Runtime.version().feature() >= 22) {
      return;
    }
    if (recall.keepsAnswer()) {
      recall.keepAnswer(
          DaemonSocket.identity(System.getenv()),
          Terminal.attached(),
          plainLine,
          day,
          exit,
          printed);
    }
  }

  private FormatOptions formatOptions() {
    return new FormatOptions(
        output.color(),
        output.quiet,
        Repositories.display(dir),
        validation.threshold(),
        paths.sourceRoot(dir));
  }

  /** A recall made before picocli ran, and every field of the command line it was made for. */
  private record Early(String fields, Recall recall) {}

  /** Every field of this command line that the recall depends on, with the key. */
  private String fields(String key) {
    DateAndConfigOptions dated = validation.dateAndConfigOptions;
    return new StringBuilder(512)
        .append(key)
        .append("\ndir ")
        .append(dir)
        .append("\nstaged ")
        .append(staged)
        .append(" watch ")
        .append(watch)
        .append("\nasOf ")
        .append(dated.asOf)
        .append("\nconfig ")
        .append(dated.config)
        .append("\nbaseline ")
        .append(validation.baseline)
        .append("\nrev ")
        .append(git.rev)
        .append(" base ")
        .append(git.base)
        .append(" tip ")
        .append(git.tip)
        .append("\nnoCache ")
        .append(cache.noCache)
        .append(" cacheDir ")
        .append(cache.cacheDir)
        .toString();
  }

  /**
   * What the output depends on besides the repository and the validation options: the format and
   * how it is rendered, where it goes, the exit threshold, the folder the command runs in and the
   * line separator.
   */
  private String key(FormatOptions options) {
    // Built by hand: a record's toString and string concatenation start method-handle machinery
    // that costs more than the rest of a run with nothing changed.
    return new StringBuilder(256)
        .append("validate ")
        .append(Version.current())
        .append("\nformat ")
        .append(format.name())
        .append("\ncolor ")
        .append(options.color())
        .append(" quiet ")
        .append(options.quiet())
        .append("\ndisplay ")
        .append(options.displayRoot())
        .append("\nfailAt ")
        .append(options.failAt().map(Enum::name).orElse("never"))
        .append("\nsourceRoot ")
        .append(options.sourceRoot().prefix())
        .append(' ')
        .append(options.sourceRoot().repository())
        .append("\noutput ")
        .append(output.output == null ? "-" : output.output.toAbsolutePath().toString())
        .append("\ncwd ")
        .append(Path.of("").toAbsolutePath().toString())
        .append("\neol ")
        .append(System.lineSeparator().length())
        .toString();
  }

  /** The index of the repository that contains {@code dir}, written as a commit. */
  private static StagedCommit stage(Path dir) {
    Waymark.requireFolder(dir);
    return GitAdapter.stage(dir, Repositories.display(dir));
  }
}
