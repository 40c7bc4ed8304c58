package io.waymark.cli;

import static io.waymark.cli.HistoryRulesCliTest.findings;
import static io.waymark.cli.HistoryRulesCliTest.json;
import static io.waymark.cli.PlanRepository.shortId;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * actuals-stale on a real repository: an initiative added to a phase that has run for months
 * (phase-build-foundations, from 2027-04-04) is given 45 days from the commit that added it, not
 * from the phase's start; a shallow clone that cannot show the addition, and a folder outside Git,
 * count from the phase's start as before and say why in the hint.
 */
class ActualsStaleGitTest {

  private static final String ROADMAP = "plan/roadmap.yaml";
  private static final String MLOPS = "        - id: i-mlops-upskilling\n";
  private static final String DRAFT = "        - id: i-mlops-draft\n";

  @TempDir static Path tmp;

  static Path repo;
  static RevCommit added;

  @BeforeAll
  static void createRepository() {
    repo = tmp.resolve("repo");
    try (GitWorkTree git = GitWorkTree.init(repo)) {
      git.copyExample("plan");
      // i-mlops-upskilling without actuals, under another id in the first commit.
      git.replace(
          ROADMAP,
          "          businessCase: bc-mlops-skills\n          actuals:\n"
              + "            - {date: 2027-04-30, amount: 22000, source: finance-export-2027-04}\n",
          "          businessCase: bc-mlops-skills\n");
      git.replace(ROADMAP, MLOPS, DRAFT);
      git.commit("Roadmap without the MLOps programme", "2027-01-05");
      git.replace(ROADMAP, DRAFT, MLOPS);
      added = git.commit("Add the MLOps programme to the running phase", "2027-04-20");
    }
  }

  private static List<JsonNode> stale(Path dir, String asOf) {
    Cli cli =
        Cli.run("validate", dir.toString(), "--as-of", asOf, "--format", "json", "--no-cache");
    assertThat(cli.code()).as(cli.err()).isZero();
    JsonNode json = json(cli);
    assertThat(findings(json, "rule-failed")).isEmpty();
    return findings(json, "actuals-stale");
  }

  @Test
  void shouldCountTheDaysFromTheCommitThatAddedTheInitiative() {
    assertThat(stale(repo.resolve("plan"), "2027-06-04")).isEmpty();

    List<JsonNode> stale = stale(repo.resolve("plan"), "2027-06-05");
    assertThat(stale).hasSize(1);
    assertThat(stale.get(0).get("path").asString()).isEqualTo("/spec/phases/1/initiatives/1");
    assertThat(stale.get(0).get("message").asString())
        .isEqualTo(
            "initiative 'i-mlops-upskilling' is in progress (phase 'phase-build-foundations')"
                + " but it records no actual spend in the 46 days from its addition to the"
                + " roadmap in commit "
                + shortId(added)
                + " on 2027-04-20 to 2027-06-05 (more than 45 days)");
  }

  @Test
  @SuppressWarnings("try") // the clone is only made and closed; the test reads its folder
  void shouldCountFromThePhasesStartInAShallowCloneThatCannotShowTheAddition() throws Exception {
    Path clone = tmp.resolve("shallow");
    try (Git git =
        Git.cloneRepository()
            .setURI(repo.toUri().toString())
            .setDirectory(clone.toFile())
            .setDepth(1)
            .call()) {
      assertThat(clone.resolve(".git/shallow")).isRegularFile();
    }

    assertThat(stale(clone.resolve("plan"), "2027-05-19")).isEmpty();
    List<JsonNode> stale = stale(clone.resolve("plan"), "2027-05-20");
    assertThat(stale).hasSize(1);
    assertThat(stale.get(0).get("message").asString())
        .endsWith("46 days from the phase's start on 2027-04-04 to 2027-05-20 (more than 45 days)");
    assertThat(stale.get(0).get("hint").asString())
        .contains("When it joined the roadmap is unknown (the history before 2027-04-20 is not")
        .contains("so the days are counted from the phase's start");
  }

  @Test
  void shouldCountFromThePhasesStartOutsideGitAndSaySo() throws Exception {
    Path copy = tmp.resolve("no-git");
    HistoryRulesCliTest.copyExample(copy);
    Files.copy(repo.resolve(ROADMAP), copy.resolve("roadmap.yaml"), REPLACE_EXISTING);

    List<JsonNode> stale = stale(copy, "2027-05-20");
    assertThat(stale).hasSize(1);
    assertThat(stale.get(0).get("message").asString())
        .endsWith("46 days from the phase's start on 2027-04-04 to 2027-05-20 (more than 45 days)");
    assertThat(stale.get(0).get("hint").asString())
        .isEqualTo(
            "Add the latest figure from the finance export to its 'actuals'. When it joined the"
                + " roadmap is unknown (not a Git repository), so the days are counted from the"
                + " phase's start; an initiative added later is given 45 days from the first"
                + " commit that holds it.");
  }
}
