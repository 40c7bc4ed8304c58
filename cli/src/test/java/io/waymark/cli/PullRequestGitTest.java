package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pull requests as CI checks them out: merge-base, moved base branches. */
class PullRequestGitTest {

  static final String TITLE = "title: AI Infrastructure Modernisation 2027-2028";
  static final String COMPLETED = "completedOn: 2027-01-27";

  @TempDir Path tmp;

  /**
   * A branch made from {@code start} that only retitles the roadmap, while main later corrects a
   * done milestone's completedOn: compared with main's tip, the branch would seem to rewrite it.
   */
  @Test
  void shouldCompareWithTheMergeBaseSoABranchBehindMainIsNotBlamedForMainsChanges() {
    Path dir = tmp.resolve("repo");
    RevCommit start;
    RevCommit corrected;
    try (GitWorkTree repo = GitWorkTree.init(dir)) {
      repo.copyExample("plan");
      start = repo.commit("The roadmap", "2027-05-01");
      repo.branch("retitle");
      repo.replace("plan/roadmap.yaml", TITLE, "title: AI Infrastructure 2027-2028");
      repo.commit("Retitle the roadmap", "2027-05-03");
      repo.checkout("main");
      repo.replace("plan/roadmap.yaml", COMPLETED, "completedOn: 2027-01-26");
      corrected = repo.commit("Correct the completion date", "2027-05-04");
      repo.checkout("retitle");
    }
    String plan = dir.resolve("plan").toString();

    Cli mergeBase = Cli.run("validate", plan, "--base", "main", "--as-of", "2027-05-14");
    Cli tip = Cli.run("validate", plan, "--base", "main", "--tip", "--as-of", "2027-05-14");
    Cli diff = Cli.run("diff", "main", "--dir", plan, "--as-of", "2027-05-14");
    Cli diffTip = Cli.run("diff", "main", "--tip", "--dir", plan, "--as-of", "2027-05-14");

    assertThat(mergeBase.out()).doesNotContain("history-rewritten");
    assertThat(mergeBase.err())
        .contains(
            "--base main: compared with "
                + start.name().substring(0, 7)
                + " (2027-05-01), the merge-base of HEAD and main (at "
                + corrected.name().substring(0, 7)
                + ")");
    assertThat(mergeBase.err().split("the merge-base of HEAD", -1))
        .as("the note is told once, after the load")
        .hasSize(2);
    assertThat(tip.out()).contains("history-rewritten");
    assertThat(diff.out())
        .startsWith(
            "waymark diff: the merge-base "
                + start.name().substring(0, 7)
                + " (2027-05-01) of main (at "
                + corrected.name().substring(0, 7)
                + ") → the working tree")
        .doesNotContain("history-rewritten");
    assertThat(diffTip.out()).contains("history-rewritten");
  }

  /**
   * GitHub's default checkout: depth 1, only the pull request's branch. The base branch does not
   * exist there: say so, and give the exact fetch command.
   */
  @Test
  void shouldExplainAMissingBaseInADepthOneCloneWithTheFetchCommand() throws Exception {
    Path dir = tmp.resolve("repo");
    try (GitWorkTree repo = GitWorkTree.init(dir)) {
      repo.copyExample("plan");
      repo.commit("The roadmap", "2027-05-01");
      repo.branch("retitle");
      repo.replace("plan/roadmap.yaml", TITLE, "title: AI Infrastructure 2027-2028");
      repo.commit("Retitle the roadmap", "2027-05-03");
    }
    Path clone = tmp.resolve("clone");
    git(tmp, "clone", "-q", "--depth", "1", "--branch", "retitle", dir.toUri().toString(), "clone");
    String plan = clone.resolve("plan").toString();

    Cli missing = Cli.run("validate", plan, "--base", "origin/main");
    Cli typo = Cli.run("validate", plan, "--base", "origin/retitel");
    Cli diff = Cli.run("diff", "origin/main", "--dir", plan);
    Path out = tmp.resolve("ci-out");
    Cli ci = Cli.run("ci", plan, "--base", "origin/main", "--out", out.toString(), "--no-pdf");

    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err())
        .contains("--base origin/main: unknown revision 'origin/main'")
        .contains("this is a shallow clone")
        .contains("'origin/main' was not fetched")
        .contains("`git fetch --unshallow origin +refs/heads/main:refs/remotes/origin/main`")
        .doesNotContain("Exception");
    // Resolved beside the head's load, the base's failure is still told once, with no note.
    assertThat(missing.err().split("unknown revision", -1)).as(missing.err()).hasSize(2);
    assertThat(missing.out()).isEmpty();
    // ci resolves the base beside its load too: the same failure, told once, and no new folder.
    assertThat(ci.code()).as(ci.err()).isEqualTo(2);
    assertThat(ci.err())
        .contains("--base origin/main: unknown revision 'origin/main'")
        .contains("`git fetch --unshallow origin +refs/heads/main:refs/remotes/origin/main`")
        .doesNotContain("Exception");
    assertThat(ci.err().split("unknown revision", -1)).as(ci.err()).hasSize(2);
    assertThat(out).doesNotExist();
    assertThat(typo.err()).contains("did you mean 'origin/retitle'?");
    assertThat(diff.code()).isEqualTo(2);
    assertThat(diff.err()).contains("git fetch --unshallow origin +refs/heads/main");
  }

  static final String COST = "    - category: compute\n      annual: 30000\n";

  /** The roadmap folder moved in the pull request, which also edits an approved case. */
  @Test
  void shouldFollowAMovedRoadmapFolderSoApprovedCaseEditedStillFires() {
    Path dir = tmp.resolve("repo");
    try (GitWorkTree repo = GitWorkTree.init(dir)) {
      repo.copyExample("plan");
      repo.commit("The roadmap", "2027-05-01");
      repo.branch("move");
      repo.move("plan", "roadmap");
      repo.replace(
          "roadmap/business-cases/knowledge-layer.yaml",
          COST,
          "    - category: compute\n      annual: 45000\n");
      repo.commit("Move the roadmap and raise a cost", "2027-05-03");
    }
    String roadmap = dir.resolve("roadmap").toString();

    Cli cli = Cli.run("validate", roadmap, "--base", "main", "--as-of", "2027-05-14");
    Cli diff = Cli.run("diff", "main", "--dir", roadmap, "--as-of", "2027-05-14");

    assertThat(cli.out()).contains("[approved-case-edited]").contains("bc-knowledge-layer");
    assertThat(cli.err()).contains("the roadmap folder was at 'plan'");
    assertThat(diff.out())
        .contains("Business cases")
        .contains("compute annual 30,000.00 → 45,000.00 EUR");
  }

  /** A submodule inside the roadmap folder: its documents are not in the base; say so. */
  @Test
  void shouldRefuseLoudlyWhereASubmoduleHidesPartOfTheRoadmapFolder() throws Exception {
    Path dir = tmp.resolve("repo");
    try (GitWorkTree repo = GitWorkTree.init(dir)) {
      repo.copyExample("plan");
      repo.commit("The roadmap", "2027-05-01");
    }
    git(
        dir,
        "update-index",
        "--add",
        "--cacheinfo",
        "160000,0123456789abcdef0123456789abcdef01234567,plan/vendor-scores");
    git(
        dir,
        "-c",
        "user.name=Ada",
        "-c",
        "user.email=ada@example.com",
        "-c",
        "commit.gpgsign=false",
        "commit",
        "-q",
        "-m",
        "Vendor scores as a submodule");
    String plan = dir.resolve("plan").toString();

    Cli cli = Cli.run("validate", plan, "--base", "HEAD~1", "--as-of", "2027-05-14");
    Cli plain = Cli.run("validate", plan, "--as-of", "2027-05-14");

    assertThat(cli.out())
        .contains("warning  [pull-request-incomplete]")
        .contains("plan/vendor-scores is a submodule");
    assertThat(plain.out()).doesNotContain("pull-request-incomplete");
  }

  /** A .git file that points to a Git directory that is gone (a moved --separate-git-dir). */
  @Test
  void shouldRefuseLoudlyWhenTheSeparateGitDirCannotBeOpened() throws Exception {
    Path work = tmp.resolve("work");
    java.nio.file.Files.createDirectories(work);
    git(
        tmp,
        "init",
        "-q",
        "-b",
        "main",
        "--separate-git-dir",
        tmp.resolve("gitdir").toString(),
        "work");
    GitWorkTree.open(work).copyExample("plan").close();
    git(work, "add", "-A");
    git(
        work,
        "-c",
        "user.name=Ada",
        "-c",
        "user.email=ada@example.com",
        "-c",
        "commit.gpgsign=false",
        "commit",
        "-q",
        "-m",
        "The roadmap");
    String plan = work.resolve("plan").toString();
    Cli readable = Cli.run("validate", plan, "--base", "main", "--as-of", "2027-05-14");
    java.nio.file.Files.move(tmp.resolve("gitdir"), tmp.resolve("gitdir-moved"));

    Cli cli = Cli.run("validate", plan, "--base", "main", "--as-of", "2027-05-14");
    Cli plain = Cli.run("validate", plan, "--as-of", "2027-05-14");

    assertThat(readable.code()).as(readable.err()).isZero();
    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err())
        .contains("--base main")
        .contains("points to")
        .contains("gitdir")
        .contains("cannot be opened");
    assertThat(plain.out()).contains("[history-unavailable]").contains("cannot be opened");
  }

  static void git(Path in, String... args) throws Exception {
    java.util.List<String> command = new java.util.ArrayList<>();
    command.add("git");
    command.addAll(java.util.List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(in.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
  }
}
