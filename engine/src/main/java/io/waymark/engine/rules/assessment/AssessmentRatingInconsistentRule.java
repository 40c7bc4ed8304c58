package io.waymark.engine.rules.assessment;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Assessment;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/** A dimension is red when its red flag is raised: GPU use < 40%, p95 > 200 ms, manual data. */
public final class AssessmentRatingInconsistentRule implements Rule {

  static final BigDecimal GPU_RED_BELOW_PCT = BigDecimal.valueOf(40);
  static final BigDecimal LATENCY_RED_ABOVE_MS = BigDecimal.valueOf(200);
  static final String MANUAL = "manual";

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "assessment-rating-inconsistent",
          Severity.ERROR,
          "assessment",
          "A dimension is rated greener than its red flag allows.",
          """
          The readiness scorecard rates compute, network, data, security, skills and cost red,
          yellow or green, and the methodology names three red flags: GPUs running below 40%
          utilisation (a resource-allocation problem), data-retrieval latency above 200 ms, and
          manual data pipelines (if data is wrangled by hand for every pilot, the organisation
          is not ready to scale). The scorecard decides what gets fixed first; a red flag behind
          a yellow or green rating hides the constraint that will kill the pilots.""",
          """
          Rate the dimension `red`, or correct the measurement if it is out of date (re-assess
          rather than edit an old assessment: each assessment is a dated record).""",
          """
          diagnostics:
            gpuUtilisationPct: 31
          dimensions:
            compute:
              rating: yellow
          """,
          """
          diagnostics:
            gpuUtilisationPct: 31
          dimensions:
            compute:
              rating: red
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
    for (Assessment a : context.plan().assessments()) {
      checkCompute(context, a);
      checkNetwork(context, a);
      checkData(context, a);
    }
  }

  private static void checkCompute(RuleContext context, Assessment a) {
    Optional<BigDecimal> diagnostic = a.diagnostics().gpuUtilisationPct();
    Optional<BigDecimal> measured =
        a.dimension("compute").flatMap(d -> d.number("gpuUtilisationPct"));
    String source = "diagnostics.gpuUtilisationPct";
    BigDecimal lowest = diagnostic.orElse(null);
    if (measured.isPresent() && (lowest == null || measured.get().compareTo(lowest) < 0)) {
      lowest = measured.get();
      source = "compute.measurements.gpuUtilisationPct";
    }
    if (lowest != null && lowest.compareTo(GPU_RED_BELOW_PCT) < 0) {
      flag(
          context,
          a,
          "compute",
          "GPU utilisation is " + Numbers.percent(lowest) + " (" + source + "), below 40%");
    }
  }

  private static void checkNetwork(RuleContext context, Assessment a) {
    a.dimension("network")
        .flatMap(d -> d.number("p95LatencyMs"))
        .filter(ms -> ms.compareTo(LATENCY_RED_ABOVE_MS) > 0)
        .ifPresent(
            ms ->
                flag(
                    context,
                    a,
                    "network",
                    "p95 latency is "
                        + Numbers.plain(ms)
                        + " ms (network.measurements.p95LatencyMs), above 200 ms"));
  }

  private static void checkData(RuleContext context, Assessment a) {
    String source = null;
    if (a.diagnostics().pipelineAutomation().filter(MANUAL::equals).isPresent()) {
      source = "diagnostics.pipelineAutomation";
    } else if (a.dimension("data")
        .flatMap(d -> d.text("pipelineAutomation"))
        .filter(MANUAL::equals)
        .isPresent()) {
      source = "data.measurements.pipelineAutomation";
    }
    if (source != null) {
      flag(context, a, "data", "data pipelines are manual (" + source + ")");
    }
  }

  private static void flag(RuleContext context, Assessment a, String dimension, String why) {
    a.dimension(dimension)
        .filter(d -> d.rating() != Assessment.Rating.RED)
        .ifPresent(
            d ->
                context.report(
                    d.at().location("rating"),
                    dimension
                        + " is rated "
                        + d.rating().name().toLowerCase(Locale.ROOT)
                        + " in "
                        + a.metadata().id()
                        + " but "
                        + why
                        + ": a red flag, so the rating must be red",
                    "Rate " + dimension + " red, or re-assess if the measurement is out of date."));
  }
}
