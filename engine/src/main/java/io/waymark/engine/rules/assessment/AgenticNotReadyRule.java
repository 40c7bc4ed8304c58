package io.waymark.engine.rules.assessment;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Assessment;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.UseCase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.Unjudged;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An agentic use case runs (pilot or production) only on ready infrastructure: data access under
 * 100 ms and a vector database per the latest assessment, and a cost metric somewhere. Only
 * conditions the assessment states are judged: a missing measurement is not a failure here.
 */
public final class AgenticNotReadyRule implements Rule {

  static final BigDecimal MAX_LATENCY_MS = BigDecimal.valueOf(100);

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "agentic-not-ready",
          Severity.ERROR,
          "assessment",
          "An agentic use case is in pilot or production while the latest assessment shows"
              + " p95 latency of 100 ms or more, no vector database or no API orchestration, or"
              + " there is no cost metric.",
          """
          Agentic AI needs more than a model: data access under 100 ms (its decision loops run
          in real time), a knowledge layer or vector database for context and memory, API
          orchestration for the many tool calls ("agents make many API calls"), and cost
          monitoring, because agent loops can spiral inference costs without anyone noticing.
          Many organisations underestimate the knowledge layer. Running an agent before these
          are in place buys a failed pilot and a surprising cloud bill. The latest assessment
          must record `diagnostics.apiOrchestration: true`; an assessment that says nothing
          about orchestration does not show it is in place.""",
          """
          Keep the use case at `idea` until a new assessment shows p95 latency under 100 ms and
          `diagnostics.vectorDatabase: true` and `diagnostics.apiOrchestration: true`, and add
          a metric with `category: cost` (for
          example `cost-per-inference`) to the Metrics document.""",
          """
          # latest assessment: network.measurements.p95LatencyMs: 240, vectorDatabase: false
          kind: UseCase
          spec:
            status: pilot
            agentic: true
          """,
          """
          # latest assessment: p95LatencyMs: 86, vectorDatabase: true, apiOrchestration: true
          kind: UseCase
          spec:
            status: pilot
            agentic: true
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext context) {
    Plan plan = context.plan();
    List<String> failing = new ArrayList<>();
    List<String> fixes = new ArrayList<>();
    Optional<Assessment> latest = plan.latestAssessment(context.asOf());
    if (latest.isPresent()) {
      Assessment a = latest.get();
      Optional<BigDecimal> latency =
          a.dimension("network")
              .flatMap(d -> d.number("p95LatencyMs"))
              .filter(ms -> ms.compareTo(MAX_LATENCY_MS) >= 0);
      if (latency.isPresent()) {
        failing.add(
            "p95 latency "
                + Numbers.plain(latency.get())
                + " ms in "
                + a.metadata().id()
                + " (needs under 100 ms)");
        fixes.add("bring data access under 100 ms p95 and record it in a new assessment");
      }
      if (a.diagnostics().apiOrchestration().filter(v -> v).isEmpty()) {
        failing.add("no API orchestration recorded in " + a.metadata().id());
        fixes.add(
            "put API orchestration in place and record diagnostics.apiOrchestration: true in a"
                + " new assessment");
      }
      if (a.diagnostics().vectorDatabase().filter(v -> !v).isPresent()) {
        failing.add("no vector database in " + a.metadata().id());
        fixes.add("deploy a vector database (knowledge layer) and record it in a new assessment");
      }
    }
    if (plan.metrics().noneMatch(m -> m.category().filter("cost"::equals).isPresent())) {
      failing.add(
          "no metric of category cost (no cost monitoring"
              + Unjudged.note(context, Kind.METRICS, "Metrics document")
              + ")");
      fixes.add("track a metric with category: cost, such as cost-per-inference");
    }
    if (failing.isEmpty()) {
      return;
    }
    // An assessment that failed its schema is not judged; say so rather than let an older one
    // speak for the repository without a word.
    Unjudged.judgedOn(context, latest).ifPresent(failing::add);
    for (UseCase u : plan.useCases()) {
      if (!u.agentic()
          || (u.status() != UseCase.Status.PILOT && u.status() != UseCase.Status.PRODUCTION)) {
        continue;
      }
      context.report(
          u.at().location("spec/status"),
          "agentic use case "
              + u.id()
              + " is in "
              + u.status().name().toLowerCase(Locale.ROOT)
              + " but the infrastructure is not ready: "
              + String.join("; ", failing),
          "Move " + u.id() + " back to idea until you " + String.join("; ", fixes) + ".");
    }
  }
}
