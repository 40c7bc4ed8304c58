package io.waymark.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate --staged}: the index, not the work tree, as a commit on top of HEAD. */
class StagedCommitTest {

  @Test
  void shouldCommitTheIndexOnTopOfHeadWithoutMovingABranch(@TempDir Path dir) throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      RevCommit head = repo.write("roadmap.yaml", "v1\n").commit("first");
      repo.write("roadmap.yaml", "v2 staged\n");
      repo.git().add().addFilepattern("roadmap.yaml").call();
      repo.write("roadmap.yaml", "v3 not staged\n");

      try (StagedCommit staged = StagedCommit.write(dir, "repo")) {
        Repository r = repo.git().getRepository();
        try (RevWalk walk = new RevWalk(r)) {
          RevCommit commit = walk.parseCommit(ObjectId.fromString(staged.id()));
          assertThat(commit.getParent(0)).isEqualTo(head);
          assertThat(text(r, commit, "roadmap.yaml")).isEqualTo("v2 staged\n");
        }
        assertThat(r.resolve("HEAD")).isEqualTo(head);
        assertThat(r.exactRef(StagedCommit.FIRST_COMMIT_REF)).isNull();
      }
    }
  }

  /**
   * {@code git commit -a} and {@code git commit PATH} run the pre-commit hook on an index of their
   * own, named by GIT_INDEX_FILE ({@code .git/index.lock}, {@code .git/next-index-*.lock}): that is
   * what is about to be committed, not {@code .git/index}.
   */
  @Test
  void shouldCommitTheIndexThatGitIndexFileNames(@TempDir Path dir) throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("roadmap.yaml", "v1\n").commit("first");
      repo.write("roadmap.yaml", "v2 in the commit's own index\n");
      repo.git().add().addFilepattern("roadmap.yaml").call();
      Path commitIndex = dir.resolve(".git/next-index-42.lock");
      java.nio.file.Files.copy(dir.resolve(".git/index"), commitIndex);
      repo.git().reset().call(); // .git/index is HEAD's again

      try (StagedCommit staged =
          StagedCommit.write(
              dir, "repo", java.util.Map.of("GIT_INDEX_FILE", commitIndex.toString()))) {
        Repository r = repo.git().getRepository();
        try (RevWalk walk = new RevWalk(r)) {
          RevCommit commit = walk.parseCommit(ObjectId.fromString(staged.id()));
          assertThat(text(r, commit, "roadmap.yaml")).isEqualTo("v2 in the commit's own index\n");
        }
      }
    }
  }

  @Test
  void shouldHoldTheFirstCommitOfARepositoryByATemporaryRef(@TempDir Path dir) throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("roadmap.yaml", "first\n");
      repo.git().add().addFilepattern("roadmap.yaml").call();
      Repository r = repo.git().getRepository();

      try (StagedCommit staged = StagedCommit.write(dir, "repo")) {
        assertThat(r.exactRef(StagedCommit.FIRST_COMMIT_REF).getObjectId().name())
            .isEqualTo(staged.id());
      }
      assertThat(r.exactRef(StagedCommit.FIRST_COMMIT_REF)).isNull();
    }
  }

  /** A SHA-256 repository is not read, and nothing is written into it. */
  @Test
  void shouldSayASha256RepositoryIsNotRead(@TempDir Path dir) throws Exception {
    java.nio.file.Files.writeString(dir.resolve("roadmap.yaml"), "v: 1\n");
    for (String[] command :
        java.util.List.of(
            new String[] {"git", "init", "-q", "--object-format=sha256", "."},
            new String[] {"git", "add", "roadmap.yaml"})) {
      Process git =
          new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
      git.getInputStream().readAllBytes();
      org.junit.jupiter.api.Assumptions.assumeTrue(
          git.waitFor() == 0, "git with SHA-256 repositories");
    }

    assertThatThrownBy(() -> StagedCommit.write(dir, "plans"))
        .isInstanceOf(GitProblem.class)
        .hasMessage(
            "--staged: the Git repository uses SHA-256 object names (extensions.objectFormat),"
                + " which Waymark's Git library does not read yet");
  }

  @Test
  void shouldSayWhenTheFolderIsInNoRepository(@TempDir Path dir) {
    assertThatThrownBy(() -> StagedCommit.write(dir, "plans"))
        .isInstanceOf(GitProblem.class)
        .hasMessage("--staged: 'plans' is not in a Git repository");
  }

  private static String text(Repository r, RevCommit commit, String path) throws Exception {
    try (TreeWalk walk = TreeWalk.forPath(r, path, commit.getTree())) {
      return new String(r.open(walk.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
    }
  }
}
