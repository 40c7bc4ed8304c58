package io.waymark.engine;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.HeldWrites;
import io.waymark.engine.load.StoredRun;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A front end's stored outcome of the last run with the same inputs ({@link Waymark#recall}): when
 * {@link #outcome()} is there, nothing has changed since that run and the front end gives the
 * stored outcome instead of judging again; otherwise it judges and {@link #keep keeps} what it
 * gave. Results are the same either way.
 */
public final class Recall {

  /** No stored outcome and nothing kept. */
  static final Recall NONE = new Recall(StoredRun.NONE, Clock.systemUTC(), null);

  private final StoredRun run;
  private final Clock clock;

  /**
   * The folder as the recall walked it (null: not walked), for {@link Waymark#open(Waymark.Request,
   * ValidationOptions, Recall)}: a run that finds no stored outcome loads the folder from that
   * listing instead of walking it again.
   */
  private final FolderSource walked;

  Recall(StoredRun run, Clock clock, FolderSource walked) {
    this.run = run;
    this.clock = clock;
    this.walked = walked;
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
   */
  public void keep(ValidationResult result, byte[] outcome) {
    if (!run.keeps() || !settled(result)) {
      return;
    }
    LocalDate now = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    HeldWrites.run(() -> run.keep(outcome, result.asOf().equals(now), now));
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
