package io.waymark.cli;

import io.waymark.cli.format.Format;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import picocli.CommandLine;

/**
 * The plain forms of {@code waymark validate} read without picocli, so that a run with nothing
 * changed since the last one answers from the stored outcome without building picocli's model (its
 * reflection over the annotations was most of such a run after the JVM's start), and a run of a
 * revision ({@code --rev}, {@code --staged}: what the pre-commit hook runs) is judged without it.
 * Only {@code validate} first, at most one folder, and these options, each at most once, before or
 * after the folder: {@code --format}, {@code --fail-on}, {@code --paths}, {@code --output}, {@code
 * --cache-dir}, {@code --timeout}, {@code --rev} (a value of their own, lower-case names for the
 * choices), {@code --no-color}, {@code --quiet}, {@code --debug}, {@code --staged}, {@code
 * --no-cache} (nothing stored is read, so such a line is always judged). Anything else (help, an
 * unknown or repeated option, an upper-case choice, a value that looks like an option, an argument
 * file, the other options that change what is judged) is left to picocli. A work-tree run whose
 * outcome is not stored is judged here too ({@link #judge}), taking over the recall made here, so
 * the folder is still walked once (picocli's {@link ValidateCommand} takes it over the same way
 * when the line goes to picocli after all: {@link #handOver}). What is printed, written and
 * returned is the same as picocli's path gives (the fields are filled as picocli fills them and the
 * same {@link ValidateCommand} code answers, a failure is reported by the same {@link
 * Failures#crash}); {@code QuickValidateTest} runs many command lines both ways.
 */
final class QuickValidate {

  private final ValidateCommand command = new ValidateCommand();
  private String timeout;

  private QuickValidate() {
    command.dir = Path.of(".");
    command.validation = new ValidationOptionsMixin();
    command.validation.dateAndConfigOptions = new DateAndConfigOptions();
    command.git = new GitOptions();
    command.output = new OutputOptions();
    command.output.debug = new DebugOption();
    command.paths = new PathsOption();
    command.cache = new CacheOptions();
  }

  /** The command line as picocli would read it, when it is one of the plain forms. */
  static Optional<QuickValidate> of(String... args) {
    if (args.length == 0 || !args[0].equals("validate")) {
      return Optional.empty();
    }
    QuickValidate quick = new QuickValidate();
    try {
      if (!quick.read(args)) {
        return Optional.empty();
      }
      quick.command.plainLine = List.of(args);
      return Optional.of(quick);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not a path, not a choice: picocli says what is wrong with it
    }
  }

  /** The options read here: each one's name, and whether it takes a value. */
  static final List<String> FLAGS =
      List.of("--no-color", "--quiet", "--debug", "--staged", "--no-cache");

  static final List<String> VALUED =
      List.of("--format", "--fail-on", "--paths", "--output", "--cache-dir", "--timeout", "--rev");

  private boolean read(String... args) {
    boolean folder = false;
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.isEmpty() || arg.charAt(0) == '@') {
        return false;
      }
      if (arg.charAt(0) != '-') {
        if (folder) {
          return false;
        }
        folder = true;
        command.dir = Path.of(arg);
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq < 0 ? arg : arg.substring(0, eq);
      String value = null;
      if (VALUED.contains(name)) {
        if (eq >= 0) {
          value = arg.substring(eq + 1);
        } else if (i + 1 < args.length) {
          value = args[++i];
        }
        if (value == null || value.isEmpty() || value.charAt(0) == '-' || value.charAt(0) == '@') {
          return false;
        }
      } else if (eq >= 0 || !FLAGS.contains(name)) {
        return false;
      }
      if (!seen.add(name)) {
        return false; // picocli refuses a repeated option
      }
      if (!set(name, value)) {
        return false;
      }
    }
    return true;
  }

  /** Sets the field picocli sets; false for a value picocli would refuse or read otherwise. */
  private boolean set(String name, String value) {
    switch (name) {
      case "--no-color" -> command.output.noColor = true;
      case "--quiet" -> command.output.quiet = true;
      case "--debug" -> command.output.debug.debug = true;
      case "--format" -> command.format = Format.valueOf(value);
      case "--fail-on" -> command.validation.failOn = ValidationOptionsMixin.FailOn.valueOf(value);
      case "--paths" -> command.paths.paths = PathsOption.Base.valueOf(value);
      case "--output" -> command.output.output(Path.of(value));
      case "--cache-dir" -> command.cache.cacheDir = Path.of(value);
      case "--timeout" -> timeout = value;
      case "--staged" -> command.staged = true;
      case "--no-cache" -> command.cache.noCache = true;
      case "--rev" -> command.git.rev = value;
      default -> {
        return false;
      }
    }
    return true;
  }

  /**
   * The stored outcome printed to {@code out} and its exit code, when the last run with the same
   * inputs stored one; for a revision ({@code --rev}, {@code --staged}), which has none, the whole
   * run's. Else empty (nothing printed). Within the time limit, as every command (the deadline only
   * has to be open while the answer is made, hence "try" off here).
   */
  OptionalInt answer(PrintWriter out, PrintWriter err, boolean debug) {
    return withinLimit(
        err,
        debug,
        () ->
            judgesRevision()
                ? OptionalInt.of(command.validateOnce(out, err))
                : command.answerFromStore(out));
  }

  /**
   * After {@link #answer} found no stored outcome (a file changed since the last run): the whole
   * run judged here, as a revision's is, without building picocli's model (its reflection over
   * every command's annotations, and the classes it loads, were a good part of a run with one file
   * changed). The same fields, the same {@link ValidateCommand#validateOnce} (taking over the
   * recall {@link #answer} made, so the folder is walked once), the same time limit and the same
   * {@link Failures#crash} as picocli's path. Empty, with nothing printed, when the line is left to
   * picocli: a time limit it refuses, or a folder that is not there (picocli's path words it).
   */
  OptionalInt judge(PrintWriter out, PrintWriter err, boolean debug) {
    if (!Files.isDirectory(command.dir)) {
      return OptionalInt.empty();
    }
    return withinLimit(err, debug, () -> OptionalInt.of(command.validateOnce(out, err)));
  }

  /** What {@link #answer} and {@link #judge} do, as an exception may end it. */
  @FunctionalInterface
  private interface Step {
    OptionalInt run() throws Exception;
  }

  /**
   * {@code step} run within the command line's time limit, a failure reported as picocli's
   * execution handler reports a command's ({@link Failures#crash}); empty, with nothing printed,
   * when the time limit is one picocli's path refuses (it reports it). The deadline only has to be
   * open while the step runs, hence "try" off here.
   */
  @SuppressWarnings("try")
  private OptionalInt withinLimit(PrintWriter err, boolean debug, Step step) {
    Deadline.Limit limit;
    try {
      limit = Deadline.limit(timeout, System.getenv());
    } catch (UserError e) {
      return OptionalInt.empty(); // picocli's path reports it
    }
    try (Deadline d = Deadline.start(limit, err, Deadline.HALT)) {
      return step.run();
    } catch (Exception e) { // NOPMD: as picocli's execution handler does with a command's failure
      return OptionalInt.of(Failures.crash(e, err, debug));
    }
  }

  /** True for a revision's command line: judged here, never answered from a stored outcome. */
  boolean judgesRevision() {
    return command.staged || command.git.rev != null;
  }

  /** Gives picocli's {@code validate} the recall made here, when it was not answered. */
  void handOver(CommandLine cli) {
    CommandLine validate = cli.getSubcommands().get("validate");
    if (validate != null && validate.getCommand() instanceof ValidateCommand v) {
      v.takeOver(command);
    }
  }
}
