package io.waymark.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time limit of one run ({@code --timeout}, else the {@code WAYMARK_TIMEOUT} environment
 * variable, else 10 minutes). Every stage has its own budget; this is the last line of defence, so
 * that no input can keep a CI agent busy for hours. When the limit passes, a watchdog prints one
 * line and ends the process with exit code 2; files are written atomically, so none is left half
 * written. The limit is deliberately not read from {@code waymark.yaml}: the repository under test
 * must not be able to raise its own budget.
 */
final class Deadline implements AutoCloseable {

  static final Duration DEFAULT = Duration.ofMinutes(10);
  static final String DEFAULT_TEXT = "10m";
  static final String ENVIRONMENT = "WAYMARK_TIMEOUT";

  /** Compiled on first use: a run within the default limit never parses a duration. */
  private static final class Syntax {
    static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,8})(ms|s|m|h)");
  }

  private final Thread watchdog;

  /**
   * Who ended the wait first: the command, in time ({@link #close}), or the watchdog, at the limit.
   * Once the watchdog has fired it is never interrupted: it may be writing its line and the exit
   * code to a resident server's client, and an interrupt there closes the client's socket (an
   * interruptible channel), so a run that ended just as its limit passed lost both.
   */
  private final AtomicBoolean ended;

  private Deadline(Thread watchdog, AtomicBoolean ended) {
    this.watchdog = watchdog;
    this.ended = ended;
  }

  /** A duration such as {@code 500ms}, {@code 90s}, {@code 10m} or {@code 2h}. */
  static Optional<Duration> parse(String text) {
    Matcher m = Syntax.DURATION.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    long n = Long.parseLong(m.group(1));
    return Optional.of(
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          default -> Duration.ofHours(n);
        });
  }

  /**
   * The limit in force and how it was set, from the option's text (null when not given) and the
   * environment.
   *
   * @throws UserError when the option or the variable is not a duration
   */
  static Limit limit(String option, Map<String, String> environment) {
    if (option != null) {
      return new Limit(
          parse(option)
              .orElseThrow(() -> invalid("--timeout '" + option + "'", option, "90s, 10m or 1h")),
          option,
          "--timeout");
    }
    String env = environment.get(ENVIRONMENT);
    if (env != null && !env.isBlank()) {
      return new Limit(
          parse(env)
              .orElseThrow(() -> invalid(ENVIRONMENT + "='" + env + "'", env, "90s, 10m or 1h")),
          env.strip(),
          ENVIRONMENT);
    }
    return new Limit(DEFAULT, DEFAULT_TEXT, "the default");
  }

  /**
   * Why {@code text}, given as {@code what}, is no duration {@link #parse} reads: a unit in
   * capitals ({@code 5M}), a number too large to wait for ({@code 99999999999h}), or anything else.
   */
  static UserError invalid(String what, String text, String examples) {
    java.util.regex.Matcher m =
        Pattern.compile("([0-9]+)(ms|s|m|h)", Pattern.CASE_INSENSITIVE).matcher(text.strip());
    if (m.matches() && !m.group(2).equals(m.group(2).toLowerCase(java.util.Locale.ROOT))) {
      String lower = m.group(1) + m.group(2).toLowerCase(java.util.Locale.ROOT);
      if (parse(lower).isPresent()) {
        return new UserError(
            what + " is not a duration: units are lower case (ms, s, m, h); write " + lower);
      }
    }
    if (m.matches() && m.group(1).replaceFirst("^0+", "").length() > 9) {
      return new UserError(
          what + " is longer than any run is waited for: write at most 9 digits, e.g. " + examples);
    }
    return new UserError(
        what
            + " is not a duration; write a whole number from 1 with a unit (ms, s, m, h), e.g. "
            + examples);
  }

  /** A time limit, as written, and where it came from. */
  record Limit(Duration duration, String text, String source) {}

  /**
   * Ends the process at once with the code given (no shutdown hook can keep it running); for a run
   * of the resident server ({@link DaemonServer}), what the server set as {@link #HALTING} on the
   * thread that started the run: the client gets this code first.
   */
  static final IntConsumer HALT = new IntConsumer() { // not a lambda: see Watchdog
        @Override
        public void accept(int code) {
          Runtime.getRuntime().halt(code);
        }
      };

  /**
   * What {@link #HALT} does instead of halting for the runs started on this thread; unset: it
   * halts. Per thread, not per process, so that two servers in one JVM (tests) each answer their
   * own run's time limit.
   */
  static final ThreadLocal<IntConsumer> HALTING = new ThreadLocal<>();

  /**
   * Starts the watchdog; {@link #close} stops it when the command ends in time. {@code exit} is
   * {@link #HALT} or a test's own; {@link #HALT} is replaced by this thread's {@link #HALTING} when
   * a server set it.
   */
  static Deadline start(Limit limit, PrintWriter err, IntConsumer exit) {
    IntConsumer instead = exit == HALT ? HALTING.get() : null;
    AtomicBoolean ended = new AtomicBoolean();
    Thread t =
        new Thread(
            new Watchdog(limit, err, instead != null ? instead : exit, ended), "waymark-deadline");
    t.setDaemon(true);
    t.start();
    return new Deadline(t, ended);
  }

  /**
   * Sleeps for the limit, then says so and exits. A class, not a lambda: the first lambda of a run
   * starts the method-handle machinery, which a run answered from the stored outcome otherwise
   * spins a class for.
   */
  private record Watchdog(Limit limit, PrintWriter err, IntConsumer exit, AtomicBoolean ended)
      implements Runnable {
    @Override
    public void run() {
      try {
        Thread.sleep(limit.duration().toMillis());
      } catch (InterruptedException e) {
        return; // the command ended in time
      }
      if (!ended.compareAndSet(false, true)) {
        return; // the command ended in time, just before the limit
      }
      err.println(
          "waymark: stopped: the run took longer than its time limit of "
              + limit.text()
              + " ("
              + limit.source()
              + "); no result was produced. Raise it with --timeout or "
              + ENVIRONMENT
              + " if the repository is really that large.");
      err.flush();
      exit.accept(ExitCode.USAGE);
    }
  }

  @Override
  public void close() {
    if (ended.compareAndSet(false, true)) {
      watchdog.interrupt(); // still waiting: the command ended in time
    }
  }
}
