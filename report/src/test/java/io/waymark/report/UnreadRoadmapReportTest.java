package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A QBR of a repository whose roadmap (or a gate's metric) is there but not in the plan (the YAML
 * reader stopped in it, or it failed its schema) says so where it would speak of the roadmap.
 * Before, it said "The roadmap has no phases yet", "Nothing is due in Q3 2027", "The roadmap has no
 * initiatives yet", "There is no roadmap", and that no initiative addresses any constraint: none of
 * it true.
 */
class UnreadRoadmapReportTest {

  @TempDir Path tmp;

  private String qbr(String from, String to) throws IOException {
    return qbr("roadmap.yaml", from, to);
  }

  private String qbr(String file, String from, String to) throws IOException {
    Path repo = Examples.copyExample(tmp.resolve("repo"));
    Fixture.replace(repo, file, from, to);
    ValidationResult result = Examples.validate(repo, "repo");
    return Reports.render(ReportInput.of(result).withPdf(false)).text("qbr-2027-Q2.md");
  }

  private static void saysNothingUntrue(String md) {
    assertThat(md)
        .doesNotContain("has no phases")
        .doesNotContain("has no initiatives")
        .doesNotContain("Nothing is due")
        .doesNotContain("There is no roadmap")
        .doesNotContain("Not yet addressed")
        .doesNotContain("Plan an initiative")
        .doesNotContain("_No roadmap to draw._");
  }

  @Test
  void shouldSayTheRoadmapCouldNotBeReadWhereItWouldSpeakOfIt() throws IOException {
    String md = qbr("title: AI", "title: [unclosed AI");

    saysNothingUntrue(md);
    assertThat(md)
        .contains("**Overall health: Red.** The roadmap is not in this review: roadmap.yaml could")
        .contains("- Left out of this review until fixed: roadmap.yaml (could not be read)")
        .contains("_Not known: roadmap.yaml could not be read._")
        .contains("_No initiative to place: roadmap.yaml could not be read._")
        .contains("_There is no spend to show: roadmap.yaml could not be read._")
        .contains("_No roadmap to draw: roadmap.yaml could not be read._")
        .contains("| Not known: roadmap.yaml could not be read |");
  }

  @Test
  void shouldSayTheRoadmapFailedItsSchema() throws IOException {
    String md =
        qbr(
            "apiVersion: waymark/v1\nkind: Roadmap\n",
            "apiVersion: waymark/v1\nkind: Roadmap\nnotAField: 1\n");

    saysNothingUntrue(md);
    assertThat(md)
        .contains(
            "The roadmap is not in this review: the roadmap in roadmap.yaml failed its schema.")
        .contains("- Left out of this review until fixed: roadmap.yaml (failed its schema)");
  }

  @Test
  void shouldNameAFileLeftOutInPart() throws IOException {
    String md = qbr("months: [1, 3]\n      status: done", "months: [1, 3]\n      status: finished");

    assertThat(md)
        .contains(
            "- Left out of this review until fixed: roadmap.yaml (failed its schema in some items)");
  }

  @Test
  void shouldSayWhyTwoRoadmapsAreNotReviewed() throws IOException {
    Path repo = Examples.copyExample(tmp.resolve("repo"));
    Files.writeString(
        repo.resolve("roadmap-2028.yaml"),
        Files.readString(repo.resolve("roadmap.yaml"))
            .replace("  id: ai-infra-2027\n", "  id: ai-infra-2028\n"));
    ValidationResult result = Examples.validate(repo, "repo");
    String md = Reports.render(ReportInput.of(result).withPdf(false)).text("qbr-2027-Q2.md");

    saysNothingUntrue(md);
    assertThat(md)
        .contains(
            "The roadmap is not in this review: the repository has 2 roadmaps (roadmap-2028.yaml,"
                + " roadmap.yaml) and a review covers one.");
  }

  @Test
  void shouldSayAGateMetricInAFileThatCannotBeReadIsNotKnownRatherThanWithoutData()
      throws IOException {
    String md = qbr("metrics/executive-dashboard.yaml", "title: ", "title: [unclosed ");

    assertThat(md)
        .contains(
            "| Data-pipeline SLA above 99 % | &gt; 99 | Not known"
                + " (metrics/executive-dashboard.yaml could not be read) | Not known |")
        .doesNotContain("No data yet")
        .contains("| **Gate of Build Foundations** (Gate) | 2 criteria are not known today: ")
        .contains("Fix the files named, so that the gate can be judged.");
  }

  @Test
  void shouldNameTheReassessmentTheScorecardCannotRead() throws IOException {
    String md = qbr("assessment/2027-04-assessment.yaml", "  diagnostics:\n", "  diagnostic:\n");

    // The January assessment is the latest the review can read; April's is named, not ignored.
    assertThat(md)
        .contains("AI infrastructure readiness baseline, January 2027, 22 January 2027")
        .contains("Not in this scorecard: assessment/2027-04-assessment.yaml (failed its schema).");
  }

  @Test
  void shouldNotSayThereIsNoAssessmentWhenTheOnlyOneIsInvalid() throws IOException {
    Path repo = Examples.copyExample(tmp.resolve("repo"));
    Files.delete(repo.resolve("assessment/2027-01-assessment.yaml"));
    Fixture.replace(
        repo, "assessment/2027-04-assessment.yaml", "  diagnostics:\n", "  diagnostic:\n");
    ValidationResult result = Examples.validate(repo, "repo");
    String md = Reports.render(ReportInput.of(result).withPdf(false)).text("qbr-2027-Q2.md");

    assertThat(md)
        .contains("_No readiness assessment on or before 14 May 2027 that this review can read._")
        .contains("Not in this scorecard: assessment/2027-04-assessment.yaml (failed its schema).");
  }
}
