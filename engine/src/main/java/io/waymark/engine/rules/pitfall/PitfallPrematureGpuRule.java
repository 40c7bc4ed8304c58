package io.waymark.engine.rules.pitfall;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Assessment;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.model.UseCase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import io.waymark.engine.rules.Unjudged;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pitfall 2, premature infrastructure purchase: a GPU purchase needs the latest assessment to show
 * GPU utilisation above 60% and at least one use case in production at the as-of date.
 */
public final class PitfallPrematureGpuRule implements Rule {

  static final BigDecimal BUY_ABOVE_PCT = BigDecimal.valueOf(60);

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "pitfall-premature-gpu",
          Severity.ERROR,
          "pitfalls",
          "A GPU purchase is planned while GPU utilisation is 60% or less (or unknown), or before"
              + " any use case reached production.",
          """
          Pitfall 2 is the premature infrastructure purchase: buying GPUs before the use cases
          are validated leaves expensive hardware idle. The fix is to pilot on cloud or rented
          infrastructure and buy only when utilisation exceeds 60%. Below 40% the GPUs already
          owned have an allocation problem, and more hardware only adds idle capacity. Waymark
          reads utilisation from the latest assessment on or before the as-of date and counts
          production use cases by their `since` date.""",
          """
          Rent the capacity instead (`type: cloud-compute`), pool and meter the GPUs you have
          until utilisation is above 60%, and move the purchase behind a gate that requires a
          use case in production. Record the new utilisation in a fresh assessment.""",
          """
          # latest assessment: gpuUtilisationPct: 52
          initiatives:
            - id: i-buy-gpus
              type: gpu-purchase
          """,
          """
          # latest assessment: gpuUtilisationPct: 52
          initiatives:
            - id: i-burst-capacity
              type: cloud-compute
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.ASSESSMENT, Kind.ROADMAP, Kind.USE_CASE);
  }

  @Override
  public void check(RuleContext context) {
    Plan plan = context.plan();
    LocalDate asOf = context.asOf();
    List<String> reasons = new ArrayList<>();
    Optional<Assessment> latest = plan.latestAssessment(asOf);
    Optional<BigDecimal> utilisation = latest.flatMap(Assessment::gpuUtilisationPct);
    if (latest.isEmpty()) {
      reasons.add("GPU utilisation is unknown (no assessment on or before " + asOf + ")");
    } else if (utilisation.isEmpty()) {
      reasons.add("GPU utilisation is unknown in " + latest.get().metadata().id());
    } else if (utilisation.get().compareTo(BUY_ABOVE_PCT) <= 0) {
      reasons.add(
          "GPU utilisation is "
              + Numbers.percent(utilisation.get())
              + " in "
              + latest.get().metadata().id()
              + " (buy only above 60%)");
    }
    boolean inProduction =
        plan.useCases().stream()
            .anyMatch(
                u ->
                    u.status() == UseCase.Status.PRODUCTION
                        && u.since().map(s -> !s.isAfter(asOf)).orElse(true));
    if (!inProduction) {
      reasons.add("no use case is in production at " + asOf);
    }
    if (reasons.isEmpty()) {
      return;
    }
    // A re-assessment that failed its schema is not counted: say which one was judged instead.
    String judgedOn = Unjudged.judgedOn(context, latest).map(j -> "; " + j).orElse("");
    for (Roadmap roadmap : plan.roadmaps()) {
      for (Initiative i : roadmap.initiatives()) {
        if (i.type() != Initiative.Type.GPU_PURCHASE) {
          continue;
        }
        context.report(
            i.at().location("type"),
            "initiative " + i.id() + " buys GPUs but " + String.join(" and ", reasons) + judgedOn,
            "Rent the capacity (type: cloud-compute) or pool the GPUs you have; plan the"
                + " purchase only once utilisation is above 60% and a use case is in"
                + " production.");
      }
    }
  }
}
