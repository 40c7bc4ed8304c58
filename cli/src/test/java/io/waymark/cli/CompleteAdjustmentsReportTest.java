package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 item 2, end to end on a real Git repository: a business case re-costed and a vendor
 * selected in Q2 are in "Roadmap adjustments" with their figures and the Governance decisions
 * behind them, and a milestone moved in the work tree without a commit is listed as "not yet
 * committed".
 */
class CompleteAdjustmentsReportTest {

  private static final String CASE = "plan/business-cases/agentic-dispatch.yaml";
  private static final String VENDORS = "plan/vendors/gpu-cloud-capacity.yaml";
  private static final String NIMBUS_GO = "references: 4\n      redFlags: []\n      decision: go\n";
  private static final String NIMBUS_DILIGENCE =
      "references: 4\n      redFlags: []\n      decision: diligence\n";

  @TempDir Path tmp;

  @Test
  void shouldListCaseFiguresVendorDecisionsAndUncommittedChangesWithTheirReasons()
      throws Exception {
    Path dir = tmp.resolve("repo");
    RevCommit head;
    try (GitWorkTree repo = GitWorkTree.init(dir)) {
      repo.copyExample("plan");
      repo.replace(CASE, "oneOff: 40000", "oneOff: 30000");
      repo.replace(VENDORS, NIMBUS_GO, NIMBUS_DILIGENCE);
      repo.commit("The Northwind roadmap", "2027-03-20");
      repo.replace(CASE, "oneOff: 30000", "oneOff: 40000");
      repo.replace(VENDORS, NIMBUS_DILIGENCE, NIMBUS_GO);
      head = repo.commit("Agentic case re-costed; Nimbus GPU Cloud selected", "2027-05-08");
      repo.replace("plan/roadmap.yaml", "due: 2027-06-25", "due: 2027-07-09");
    }
    Path out = tmp.resolve("out");

    Cli report =
        Cli.run(
            "report",
            dir.resolve("plan").toString(),
            "--out",
            out.toString(),
            "--as-of",
            "2027-05-14",
            "--no-pdf");

    assertThat(report.code()).as(report.err()).isZero();
    String md = Files.readString(out.resolve("qbr-2027-Q2.md"), StandardCharsets.UTF_8);
    assertThat(md)
        .contains(
            "The working tree has changes on top of commit "
                + PlanRepository.shortId(head)
                + " of 8 May 2027: they are listed as not yet committed.")
        .contains(
            "| Business case | Agentic dispatch assistant for delivery exceptions | planned"
                + " investment EUR 72,000 to EUR 84,000; computed NPV EUR 92,934 to EUR 80,934;"
                + " costs personnel one-off EUR 30,000 to EUR 40,000 | decision"
                + " dec-agentic-pilot-go: Agentic dispatch pilot may start (re-assessment meets"
                + " agentic readiness) (approved, 30 April 2027) | since Q1 2027 |")
        .contains(
            "| Vendor | Nimbus GPU Cloud | decision diligence to go | decision"
                + " dec-vendor-nimbus-gpu: Nimbus GPU Cloud selected for peak-season burst"
                + " capacity (go, 84.0 %) (approved, 7 May 2027) | since Q1 2027 |")
        .contains(
            "| Milestone | First MLOps training cohort certified | slipped from 25 June 2027 to 9"
                + " July 2027 (+14 days) | not recorded | not yet committed |");
  }

  /**
   * A roadmap repository created in the middle of the quarter (no commit before the previous
   * quarter ended): the adjustments are counted from its first commit and still list the business
   * case re-costed and the vendor selected since, not only the roadmap file's changes.
   */
  @Test
  void shouldListCaseAndVendorChangesWhenTheHistoryStartsMidQuarter() throws Exception {
    Path dir = tmp.resolve("repo");
    RevCommit first;
    try (GitWorkTree repo = GitWorkTree.init(dir)) {
      repo.copyExample("plan");
      repo.replace(CASE, "oneOff: 40000", "oneOff: 30000");
      repo.replace(VENDORS, NIMBUS_GO, NIMBUS_DILIGENCE);
      repo.replace("plan/roadmap.yaml", "due: 2027-06-25", "due: 2027-06-11");
      first = repo.commit("The Northwind roadmap, first committed in April", "2027-04-12");
      repo.replace(CASE, "oneOff: 30000", "oneOff: 40000");
      repo.replace(VENDORS, NIMBUS_DILIGENCE, NIMBUS_GO);
      repo.replace("plan/roadmap.yaml", "due: 2027-06-11", "due: 2027-06-25");
      repo.commit("Agentic case re-costed; Nimbus GPU Cloud selected; cohort moved", "2027-05-08");
    }
    Path out = tmp.resolve("out");

    Cli report =
        Cli.run(
            "report",
            dir.resolve("plan").toString(),
            "--out",
            out.toString(),
            "--as-of",
            "2027-05-14",
            "--no-pdf");

    assertThat(report.code()).as(report.err()).isZero();
    String md = Files.readString(out.resolve("qbr-2027-Q2.md"), StandardCharsets.UTF_8);
    String since = "since commit " + PlanRepository.shortId(first) + " of 12 April 2027";
    assertThat(md)
        .contains(
            "The Git history starts after the end of Q1 2027 (31 March 2027): compared with its"
                + " first commit, commit "
                + PlanRepository.shortId(first)
                + " of 12 April 2027.")
        .contains(
            "| Business case | Agentic dispatch assistant for delivery exceptions | planned"
                + " investment EUR 72,000 to EUR 84,000; computed NPV EUR 92,934 to EUR 80,934;"
                + " costs personnel one-off EUR 30,000 to EUR 40,000 | decision"
                + " dec-agentic-pilot-go: Agentic dispatch pilot may start (re-assessment meets"
                + " agentic readiness) (approved, 30 April 2027) | "
                + since
                + " |")
        .contains(
            "| Vendor | Nimbus GPU Cloud | decision diligence to go | decision"
                + " dec-vendor-nimbus-gpu: Nimbus GPU Cloud selected for peak-season burst"
                + " capacity (go, 84.0 %) (approved, 7 May 2027) | "
                + since
                + " |")
        .contains(
            "| Milestone | First MLOps training cohort certified | slipped from 11 June 2027 to 25"
                + " June 2027 (+14 days) |");
  }
}
