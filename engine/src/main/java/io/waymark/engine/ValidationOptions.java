package io.waymark.engine;

import io.waymark.engine.history.History;
import io.waymark.engine.history.Revision;
import io.waymark.engine.load.Loader;
import io.waymark.engine.load.RepositorySource;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How to validate: an explicit as-of date, a Config file used instead of the repository's own, and
 * the commit date of the revision being validated (the as-of fallback of SPEC §3).
 *
 * @param laterRevisionDate the commit date of a work tree that is its commit's, told once the Git
 *     repository is open and the work tree compared with it ({@link Waymark#open} opens it beside
 *     the load): asked only when {@code revisionDate} is empty, after the files are loaded
 */
public record ValidationOptions(
    Optional<LocalDate> asOf,
    Optional<Loader.NamedBytes> config,
    Optional<LocalDate> revisionDate,
    Set<String> baseline,
    History history,
    Optional<RepositorySource> base,
    List<String> baseLimitations,
    Supplier<Optional<LocalDate>> laterRevisionDate,
    Models models) {

  /**
   * What the caller reads of a result besides its findings, and so what a run may let go of once
   * each file is judged ({@link ValidationResult#plan()}).
   */
  public enum Models {
    /** The plan's every model, whole: reports, editors, fixes and comparisons read them. */
    WHOLE,
    /**
     * The findings and counts only: on a large repository judged without a cache that holds its
     * files, each file is judged on its own as it is read and what the other rules read of its
     * models kept (see {@link io.waymark.engine.load.AsRead}); {@link ValidationResult#plan()} and
     * {@link ValidationResult#insights()} then refuse.
     */
    FINDINGS,
    /** As {@link #FINDINGS}, and the insights as well (the JSON output's). */
    INSIGHTS
  }

  private static final Supplier<Optional<LocalDate>> NO_LATER_DATE = Optional::empty;

  public ValidationOptions {
    baseline = Set.copyOf(baseline);
    baseLimitations = List.copyOf(baseLimitations);
    java.util.Objects.requireNonNull(laterRevisionDate, "laterRevisionDate");
    java.util.Objects.requireNonNull(models, "models");
  }

  /** With a later revision date and every model kept whole. */
  public ValidationOptions(
      Optional<LocalDate> asOf,
      Optional<Loader.NamedBytes> config,
      Optional<LocalDate> revisionDate,
      Set<String> baseline,
      History history,
      Optional<RepositorySource> base,
      List<String> baseLimitations,
      Supplier<Optional<LocalDate>> laterRevisionDate) {
    this(
        asOf,
        config,
        revisionDate,
        baseline,
        history,
        base,
        baseLimitations,
        laterRevisionDate,
        Models.WHOLE);
  }

  /** With what the caller reads of the result ({@link Models}). */
  public ValidationOptions withModels(Models read) {
    return new ValidationOptions(
        asOf,
        config,
        revisionDate,
        baseline,
        history,
        base,
        baseLimitations,
        laterRevisionDate,
        read);
  }

  /** Without a later revision date. */
  public ValidationOptions(
      Optional<LocalDate> asOf,
      Optional<Loader.NamedBytes> config,
      Optional<LocalDate> revisionDate,
      Set<String> baseline,
      History history,
      Optional<RepositorySource> base,
      List<String> baseLimitations) {
    this(asOf, config, revisionDate, baseline, history, base, baseLimitations, NO_LATER_DATE);
  }

  /**
   * The revision date the as-of date falls back to: {@link #revisionDate()}, else the later one (it
   * may wait for the Git repository to open).
   */
  public Optional<LocalDate> fallbackDate() {
    return revisionDate.isPresent() ? revisionDate : laterRevisionDate.get();
  }

  /** With the commit date of the work tree, told later ({@link #laterRevisionDate()}). */
  ValidationOptions withLaterRevisionDate(Supplier<Optional<LocalDate>> later) {
    return new ValidationOptions(
        asOf, config, revisionDate, baseline, history, base, baseLimitations, later, models);
  }

  public static ValidationOptions defaults() {
    return new ValidationOptions(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Set.of(),
        History.notRequested(),
        Optional.empty(),
        List.of());
  }

  /** Where the history rules read commits from. */
  public ValidationOptions withHistory(History source) {
    return new ValidationOptions(
        asOf,
        config,
        revisionDate,
        baseline,
        source,
        base,
        baseLimitations,
        laterRevisionDate,
        models);
  }

  /**
   * The base revision of a pull request, with what it cannot show of the roadmap folder (a
   * submodule inside it): the pull-request rules then say they cannot tell.
   */
  public ValidationOptions withBase(RepositorySource revision, List<String> limitations) {
    return new ValidationOptions(
        asOf,
        config,
        revisionDate,
        baseline,
        history,
        Optional.of(revision),
        limitations,
        laterRevisionDate,
        models);
  }

  /**
   * With a pull request's base still being resolved beside the head's load ({@link LaterBase}): the
   * pull-request rules run, and the base's load waits for it ({@link #withBaseResolved()}).
   */
  ValidationOptions withLaterBase(LaterBase later) {
    return new ValidationOptions(
        asOf,
        config,
        revisionDate,
        baseline,
        history,
        Optional.of(later),
        List.of(),
        laterRevisionDate,
        models);
  }

  /**
   * These options with the base's files and limitations as resolved: waits for a base still being
   * resolved ({@link #withLaterBase}) and throws what its resolution threw; else these options.
   */
  ValidationOptions withBaseResolved() throws IOException {
    if (base.isPresent() && base.get() instanceof LaterBase later) {
      Revision revision = later.point().revision();
      return withBase(revision.source(), revision.limitations());
    }
    return this;
  }

  /** The base revision of a pull request: adds the pull-request rules. */
  public ValidationOptions withBase(RepositorySource revision) {
    return new ValidationOptions(
        asOf,
        config,
        revisionDate,
        baseline,
        history,
        Optional.of(revision),
        baseLimitations,
        laterRevisionDate,
        models);
  }

  public ValidationOptions withAsOf(LocalDate date) {
    return new ValidationOptions(
        Optional.of(date),
        config,
        revisionDate,
        baseline,
        history,
        base,
        baseLimitations,
        laterRevisionDate,
        models);
  }

  /** A Config file used instead of the repository's own: its name (for findings) and bytes. */
  public ValidationOptions withConfig(String name, byte[] bytes) {
    return withConfig(new Loader.NamedBytes(name, bytes));
  }

  public ValidationOptions withConfig(Loader.NamedBytes file) {
    return new ValidationOptions(
        asOf,
        Optional.of(file),
        revisionDate,
        baseline,
        history,
        base,
        baseLimitations,
        laterRevisionDate,
        models);
  }

  public ValidationOptions withRevisionDate(LocalDate date) {
    return new ValidationOptions(
        asOf,
        config,
        Optional.ofNullable(date),
        baseline,
        history,
        base,
        baseLimitations,
        laterRevisionDate,
        models);
  }

  /**
   * Findings with these {@link io.waymark.engine.finding.Finding#baselineKey() baseline keys} are
   * known: reported as info, never failing the build.
   */
  public ValidationOptions withBaseline(Set<String> keys) {
    return new ValidationOptions(
        asOf,
        config,
        revisionDate,
        keys,
        history,
        base,
        baseLimitations,
        laterRevisionDate,
        models);
  }
}
