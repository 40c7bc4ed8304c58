package io.waymark.engine;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.load.AnswerCheck;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.HeldWrites;
import io.waymark.engine.load.Printed;
import io.waymark.engine.load.StoredRun;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A front end's stored outcome of the last run with the same inputs ({@link Waymark#recall}): when
 * {@link #outcome()} is there, nothing has changed since that run and the front end gives the
 * stored outcome instead of judging again; otherwise it judges and {@link #keep keeps} what it
 * gave. Results are the same either way.
 */
public final class Recall {

  /** No stored outcome and nothing kept. */
  static final Recall NONE = new Recall(StoredRun.NONE, Clock.systemUTC(), null, null);

  private final StoredRun run;
  private final Clock clock;

  /**
   * The folder as the recall walked it (null: not walked), for {@link Waymark#open(Waymark.Request,
   * ValidationOptions, Recall)}: a run that finds no stored outcome loads the folder from that
   * listing instead of walking it again.
   */
  private final FolderSource walked;

  /** Every path the inputs were read from, for an answer kept for a launcher; null: none. */
  private final AnswerCheck check;

  Recall(StoredRun run, Clock clock, FolderSource walked, AnswerCheck check) {
    this.run = run;
    this.clock = clock;
    this.walked = walked;
    this.check = check;
  }

  /**
   * True when a front end's answer can be kept for a launcher that checks the inputs without a JVM
   * ({@link #keepAnswer}): false when the inputs cannot all be named path by path (a watch gave the
   * walk, an entry could not be read, the options read other files).
   */
  public boolean keepsAnswer() {
    return check != null;
  }

  /**
   * Keeps a front end's answer for a launcher that checks every input again without a JVM, when
   * they can all be named path by path ({@link AnswerCheck}); else nothing.
   *
   * @param situation what else the launcher compares: the front end's own description of the
   *     process (working folder, Java, class path, environment)
   * @param terminal whether the front end printed to a terminal
   * @param args the command line
   * @param day the UTC day the answer is bound to, empty when it holds on any day
   * @param exitCode the exit code
   * @param output the bytes printed to standard output
   */
  public void keepAnswer(
      String situation,
      boolean terminal,
      List<String> args,
      String day,
      int exitCode,
      Printed output) {
    if (check != null) {
      check.keep(new AnswerCheck.Answer(situation, terminal, args, day, exitCode, output));
    }
  }

  /**
   * The UTC day the stored outcome ({@link #outcome()}) is bound to, empty when it holds on any
   * day.
   */
  public String day() {
    return run.day();
  }

  /** The folder {@code dir} as this recall walked it, if it walked that folder. */
  Optional<FolderSource> walked(java.nio.file.Path dir, String display) {
    if (walked == null
        || !walked.label().equals(display)
        || !walked.root().equals(new FolderSource(dir, display).root())) {
      return Optional.empty();
    }
    return Optional.of(walked);
  }

  /** The stored outcome, when every input of the run is as it was when it was stored. */
  public Optional<byte[]> outcome() {
    return run.outcome();
  }

  /** True when an outcome given to {@link #keep} may be stored. */
  public boolean keeps() {
    return run.keeps();
  }

  /**
   * Keeps {@code outcome}, what the front end made of {@code result}, for the next run with the
   * same inputs. Nothing is kept for a result that may change with nothing changed on disk: a file
   * that could not be read, a rule that failed, a Git history that ends early (a partial clone
   * fetches on demand). A result judged as of today is reused on this day only.
   *
   * @return the UTC day the kept outcome is bound to (empty text: any day); empty when nothing is
   *     kept
   */
  public Optional<String> keep(ValidationResult result, Printed outcome) {
    if (!run.keeps() || !settled(result)) {
      return Optional.empty();
    }
    LocalDate now = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    boolean bound = result.asOf().equals(now);
    HeldWrites.run(() -> run.keep(outcome, bound, now));
    return now.equals(run.today()) ? Optional.of(bound ? now.toString() : "") : Optional.empty();
  }

  /** True when nothing in {@code result} may differ in a run with the same inputs. */
  static boolean settled(ValidationResult result) {
    for (Finding f : result.load().problems()) {
      if (f.rule().equals("file-skipped") && f.message().startsWith("file cannot be read")) {
        return false;
      }
    }
    for (Finding f : result.findings()) {
      if (f.rule().equals(Validator.RULE_FAILED)) {
        return false;
      }
    }
    Optional<PlanHistory> history = result.historyRead();
    return history.isEmpty() || !history.get().available() || history.get().gaps().isEmpty();
  }
}
