package io.waymark.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.engine.history.Commit;
import io.waymark.engine.history.FileVersion;
import io.waymark.engine.history.History;
import io.waymark.engine.history.UnknownRevisionException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand.FastForwardMode;
import org.eclipse.jgit.api.MergeResult;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitHistoryTest {

  @TempDir Path dir;

  private static List<String> texts(List<FileVersion> versions) {
    return versions.stream().map(v -> new String(v.bytes(), StandardCharsets.UTF_8)).toList();
  }

  private static List<String> ids(List<FileVersion> versions) {
    return versions.stream().map(v -> v.commit().id()).toList();
  }

  @Test
  void shouldListTheVersionsOfAFileNewestFirstWithTheirCommits() throws Exception {
    RevCommit first;
    RevCommit second;
    RevCommit third;
    try (GitRepo repo = GitRepo.init(dir)) {
      first = repo.write("roadmap.yaml", "due: 2027-03-01\n").commit("Plan the pilot");
      second =
          repo.write("roadmap.yaml", "due: 2027-04-01\n")
              .commit("Move the pilot\n\nThe vendor is late.", "Linus");
      repo.write("other.yaml", "x: 1\n").commit("Unrelated file");
      third = repo.write("roadmap.yaml", "due: 2027-05-01\n").commit("Move it again");
    }

    try (History history = GitHistory.open(dir, "HEAD")) {
      List<FileVersion> versions = history.versions("roadmap.yaml");

      assertThat(history.available()).isTrue();
      assertThat(history.limitation()).isEmpty();
      assertThat(ids(versions)).containsExactly(third.name(), second.name(), first.name());
      assertThat(texts(versions))
          .containsExactly("due: 2027-05-01\n", "due: 2027-04-01\n", "due: 2027-03-01\n");
      assertThat(versions).extracting(FileVersion::path).containsOnly("roadmap.yaml");
      Commit moved = versions.get(1).commit();
      assertThat(moved.time()).isEqualTo(GitRepo.FIRST_DAY.plus(Duration.ofDays(1)));
      assertThat(moved.date()).hasToString("2027-01-11");
      assertThat(moved.author()).isEqualTo("Linus");
      assertThat(moved.subject()).isEqualTo("Move the pilot");
      assertThat(moved.parents()).isEqualTo(1);
      assertThat(moved.shortId()).isEqualTo(second.name().substring(0, 7));
      assertThat(versions.get(2).commit().parents()).isZero();
      assertThat(versions.get(0).commit().time())
          .isEqualTo(GitRepo.FIRST_DAY.plus(Duration.ofDays(3)));
    }
  }

  @Test
  void shouldFollowARenameAndKeepTheOlderVersions() throws Exception {
    String plan = "kind: Roadmap\nmetadata:\n  id: northwind\nspec:\n  horizonMonths: 18\n";
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("roadmap.yaml", plan + "  due: 2027-03-01\n").commit("First plan");
      repo.write("roadmap.yaml", plan + "  due: 2027-04-01\n").commit("Second plan");
      repo.move("roadmap.yaml", "plan/roadmap.yaml")
          .write("plan/roadmap.yaml", plan + "  due: 2027-04-15\n")
          .write("plan/other.yaml", "unrelated: true\n")
          .commit("Move the roadmap into plan/ and change it a little");
      repo.write("plan/roadmap.yaml", plan + "  due: 2027-05-01\n").commit("Third plan");
    }

    try (History history = GitHistory.open(dir, "HEAD")) {
      List<FileVersion> versions = history.versions("plan/roadmap.yaml");

      assertThat(versions)
          .extracting(FileVersion::path)
          .containsExactly(
              "plan/roadmap.yaml", "plan/roadmap.yaml", "roadmap.yaml", "roadmap.yaml");
      assertThat(texts(versions))
          .extracting(t -> t.substring(t.lastIndexOf("due:")))
          .containsExactly(
              "due: 2027-05-01\n", "due: 2027-04-15\n", "due: 2027-04-01\n", "due: 2027-03-01\n");
      assertThat(versions.get(1).commit().subject()).startsWith("Move the roadmap");
    }
  }

  @Test
  void shouldFollowAPureRenameAsAVersionOfItsOwn() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("a.yaml", "due: 2027-03-01\n").commit("Add");
      repo.move("a.yaml", "b.yaml").commit("Rename only");
    }

    try (History history = GitHistory.open(dir, "HEAD")) {
      assertThat(history.versions("b.yaml"))
          .extracting(FileVersion::path)
          .containsExactly("b.yaml", "a.yaml");
    }
  }

  @Test
  void shouldReturnAVersionWhoseYamlIsInvalid() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("roadmap.yaml", "due: 2027-03-01\n").commit("Valid");
      repo.write("roadmap.yaml", "due: [2027-03-01\n").commit("Broken");
      repo.write("roadmap.yaml", "due: 2027-04-01\n").commit("Fixed");
    }

    try (History history = GitHistory.open(dir, "HEAD")) {
      assertThat(texts(history.versions("roadmap.yaml")))
          .containsExactly("due: 2027-04-01\n", "due: [2027-03-01\n", "due: 2027-03-01\n");
    }
  }

  @Test
  void shouldListAMergeOnceOnTheFirstParentLineAndNotTheBranchCommits() throws Exception {
    RevCommit base;
    RevCommit merge;
    RevCommit quietMerge;
    try (GitRepo repo = GitRepo.init(dir)) {
      Git git = repo.git();
      base = repo.write("roadmap.yaml", "due: 2027-03-01\n").commit("Base");
      git.branchCreate().setName("slip").call();
      git.branchCreate().setName("docs").call();
      git.checkout().setName("slip").call();
      repo.write("roadmap.yaml", "due: 2027-04-01\n").commit("Slip on a branch");
      repo.write("roadmap.yaml", "due: 2027-05-01\n").commit("Slip again on the branch");
      git.checkout().setName("main").call();
      repo.write("notes.md", "main moves on\n").commit("Main moves on");
      merge = merge(repo, "slip", "Merge branch 'slip'");
      git.checkout().setName("docs").call();
      repo.write("README.md", "docs\n").commit("Docs on a branch");
      git.checkout().setName("main").call();
      quietMerge = merge(repo, "docs", "Merge branch 'docs'");
    }

    try (History history = GitHistory.open(dir, "HEAD")) {
      List<FileVersion> versions = history.versions("roadmap.yaml");

      assertThat(ids(versions)).containsExactly(merge.name(), base.name()).doesNotHaveDuplicates();
      assertThat(ids(versions)).doesNotContain(quietMerge.name());
      assertThat(versions.get(0).commit().parents()).isEqualTo(2);
      assertThat(versions.get(0).commit().subject()).isEqualTo("Merge branch 'slip'");
      assertThat(texts(versions)).containsExactly("due: 2027-05-01\n", "due: 2027-03-01\n");
    }
  }

  private static RevCommit merge(GitRepo repo, String branch, String message) throws Exception {
    MergeResult result =
        repo.git()
            .merge()
            .include(repo.git().getRepository().resolve(branch))
            .setFastForward(FastForwardMode.NO_FF)
            .setCommit(false)
            .call();
    assertThat(result.getMergeStatus().isSuccessful()).as(result.toString()).isTrue();
    return repo.commit(message);
  }

  @Test
  void shouldIgnoreEmptyCommitsAndCommitsOfOtherFiles() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("roadmap.yaml", "due: 2027-03-01\n").commit("Plan");
      repo.commit("Empty commit");
      repo.write("metrics/cost.yaml", "points: []\n").commit("Metrics");
      repo.commit("Another empty commit");
      repo.write("roadmap.yaml", "due: 2027-04-01\n").commit("Slip");
      repo.commit("Empty at the top");
    }

    try (History history = GitHistory.open(dir, "HEAD")) {
      assertThat(history.versions("roadmap.yaml"))
          .extracting(v -> v.commit().subject())
          .containsExactly("Slip", "Plan");
    }
  }

  @Test
  void shouldLeaveOutTheCommitThatDeletedTheFile() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("roadmap.yaml", "due: 2027-03-01\n").commit("Plan");
      repo.delete("roadmap.yaml").write("x.txt", "x\n").commit("Delete the plan");
      repo.write("roadmap.yaml", "due: 2027-06-01\n").commit("Plan again");
    }

    try (History history = GitHistory.open(dir, "HEAD")) {
      assertThat(history.versions("roadmap.yaml"))
          .extracting(v -> v.commit().subject())
          .containsExactly("Plan again", "Plan");
      assertThat(history.versions("never-there.yaml")).isEmpty();
    }
  }

  @Test
  void shouldStartAtTheGivenRevision() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("roadmap.yaml", "v: 1\n").commit("One");
      repo.write("roadmap.yaml", "v: 2\n").commit("Two");
      repo.git().tag().setName("v2").setAnnotated(true).setMessage("two").setSigned(false).call();
      repo.write("roadmap.yaml", "v: 3\n").commit("Three");
    }

    for (String start : List.of("HEAD~1", "v2", "main^")) {
      try (History history = GitHistory.open(dir, start)) {
        assertThat(history.versions("roadmap.yaml"))
            .as(start)
            .extracting(v -> v.commit().subject())
            .containsExactly("Two", "One");
      }
    }
  }

  @Test
  void shouldWorkOnADetachedHead() throws Exception {
    RevCommit second;
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("roadmap.yaml", "v: 1\n").commit("One");
      second = repo.write("roadmap.yaml", "v: 2\n").commit("Two");
      repo.write("roadmap.yaml", "v: 3\n").commit("Three");
      repo.git().checkout().setName(second.name()).call();
    }
    assertThat(Files.readString(dir.resolve(".git/HEAD"))).doesNotStartWith("ref:");

    try (History history = GitHistory.open(dir, "HEAD")) {
      // The first-parent line of the checked-out commit is complete: CI servers check out a
      // detached HEAD, and that is no limitation (issue 19).
      assertThat(history.limitation()).isEmpty();
      assertThat(history.versions("roadmap.yaml"))
          .extracting(v -> v.commit().subject())
          .containsExactly("Two", "One");
      assertThat(history.revision("HEAD").commit().id()).isEqualTo(second.name());
    }
  }

  @Test
  void shouldSayThatAGraftedRepositoryIsNotTheRealHistory() throws Exception {
    RevCommit second;
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("roadmap.yaml", "v: 1\n").commit("One");
      second = repo.write("roadmap.yaml", "v: 2\n").commit("Two");
    }
    Files.createDirectories(dir.resolve(".git/info"));
    Files.writeString(dir.resolve(".git/info/grafts"), second.name() + "\n");

    try (History history = GitHistory.open(dir, "HEAD")) {
      assertThat(history.limitation())
          .hasValueSatisfying(l -> assertThat(l).startsWith("grafted repository"));
    }
  }

  @Test
  void shouldGiveFolderRelativePathsForARoadmapInASubFolder() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("README.md", "monorepo\n").write("plans/ai/plan.yaml", "v: 1\n").commit("One");
      repo.write("roadmap.yaml", "not the one in the folder\n").commit("A root file");
      repo.move("plans/ai/plan.yaml", "plans/ai/roadmap.yaml").commit("Rename inside the folder");
      repo.write("plans/ai/roadmap.yaml", "v: 2\n").commit("Two");
    }

    try (History history = GitHistory.open(dir.resolve("plans/ai"), "HEAD")) {
      assertThat(history.versions("roadmap.yaml"))
          .extracting(FileVersion::path)
          .containsExactly("roadmap.yaml", "roadmap.yaml", "plan.yaml");
      assertThat(history.revision("HEAD").source().list())
          .extracting(e -> e.path())
          .containsExactly("roadmap.yaml");
    }
  }

  @Test
  void shouldRefuseAPathThatLeavesTheFolder() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("roadmap.yaml", "v: 1\n").write("plans/x.yaml", "v: 1\n").commit("One");
    }

    try (History history = GitHistory.open(dir.resolve("plans"), "HEAD")) {
      for (String path : List.of("../roadmap.yaml", "/roadmap.yaml", "a//b.yaml", "./x.yaml")) {
        assertThatThrownBy(() -> history.versions(path))
            .as(path)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not a path relative to the roadmap folder");
      }
    }
  }

  @Test
  void shouldThrowForAnUnknownRevision() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("roadmap.yaml", "v: 1\n").commit("One");
    }

    assertThatThrownBy(() -> GitHistory.open(dir, "foo"))
        .isInstanceOf(UnknownRevisionException.class)
        .hasMessageContaining("unknown revision 'foo' in ")
        .hasMessageContaining(dir.getFileName().toString());
    assertThatThrownBy(() -> GitHistory.open(dir, "HEAD~5"))
        .isInstanceOf(UnknownRevisionException.class)
        .hasMessageContaining("unknown revision 'HEAD~5'");
    try (History history = GitHistory.open(dir, "HEAD")) {
      assertThatThrownBy(() -> history.revision("no-such-branch"))
          .isInstanceOf(UnknownRevisionException.class)
          .hasMessageContaining("unknown revision 'no-such-branch'");
      assertThatThrownBy(() -> history.revision("HEAD:roadmap.yaml"))
          .isInstanceOf(UnknownRevisionException.class)
          .hasMessageContaining("is not a commit");
    }
  }

  @Test
  void shouldSkipJGitOnlyWhereItWouldFindNoRepository(@TempDir Path other) throws Exception {
    Files.writeString(dir.resolve("roadmap.yaml"), "v: 1\n");
    Path nested = Files.createDirectories(dir.resolve("a/b"));
    for (Path d : List.of(dir, nested)) {
      if (GitHistory.noRepositoryAbove(d)) {
        assertThat(new FileRepositoryBuilder().findGitDir(d.toFile()).getGitDir())
            .as("JGit finds no repository above %s either", d)
            .isNull();
      }
    }
    // A HEAD file (as a bare repository has) or a .git entry of any kind: JGit decides.
    Files.writeString(nested.resolve("HEAD"), "not a ref\n");
    assertThat(GitHistory.noRepositoryAbove(nested)).isFalse();
    try (History history = GitHistory.open(nested, "HEAD")) {
      assertThat(history.available()).isFalse();
      assertThat(history.limitation()).contains("not a Git repository");
    }
    Files.createDirectories(other.resolve("x/.git"));
    assertThat(GitHistory.noRepositoryAbove(other.resolve("x"))).isFalse();
    Git.init().setDirectory(other.resolve("repo").toFile()).call().close();
    Path inside = Files.createDirectories(other.resolve("repo/plan"));
    assertThat(GitHistory.noRepositoryAbove(inside)).isFalse();
    Git.init().setBare(true).setDirectory(other.resolve("bare.git").toFile()).call().close();
    assertThat(GitHistory.noRepositoryAbove(other.resolve("bare.git"))).isFalse();
  }

  @Test
  void shouldSayWhenThereIsNoRepository() throws Exception {
    Files.writeString(dir.resolve("roadmap.yaml"), "v: 1\n");

    try (History history = GitHistory.open(dir, "HEAD")) {
      assertThat(history.available()).isFalse();
      assertThat(history.limitation()).contains("not a Git repository");
      assertThat(history.versions("roadmap.yaml")).isEmpty();
    }
  }

  @Test
  void shouldSayWhenTheRepositoryHasNoCommits() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("roadmap.yaml", "v: 1\n");
    }

    try (History history = GitHistory.open(dir, "HEAD")) {
      assertThat(history.available()).isFalse();
      assertThat(history.limitation()).contains("the Git repository has no commits yet");
    }
  }

  @Test
  void shouldFindARepositoryWhoseGitFolderIsElsewhere(@TempDir Path gitDirs) throws Exception {
    Path work = dir.resolve("work");
    try (Git git =
        Git.init()
            .setDirectory(work.toFile())
            .setGitDir(gitDirs.resolve("work.git").toFile())
            .setInitialBranch("main")
            .call()) {
      Files.writeString(work.resolve("roadmap.yaml"), "v: 1\n");
      git.add().addFilepattern(".").call();
      git.commit()
          .setMessage("One")
          .setAuthor(GitRepo.ident("Ada", GitRepo.FIRST_DAY))
          .setCommitter(GitRepo.ident("Ada", GitRepo.FIRST_DAY))
          .setSign(false)
          .call();
    }
    assertThat(work.resolve(".git")).isRegularFile();

    try (History history = GitHistory.open(work, "HEAD")) {
      assertThat(history.versions("roadmap.yaml")).hasSize(1);
      assertThat(history.revision("HEAD").source().list())
          .extracting(e -> e.path())
          .containsExactly("roadmap.yaml");
    }
  }

  @Test
  void shouldReadAShallowCloneAndSaySo(@TempDir Path cloneDir) throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("roadmap.yaml", "v: 1\n").commit("One");
      repo.write("roadmap.yaml", "v: 2\n").commit("Two");
      repo.write("roadmap.yaml", "v: 3\n").commit("Three");
      repo.write("roadmap.yaml", "v: 4\n").commit("Four");
    }
    RevCommit boundary;
    try (Git clone =
        Git.cloneRepository()
            .setURI(dir.toUri().toString())
            .setDirectory(cloneDir.toFile())
            .setDepth(2)
            .call()) {
      boundary = clone.log().call().iterator().next();
      boundary = clone.getRepository().parseCommit(boundary.getParent(0));
    }
    assertThat(cloneDir.resolve(".git/shallow")).isRegularFile();

    try (History history = GitHistory.open(cloneDir, "HEAD")) {
      assertThat(history.available()).isTrue();
      assertThat(history.limitation())
          .contains(
              "shallow clone: history before commit "
                  + boundary.name().substring(0, 7)
                  + " is not available");
      List<FileVersion> versions = history.versions("roadmap.yaml");
      assertThat(versions).extracting(v -> v.commit().subject()).containsExactly("Four", "Three");
      assertThat(versions.get(1).commit().id()).isEqualTo(boundary.name());
      assertThat(history.revision("HEAD").source().read("roadmap.yaml"))
          .asString()
          .isEqualTo("v: 4\n");
    }
  }

  /**
   * {@code HEAD~1} in a shallow clone of depth 1 (the default of CI checkouts) names the commit
   * before the boundary: said as such, with the fetch command, not as a typo of {@code HEAD}; and
   * beyond the first commit of a complete history, as that.
   */
  @Test
  void shouldSayAnAncestorBeyondTheHistoryIsNotThere(@TempDir Path cloneDir) throws Exception {
    RevCommit first;
    try (GitRepo repo = GitRepo.init(dir)) {
      first = repo.write("roadmap.yaml", "v: 1\n").commit("One");
      repo.write("roadmap.yaml", "v: 2\n").commit("Two");
    }
    RevCommit boundary;
    try (Git clone =
        Git.cloneRepository()
            .setURI(dir.toUri().toString())
            .setDirectory(cloneDir.toFile())
            .setDepth(1)
            .call()) {
      boundary = clone.log().call().iterator().next();
    }

    try (History history = GitHistory.open(cloneDir, "HEAD")) {
      for (String name : List.of("HEAD~1", "HEAD^", "main~2")) {
        assertThatThrownBy(() -> history.revision(name))
            .as(name)
            .isInstanceOf(UnknownRevisionException.class)
            .hasMessageContaining("unknown revision '" + name + "'")
            .hasMessageContaining(
                "before commit "
                    + boundary.name().substring(0, 7)
                    + ", where the history of this shallow clone ends")
            .hasMessageContaining("git fetch --unshallow")
            .hasMessageNotContaining("did you mean");
      }
    }
    try (History history = GitHistory.open(dir, "HEAD")) {
      assertThatThrownBy(() -> history.revision("HEAD~5"))
          .isInstanceOf(UnknownRevisionException.class)
          .hasMessageContaining("unknown revision 'HEAD~5'")
          .hasMessageContaining(
              "goes back past commit " + first.name().substring(0, 7) + ", the first commit")
          .hasMessageNotContaining("typo");
      assertThatThrownBy(() -> history.revision("HEAD^2"))
          .isInstanceOf(UnknownRevisionException.class)
          .hasMessageContaining("is not a merge commit");
    }
  }

  /**
   * Git takes the repository that GIT_DIR names, with GIT_WORK_TREE as its work tree (a bare
   * repository with a work tree elsewhere, `git --git-dir --work-tree`, the hooks Git runs then):
   * so does the history, where no .git is found above the folder.
   */
  @Test
  void shouldOpenTheRepositoryThatGitDirNames(@TempDir Path store) throws Exception {
    RevCommit second;
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("plan/roadmap.yaml", "v: 1\n").commit("One");
      second = repo.write("plan/roadmap.yaml", "v: 2\n").commit("Two");
    }
    Path gitDir = store.resolve("plans.git");
    Files.move(dir.resolve(".git"), gitDir);
    Path plan = dir.resolve("plan");

    try (History history =
        GitHistory.open(
            plan,
            "HEAD",
            java.util.Map.of("GIT_DIR", gitDir.toString(), "GIT_WORK_TREE", dir.toString()))) {
      assertThat(history.available()).as(history.limitation().orElse("")).isTrue();
      assertThat(history.versions("roadmap.yaml"))
          .extracting(v -> v.commit().subject())
          .containsExactly("Two", "One");
      assertThat(history.revision("HEAD").commit().id()).isEqualTo(second.name());
      assertThat(history.revision("HEAD").source().read("roadmap.yaml"))
          .asString()
          .isEqualTo("v: 2\n");
    }
    try (History outside =
        GitHistory.open(
            store,
            "HEAD",
            java.util.Map.of("GIT_DIR", gitDir.toString(), "GIT_WORK_TREE", dir.toString()))) {
      assertThat(outside.available()).as("a folder outside GIT_WORK_TREE").isFalse();
    }
    try (History none = GitHistory.open(plan, "HEAD", java.util.Map.of())) {
      assertThat(none.available()).as("without the variables, no .git above").isFalse();
    }
  }

  /**
   * A hook that Git runs in a linked work tree gets GIT_DIR, that work tree's own Git folder,
   * without GIT_WORK_TREE: the history is still the one of that work tree (made by git itself).
   */
  @Test
  void shouldOpenTheLinkedWorkTreeThatGitDirNames(@TempDir Path linked) throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("plan/roadmap.yaml", "v: 1\n").commit("One");
    }
    Path tree = linked.resolve("wt");
    Process git =
        new ProcessBuilder("git", "worktree", "add", "-q", "-b", "feature", tree.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    git.getInputStream().readAllBytes();
    org.junit.jupiter.api.Assumptions.assumeTrue(git.waitFor() == 0, "git worktree add");

    try (History history =
        GitHistory.open(
            tree.resolve("plan"),
            "HEAD",
            java.util.Map.of("GIT_DIR", dir.resolve(".git/worktrees/wt").toString()))) {
      assertThat(history.available()).as(history.limitation().orElse("")).isTrue();
      assertThat(history.revision("HEAD").source().read("roadmap.yaml"))
          .asString()
          .isEqualTo("v: 1\n");
    }
  }

  /**
   * A bare repository (a server's, or `git clone --bare`) is a Git repository with commits but
   * without a work tree: said as such, not as "not a Git repository".
   */
  @Test
  void shouldSayABareRepositoryHasNoWorkTree(@TempDir Path other) throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("roadmap.yaml", "v: 1\n").commit("One");
    }
    Path bare = other.resolve("plans.git");
    Git.cloneRepository()
        .setBare(true)
        .setURI(dir.toUri().toString())
        .setDirectory(bare.toFile())
        .call()
        .close();

    try (History history = GitHistory.open(bare, "HEAD")) {
      assertThat(history.available()).isFalse();
      assertThat(history.limitation())
          .hasValueSatisfying(
              l ->
                  assertThat(l)
                      .contains("a bare Git repository")
                      .contains("no work tree")
                      .contains("git clone"));
    }
    try (History inside = GitHistory.open(dir.resolve(".git"), "HEAD")) {
      assertThat(inside.limitation())
          .hasValueSatisfying(l -> assertThat(l).contains("inside the Git directory"));
    }
  }

  /**
   * A repository with SHA-256 object names (`git init --object-format=sha256`), which JGit does not
   * read: said as such, not as a missing commit (JGit takes the first 40 digits of HEAD's name).
   */
  @Test
  void shouldSayASha256RepositoryIsNotRead() throws Exception {
    Files.writeString(dir.resolve("roadmap.yaml"), "v: 1\n");
    for (String[] command :
        List.of(
            new String[] {"git", "init", "-q", "--object-format=sha256", "."},
            new String[] {"git", "add", "roadmap.yaml"},
            new String[] {
              "git", "-c", "user.name=a", "-c", "user.email=a@example.com", "commit", "-qm", "One"
            })) {
      Process git =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      git.getInputStream().readAllBytes();
      org.junit.jupiter.api.Assumptions.assumeTrue(
          git.waitFor() == 0, "git with SHA-256 repositories");
    }

    try (History history = GitHistory.open(dir, "HEAD")) {
      assertThat(history.available()).isFalse();
      assertThat(history.limitation())
          .hasValueSatisfying(l -> assertThat(l).contains("SHA-256").doesNotContain("missing"));
    }
  }
}
