package io.waymark.engine.rules.metrics;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.UseCase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import java.util.Optional;

/** A use case in production is tracked by at least one metric that exists. */
public final class UseCaseUnmeasuredRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "use-case-unmeasured",
          Severity.WARNING,
          "metrics",
          "A use case in production names no metric that tracks it.",
          """
          Pitfall 5 is missing success metrics: "You can't prove ROI if you're not measuring.
          Fix: Define measurement approach before spending. Track consistently." Each
          initiative must map to a business outcome with measurable success criteria. A use
          case that reached production without a metric cannot show the outcome it was built
          for, and it will not count in the next QBR.""",
          """
          List the ids of the metrics that track the use case under its `spec.metrics`, and
          define them in a Metrics document.""",
          """
          kind: UseCase
          spec:
            status: production
            businessOutcome: Faster invoice processing
            # no metrics
          """,
          """
          kind: UseCase
          spec:
            status: production
            businessOutcome: Faster invoice processing
            metrics: [invoice-processing-hours]
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext context) {
    for (UseCase u : context.plan().useCases()) {
      if (u.status() != UseCase.Status.PRODUCTION
          || u.metrics().stream()
              .map(id -> context.plan().metric(id))
              .anyMatch(Optional::isPresent)) {
        continue;
      }
      // A metric written in a document that failed its schema is invalid, not missing.
      Optional<String> invalid =
          u.metrics().stream()
              .flatMap(
                  id ->
                      context
                          .ids()
                          .invalidItem("metric", id)
                          .map(file -> context.ids().invalid("metric '" + id + "'", file))
                          .stream())
              .findFirst();
      context.report(
          u.at().location(u.metrics().isEmpty() ? "spec/status" : "spec/metrics"),
          "use case "
              + u.id()
              + " is in production but "
              + (u.metrics().isEmpty()
                  ? "names no metric"
                  : invalid
                      .map(m -> "none of its metrics is usable: " + m)
                      .orElseGet(
                          () ->
                              context
                                  .ids()
                                  .notFound("none of its metrics " + u.metrics() + " is defined"))),
          invalid.isPresent()
              ? "Fix that schema error; the metric then tracks " + u.id() + " again."
              : "Add spec.metrics: [<metric id>] to "
                  + u.id()
                  + " and define that metric in a Metrics document.");
    }
  }
}
