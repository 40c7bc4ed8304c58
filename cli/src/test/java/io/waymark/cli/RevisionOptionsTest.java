package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code validate --rev} and {@code validate --base} on real repositories. */
class RevisionOptionsTest {

  @TempDir Path tmp;

  static JsonNode json(Cli cli) {
    return JsonMapper.builder().build().readTree(cli.out());
  }

  /** Every finding as "file:line:column rule message", in output order. */
  static List<String> findings(JsonNode json) {
    List<String> out = new ArrayList<>();
    for (JsonNode f : json.get("findings")) {
      out.add(
          f.get("file").asString()
              + ":"
              + f.get("line").asInt()
              + ":"
              + f.get("column").asInt()
              + " "
              + f.get("rule").asString()
              + " "
              + f.get("message").asString());
    }
    return out;
  }

  @Test
  void shouldValidateARevisionWithoutCheckoutWithTheSamePathsAsTheWorkTree() throws Exception {
    PlanRepository repo = PlanRepository.create(tmp.resolve("repo"));
    String plan = repo.plan().toString();
    Cli workTree = Cli.run("validate", plan, "--format", "json");
    Cli workTreeText = Cli.run("validate", plan, "--no-color");
    // Break the work tree: --rev must not see it.
    new GitWorkTreeFiles(repo.plan()).write("roadmap.yaml", "spec: [broken\n");

    Cli revision = Cli.run("validate", plan, "--rev", "HEAD", "--format", "json");
    Cli revisionText = Cli.run("validate", plan, "--rev", "main", "--no-color");

    assertThat(revision.code()).as(revision.err()).isZero();
    assertThat(findings(json(revision))).isNotEmpty().isEqualTo(findings(json(workTree)));
    assertThat(json(revision).get("root").asString())
        .isEqualTo(json(workTree).get("root").asString());
    assertThat(json(revision).get("asOf").asString()).isEqualTo("2027-05-14");
    assertThat(revisionText.out()).isEqualTo(workTreeText.out());
    assertThat(revisionText.out()).contains(plan.replace('\\', '/') + "/roadmap.yaml:");
  }

  @Test
  void shouldJudgeARevisionAsOfItsCommitDateWithoutAConfiguredDate() throws Exception {
    PlanRepository repo = PlanRepository.create(tmp.resolve("repo"));
    GitWorkTreeFiles files = new GitWorkTreeFiles(repo.plan());
    try (GitWorkTree git = GitWorkTree.open(repo.dir())) {
      files.replace("waymark.yaml", "  asOf: 2027-05-14\n", "");
      git.commit("Judge as of the commit date", "2027-05-20");
      files.replace("roadmap.yaml", "horizonMonths: 18", "horizonMonths: 17");
      git.commit("Shorter horizon", "2027-06-03");
    }

    Cli head = Cli.run("validate", repo.plan().toString(), "--rev", "HEAD~1", "--format", "json");
    Cli explicit =
        Cli.run(
            "validate",
            repo.plan().toString(),
            "--rev",
            "HEAD~1",
            "--as-of",
            "2027-05-14",
            "--format",
            "json");

    assertThat(json(head).get("asOf").asString()).isEqualTo("2027-05-20");
    assertThat(json(explicit).get("asOf").asString()).isEqualTo("2027-05-14");
  }

  @Test
  void shouldExitTwoWithAClearMessageForAnUnknownRevisionOrNoRepository() {
    PlanRepository repo = PlanRepository.create(tmp.resolve("repo"));

    Cli unknown = Cli.run("validate", repo.plan().toString(), "--rev", "no-such-branch");
    Cli unknownBase = Cli.run("validate", repo.plan().toString(), "--base", "v9");
    Path copy = tmp.resolve("copy");
    HistoryRulesCliTest.copyExample(copy);
    Cli noGit = Cli.run("validate", copy.toString(), "--rev", "HEAD");

    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--rev no-such-branch: unknown revision 'no-such-branch'");
    assertThat(unknownBase.code()).isEqualTo(2);
    assertThat(unknownBase.err()).contains("--base v9: unknown revision 'v9'");
    assertThat(noGit.code()).isEqualTo(2);
    assertThat(noGit.err()).contains("not in a Git repository").doesNotContain("Exception");
  }

  @Test
  void shouldAddThePullRequestRulesAgainstTheBase() throws Exception {
    PlanRepository repo = PlanRepository.create(tmp.resolve("repo"));
    GitWorkTreeFiles files = new GitWorkTreeFiles(repo.plan());
    files.replace(
        "roadmap.yaml",
        "id: gate-build-foundations\n        status: pending\n",
        "id: gate-build-foundations\n        status: passed\n        decidedOn: 2027-09-30\n");
    files.replace(
        "business-cases/knowledge-layer.yaml",
        "    - category: compute\n      annual: 30000\n",
        "    - category: compute\n      annual: 45000\n");
    files.replace("roadmap.yaml", "completedOn: 2027-03-26", "completedOn: 2027-03-19");

    Cli withBase =
        Cli.run("validate", repo.plan().toString(), "--base", "HEAD", "--format", "json");
    Cli without = Cli.run("validate", repo.plan().toString(), "--format", "json");

    assertThat(withBase.code()).isEqualTo(1);
    List<String> found = findings(json(withBase));
    assertThat(found)
        .anyMatch(
            f ->
                f.contains(
                    " gate-transition gate gate-build-foundations of"
                        + " phase-build-foundations moves from pending to passed"))
        .anyMatch(
            f ->
                f.startsWith("business-cases/knowledge-layer.yaml:")
                    && f.contains(
                        "approved-case-edited approved business case bc-knowledge-layer (approved"
                            + " by dec-bc-knowledge-layer on 2027-03-31) is edited without a new"
                            + " approval decision: costs: compute annual 30,000.00 → 45,000.00"
                            + " EUR"))
        .anyMatch(f -> f.contains(" history-rewritten milestone 'ms-core-pipelines-automated'"));
    assertThat(findings(json(without)))
        .noneMatch(f -> f.contains(" gate-transition "))
        .noneMatch(f -> f.contains(" approved-case-edited "))
        .noneMatch(f -> f.contains(" history-rewritten "));
  }

  @Test
  void shouldCompareARevisionWithItsBase() {
    PlanRepository repo = PlanRepository.create(tmp.resolve("repo"));
    RevCommit draft = repo.draft();

    Cli cli =
        Cli.run(
            "validate",
            repo.plan().toString(),
            "--rev",
            "HEAD",
            "--base",
            draft.name(),
            "--format",
            "json");

    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(findings(json(cli)))
        .noneMatch(f -> f.contains(" gate-transition "))
        .noneMatch(f -> f.contains(" history-rewritten "));
  }
}
