package io.waymark.cli;

import static io.waymark.cli.PlanRepository.shortId;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Tag(LocaleSensitive.TAG)
class HistoryCommandTest {

  @TempDir static Path tmp;

  static PlanRepository repo;

  @BeforeAll
  static void createRepository() {
    repo = PlanRepository.create(tmp.resolve("repo"));
  }

  @Test
  void shouldTellTheRoadmapsStory() {
    Cli cli = Cli.run("history", repo.plan().toString());

    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("(as of 2027-05-14): 5 commits changed the roadmap")
        .contains("ms-priority-etl-wave-1          2027-05-28 → 2027-06-18  2 re-plans  +21 days")
        .contains("      2027-05-28 → 2027-06-04 in " + shortId(repo.replan()) + " (2027-02-10)")
        .contains(
            "Plan changes (update windows: 2027-01-04 to 2027-02-03, 2027-07-04 to 2027-08-03,"
                + " 2028-01-04 to 2028-02-03)")
        .contains("  2027-04-20 " + shortId(repo.merge()) + "  (outside the update windows)")
        .contains(
            "churn: the plan changed outside the update windows in 3 of the last 6 months"
                + " (2027-02, 2027-03, 2027-04): more than 2, roadmap-churn")
        .contains(
            "gate-assess-stabilise (phase-assess-stabilise): passed since " + shortId(repo.draft()))
        .contains("cost-per-inference (EUR, metrics/executive-dashboard.yaml)")
        .contains("      " + shortId(repo.merge()) + " (2027-04-20): +2027-04-30 4.21")
        .contains(
            "commit " + shortId(repo.broken()) + " ai-roadmap.yaml: skipped, unreadable YAML");
  }

  @Test
  void shouldWriteTheSameStoryInMarkdown() {
    Cli cli = Cli.run("history", repo.plan().toString(), "--format", "markdown");

    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(cli.out())
        .startsWith("### Waymark history: ")
        .contains("As of 2027-05-14: 5 commits changed the roadmap.\n")
        .contains(
            "\n#### Milestones\n\n| Milestone | First planned | Now | Re-plans | Total slip |\n")
        .contains("| ms-priority-etl-wave-1 | 2027-05-28 | 2027-06-18 | 2 | +21 days |\n")
        .contains(
            "- ms-priority-etl-wave-1\n  - 2027-05-28 → 2027-06-04 in "
                + shortId(repo.replan())
                + " (2027-02-10)")
        .contains(
            "\n#### Plan changes (update windows: 2027-01-04 to 2027-02-03, 2027-07-04 to"
                + " 2027-08-03, 2028-01-04 to 2028-02-03)\n")
        .contains("- 2027-04-20 " + shortId(repo.merge()) + "  (outside the update windows)\n")
        .contains(
            "- churn: the plan changed outside the update windows in 3 of the last 6 months"
                + " (2027-02, 2027-03, 2027-04): more than 2, roadmap-churn\n")
        .contains(
            "\n#### Gates\n\n- gate-assess-stabilise (phase-assess-stabilise): passed since "
                + shortId(repo.draft()))
        .contains("- cost-per-inference (EUR, metrics/executive-dashboard.yaml)\n")
        .contains("  - " + shortId(repo.merge()) + " (2027-04-20): +2027-04-30 4.21")
        .contains(
            "- commit " + shortId(repo.broken()) + " ai-roadmap.yaml: skipped, unreadable YAML");
  }

  @Test
  void shouldWriteTheStoryAsJson() {
    Cli cli = Cli.run("history", repo.plan().toString(), "--format", "json");

    assertThat(cli.code()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(cli.out());
    assertThat(json.get("commits").asInt()).isEqualTo(5);
    assertThat(json.get("limitation").isNull()).isTrue();
    JsonNode wave = null;
    for (JsonNode m : json.get("milestones")) {
      if (m.get("id").asString().equals("ms-priority-etl-wave-1")) {
        wave = m;
      }
    }
    assertThat(wave).isNotNull();
    assertThat(wave.get("originalDue").asString()).isEqualTo("2027-05-28");
    assertThat(wave.get("currentDue").asString()).isEqualTo("2027-06-18");
    assertThat(wave.get("replans").asInt()).isEqualTo(2);
    assertThat(wave.get("totalSlipDays").asInt()).isEqualTo(21);
    assertThat(wave.get("moves").get(1).get("commit").asString()).isEqualTo(repo.again().name());
    assertThat(json.get("churn").get("churning").asBoolean()).isTrue();
    assertThat(json.get("churn").get("months")).hasSize(3);
    assertThat(json.get("churn").get("changes").get(2).get("merge").asBoolean()).isTrue();
    assertThat(json.get("metrics").get(0).get("recordings")).hasSize(2);
    assertThat(json.get("notes").get(0).asString()).contains("unreadable YAML");
  }

  @Test
  @SuppressWarnings("try") // the clone is only made and closed; the test reads its folder
  void shouldTellAShallowHistoryForWhatItIs() throws Exception {
    Path clone = tmp.resolve("shallow");
    try (Git git =
        Git.cloneRepository()
            .setURI(repo.dir().toUri().toString())
            .setDirectory(clone.toFile())
            .setDepth(1)
            .call()) {
      // depth 1: only the last commit
    }

    Cli cli = Cli.run("history", clone.resolve("plan").toString());

    assertThat(cli.code()).isZero();
    assertThat(cli.out())
        .contains("1 commit changed the roadmap")
        .contains("note: shallow clone: history before commit")
        .contains(shortId(repo.again()) + " (2027-05-02)");
  }

  @Test
  void shouldSayWhenThereIsNoGitHistory() {
    Path copy = tmp.resolve("copy");
    HistoryRulesCliTest.copyExample(copy);

    Cli cli = Cli.run("history", copy.toString(), "--format", "json");

    assertThat(cli.code()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(cli.out());
    assertThat(json.get("limitation").asString()).isEqualTo("not a Git repository");
    assertThat(json.get("commits").asInt()).isZero();
  }
}
