package io.waymark.engine.rules.history;

import io.waymark.engine.history.PlanHistory;
import java.util.Locale;
import java.util.Optional;

/** Tells an incomplete history (shallow clone, detached HEAD) from a missing one (no Git). */
final class HistoryLimits {

  private HistoryLimits() {}

  /** The limitation when the history is there but incomplete. */
  static Optional<String> incomplete(PlanHistory history) {
    return history.limitation().filter(HistoryLimits::partial);
  }

  /** The limitation when there is no history at all. */
  static Optional<String> missing(PlanHistory history) {
    return history.limitation().filter(l -> !partial(l));
  }

  private static boolean partial(String limitation) {
    String text = limitation.toLowerCase(Locale.ROOT);
    return text.contains("shallow") || text.contains("detached") || text.contains("grafted");
  }
}
