package io.waymark.engine.rules.pitfall;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Assessment;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Pitfall 3, ignoring data readiness: with manual pipelines the first phase has a data-pipeline
 * initiative, and no GPU purchase or cloud compute comes in an earlier phase than the first
 * data-pipeline initiative. Phases are ordered by their first month.
 */
public final class PitfallDataReadinessRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "pitfall-data-readiness",
          Severity.ERROR,
          "pitfalls",
          "Pipelines were manual in an assessment and the first phase has no data-pipeline initiative, or"
              + " infrastructure scaling comes before the first data-pipeline work.",
          """
          Pitfall 3 is ignoring data readiness: new infrastructure cannot fix bad data, and
          many organisations waste money on GPUs while their data is not ready to use them.
          Data readiness is the main barrier to AI, and manual pipelines are a red flag. The
          fix is data-pipeline work in phase 1 and infrastructure scaling (GPU purchases, cloud
          compute) in phase 2 and later, never before the pipelines. Every assessment up to
          as-of counts: pipelines that were manual at the start with no phase-1 pipeline work
          remain the pitfall after a later re-assessment rates them partial.""",
          """
          Add a `type: data-pipeline` initiative to the first phase (automating the pipelines
          of the priority datasets), and move GPU purchases and cloud compute to a phase no
          earlier than the first data-pipeline initiative.""",
          """
          phases:
            - id: phase-assess-stabilise
              initiatives:
                - {id: i-burst-gpus, type: cloud-compute}
            - id: phase-build-foundations
              initiatives:
                - {id: i-automate-etl, type: data-pipeline}
          """,
          """
          phases:
            - id: phase-assess-stabilise
              initiatives:
                - {id: i-automate-etl, type: data-pipeline}
            - id: phase-build-foundations
              initiatives:
                - {id: i-burst-gpus, type: cloud-compute}
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.ASSESSMENT, Kind.ROADMAP);
  }

  @Override
  public void check(RuleContext context) {
    // Every assessment up to as-of counts: manual pipelines at the start with no phase-1
    // pipeline work stay the pitfall after a later re-assessment says "partial".
    Optional<Assessment> manual =
        context.plan().assessmentsUpTo(context.asOf()).stream()
            .filter(a -> a.pipelineAutomation().filter("manual"::equals).isPresent())
            .findFirst();
    for (Roadmap roadmap : context.plan().roadmaps()) {
      List<Phase> ordered =
          roadmap.phases().stream().sorted(Comparator.comparingInt(Phase::firstMonth)).toList();
      if (ordered.isEmpty()) {
        continue;
      }
      OptionalInt firstPipeline =
          IntStream.range(0, ordered.size())
              .filter(k -> ordered.get(k).initiatives().stream().anyMatch(this::pipeline))
              .findFirst();
      Phase first = ordered.get(0);
      manual
          .filter(a -> firstPipeline.isEmpty() || firstPipeline.getAsInt() > 0)
          .ifPresent(
              a ->
                  context.report(
                      first.at().keyLocation("initiatives"),
                      "data pipelines are manual in "
                          + a.metadata().id()
                          + " but the first phase "
                          + first.id()
                          + " has no data-pipeline initiative",
                      "Add an initiative of type data-pipeline to "
                          + first.id()
                          + " that automates the pipelines of the priority datasets."));
      if (firstPipeline.isEmpty()) {
        continue;
      }
      Phase pipelinePhase = ordered.get(firstPipeline.getAsInt());
      for (int k = 0; k < firstPipeline.getAsInt(); k++) {
        Phase phase = ordered.get(k);
        for (Initiative i : phase.initiatives()) {
          if (!i.scalesInfrastructure()) {
            continue;
          }
          context.report(
              i.at().location("type"),
              "initiative "
                  + i.id()
                  + " ("
                  + i.type().name().toLowerCase(Locale.ROOT).replace('_', '-')
                  + ") in "
                  + phase.id()
                  + " scales infrastructure before the first data-pipeline initiative, in "
                  + pipelinePhase.id(),
              "Move "
                  + i.id()
                  + " to "
                  + pipelinePhase.id()
                  + " or later, or bring the data-pipeline work forward to "
                  + phase.id()
                  + ".");
        }
      }
    }
  }

  private boolean pipeline(Initiative i) {
    return i.type() == Initiative.Type.DATA_PIPELINE;
  }
}
