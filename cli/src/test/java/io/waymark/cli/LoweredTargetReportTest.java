package io.waymark.cli;

import static io.waymark.cli.HistoryRulesCliTest.findings;
import static io.waymark.cli.HistoryRulesCliTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * A gate target lowered in a commit (issue 15): the criterion's description still states the old
 * number, so {@code criterion-description-mismatch} flags it; the QBR lists the old and the new
 * target in "Roadmap adjustments" and shows the target as the truth in the gate table.
 */
class LoweredTargetReportTest {

  @TempDir Path tmp;

  @Test
  void shouldFlagTheDescriptionAndShowTheTargetAsTheTruth() throws Exception {
    Path dir = tmp.resolve("repo");
    try (GitWorkTree repo = GitWorkTree.init(dir)) {
      repo.copyExample("plan");
      repo.commit("The Northwind roadmap", "2027-03-20");
      repo.replace(
          "plan/roadmap.yaml", PlanRepository.TARGET, "operator: \">\"\n            target: 93.7");
      repo.commit("Lower the pipeline SLA target after the March outage", "2027-05-05");
    }
    Path plan = dir.resolve("plan");
    Path out = tmp.resolve("out");

    Cli validate =
        Cli.run("validate", plan.toString(), "--format", "json", "--as-of", "2027-05-14");
    Cli report =
        Cli.run(
            "report",
            plan.toString(),
            "--out",
            out.toString(),
            "--as-of",
            "2027-05-14",
            "--no-pdf");

    List<JsonNode> mismatch = findings(json(validate), "criterion-description-mismatch");
    assertThat(mismatch).hasSize(1);
    assertThat(mismatch.get(0).get("message").asString())
        .contains("gc-p2-pipeline-sla")
        .contains("states 99 but its target is > 93.7");
    assertThat(report.code()).as(report.err()).isZero();
    String qbr = Files.readString(out.resolve("qbr-2027-Q2.md"), StandardCharsets.UTF_8);
    assertThat(qbr)
        .contains(
            "Data-pipeline SLA above 99 % (out of date: the gate is judged on the target, > 93.7")
        .contains(
            "| Gate criterion | Data-pipeline SLA above 99 % | target changed from > 99 to > 93.7 |");
    Cli diff = Cli.run("diff", "HEAD~1", "--dir", plan.toString(), "--as-of", "2027-05-14");
    assertThat(diff.out()).contains("criterion gc-p2-pipeline-sla: > 99 → > 93.7");
  }
}
