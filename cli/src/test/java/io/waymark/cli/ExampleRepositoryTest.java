package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The second example, {@code examples/ashdown-health}: {@code examples/build.sh} turns it into a
 * Git repository with its dated history (an initial assessment and roadmap, a milestone re-planned
 * twice, a month-6 re-assessment that re-ranks the constraints, a phase gate passed with evidence),
 * and Waymark finds exactly one thing in it: the milestone that keeps slipping. The repository is
 * built once for the class.
 */
class ExampleRepositoryTest {

  private static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  @TempDir static Path tmp;
  private static Path repo;

  @BeforeAll
  static void buildTheRepository() throws IOException, InterruptedException {
    repo = tmp.resolve("ashdown-health");
    Process p = build("ashdown-health", repo);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isZero();
    assertThat(output).contains("9 commits, 2027-02-24 to 2027-10-15");
  }

  private static Process build(String example, Path out) throws IOException {
    return new ProcessBuilder(
            "bash", EXAMPLES.resolve("build.sh").toString(), example, out.toString())
        .redirectErrorStream(true)
        .start();
  }

  private static List<String> git(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out.lines().toList();
  }

  @Test
  void shouldBuildTheDatedHistoryTheExampleTells() throws IOException, InterruptedException {
    List<String> log = git("log", "--reverse", "--format=%ad|%cd|%s", "--date=short");

    assertThat(log).hasSize(9);
    assertThat(log.get(0))
        .isEqualTo(
            "2027-02-24|2027-02-24|Initial readiness assessment and roadmap, approved by the"
                + " review board");
    assertThat(log).anyMatch(l -> l.startsWith("2027-08-20|2027-08-20|Month-6 re-assessment"));
    assertThat(log).anyMatch(l -> l.startsWith("2027-08-27|2027-08-27|Phase-1 gate passed"));
    assertThat(
            git(
                "log",
                "--format=%ad",
                "--date=short",
                "--diff-filter=A",
                "--",
                "assessment/2027-08-assessment.yaml"))
        .containsExactly("2027-08-20");
    assertThat(git("status", "--porcelain")).isEmpty();
  }

  @Test
  void shouldFindOnlyTheMilestoneThatSlippedTwice() throws IOException {
    Cli cli = Cli.run("validate", repo.toString(), "--format", "json");

    assertThat(cli.code()).as(cli.err()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(cli.out());
    assertThat(json.get("asOf").asString()).isEqualTo("2027-10-15");
    TreeSet<String> rules = new TreeSet<>();
    List<String> messages = new ArrayList<>();
    for (JsonNode f : json.get("findings")) {
      rules.add(f.get("rule").asString());
      messages.add(f.get("message").asString());
    }
    assertThat(rules).containsExactly("milestone-slipping");
    assertThat(messages)
        .singleElement()
        .asString()
        .contains("'ms-research-environment-live' slipped 2 times")
        .contains("2027-10-29 → 2027-11-26")
        .contains("2027-11-26 → 2027-12-17");
  }

  @Test
  void shouldShowTheRePlansTheReassessmentAndTheGateInTheHistory() {
    Cli cli = Cli.run("history", repo.toString());

    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("8 commits changed the roadmap")
        .containsPattern("ms-research-environment-live +2027-10-29 → 2027-12-17 +2 re-plans")
        .containsPattern("ms-epr-lab-pipelines +2027-06-11 → 2027-06-25 +1 re-plan ")
        .contains("pending → passed in")
        .contains("churn: the plan changed outside the update windows in 0 of the last 6 months");
  }

  @Test
  void shouldRunTheCiJobOnTheBuiltRepository() throws IOException {
    Path out = tmp.resolve("ci-out");

    Cli cli = Cli.run("ci", repo.toString(), "--out", out.toString());

    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(out.resolve("waymark.sarif")).isRegularFile();
    assertThat(out.resolve("report/dashboard.html")).isRegularFile();
    assertThat(Files.readString(out.resolve("waymark.txt"), StandardCharsets.UTF_8))
        .contains("milestone-slipping")
        .contains("0 errors, 1 warning, 0 infos");
  }

  @Test
  void shouldRefuseToBuildIntoAFolderThatHoldsFiles() throws IOException, InterruptedException {
    Path full = Files.createDirectories(tmp.resolve("full"));
    Files.writeString(full.resolve("keep.txt"), "mine");

    Process p = build("ashdown-health", full);
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor()).isEqualTo(2);
    assertThat(output).contains("exists and is not empty");
    assertThat(Files.readString(full.resolve("keep.txt"))).isEqualTo("mine");
  }
}
