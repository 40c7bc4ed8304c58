package io.waymark.engine.rules.roadmap;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Phase 1 does not spend effort on low-impact, high-effort work while high-impact, low-effort work
 * waits for a later phase.
 */
public final class PriorityInvertedRule implements Rule {

  /** Impact at or below this (1-5 scale) is low. */
  static final int LOW_IMPACT = 2;

  /** Effort at or above this (1-5 scale) is high. */
  static final int HIGH_EFFORT = 4;

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "priority-inverted",
          Severity.WARNING,
          "roadmap",
          "A phase-1 initiative has low impact and high effort (impact <= 2, effort >= 4) while"
              + " a higher-impact, lower-effort initiative waits in a later phase.",
          """
          The guide prioritises on impact versus effort: "High impact, low effort goes first.
          High impact, high effort goes second if it removes a constraint. Everything else
          waits." Phase 1 must deliver quick wins within 90 days to keep stakeholder
          confidence. A low-impact, high-effort initiative (impact 2 or less, effort 4 or
          more on the 1-5 scales) in phase 1, while an initiative with more impact and less
          effort is planned later, inverts that order.""",
          """
          Swap them: move the higher-impact, lower-effort initiative into the first phase and
          the low-impact, high-effort one to a later phase (or drop it).""",
          """
          phases:
            - initiatives: [{id: i-data-catalogue, impact: 2, effort: 4}]
            - initiatives: [{id: i-pipeline-automation, impact: 5, effort: 2}]
          """,
          """
          phases:
            - initiatives: [{id: i-pipeline-automation, impact: 5, effort: 2}]
            - initiatives: [{id: i-data-catalogue, impact: 2, effort: 4}]
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Findings on a file depend only on that file's documents. */
  @Override
  public RuleScope scope() {
    return RuleScope.perDocument();
  }

  @Override
  public void check(RuleContext context) {
    for (Roadmap r : context.plan().roadmaps()) {
      List<Phase> ordered =
          r.phases().stream().sorted(Comparator.comparingInt(Phase::firstMonth)).toList();
      if (ordered.size() < 2) {
        continue;
      }
      List<Initiative> later =
          ordered.subList(1, ordered.size()).stream()
              .flatMap(p -> p.initiatives().stream())
              .toList();
      for (Initiative i : ordered.get(0).initiatives()) {
        if (i.impact() > LOW_IMPACT || i.effort() < HIGH_EFFORT) {
          continue;
        }
        Optional<Initiative> better =
            later.stream()
                .filter(x -> x.impact() > i.impact() && x.effort() < i.effort())
                .max(
                    Comparator.comparingInt((Initiative x) -> x.impact() - x.effort())
                        .thenComparing(Initiative::id, Comparator.reverseOrder()));
        better.ifPresent(
            b ->
                context.report(
                    i.at().location("impact"),
                    "initiative "
                        + i.id()
                        + " in the first phase has impact "
                        + i.impact()
                        + " and effort "
                        + i.effort()
                        + " while "
                        + b.id()
                        + " (impact "
                        + b.impact()
                        + ", effort "
                        + b.effort()
                        + ") waits in "
                        + r.phaseOf(b).map(Phase::id).orElse("a later phase"),
                    "Move "
                        + b.id()
                        + " into "
                        + ordered.get(0).id()
                        + " and "
                        + i.id()
                        + " to a later phase."));
      }
    }
  }
}
