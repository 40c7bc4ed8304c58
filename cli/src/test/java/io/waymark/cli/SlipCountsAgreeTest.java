package io.waymark.cli;

import static io.waymark.cli.HistoryRulesCliTest.findings;
import static io.waymark.cli.HistoryRulesCliTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * One answer to "how often did this milestone slip?" (issue 17): the {@code milestone-slipping}
 * rule, the quarterly review and {@code waymark history} read the same engine analysis, so they
 * give the same count on a history with merges, a renamed roadmap file and an uncommitted re-plan.
 */
class SlipCountsAgreeTest {

  private static final String WAVE = "ms-priority-etl-wave-1";
  private static final String ROADMAP = "plan/roadmap.yaml";

  @TempDir Path tmp;

  /** The three answers for the wave-1 milestone. */
  private record Counts(int rule, int review, int history) {}

  private Counts counts(Path plan) throws Exception {
    Cli validate =
        Cli.run("validate", plan.toString(), "--format", "json", "--as-of", "2027-05-14");
    assertThat(validate.code()).as(validate.err()).isZero();
    List<JsonNode> slipping = findings(json(validate), "milestone-slipping");
    int rule = 0;
    for (JsonNode f : slipping) {
      Matcher m =
          Pattern.compile("milestone '" + WAVE + "' slipped (\\d+) times")
              .matcher(f.get("message").asString());
      if (m.find()) {
        rule = Integer.parseInt(m.group(1));
      }
    }

    Path out = tmp.resolve("out-" + plan.getParent().getFileName());
    Cli report =
        Cli.run(
            "report",
            plan.toString(),
            "--out",
            out.toString(),
            "--as-of",
            "2027-05-14",
            "--no-pdf");
    assertThat(report.code()).as(report.err()).isZero();
    String qbr = Files.readString(out.resolve("qbr-2027-Q2.md"), StandardCharsets.UTF_8);
    Matcher moved = Pattern.compile("Due date moved later (\\d+) times").matcher(qbr);
    int review = moved.find() ? Integer.parseInt(moved.group(1)) : 0;

    Cli history = Cli.run("history", plan.toString(), "--as-of", "2027-05-14", "--format", "json");
    assertThat(history.code()).as(history.err()).isZero();
    int fromHistory = 0;
    for (JsonNode m : json(history).get("milestones")) {
      if (m.get("id").asString().equals(WAVE)) {
        fromHistory = m.get("slips").asInt();
      }
    }
    return new Counts(rule, review, fromHistory);
  }

  @Test
  void shouldCountTheSameSlipsOnARenamedFileWithAMergeAndAnUncommittedReplan() throws Exception {
    PlanRepository repo = PlanRepository.create(tmp.resolve("renamed"));
    // Two committed slips (one before the rename), then a third one not committed yet.
    try (GitWorkTree tree = GitWorkTree.open(repo.dir())) {
      tree.replace(ROADMAP, PlanRepository.DUE, "due: 2027-06-25");
    }

    assertThat(counts(repo.plan())).isEqualTo(new Counts(3, 3, 3));
  }

  @Test
  void shouldCountAMergedBranchOnceAtItsMerge() throws Exception {
    Path dir = tmp.resolve("merges");
    try (GitWorkTree repo = GitWorkTree.init(dir)) {
      repo.copyExample("plan").replace(ROADMAP, PlanRepository.DUE, "due: 2027-05-28");
      repo.commit("Draft the roadmap", "2026-12-15");
      // A branch re-plans wave 1 twice while main renames a phase; merged with a merge commit.
      repo.branch("replan");
      repo.replace(ROADMAP, "due: 2027-05-28", "due: 2027-06-01");
      repo.commit("Wave 1 a few days later", "2027-02-01");
      repo.replace(ROADMAP, "due: 2027-06-01", "due: 2027-06-08");
      repo.commit("Wave 1 another week later", "2027-02-05");
      repo.checkout("main");
      repo.replace(ROADMAP, PlanRepository.NAME, "name: Foundations First");
      repo.commit("Rename phase 2", "2027-02-03");
      repo.merge("replan", "2027-02-10");
      // A second branch brings the date back a few days: a move, not a slip.
      repo.branch("earlier");
      repo.replace(ROADMAP, "due: 2027-06-08", "due: 2027-06-04");
      repo.commit("Wave 1 a few days earlier", "2027-03-01");
      repo.checkout("main");
      repo.merge("earlier", "2027-03-05");
      repo.replace(ROADMAP, "due: 2027-06-04", PlanRepository.DUE);
      repo.commit("Wave 1 slips again", "2027-04-01");
    }

    // First-parent line: 05-28, (rename), merge 06-08, merge 06-04, 06-18: two slips, not three.
    assertThat(counts(dir.resolve("plan"))).isEqualTo(new Counts(2, 2, 2));
  }
}
