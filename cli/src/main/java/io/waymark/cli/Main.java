package io.waymark.cli;

import io.waymark.cli.format.Utf8Writer;
import io.waymark.report.OutputFolder;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Entry point of the {@code waymark} executable. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Optional<DaemonSocket> daemon = Optional.empty();
    if (args.length > 0 && args[0].equals("validate") && "1".equals(System.getenv(DAEMON))) {
      // First, before anything else is loaded: the resident server answers, if there is one.
      daemon = DaemonSocket.ofThisProcess();
      if (daemon.isEmpty()) {
        if (Arrays.asList(args).contains("--debug")) {
          System.err.println("waymark: " + DAEMON + "=1, but no safe socket folder: run here");
        }
      } else {
        DaemonClient.Reply reply =
            DaemonClient.validate(
                daemon.get(),
                System.console() != null,
                args,
                new FileOutputStream(FileDescriptor.out),
                new FileOutputStream(FileDescriptor.err));
        if (reply.outcome() == DaemonClient.Outcome.ANSWERED) {
          System.exit(reply.code());
        }
        if (reply.outcome() == DaemonClient.Outcome.REFUSED) {
          daemon = Optional.empty(); // a server lives; this line is not for it
        }
      }
    }
    CheckedOutput stdout = new CheckedOutput(new FileOutputStream(FileDescriptor.out));
    PrintWriter out = new Utf8Writer(stdout);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(out, err, stdout::failure, args);
    if (daemon.isPresent() && QuickValidate.of(args).isPresent()) {
      try {
        DaemonClient.startServer(daemon.get()); // for the next run
      } catch (IOException | RuntimeException e) {
        // no server: the next run is local too
      }
    }
    System.exit(code);
  }

  /** The environment variable that asks for the resident validate server: {@code 1}. */
  static final String DAEMON = "WAYMARK_DAEMON";

  /**
   * {@code text} (a file name, a finding's message or hint, as {@code waymark.json} holds it: from
   * the repository, exact) made safe to print on one line of a log, as the text output prints it: a
   * line break, a control character or a bidirectional-text control is shown as a visible escape
   * ({@code \n}, {@code \x1b}, {@code \u202e}), so that a value can never start a line of its own
   * (a GitHub workflow command such as {@code ::error ::…}) or reorder what a reader sees. For the
   * Maven plugin, which reads the JSON and logs each finding.
   */
  public static String printable(String text) {
    return io.waymark.report.text.TerminalText.escape(text);
  }

  /** Runs one command line and returns its exit code; output goes to the given writers. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, Optional::empty, args);
  }

  /**
   * Runs one command line. Whatever happens, the result is an exit code: a crash ({@code
   * OutOfMemoryError}, {@code StackOverflowError}, any unexpected exception) is exit 2 with one
   * line on {@code err}, never a pass or "findings"; so is a standard output that could not be
   * written (a full disk, a closed pipe), since the result it should have carried is lost.
   *
   * @param stdoutFailure why writing {@code out} failed, when known
   */
  static int run(
      PrintWriter out,
      PrintWriter err,
      Supplier<Optional<IOException>> stdoutFailure,
      String... args) {
    return run(out, err, stdoutFailure, true, args);
  }

  /**
   * As {@link #run(PrintWriter, PrintWriter, Supplier, String...)}; {@code quick}: a plain {@code
   * validate} is answered from its stored outcome, or else judged, without picocli ({@link
   * QuickValidate}), as it always is outside tests that compare the two ways.
   */
  static int run(
      PrintWriter out,
      PrintWriter err,
      Supplier<Optional<IOException>> stdoutFailure,
      boolean quick,
      String... args) {
    boolean debug = Arrays.asList(args).contains("--debug");
    int code;
    try {
      Optional<QuickValidate> plain = quick ? QuickValidate.of(args) : Optional.empty();
      OptionalInt answered =
          plain.isPresent() ? plain.get().answer(out, err, debug) : OptionalInt.empty();
      if (answered.isEmpty() && plain.isPresent()) {
        // Not stored (something changed): judged without picocli all the same.
        answered = plain.get().judge(out, err, debug);
      }
      if (answered.isPresent()) {
        code = answered.getAsInt();
      } else {
        CommandLine cli = WaymarkCommand.forArgs(args);
        if (plain.isPresent()) {
          plain.get().handOver(cli);
        }
        cli.setOut(out);
        cli.setErr(err);
        code = cli.execute(args);
      }
    } catch (Throwable t) { // NOPMD: the last line of defence, so that a crash is never a pass
      code = Failures.crash(t, err, debug);
    }
    out.flush();
    if (out.checkError()) {
      Optional<IOException> failure = stdoutFailure.get();
      // A reader that stopped early (`| head`) is no error to report: as cat does, say nothing.
      if (!failure.map(CheckedOutput::closedPipe).orElse(false)) {
        err.println(
            "waymark: cannot write standard output"
                + failure.map(e -> ": " + OutputFolder.reason(e)).orElse("")
                + "; the result is lost");
      }
      code = ExitCode.USAGE;
    }
    err.flush();
    return code;
  }

  /** Standard output that remembers why a write failed (a PrintWriter keeps only a flag). */
  static final class CheckedOutput extends OutputStream {

    private final OutputStream out;
    private IOException failure;

    CheckedOutput(OutputStream out) {
      this.out = out;
    }

    Optional<IOException> failure() {
      return Optional.ofNullable(failure);
    }

    /**
     * Whether a write failed because the reader closed its end of the pipe (EPIPE; on Windows a
     * pipe being closed or ended). The JDK gives no type of its own for it, only the system's
     * message.
     */
    static boolean closedPipe(IOException e) {
      String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
      return message.contains("broken pipe")
          || message.contains("pipe is being closed")
          || message.contains("pipe has been ended");
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        throw remember(e);
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        throw remember(e);
      }
    }

    private IOException remember(IOException e) {
      if (failure == null) {
        failure = e;
      }
      return e;
    }
  }
}
