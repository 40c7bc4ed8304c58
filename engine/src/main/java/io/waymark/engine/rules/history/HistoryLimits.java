package io.waymark.engine.rules.history;

import io.waymark.engine.history.PlanHistory;
import java.util.Optional;

/** Tells an incomplete history (shallow clone, detached HEAD) from a missing one (no Git). */
final class HistoryLimits {

  private HistoryLimits() {}

  /** The limitation when the history is there but incomplete. */
  static Optional<String> incomplete(PlanHistory history) {
    return history.available() ? history.limitation() : Optional.empty();
  }

  /** The limitation when there is no history at all. */
  static Optional<String> missing(PlanHistory history) {
    return history.available() ? Optional.empty() : history.limitation();
  }
}
