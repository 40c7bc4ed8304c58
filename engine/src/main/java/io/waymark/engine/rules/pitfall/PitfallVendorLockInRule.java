package io.waymark.engine.rules.pitfall;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.model.VendorEvaluation;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pitfall 7, single-vendor lock-in: the initiatives naming one vendor carry at most 60% of the sum
 * of all initiative budgets.
 */
public final class PitfallVendorLockInRule implements Rule {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal MAX_SHARE_PCT = BigDecimal.valueOf(60);

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "pitfall-vendor-lock-in",
          Severity.WARNING,
          "pitfalls",
          "Initiatives naming one vendor carry more than 60% of the initiative budgets.",
          """
          Pitfall 7 is single-vendor lock-in: tying the whole infrastructure to one vendor
          removes optionality and increases risk, and lock-in that grows without a conscious
          decision is a warning sign that the roadmap is going off track. A hybrid
          architecture and open standards keep the options open. The share is of the sum of
          all initiative budgets; when one vendor's initiatives carry more than 60% of it,
          the programme depends on that vendor's pricing, roadmap and exit terms.""",
          """
          Spread the work across vendors or open-source components, or move some of that
          vendor's initiatives to a later roadmap. If the concentration is deliberate, record
          the decision (with the exit path) in `governance.yaml` and turn the rule down in
          `waymark.yaml` with a justification.""",
          """
          initiatives:
            - {id: i-gpu-cloud,      vendor: v-nimbus-gpu, budget: 700000}
            - {id: i-serving-layer,  vendor: v-nimbus-gpu, budget: 200000}
            - {id: i-pipelines,      vendor: v-streamforge, budget: 300000}
          """,
          """
          initiatives:
            - {id: i-gpu-cloud,      vendor: v-nimbus-gpu, budget: 500000}
            - {id: i-serving-layer,                        budget: 200000}
            - {id: i-pipelines,      vendor: v-streamforge, budget: 300000}
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds (the vendor's name comes from the evaluations). */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.ROADMAP, Kind.VENDOR_EVALUATION);
  }

  @Override
  public void check(RuleContext context) {
    String currency = context.plan().config().currency();
    for (Roadmap roadmap : context.plan().roadmaps()) {
      List<Initiative> initiatives = roadmap.initiatives();
      BigDecimal sum =
          initiatives.stream().map(Initiative::budget).reduce(BigDecimal.ZERO, BigDecimal::add);
      if (sum.signum() <= 0) {
        continue;
      }
      Map<String, List<Initiative>> byVendor = new LinkedHashMap<>();
      for (Initiative initiative : initiatives) {
        initiative
            .vendor()
            .filter(v -> !v.isBlank())
            .ifPresent(v -> byVendor.computeIfAbsent(v, k -> new ArrayList<>()).add(initiative));
      }
      for (Map.Entry<String, List<Initiative>> entry : byVendor.entrySet()) {
        BigDecimal carried =
            entry.getValue().stream()
                .map(Initiative::budget)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (carried.multiply(HUNDRED).compareTo(MAX_SHARE_PCT.multiply(sum)) <= 0) {
          continue;
        }
        Initiative largest =
            entry.getValue().stream().max(Comparator.comparing(Initiative::budget)).orElseThrow();
        String vendor = entry.getKey();
        String name =
            context
                .plan()
                .vendors()
                .filter(v -> v.id().equals(vendor))
                .map(VendorEvaluation.Vendor::name)
                .filter(n -> !n.isBlank())
                .findFirst()
                .map(n -> " (" + n + ")")
                .orElse("");
        BigDecimal share = carried.multiply(HUNDRED).divide(sum, MathContext.DECIMAL64);
        context.report(
            largest.at().location("vendor"),
            entry.getValue().size()
                + (entry.getValue().size() == 1 ? " initiative" : " initiatives")
                + " naming vendor '"
                + vendor
                + "'"
                + name
                + " carry "
                + Numbers.money(carried, currency)
                + ", "
                + Numbers.percent(share)
                + " of the "
                + Numbers.money(sum, currency)
                + " planned for initiatives (at most 60%)",
            "Bring '"
                + vendor
                + "' to 60% or less: spread work to other vendors or open standards, or record"
                + " the deliberate choice and its exit path in governance.yaml.");
      }
    }
  }
}
