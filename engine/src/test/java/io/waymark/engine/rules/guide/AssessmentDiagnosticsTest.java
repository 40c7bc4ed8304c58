package io.waymark.engine.rules.guide;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.finding.Severity;
import org.junit.jupiter.api.Test;

/**
 * Failing and passing fixtures for {@code agentic-not-ready}, {@code
 * assessment-diagnostics-missing} (a guide rule of issue 9).
 */
class AssessmentDiagnosticsTest extends GuideFixture {

  @Test
  void shouldReportAnUnansweredDiagnosticQuestion() {
    Fixtures.replaceOnce(file(APRIL), "    retrievalLatencyMeasured: true\n", "");

    assertThat(Fixtures.only("assessment-diagnostics-missing").validate(repo))
        .containsRule("assessment-diagnostics-missing")
        .withSeverity(Severity.WARNING)
        .inFile(APRIL)
        .withMessageContaining(
            "assessment-2027-04 does not answer 1 of the five diagnostic questions:"
                + " retrievalLatencyMeasured")
        .hasCount(1);
  }

  @Test
  void shouldCountNoGpusAsAnAnswer() {
    Fixtures.replaceOnce(
        file(APRIL),
        "    gpuUtilisationPct: 52\n    retrieval",
        "    gpuUtilisationPct: null\n    retrieval");

    assertThat(Fixtures.only("assessment-diagnostics-missing").validate(repo))
        .doesNotContainRule("assessment-diagnostics-missing");
  }

  @Test
  void shouldReportAnAgenticPilotWithoutApiOrchestration() {
    Fixtures.replaceOnce(file(APRIL), "    apiOrchestration: true\n", "");

    assertThat(Fixtures.only("agentic-not-ready").validate(repo))
        .containsRule("agentic-not-ready")
        .withSeverity(Severity.ERROR)
        .inFile("use-cases/agentic-dispatch-assistant.yaml")
        .withMessageContaining("no API orchestration recorded in assessment-2027-04")
        .hasCount(1);
  }
}
