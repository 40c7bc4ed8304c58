package io.waymark.cli;

import static io.waymark.cli.HistoryRulesCliTest.findings;
import static io.waymark.cli.HistoryRulesCliTest.json;
import static io.waymark.cli.PullRequestGitTest.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Incomplete Git history never reads as "nothing changed" (issue 16), and missing Git data is a
 * limitation, never an internal error (issue 20): full, --depth 1, --depth 3, grafted, partial and
 * damaged clones of the same repository ({@link PlanRepository}).
 */
class HistoryCoverageGitTest {

  @TempDir Path tmp;

  private PlanRepository repo;

  @BeforeEach
  void repository() {
    repo = PlanRepository.create(tmp.resolve("repo"));
  }

  private Path clone(String name, String... options) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("clone", "-q", "--no-local"));
    args.addAll(List.of(options));
    args.add(repo.dir().toUri().toString());
    args.add(name);
    git(tmp, args.toArray(String[]::new));
    return tmp.resolve(name).resolve("plan");
  }

  private String report(Path plan, String name) throws Exception {
    Path out = tmp.resolve("out-" + name);
    Cli cli =
        Cli.run(
            "report",
            plan.toString(),
            "--out",
            out.toString(),
            "--as-of",
            "2027-05-14",
            "--no-pdf");
    assertThat(cli.code()).as(cli.err()).isZero();
    return Files.readString(out.resolve("qbr-2027-Q2.md"), StandardCharsets.UTF_8);
  }

  @Test
  void shouldListTheChangesOnAFullClone() throws Exception {
    Path plan = clone("full");

    String qbr = report(plan, "full");
    Cli validate =
        Cli.run("validate", plan.toString(), "--format", "json", "--as-of", "2027-05-14");

    assertThat(qbr)
        .contains("ms-priority-etl-wave-1")
        .doesNotContain("cannot be shown")
        .doesNotContain("No changes to phases");
    JsonNode json = json(validate);
    assertThat(findings(json, "history-shallow")).isEmpty();
    assertThat(json.get("historyCoverage").get("milestone-slipping").get("extent").asString())
        .isEqualTo("full");
    assertThat(findings(json, "milestone-slipping")).hasSize(1);
  }

  @Test
  void shouldNeverClaimNoChangesOnAShallowClone() throws Exception {
    for (String depth : List.of("1", "3")) {
      Path plan = clone("depth" + depth, "--depth", depth);

      String qbr = report(plan, "depth" + depth);
      Cli validate =
          Cli.run("validate", plan.toString(), "--format", "json", "--as-of", "2027-05-14");
      Cli history = Cli.run("history", plan.toString(), "--as-of", "2027-05-14");
      Cli historyJson =
          Cli.run("history", plan.toString(), "--as-of", "2027-05-14", "--format", "json");
      Cli ci =
          Cli.run(
              "ci",
              plan.toString(),
              "--out",
              tmp.resolve("ci" + depth).toString(),
              "--as-of",
              "2027-05-14",
              "--no-pdf");

      assertThat(qbr)
          .as("depth " + depth)
          .doesNotContain("No changes to phases")
          .contains("The roadmap's Git history is incomplete: the history is shallow before")
          .contains("cannot be shown");
      JsonNode json = json(validate);
      List<JsonNode> shallow = findings(json, "history-shallow");
      assertThat(shallow).as("depth " + depth).hasSize(1);
      assertThat(shallow.get(0).get("message").asString())
          .contains("shallow clone: history before commit")
          .contains("it cannot tell")
          .contains("for roadmap-churn");
      assertThat(json.get("historyCoverage").get("roadmap-churn").get("extent").asString())
          .isEqualTo("partial");
      assertThat(history.out()).contains("note: the history is shallow before");
      assertThat(json(historyJson).get("coverage").get("planChanges").get("extent").asString())
          .isEqualTo("partial");
      assertThat(ci.code()).as(ci.err()).isZero();
      assertThat(ci.err()).contains("waymark: warning: history-derived statements are limited");
      // Metric history: the readings' corrections say where the history ends, in both reports.
      String dashboard =
          Files.readString(
              tmp.resolve("ci" + depth).resolve("report/dashboard.html"), StandardCharsets.UTF_8);
      assertThat(qbr)
          .containsPattern(
              "changes before \\d+ \\w+ 2027 cannot be shown \\(the history is shallow\\)");
      assertThat(dashboard)
          .containsPattern(
              "changes before \\d+ \\w+ 2027 cannot be shown \\(the history is shallow\\)");
    }
  }

  /**
   * Grafts (deprecated in Git) that cut the history: Waymark does not apply them and reads the real
   * parents, which are all there, so the grafted clone tells the same story as the full one.
   */
  @Test
  void shouldReadTheRealHistoryOfAGraftedClone() throws Exception {
    Path full = clone("full");
    Path grafted = clone("grafted");
    Path info = grafted.getParent().resolve(".git/info");
    Files.createDirectories(info);
    Files.writeString(info.resolve("grafts"), repo.again().name() + "\n");

    String fullQbr = report(full, "full2");
    String graftedQbr = report(grafted, "grafted");
    assertThat(graftedQbr)
        .doesNotContain("cannot be shown")
        .doesNotContain("No changes to phases")
        .contains("ms-priority-etl-wave-1");
    assertThat(section(graftedQbr)).isEqualTo(section(fullQbr));
    Cli validate =
        Cli.run("validate", grafted.toString(), "--format", "json", "--as-of", "2027-05-14");
    assertThat(findings(json(validate), "milestone-slipping")).hasSize(1);
  }

  /**
   * The report of a closed quarter is of the last commit of the quarter: in a shallow clone that
   * commit may lie before the boundary, which is not "before the first commit of the repository".
   */
  @Test
  void shouldTellAReportOfAQuarterBeforeTheShallowBoundaryHowToFetchIt() throws Exception {
    Path shallow = clone("quarter-depth1", "--depth", "1");
    Path full = clone("quarter-full");

    Cli fromShallow = closedQuarterReport(shallow, "shallow");
    Cli fromFull = closedQuarterReport(full, "full");

    assertThat(fromShallow.code()).isEqualTo(2);
    assertThat(fromShallow.err())
        .contains("2027-Q1 ended on 2027-03-31, before the oldest commit of this shallow clone")
        .contains("git fetch --unshallow")
        .doesNotContain("before the first commit of the repository");
    assertThat(fromFull.code()).as(fromFull.err()).isZero();
    assertThat(fromFull.out()).contains("commit " + PlanRepository.shortId(repo.rename()));
  }

  private Cli closedQuarterReport(Path plan, String name) {
    return Cli.run(
        "report",
        plan.toString(),
        "--out",
        tmp.resolve("quarter-" + name).toString(),
        "--quarter",
        "2027-Q1",
        "--no-pdf");
  }

  @Test
  void shouldTellADiffWithABaseOutsideTheShallowHistoryHowToFetchIt() throws Exception {
    Path plan = clone("shallow", "--depth", "1");

    Cli diff = Cli.run("diff", repo.replan().name(), "--dir", plan.toString());

    assertThat(diff.code()).isEqualTo(2);
    assertThat(diff.err()).contains("git fetch --unshallow").doesNotContain("Exception");
  }

  @Test
  void shouldSayWhatADiffInsideAShallowHistoryCannotTell() throws Exception {
    Path shallow = clone("diff-depth3", "--depth", "3");
    Path full = clone("diff-full");

    Cli text = Cli.run("diff", "HEAD~1", "--dir", shallow.toString(), "--as-of", "2027-05-14");
    Cli json =
        Cli.run(
            "diff",
            "HEAD~1",
            "--dir",
            shallow.toString(),
            "--as-of",
            "2027-05-14",
            "--format",
            "json");
    Cli fullJson =
        Cli.run(
            "diff",
            "HEAD~1",
            "--dir",
            full.toString(),
            "--as-of",
            "2027-05-14",
            "--format",
            "json");

    assertThat(text.code()).as(text.err()).isIn(0, 1);
    assertThat(text.out()).contains("note: ").contains("cannot be counted");
    JsonNode coverage = json(json).get("historyCoverage");
    assertThat(coverage.get("milestone-slipping").get("extent").asString()).isEqualTo("partial");
    assertThat(coverage.get("milestone-slipping").get("remedy").asString()).contains("fetch");
    assertThat(
            json(fullJson)
                .get("historyCoverage")
                .get("milestone-slipping")
                .get("extent")
                .asString())
        .isEqualTo("full");
  }

  @Test
  void shouldSayAPartialCloneCannotReadOldVersions() throws Exception {
    git(repo.dir(), "config", "uploadpack.allowFilter", "true");
    Path plan = clone("partial", "--filter=blob:none");

    Cli validate =
        Cli.run("validate", plan.toString(), "--format", "json", "--as-of", "2027-05-14");

    assertThat(validate.code()).as(validate.err()).isZero();
    JsonNode json = json(validate);
    List<JsonNode> shallow = findings(json, "history-shallow");
    assertThat(shallow).hasSize(1);
    assertThat(shallow.get(0).get("message").asString()).contains("partial clone");
    assertThat(shallow.get(0).get("hint").asString()).contains("--filter");
    assertThat(findings(json, "rule-failed")).isEmpty();
  }

  /**
   * A partial clone holds the files of the checked-out commit only: an older revision (named, or
   * the plan at the end of the previous quarter that the QBR compares with) is said to be not
   * fetched, with how to fetch it, never an internal error; the reports then tell the adjustments
   * from the history, which says what it cannot tell.
   */
  @Test
  void shouldSayARevisionOfAPartialCloneWasNotFetched() throws Exception {
    Path origin = tmp.resolve("two-commits");
    try (GitWorkTree w = GitWorkTree.init(origin)) {
      w.copyExample("plan").commit("The plan", "2027-03-01");
      w.replace("plan/roadmap.yaml", PlanRepository.DUE, "due: 2027-07-02")
          .commit("Re-plan ETL wave 1", "2027-04-10");
    }
    git(origin, "config", "uploadpack.allowFilter", "true");
    git(tmp, "clone", "-q", "--filter=blob:none", origin.toUri().toString(), "two-partial");
    Path plan = tmp.resolve("two-partial/plan");

    Cli rev = Cli.run("validate", plan.toString(), "--rev", "HEAD~1");
    Cli diff = Cli.run("diff", "HEAD~1", "--dir", plan.toString());
    Cli ci =
        Cli.run(
            "ci",
            plan.toString(),
            "--out",
            tmp.resolve("ci-partial").toString(),
            "--as-of",
            "2027-05-14",
            "--no-pdf");

    for (Cli old : List.of(rev, diff)) {
      assertThat(old.code()).as(old.err()).isEqualTo(2);
      assertThat(old.err())
          .contains("roadmap.yaml")
          .contains("not fetched (partial clone)")
          .contains("--filter")
          .doesNotContain("internal error")
          .doesNotContain("Exception");
    }
    assertThat(ci.code()).as(ci.err()).isIn(0, 1);
    assertThat(ci.err()).doesNotContain("internal error");
    assertThat(tmp.resolve("ci-partial/report/qbr-2027-Q2.md"))
        .content(StandardCharsets.UTF_8)
        .contains("cannot be shown")
        .doesNotContain("No changes to phases");
  }

  @Test
  void shouldReportAMissingOrCorruptObjectAndGoOn() throws Exception {
    // JGit wrote loose objects: remove the blob of the roadmap as the draft had it.
    String blob = blobOf(repo.draft().name() + ":plan/ai-roadmap.yaml");
    Path object =
        repo.dir().resolve(".git/objects/" + blob.substring(0, 2) + "/" + blob.substring(2));
    assertThat(object).isRegularFile();
    byte[] saved = Files.readAllBytes(object);
    Files.delete(object);

    Cli missing = Cli.run("validate", repo.plan().toString(), "--format", "json");
    Cli ci =
        Cli.run("ci", repo.plan().toString(), "--out", tmp.resolve("ci").toString(), "--no-pdf");
    Files.write(object, "not a zlib stream".getBytes(StandardCharsets.UTF_8));
    Cli corrupt = Cli.run("validate", repo.plan().toString(), "--format", "json");
    Files.write(object, saved);

    assertThat(missing.code()).as(missing.err()).isIn(0, 1);
    List<JsonNode> unavailable = findings(json(missing), "history-unavailable");
    assertThat(unavailable).hasSize(1);
    assertThat(unavailable.get(0).get("message").asString())
        .contains("part of the Git history cannot be read")
        .contains("is missing")
        .contains(blob);
    assertThat(findings(json(missing), "rule-failed")).isEmpty();
    assertThat(ci.code()).as(ci.err()).isIn(0, 1);
    assertThat(ci.err()).doesNotContain("internal error");
    assertThat(tmp.resolve("ci/report/qbr-2027-Q2.md")).isRegularFile();
    assertThat(findings(json(corrupt), "history-unavailable"))
        .singleElement()
        .satisfies(f -> assertThat(f.get("message").asString()).contains("cannot be read"));
  }

  /** The QBR's "Roadmap adjustments" section. */
  private static String section(String qbr) {
    int start = qbr.indexOf("## 5. Roadmap adjustments");
    assertThat(start).isNotNegative();
    int end = qbr.indexOf("\n## ", start);
    return qbr.substring(start, end < 0 ? qbr.length() : end);
  }

  private String blobOf(String spec) throws Exception {
    Process p = new ProcessBuilder("git", "rev-parse", spec).directory(repo.dir().toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertThat(p.waitFor()).isZero();
    return out;
  }
}
