package io.waymark.cli;

import static io.waymark.cli.PlanRepository.shortId;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The history rules on a real repository: renames, merges, empty commits, broken old YAML. */
class HistoryRulesCliTest {

  @TempDir static Path tmp;

  static PlanRepository repo;

  @BeforeAll
  static void createRepository() {
    repo = PlanRepository.create(tmp.resolve("repo"));
  }

  static JsonNode json(Cli cli) {
    return JsonMapper.builder().build().readTree(cli.out());
  }

  static List<JsonNode> findings(JsonNode json, String rule) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode f : json.get("findings")) {
      if (f.get("rule").asString().equals(rule)) {
        out.add(f);
      }
    }
    return out;
  }

  @Test
  void shouldReportTheMilestoneThatSlippedTwiceWithEachCommitAndDate() {
    Cli cli = Cli.run("validate", repo.plan().toString(), "--format", "json");

    assertThat(cli.code()).as(cli.err()).isZero();
    JsonNode json = json(cli);
    assertThat(findings(json, "rule-failed")).isEmpty();
    List<JsonNode> slipping = findings(json, "milestone-slipping");
    assertThat(slipping).hasSize(1);
    assertThat(slipping.get(0).get("file").asString()).isEqualTo("roadmap.yaml");
    assertThat(slipping.get(0).get("path").asString()).isEqualTo("/spec/phases/1/milestones/2/due");
    assertThat(slipping.get(0).get("message").asString())
        .isEqualTo(
            "milestone 'ms-priority-etl-wave-1' slipped 2 times: 2027-05-28 → 2027-06-04 in "
                + shortId(repo.replan())
                + " (2027-02-10), 2027-06-04 → 2027-06-18 in "
                + shortId(repo.again())
                + " (2027-05-02) (21 days later than first planned)");
  }

  @Test
  void shouldReportChurnInThreeMonthsCountingTheMergeOnce() {
    Cli cli = Cli.run("validate", repo.plan().toString(), "--format", "json");

    List<JsonNode> churn = findings(json(cli), "roadmap-churn");
    assertThat(churn).hasSize(1);
    assertThat(churn.get(0).get("path").asString()).isEqualTo("/spec/phases");
    assertThat(churn.get(0).get("message").asString())
        .contains("changed in 3 of the last 6 months")
        .contains(
            "2027-02 (" + shortId(repo.replan()) + " 2027-02-10: phase phase-build-foundations")
        .contains("2027-03 (" + shortId(repo.rename()) + " 2027-03-15: gate gate-build-foundations")
        .contains(
            "2027-04 ("
                + shortId(repo.merge())
                + " 2027-04-20: phase phase-scale-optimise months [11, 18] → [10, 18])")
        .doesNotContain(shortId(repo.branch()))
        .doesNotContain(shortId(repo.empty()));
  }

  @Test
  void shouldFailOnTheHistoryWarningsOnlyWhenAsked() {
    Cli cli = Cli.run("validate", repo.plan().toString(), "--fail-on", "warning", "--no-color");

    assertThat(cli.code()).isEqualTo(1);
    String prefix = repo.plan().toString().replace('\\', '/') + "/";
    assertThat(cli.out())
        .contains(prefix + "roadmap.yaml:")
        .contains("warning  [milestone-slipping]")
        .contains("warning  [roadmap-churn]")
        .doesNotContain("history-shallow")
        .doesNotContain("history-unavailable");
  }

  @Test
  void shouldJudgeADetachedHeadUpToThatCommit() throws Exception {
    Path clone = tmp.resolve("detached");
    try (Git git =
        Git.cloneRepository()
            .setURI(repo.dir().toUri().toString())
            .setDirectory(clone.toFile())
            .call()) {
      git.checkout().setName(repo.merge().name()).call();
    }

    Cli cli = Cli.run("validate", clone.resolve("plan").toString(), "--format", "json");

    assertThat(cli.code()).as(cli.err()).isZero();
    JsonNode json = json(cli);
    assertThat(findings(json, "milestone-slipping")).isEmpty();
    assertThat(findings(json, "rule-failed")).isEmpty();
    assertThat(findings(json, "roadmap-churn")).hasSize(1);
    // A detached HEAD on a complete clone is not a limitation.
    assertThat(findings(json, "history-shallow")).isEmpty();
  }

  @Test
  @SuppressWarnings("try") // the clone is only made and closed; the test reads its folder
  void shouldSayOnceThatAShallowCloneLimitsTheHistoryAndNeverFail() throws Exception {
    Path clone = tmp.resolve("shallow");
    try (Git git =
        Git.cloneRepository()
            .setURI(repo.dir().toUri().toString())
            .setDirectory(clone.toFile())
            .setDepth(2)
            .call()) {
      assertThat(clone.resolve(".git/shallow")).isRegularFile();
    }

    Cli cli = Cli.run("validate", clone.resolve("plan").toString(), "--format", "json");

    assertThat(cli.code()).as(cli.err()).isZero();
    JsonNode json = json(cli);
    List<JsonNode> shallow = findings(json, "history-shallow");
    assertThat(shallow).hasSize(1);
    assertThat(shallow.get(0).get("severity").asString()).isEqualTo("info");
    assertThat(shallow.get(0).get("file").asString()).isEqualTo("roadmap.yaml");
    assertThat(shallow.get(0).get("line").asInt()).isEqualTo(1);
    assertThat(shallow.get(0).get("message").asString()).contains("shallow clone");
    assertThat(shallow.get(0).get("hint").asString()).contains("git fetch --unshallow");
    assertThat(findings(json, "milestone-slipping")).isEmpty();
    assertThat(findings(json, "rule-failed")).isEmpty();
  }

  @Test
  void shouldSkipTheHistoryRulesWithOneInfoOutsideGit() {
    Path copy = tmp.resolve("no-git");
    copyExample(copy);

    Cli cli = Cli.run("validate", copy.toString(), "--format", "json");

    assertThat(cli.code()).isZero();
    JsonNode json = json(cli);
    List<JsonNode> unavailable = findings(json, "history-unavailable");
    assertThat(unavailable).hasSize(1);
    assertThat(unavailable.get(0).get("message").asString())
        .isEqualTo(
            "no Git history (not a Git repository): milestone-slipping and roadmap-churn were"
                + " skipped, and actuals-stale counted the initiatives' days without the day each"
                + " joined the roadmap");
    assertThat(json.get("summary").get("infos").asInt()).isEqualTo(1);
    assertThat(json.get("summary").get("errors").asInt()).isZero();
  }

  @Test
  void shouldValidateARepositoryWithoutCommitsAndSaySo() {
    Path fresh = tmp.resolve("fresh");
    try (GitWorkTree git = GitWorkTree.init(fresh)) {
      git.copyExample("plan");
    }

    Cli cli = Cli.run("validate", fresh.resolve("plan").toString(), "--format", "json");

    assertThat(cli.code()).as(cli.err()).isZero();
    List<JsonNode> unavailable = findings(json(cli), "history-unavailable");
    assertThat(unavailable).hasSize(1);
    assertThat(unavailable.get(0).get("message").asString()).contains("no commits yet");
  }

  static void copyExample(Path target) {
    try {
      // Without the example's cache: another test class may be writing it right now.
      CacheCliTest.copy(GitWorkTree.EXAMPLE, target);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
