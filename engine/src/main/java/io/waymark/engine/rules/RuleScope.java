package io.waymark.engine.rules;

import io.waymark.engine.model.Kind;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a rule's findings depend on, declared by the rule ({@link Rule#scope()}), so that a run
 * after an edit (the language server's keystroke) re-runs only the rules whose inputs changed.
 * Every rule also depends on the configuration in force and the as-of date: a change to either
 * re-runs everything.
 *
 * <ul>
 *   <li>{@link PerDocument}: the rule's findings on a file depend only on that file's documents;
 *       run on a plan holding only some files, it reports exactly the findings a run on the whole
 *       plan reports in those files.
 *   <li>{@link Kinds}: the rule reads only documents of the given kinds (and reports only in them);
 *       it re-runs, over the whole plan, when a document of one of those kinds changed. {@code
 *       history} says it also reads the Git history.
 *   <li>{@link WholePlan}: anything; re-runs on every change. The default, so that a rule pack that
 *       declares nothing stays correct.
 * </ul>
 *
 * <p>The type is sealed: the incremental runner switches over it exhaustively, and a new kind of
 * scope does not compile until the runner handles it.
 */
public sealed interface RuleScope
    permits RuleScope.PerDocument, RuleScope.Kinds, RuleScope.WholePlan {

  /** Findings on a file depend only on that file's documents. */
  record PerDocument() implements RuleScope {}

  /**
   * Findings depend on the documents of {@code kinds} (and on the Git history when {@code
   * history}).
   */
  record Kinds(Set<Kind> kinds, boolean history) implements RuleScope {
    public Kinds {
      Objects.requireNonNull(kinds, "kinds");
      if (kinds.isEmpty()) {
        throw new IllegalArgumentException("a rule depends on at least one kind of document");
      }
      kinds = Set.copyOf(EnumSet.copyOf(kinds));
    }
  }

  /** Findings may depend on anything in the repository. */
  record WholePlan() implements RuleScope {}

  static RuleScope perDocument() {
    return new PerDocument();
  }

  /** Depends on the documents of these kinds. */
  static RuleScope kinds(Kind first, Kind... rest) {
    return new Kinds(EnumSet.of(first, rest), false);
  }

  /**
   * Depends on the documents of these kinds and on the Git history ({@link RuleContext#history}).
   */
  static RuleScope history(Kind first, Kind... rest) {
    return new Kinds(EnumSet.of(first, rest), true);
  }

  static RuleScope wholePlan() {
    return new WholePlan();
  }
}
