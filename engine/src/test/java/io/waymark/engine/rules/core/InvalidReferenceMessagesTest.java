package io.waymark.engine.rules.core;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 part 3: a reference to something that exists in a document that failed its schema says it
 * is invalid and where the schema finding is, never that it does not exist. The business case case
 * is in {@code PitfallsTest}; here the other kinds a plan refers to: metrics, decisions and
 * assessments.
 */
class InvalidReferenceMessagesTest {

  private static final String METRICS = "metrics/executive-dashboard.yaml";
  private static final String GOVERNANCE = "governance.yaml";
  private static final String APRIL = "assessment/2027-04-assessment.yaml";

  @TempDir Path repo;

  private Path example() {
    return Fixtures.copyExample(repo);
  }

  @Test
  void shouldSayAProductionUseCaseMetricIsInvalidNotUndefined() {
    Fixtures.replaceOnce(example().resolve(METRICS), "  dashboard:\n", "  dashbord:\n");

    ValidationResult result = Fixtures.validate(repo);

    assertThat(result)
        .containsRule("use-case-unmeasured")
        .inFile("use-cases/eta-prediction.yaml")
        .withMessageContaining(
            "none of its metrics is usable: metric 'retrieval-latency-p95-ms' is invalid, see the"
                + " schema finding in "
                + METRICS)
        .withHintContaining("Fix that schema error");
    noMessageContains(result, "is defined");
  }

  @Test
  void shouldSayTheCostPerInferenceMetricIsInvalidNotUntracked() {
    Fixtures.replaceOnce(example().resolve(METRICS), "  dashboard:\n", "  dashbord:\n");

    ValidationResult result = Fixtures.validate(repo);

    assertThat(result)
        .containsRule("pitfall-inference-economics")
        .withMessageContaining(
            "metric 'cost-per-inference' is invalid, see the schema finding in "
                + METRICS
                + ", so inference cost is not measured");
    noMessageContains(result, "no metric with id");
  }

  @Test
  void shouldNameTheGateCriterionWhoseMetricIsInvalid() {
    Fixtures.replaceOnce(example().resolve(METRICS), "  dashboard:\n", "  dashbord:\n");

    assertThat(Fixtures.validate(repo))
        .containsRule("gate-weaker-than-guide")
        .withMessageContaining("\"pilot downtime < 5%\"")
        .withMessageContaining(
            "; metric 'pilot-downtime-pct' of criterion gc-p1-pilot-downtime is invalid, see the"
                + " schema finding in "
                + METRICS);
  }

  @Test
  void shouldNameTheInvalidMetricOfAnAgenticUseCase() {
    Fixtures.replaceOnce(example().resolve(METRICS), "  dashboard:\n", "  dashbord:\n");

    assertThat(Fixtures.validate(repo))
        .containsRule("pitfall-inference-economics")
        .inFile("use-cases/agentic-dispatch-assistant.yaml")
        .withMessageContaining(
            "(metric 'cost-per-inference' is invalid, see the schema finding in " + METRICS + ")");
    assertThat(Fixtures.validate(repo))
        .containsRule("agentic-not-ready")
        .withMessageContaining(
            "no metric of category cost (no cost monitoring; Metrics document 'northwind-kpis' is"
                + " invalid, see the schema finding in "
                + METRICS
                + ")");
  }

  @Test
  void shouldSayTheApprovalDecisionIsInvalidNotUnrecorded() {
    // One enum typo in the decision: the rest of governance.yaml still counts (the review board).
    Fixtures.replaceOnce(
        example().resolve(GOVERNANCE),
        "title: Business case for pipeline automation approved\n      outcome: approved",
        "title: Business case for pipeline automation approved\n      outcome: aproved");

    ValidationResult result = Fixtures.validate(repo);

    assertThat(result)
        .containsRule("pitfall-no-review")
        .withMessageContaining(
            "the approval decision 'dec-bc-pipeline-automation' of business case"
                + " 'bc-pipeline-automation' is invalid, see the schema finding in "
                + GOVERNANCE);
    assertThat(result).doesNotContainRule("decision-unknown").doesNotContainRule("ref-unresolved");
    noMessageContains(result, "not recorded");
  }

  @Test
  void shouldSayTheApprovalDecisionIsNotRecordedWhenItIsNowhere() {
    Fixtures.replaceOnce(
        example().resolve("business-cases/pipeline-automation.yaml"),
        "decision: dec-bc-pipeline-automation",
        "decision: dec-bc-pipeline-automaton");

    assertThat(Fixtures.validate(repo))
        .containsRule("pitfall-no-review")
        .withMessageContaining(
            "the approval decision 'dec-bc-pipeline-automaton' of business case"
                + " 'bc-pipeline-automation' is not recorded in governance");
  }

  @Test
  void shouldSayTheLatestAssessmentIsInvalidWhenAnOlderOneIsJudged() {
    Fixtures.replaceOnce(example().resolve(APRIL), "  diagnostics:\n", "  diagnostic:\n");

    assertThat(Fixtures.validate(repo))
        .containsRule("agentic-not-ready")
        .withMessageContaining(
            "judged on assessment-2027-01 because assessment 'assessment-2027-04' is invalid, see"
                + " the schema finding in "
                + APRIL);
  }

  @Test
  void shouldCallAnOlderAssessmentTheLatestValidOneWhenTheReassessmentIsInvalid() {
    // At 1 August the January assessment is stale, but April's re-assessment (invalid) is not.
    Fixtures.replaceOnce(example().resolve(APRIL), "  diagnostics:\n", "  diagnostic:\n");

    assertThat(Fixtures.validate(repo, java.time.LocalDate.of(2027, 8, 1)))
        .containsRule("assessment-stale")
        .withMessageContaining(
            "the latest valid assessment, assessment-2027-01 of 2027-01-22, is more than 6 months"
                + " old at 2027-08-01 (stale since 2027-07-23); assessment 'assessment-2027-04' is"
                + " invalid, see the schema finding in "
                + APRIL)
        .withHintContaining("Fix the schema errors of the invalid assessment first");
  }

  @Test
  void shouldNameTheInvalidReassessmentWhenTheOlderOneMissesADiagnosticQuestion() {
    Fixtures.replaceOnce(example().resolve(APRIL), "  diagnostics:\n", "  diagnostic:\n");
    Fixtures.replaceOnce(
        repo.resolve("assessment/2027-01-assessment.yaml"),
        "    retrievalLatencyMeasured: false\n",
        "");

    assertThat(Fixtures.validate(repo))
        .containsRule("assessment-diagnostics-missing")
        .withMessageContaining(
            "the latest valid assessment assessment-2027-01 does not answer 1 of the five"
                + " diagnostic questions: retrievalLatencyMeasured; assessment 'assessment-2027-04'"
                + " is invalid, see the schema finding in "
                + APRIL);
  }

  @Test
  void shouldSayTheLatestAssessmentWithoutCaveatWhenEveryAssessmentIsValid() {
    example();

    assertThat(Fixtures.validate(repo, java.time.LocalDate.of(2027, 12, 1)))
        .containsRule("assessment-stale")
        .withMessageContaining("the latest assessment, assessment-2027-04 of 2027-04-30")
        .withMessageNotContaining("invalid");
  }

  @Test
  void shouldSayTheMetricOfAnExpiredWaiverIsInvalidNotMissing() {
    Fixtures.replaceOnce(example().resolve(METRICS), "  dashboard:\n", "  dashbord:\n");

    assertThat(Fixtures.validate(repo))
        .containsRule("gate-waiver-expired")
        .withMessageContaining(
            "the criterion is still not met: metric 'retrieval-latency-p95-ms' is invalid, see the"
                + " schema finding in "
                + METRICS)
        .withMessageNotContaining("no metric");
  }

  private static void noMessageContains(ValidationResult result, String text) {
    Assertions.assertThat(result.findings())
        .extracting(Finding::message)
        .noneMatch(m -> m.contains(text));
  }
}
