package io.waymark.cli;

import static io.waymark.cli.PlanRepository.shortId;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DiffCommandTest {

  @TempDir Path tmp;

  private PlanRepository repo;

  @BeforeEach
  void pullRequest() {
    repo = PlanRepository.create(tmp.resolve("repo"));
    GitWorkTreeFiles files = new GitWorkTreeFiles(repo.plan());
    files.replace("roadmap.yaml", "due: 2027-06-18", "due: 2027-07-02");
    files.replace(
        "roadmap.yaml",
        "id: gate-build-foundations\n        status: pending\n",
        "id: gate-build-foundations\n        status: passed\n        decidedOn: 2027-05-12\n");
    files.replace("roadmap.yaml", "total: 1800000", "total: 1900000");
    files.replace(
        "business-cases/knowledge-layer.yaml",
        "    - category: compute\n      annual: 30000\n",
        "    - category: compute\n      annual: 45000\n");
    files.replace(
        "vendors/data-pipeline-platform.yaml",
        "economics: {tco: 4, pricePredictability: 4, scalingEconomics: 4}",
        "economics: {tco: 2, pricePredictability: 2, scalingEconomics: 2}");
  }

  /**
   * As for validate: "diff main --output roadmap.yaml" or "history --output roadmap.yaml" replaced
   * the roadmap with the summary, exit 0. A YAML file of the roadmap folder is never an output.
   */
  @ParameterizedTest
  @ValueSource(strings = {"diff", "history"})
  void shouldRefuseToWriteOverAFileOfTheRoadmap(String command) throws java.io.IOException {
    Path roadmap = repo.plan().resolve("roadmap.yaml");
    byte[] before = Files.readAllBytes(roadmap);

    Cli cli =
        command.equals("diff")
            ? Cli.run(
                "diff", "main", "--dir", repo.plan().toString(), "--output", roadmap.toString())
            : Cli.run("history", repo.plan().toString(), "--output", roadmap.toString());

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err()).contains("--output").contains("would replace it");
    assertThat(Files.readAllBytes(roadmap)).isEqualTo(before);
  }

  @Test
  void shouldSummariseWhatTheChangeDoesToThePlan() {
    Cli cli = Cli.run("diff", "main", "--dir", repo.plan().toString());

    assertThat(cli.code()).as(cli.err()).isEqualTo(1);
    String plan = repo.plan().toString().replace('\\', '/');
    assertThat(cli.out())
        .startsWith(
            "waymark diff: main ("
                + shortId(repo.again())
                + ", 2027-05-02) → the working tree (as of 2027-05-14)\n")
        .contains(
            "\nMilestones\n  ms-priority-etl-wave-1: due 2027-06-18 → 2027-07-02 (14 days later)\n")
        .contains(
            "\nGates\n  gate-build-foundations (phase-build-foundations): pending → passed,"
                + " decidedOn (none) → 2027-05-12\n")
        .contains(
            "\nBudgets\n  roadmap budget: total 1,800,000.00 → 1,900,000.00 EUR; contingency"
                + " 270,000.00 EUR (unchanged)\n")
        .contains(
            "  bc-knowledge-layer: approved; costs: compute annual 30,000.00 → 45,000.00 EUR;"
                + " computed NPV ")
        .contains(
            "  v-streamforge (eval-data-pipeline-platform): band go → diligence (score 84.67% →")
        .contains("\nNew findings (")
        .contains(plan + "/roadmap.yaml:")
        .contains("[gate-transition]")
        .contains("[approved-case-edited]")
        .contains("[vendor-decision-mismatch]")
        .contains("\nChanged findings (1)\n")
        .contains("slipped 3 times")
        .contains("      was: milestone 'ms-priority-etl-wave-1' slipped 2 times")
        .contains(
            "1 milestone moved, 1 gate changed, 1 budget changed, 1 business case changed,"
                + " 1 vendor changed; ");
  }

  @Test
  void shouldWriteTheSameInJson() throws Exception {
    Path out = tmp.resolve("out/diff.json");

    Cli cli =
        Cli.run(
            "diff",
            "main",
            "--dir",
            repo.plan().toString(),
            "--format",
            "json",
            "--output",
            out.toString());

    assertThat(cli.code()).isEqualTo(1);
    assertThat(cli.out()).contains("(written to " + out + ")");
    JsonNode json = JsonMapper.builder().build().readTree(Files.readString(out));
    assertThat(json.get("base").get("revision").asString()).isEqualTo("main");
    assertThat(json.get("base").get("commit").asString()).isEqualTo(repo.again().name());
    assertThat(json.get("head").get("workTree").asBoolean()).isTrue();
    assertThat(json.get("asOf").asString()).isEqualTo("2027-05-14");
    JsonNode moved = json.get("milestones").get("moved").get(0);
    assertThat(moved.get("id").asString()).isEqualTo("ms-priority-etl-wave-1");
    assertThat(moved.get("days").asInt()).isEqualTo(14);
    assertThat(json.get("gates").get(0).get("after").get("status").asString()).isEqualTo("passed");
    assertThat(json.get("budget").get("total").get("after").decimalValue())
        .isEqualByComparingTo("1900000");
    JsonNode bc = json.get("businessCases").get(0);
    assertThat(bc.get("npvBefore").decimalValue()).isGreaterThan(bc.get("npvAfter").decimalValue());
    assertThat(bc.get("changes").get(0).get("text").asString())
        .isEqualTo("compute annual 30,000.00 → 45,000.00 EUR");
    assertThat(json.get("vendors").get(0).get("bandAfter").asString()).isEqualTo("diligence");
    assertThat(json.get("summary").get("newErrors").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(json.get("findings").get("new").toString())
        .contains("\"gate-transition\"")
        .contains("\"approved-case-edited\"");
  }

  /**
   * The same comparison as Markdown for a pull-request comment: headings, lists and a findings
   * table; a reason written in the roadmap stays text (no HTML, link, table cell of its own or
   * mention that would notify someone).
   */
  @Test
  void shouldWriteTheSameInMarkdownWithTheRoadmapsTextsEscaped() {
    new GitWorkTreeFiles(repo.plan())
        .replace(
            "roadmap.yaml",
            "          due: 2027-07-02\n          status: in-progress\n",
            "          due: 2027-07-02\n          status: in-progress\n          replanned:\n"
                + "            - on: 2027-05-10\n"
                + "              reason: \"Vendor <b>late</b> | see [plan](https://x.example) *now* @cto\"\n");

    Cli cli = Cli.run("diff", "main", "--dir", repo.plan().toString(), "--format", "markdown");

    assertThat(cli.code()).as(cli.err()).isEqualTo(1);
    String plan = repo.plan().toString().replace('\\', '/');
    assertThat(cli.out())
        .startsWith(
            "### Waymark: what this change does to the roadmap\n\nmain ("
                + shortId(repo.again())
                + ", 2027-05-02) → the working tree (as of 2027-05-14)\n")
        .contains(
            "\n#### Milestones\n\n- ms-priority-etl-wave-1: due 2027-06-18 → 2027-07-02 (14 days"
                + " later); why: Vendor &lt;b>late&lt;/b> \\| see \\[plan\\](https://x.example)"
                + " \\*now\\* @&#8203;cto (2027-05-10)\n")
        .contains(
            "\n#### Gates\n\n- gate-build-foundations (phase-build-foundations): pending →"
                + " passed, decidedOn (none) → 2027-05-12\n")
        .contains("\n| Severity | Where | Rule | Finding |\n|---|---|---|---|\n")
        .contains("| error | " + plan + "/roadmap.yaml:")
        .contains(" | gate-transition | ")
        .contains("\n#### Changed findings (1)\n")
        .contains("(was: milestone 'ms-priority-etl-wave-1' slipped 2 times")
        .contains("\n**Summary:** 1 milestone moved, 1 gate changed,")
        .doesNotContain("<b>")
        .doesNotContainPattern("(?<!\\\\)\\]\\(https");
  }

  @Test
  void shouldCompareTwoRevisionsAndListFixedFindings() {
    Cli cli =
        Cli.run(
            "diff",
            repo.replan().name(),
            "HEAD",
            "--dir",
            repo.plan().toString(),
            "--format",
            "json",
            "--fail-on",
            "never");

    assertThat(cli.code()).as(cli.err()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(cli.out());
    assertThat(json.get("head").get("revision").asString()).isEqualTo("HEAD");
    assertThat(json.get("milestones").get("moved").get(0).get("days").asInt()).isEqualTo(14);
    // The second slip is what this range adds: milestone-slipping is new on HEAD.
    assertThat(json.get("findings").get("new").toString()).contains("\"milestone-slipping\"");
  }

  @Test
  void shouldExitZeroWhenTheChangeAddsNoFindingAtTheThreshold() {
    Cli cli = Cli.run("diff", "HEAD", "HEAD", "--dir", repo.plan().toString());

    assertThat(cli.code()).isZero();
    assertThat(cli.out()).contains("The plan is unchanged.").contains("0 new findings");
  }

  @Test
  void shouldNameARoadmapTheWorkTreeCannotReadInsteadOfListingItRemoved() throws Exception {
    new GitWorkTreeFiles(repo.plan()).replace("roadmap.yaml", "title: AI", "title: [unclosed AI");

    Cli text = Cli.run("diff", "main", "--dir", repo.plan().toString());
    Cli json = Cli.run("diff", "main", "--dir", repo.plan().toString(), "--format", "json");

    assertThat(text.code()).as(text.err()).isEqualTo(1);
    assertThat(text.out())
        .contains(
            "\nnote: roadmap.yaml is not compared: it could not be read in the working tree (see"
                + " its findings)\n")
        .contains("[yaml-syntax]")
        .doesNotContain("removed")
        .doesNotContain("The plan is unchanged.")
        .contains("1 file not compared; ");
    JsonNode notCompared = JsonMapper.builder().build().readTree(json.out()).get("notCompared");
    assertThat(notCompared.toString())
        .isEqualTo("[{\"file\":\"roadmap.yaml\",\"side\":\"head\",\"why\":\"could not be read\"}]");
  }

  /** An initiative stopped in the change: in the text and in the JSON, with what it spent. */
  @Test
  void shouldTellAnInitiativeStoppedInTheChange() throws Exception {
    String actual =
        "            - {date: 2027-04-30, amount: 48000, source: finance-export-2027-04}\n";
    new GitWorkTreeFiles(repo.plan())
        .replace(
            "roadmap.yaml",
            actual,
            actual
                + "          stopped:\n            on: 2027-05-02\n"
                + "            reason: Superseded\n");

    Cli text = Cli.run("diff", "main", "--dir", repo.plan().toString());
    Cli json = Cli.run("diff", "main", "--dir", repo.plan().toString(), "--format", "json");

    assertThat(text.out())
        .contains("\n  i-priority-etl-rollout: stopped on 2027-05-02 (Superseded)\n");
    JsonNode initiatives = JsonMapper.builder().build().readTree(json.out()).get("initiatives");
    assertThat(initiatives.toString())
        .contains("\"id\":\"i-priority-etl-rollout\"")
        .contains("\"stopped\":{\"on\":\"2027-05-02\",\"reason\":\"Superseded\",\"spent\":48000}");
  }

  @Test
  void shouldExitTwoForAnUnknownBaseOrOutsideGit() {
    Cli unknown = Cli.run("diff", "nope", "--dir", repo.plan().toString());
    Path copy = tmp.resolve("copy");
    HistoryRulesCliTest.copyExample(copy);
    Cli noGit = Cli.run("diff", "HEAD", "--dir", copy.toString());

    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("BASE nope: unknown revision 'nope'");
    assertThat(noGit.code()).isEqualTo(2);
    assertThat(noGit.err()).contains("not in a Git repository");
  }
}
