package io.waymark.engine;

import io.waymark.engine.load.Loader;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How to validate: an explicit as-of date, a Config file used instead of the repository's own, and
 * the commit date of the revision being validated (the as-of fallback of SPEC §3).
 */
public record ValidationOptions(
    Optional<LocalDate> asOf,
    Optional<Loader.NamedBytes> config,
    Optional<LocalDate> revisionDate) {

  public static ValidationOptions defaults() {
    return new ValidationOptions(Optional.empty(), Optional.empty(), Optional.empty());
  }

  public ValidationOptions withAsOf(LocalDate date) {
    return new ValidationOptions(Optional.of(date), config, revisionDate);
  }

  public ValidationOptions withRevisionDate(LocalDate date) {
    return new ValidationOptions(asOf, config, Optional.ofNullable(date));
  }
}
