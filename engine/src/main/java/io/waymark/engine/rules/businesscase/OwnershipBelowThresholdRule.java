package io.waymark.engine.rules.businesscase;

import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Kebab;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A decision to own (a gpu-purchase or on-premises initiative, or a business case with sourcing
 * buy) is backed by cloud costs of at least 60 % of the owned TCO.
 */
public final class OwnershipBelowThresholdRule implements Rule {

  /** The low end of the guide's 60-70 % band: below it, renting is still cheaper. */
  static final BigDecimal THRESHOLD_PCT = BigDecimal.valueOf(60);

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "ownership-below-threshold",
          Severity.WARNING,
          "business cases",
          "A buy/own decision (gpu-purchase or on-premises initiative, or sourcing buy) while the"
              + " cloud cost is below 60% of the owned TCO.",
          """
          The guide: "Show the cost threshold where on-premises wins. If cloud costs exceed
          60-70% of owned infrastructure TCO, ownership makes sense." And: "Start with rented
          cloud infrastructure for pilots. Transition to hybrid (cloud plus owned) as you reach
          the cost threshold." Buying while the cloud costs less than 60 % of owning the same
          capacity spends capital the numbers do not justify (pitfall 2, premature
          infrastructure purchase). The business case's `cloudAnnualCost` and
          `ownedAnnualTco` are compared; a case without both figures is not judged.""",
          """
          Keep renting until the cloud cost reaches 60 % of the owned TCO, or correct the
          figures in the business case if the comparison is out of date. Data sovereignty can
          justify owning below the threshold: record that as a waymark:ignore with the
          reason.""",
          """
          # business case bc-gpu-pool: sourcing buy, cloudAnnualCost 120000,
          # ownedAnnualTco 300000 (40 %)
          initiatives:
            - {id: i-gpu-pool, type: gpu-purchase, businessCase: bc-gpu-pool}
          """,
          """
          # business case bc-gpu-pool: sourcing buy, cloudAnnualCost 230000,
          # ownedAnnualTco 300000 (77 %)
          initiatives:
            - {id: i-gpu-pool, type: gpu-purchase, businessCase: bc-gpu-pool}
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.BUSINESS_CASE, Kind.ROADMAP);
  }

  @Override
  public void check(RuleContext context) {
    Set<String> reported = new HashSet<>();
    for (BusinessCase bc : context.plan().businessCases()) {
      if ("buy".equals(bc.solution().sourcing())) {
        below(context, bc)
            .ifPresent(
                pct -> {
                  reported.add(bc.metadata().id());
                  report(
                      context,
                      bc,
                      pct,
                      bc.solution().at().location("sourcing"),
                      "business case " + bc.metadata().id() + " buys");
                });
      }
    }
    for (Roadmap r : context.plan().roadmaps()) {
      for (Initiative i : r.initiatives()) {
        if (!i.owns() || i.businessCase().filter(reported::contains).isPresent()) {
          continue;
        }
        Optional<BusinessCase> bc = i.businessCase().flatMap(id -> context.plan().businessCase(id));
        bc.ifPresent(
            b ->
                below(context, b)
                    .ifPresent(
                        pct ->
                            report(
                                context,
                                b,
                                pct,
                                i.at().location("type"),
                                "initiative " + i.id() + " (" + Kebab.of(i.type()) + ") owns")));
      }
    }
  }

  private static Optional<BigDecimal> below(RuleContext context, BusinessCase bc) {
    return context.financials(bc).cloudToOwnedPct().filter(p -> p.compareTo(THRESHOLD_PCT) < 0);
  }

  private static void report(
      RuleContext context, BusinessCase bc, BigDecimal pct, Location at, String what) {
    context.report(
        at,
        what
            + " infrastructure although the cloud cost is only "
            + Numbers.percent(pct)
            + " of the owned TCO in business case "
            + bc.metadata().id()
            + " (ownership pays from "
            + Numbers.percent(THRESHOLD_PCT)
            + ")",
        "Rent until the cloud cost reaches "
            + Numbers.percent(THRESHOLD_PCT)
            + " of the owned TCO, or update cloudAnnualCost/ownedAnnualTco in "
            + bc.metadata().id()
            + ".");
  }
}
