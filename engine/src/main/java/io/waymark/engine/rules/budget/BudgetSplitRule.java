package io.waymark.engine.rules.budget;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Initiative.Category;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The initiative budgets follow 70-20-10: constraint removal and quick wins, foundations,
 * experimentation, each within 5 points of its share of the sum of all initiative budgets.
 */
public final class BudgetSplitRule implements Rule {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal TOLERANCE_POINTS = BigDecimal.valueOf(5);

  /** One bucket of the rule: which categories it holds and the share it should get. */
  private record Bucket(String name, Set<Category> categories, int targetPct) {}

  private static final List<Bucket> BUCKETS =
      List.of(
          new Bucket(
              "constraint removal and quick wins",
              Set.of(Category.CONSTRAINT_REMOVAL, Category.QUICK_WIN),
              70),
          new Bucket("foundations", Set.of(Category.FOUNDATION), 20),
          new Bucket("experimentation", Set.of(Category.EXPERIMENTATION), 10));

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "budget-split",
          Severity.WARNING,
          "budget",
          "The initiative budgets are more than 5 points away from the 70-20-10 split.",
          """
          With a limited budget, 70% goes to constraint removal and quick wins, 20% to
          foundational capabilities (hybrid architecture, knowledge layers) and 10% to
          experimentation. Quick wins fund the next phase and keep stakeholders confident; a
          plan heavy on foundations or experiments spends before it proves value, and one
          with no foundations has nothing to scale on. Shares are of the sum of all
          initiative budgets (the contingency reserve is not part of it); a share within 5
          points of its target passes.""",
          """
          Rebalance the initiatives' `budget` and `category` toward 70/20/10: move money from
          the bucket that is over its share to the one that is under, or re-plan an initiative
          into a later roadmap. If the split is deliberate, turn the rule down in
          `waymark.yaml` with a justification.""",
          """
          initiatives:
            - {id: i-automate-pipelines, category: constraint-removal, budget: 400000}
            - {id: i-knowledge-layer,    category: foundation,         budget: 500000}
            - {id: i-agent-pilot,        category: experimentation,    budget: 100000}
          """,
          """
          initiatives:
            - {id: i-automate-pipelines, category: constraint-removal, budget: 700000}
            - {id: i-knowledge-layer,    category: foundation,         budget: 200000}
            - {id: i-agent-pilot,        category: experimentation,    budget: 100000}
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
      List<Initiative> initiatives = roadmap.initiatives();
      // A stopped initiative takes what it spent; the rest of its budget is released.
      LocalDate asOf = context.asOf();
      BigDecimal sum = sum(initiatives, Set.of(Category.values()), asOf);
      if (sum.signum() <= 0) {
        continue;
      }
      List<Supplier<String>> shares = new ArrayList<>();
      List<String> off = new ArrayList<>();
      for (Bucket bucket : BUCKETS) {
        BigDecimal amount = sum(initiatives, bucket.categories(), asOf);
        BigDecimal share = amount.multiply(HUNDRED).divide(sum, MathContext.DECIMAL64);
        // Written out only for a finding (below): a split in balance names no amount.
        shares.add(
            () ->
                bucket.name()
                    + " "
                    + Numbers.money(amount, currency)
                    + " ("
                    + Numbers.percent(share)
                    + ")");
        // |amount / sum * 100 - target| > 5, kept exact by multiplying through by sum
        BigDecimal distance =
            amount.multiply(HUNDRED).subtract(BigDecimal.valueOf(bucket.targetPct()).multiply(sum));
        if (distance.abs().compareTo(TOLERANCE_POINTS.multiply(sum)) > 0) {
          BigDecimal points = share.subtract(BigDecimal.valueOf(bucket.targetPct()));
          off.add(
              bucket.name()
                  + " is "
                  + Numbers.plain(points.abs())
                  + " points "
                  + (points.signum() > 0 ? "over" : "under")
                  + " its "
                  + bucket.targetPct()
                  + "%");
        }
      }
      if (off.isEmpty()) {
        continue;
      }
      context.report(
          roadmap.at().location(roadmap.budget().isPresent() ? "spec/budget" : "spec/phases"),
          "initiative budgets of "
              + Numbers.money(sum, currency)
              + " split "
              + String.join(", ", shares.stream().map(Supplier::get).toList())
              + " against 70/20/10",
          "Rebalance toward 70/20/10: "
              + String.join("; ", off)
              + ". Move budget between initiatives or change their category.");
    }
  }

  private static BigDecimal sum(
      List<Initiative> initiatives, Set<Category> categories, LocalDate asOf) {
    return initiatives.stream()
        .filter(i -> categories.contains(i.category()))
        .map(i -> i.allocationBy(asOf))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
