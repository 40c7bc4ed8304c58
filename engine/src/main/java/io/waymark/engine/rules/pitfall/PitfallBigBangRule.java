package io.waymark.engine.rules.pitfall;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Pitfall 1, big bang: the first phase (the one with the lowest first month) starts at most three
 * initiatives and spends at most half of the total budget (of the initiative budgets when the
 * roadmap has no budget).
 */
public final class PitfallBigBangRule implements Rule {

  static final int MAX_INITIATIVES = 3;
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "pitfall-big-bang",
          Severity.WARNING,
          "pitfalls",
          "The first phase starts more than 3 initiatives or spends more than half the budget.",
          """
          Pitfall 1 is the big bang: trying to modernise everything at once leads to delays,
          cost overruns and nothing delivered. Phase 1 (months 1-3, Assess and Stabilise) runs
          the readiness assessment, removes the top three constraints with quick fixes and
          sets the baseline metrics; the money follows once its gate has passed. Incremental
          investment reduces risk and early wins keep the momentum. The first phase is the
          one with the lowest first month.""",
          """
          Keep the first phase to at most three initiatives aimed at the top constraints and
          quick wins, and to at most half of `spec.budget.total`. Move the rest to later
          phases, behind the first gate.""",
          """
          phases:
            - id: phase-assess-stabilise
              months: [1, 3]
              initiatives:            # four initiatives in the first 90 days
                - {id: i-automate-pipelines, budget: 180000}
                - {id: i-fix-retrieval,      budget: 120000}
                - {id: i-knowledge-layer,    budget: 160000}
                - {id: i-gpu-purchase,       budget: 400000}
          """,
          """
          phases:
            - id: phase-assess-stabilise
              months: [1, 3]
              initiatives:
                - {id: i-automate-pipelines, budget: 180000}
                - {id: i-fix-retrieval,      budget: 120000}
                - {id: i-gpu-cost-visibility, budget: 90000}
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
    String currency = context.plan().config().currency();
    for (Roadmap roadmap : context.plan().roadmaps()) {
      Optional<Phase> first =
          roadmap.phases().stream()
              .filter(p -> p.firstMonth() >= 1)
              .min(Comparator.comparingInt(Phase::firstMonth));
      if (first.isEmpty()) {
        continue;
      }
      Phase phase = first.get();
      List<Initiative> initiatives = phase.initiatives();
      BigDecimal spent = sum(initiatives);
      BigDecimal base =
          roadmap.budget().map(Roadmap.Budget::total).orElse(sum(roadmap.initiatives()));
      String baseName =
          roadmap.budget().isPresent() ? "total budget" : "sum of all initiative budgets";
      BigDecimal half = base.divide(TWO);
      List<String> reasons = new ArrayList<>();
      if (initiatives.size() > MAX_INITIATIVES) {
        reasons.add(
            "starts " + initiatives.size() + " initiatives (more than " + MAX_INITIATIVES + ")");
      }
      if (spent.compareTo(half) > 0) {
        reasons.add(
            "spends "
                + Numbers.money(spent, currency)
                + ", more than half of the "
                + baseName
                + " of "
                + Numbers.money(base, currency));
      }
      if (reasons.isEmpty()) {
        continue;
      }
      context.report(
          phase.at().location("initiatives"),
          "first phase '" + phase.id() + "' " + String.join(" and ", reasons),
          "Keep the first phase to at most "
              + MAX_INITIATIVES
              + " initiatives and at most "
              + Numbers.money(half, currency)
              + "; move the rest to later phases, behind the first gate.");
    }
  }

  private static BigDecimal sum(List<Initiative> initiatives) {
    return initiatives.stream().map(Initiative::budget).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
