package io.waymark.engine;

import io.waymark.engine.history.History;
import io.waymark.engine.load.Loader;
import io.waymark.engine.load.RepositorySource;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * How to validate: an explicit as-of date, a Config file used instead of the repository's own, and
 * the commit date of the revision being validated (the as-of fallback of SPEC §3).
 */
public record ValidationOptions(
    Optional<LocalDate> asOf,
    Optional<Loader.NamedBytes> config,
    Optional<LocalDate> revisionDate,
    Set<String> baseline,
    History history,
    Optional<RepositorySource> base) {

  public ValidationOptions {
    baseline = Set.copyOf(baseline);
  }

  public static ValidationOptions defaults() {
    return new ValidationOptions(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Set.of(),
        History.notRequested(),
        Optional.empty());
  }

  /** Where the history rules read commits from. */
  public ValidationOptions withHistory(History source) {
    return new ValidationOptions(asOf, config, revisionDate, baseline, source, base);
  }

  /** The base revision of a pull request: adds the pull-request rules. */
  public ValidationOptions withBase(RepositorySource revision) {
    return new ValidationOptions(
        asOf, config, revisionDate, baseline, history, Optional.of(revision));
  }

  public ValidationOptions withAsOf(LocalDate date) {
    return new ValidationOptions(Optional.of(date), config, revisionDate, baseline, history, base);
  }

  public ValidationOptions withConfig(Loader.NamedBytes file) {
    return new ValidationOptions(asOf, Optional.of(file), revisionDate, baseline, history, base);
  }

  public ValidationOptions withRevisionDate(LocalDate date) {
    return new ValidationOptions(asOf, config, Optional.ofNullable(date), baseline, history, base);
  }

  /** Findings with these fingerprints are known: reported as info, never failing the build. */
  public ValidationOptions withBaseline(Set<String> fingerprints) {
    return new ValidationOptions(asOf, config, revisionDate, fingerprints, history, base);
  }
}
