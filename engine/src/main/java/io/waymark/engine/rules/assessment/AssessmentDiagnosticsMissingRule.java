package io.waymark.engine.rules.assessment;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Assessment;
import io.waymark.engine.model.Kind;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import io.waymark.engine.rules.Unjudged;
import java.util.List;
import java.util.Optional;

/** The latest assessment answers the guide's five diagnostic questions. */
public final class AssessmentDiagnosticsMissingRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "assessment-diagnostics-missing",
          Severity.WARNING,
          "assessment",
          "The latest assessment does not answer all five diagnostic questions.",
          """
          The guide: "Start with five diagnostic questions: Can your network handle 10x current
          data volume? Are data pipelines automated or manual? Do you have vector database
          capabilities? What's your GPU utilisation rate? Can you measure latency for data
          retrieval?" The answers drive the red flags and several rules (premature GPU
          purchase, data readiness, agentic readiness). An unanswered question hides a red
          flag rather than clearing it. "No GPUs yet" is an answer: write
          `gpuUtilisationPct: null`.""",
          """
          Answer every question under `spec.diagnostics`: `networkHandles10x`,
          `pipelineAutomation`, `vectorDatabase`, `gpuUtilisationPct` (null when there are no
          GPUs) and `retrievalLatencyMeasured`.""",
          """
          diagnostics:
            pipelineAutomation: manual
            vectorDatabase: false
          """,
          """
          diagnostics:
            networkHandles10x: false
            pipelineAutomation: manual
            vectorDatabase: false
            gpuUtilisationPct: null        # no GPUs yet
            retrievalLatencyMeasured: true
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.ASSESSMENT);
  }

  @Override
  public void check(RuleContext context) {
    Optional<Assessment> latest = context.plan().latestAssessment(context.asOf());
    if (latest.isEmpty()) {
      return;
    }
    Assessment.Diagnostics d = latest.get().diagnostics();
    List<String> missing =
        Assessment.Diagnostics.QUESTIONS.stream().filter(q -> !d.answered().contains(q)).toList();
    if (missing.isEmpty()) {
      return;
    }
    String unjudged = Unjudged.note(context, Kind.ASSESSMENT, "assessment");
    context.report(
        d.at().location(),
        Unjudged.latestAssessment(unjudged, latest.get())
            + " does not answer "
            + missing.size()
            + " of the five diagnostic questions: "
            + String.join(", ", missing)
            + unjudged,
        "Add "
            + String.join(", ", missing)
            + " under spec.diagnostics (gpuUtilisationPct: null"
            + " when there are no GPUs).");
  }
}
