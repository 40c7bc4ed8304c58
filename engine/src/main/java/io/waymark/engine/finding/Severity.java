package io.waymark.engine.finding;

import java.util.Locale;
import java.util.Optional;

/** How much a finding matters. Ordered from most to least severe. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is at least as severe as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  public static Optional<Severity> parse(String text) {
    for (Severity s : values()) {
      if (s.id().equals(text)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
