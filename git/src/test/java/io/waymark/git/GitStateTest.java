package io.waymark.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cheap state of a repository that a stored outcome is bound to: it changes with everything the
 * history rules and the as-of date can read (a commit, a checkout, a shallow or grafted history,
 * the configuration), and stays when only the work tree's files change (those are named on their
 * own).
 */
class GitStateTest {

  @TempDir Path dir;

  private Optional<String> state() {
    return GitAdapter.state(dir.resolve("ai-roadmap"));
  }

  /**
   * Every path the state is made from is named (for the launcher's check without a JVM): the
   * folders searched for a repository on the way up, the files read (HEAD, the ref it names) and
   * those whose absence counts (a shallow file, grafts).
   */
  @Test
  void shouldNameEveryPathTheStateIsMadeOf() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("ai-roadmap/roadmap.yaml", "a: 1\n").commit("first");
      java.util.List<Path> seen = new java.util.ArrayList<>();
      assertThat(GitAdapter.state(dir.resolve("ai-roadmap"), seen::add)).isPresent();
      Path real = dir.toRealPath();
      assertThat(seen)
          .contains(
              real.resolve("ai-roadmap/.git"),
              real.resolve(".git/HEAD"),
              real.resolve(".git/refs/heads/main"),
              real.resolve(".git/shallow"),
              real.resolve(".git/info/grafts"),
              real.resolve(".git/packed-refs"),
              real.resolve(".git/index"));
      assertThat(Files.exists(real.resolve(".git/shallow"))).isFalse();
    }
  }

  @Test
  void shouldChangeWithEveryCommitCheckoutAndHistoryFile() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("ai-roadmap/roadmap.yaml", "a: 1\n").commit("first");
      Optional<String> first = state();
      assertThat(first).isPresent();
      assertThat(state()).as("read twice, nothing changed").isEqualTo(first);

      repo.write("ai-roadmap/roadmap.yaml", "a: 2\n");
      assertThat(state()).as("a work-tree edit alone").isEqualTo(first);

      repo.commit("second");
      Optional<String> second = state();
      assertThat(second).as("after a commit").isNotEqualTo(first);

      repo.git().branchCreate().setName("other").call();
      assertThat(state()).as("a new branch that HEAD does not name").isEqualTo(second);
      repo.git().checkout().setName("other").call();
      Optional<String> other = state();
      assertThat(other).as("HEAD names another branch").isNotEqualTo(second);

      Files.writeString(dir.resolve(".git/shallow"), "0000000000000000000000000000000000000000\n");
      Optional<String> shallow = state();
      assertThat(shallow).as("a shallow file").isNotEqualTo(other);
      Files.createDirectories(dir.resolve(".git/info"));
      Files.writeString(dir.resolve(".git/info/grafts"), "\n");
      Optional<String> grafted = state();
      assertThat(grafted).as("a grafts file").isNotEqualTo(shallow);
      Files.writeString(
          dir.resolve(".git/config"),
          "\n[core]\n\tbare = false\n",
          java.nio.file.StandardOpenOption.APPEND);
      assertThat(state()).as("the configuration").isNotEqualTo(grafted);
    }
  }

  /**
   * Git's index decides whether the work tree is HEAD's (the as-of date): a committed file missing
   * from the work tree is HEAD's when its entry is skip-worktree (a sparse checkout), a change
   * otherwise. Flipping that bit writes the index alone; the state, and with it a kept answer, must
   * change.
   */
  @Test
  void shouldChangeWhenOnlyGitsIndexIsWritten() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("ai-roadmap/roadmap.yaml", "a: 1\n")
          .write("ai-roadmap/use-cases/u.yaml", "b: 1\n")
          .commit("first");
      Files.delete(dir.resolve("ai-roadmap/use-cases/u.yaml"));
      Optional<String> removed = state();
      assertThat(removed).isPresent();

      WorkTreeIndexTest.git(dir, "update-index", "--skip-worktree", "ai-roadmap/use-cases/u.yaml");

      assertThat(state()).as("the index's skip-worktree bit set").isNotEqualTo(removed);
    }
  }

  @Test
  void shouldNameAFolderOutsideGitAndNoticeARepositoryMadeAboveIt() throws Exception {
    Files.createDirectories(dir.resolve("ai-roadmap"));
    Optional<String> none = state();
    assertThat(none).hasValueSatisfying(s -> assertThat(s).contains("no repository above"));
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("ai-roadmap/roadmap.yaml", "a: 1\n").commit("first");
      assertThat(state()).isNotEqualTo(none);
    }
  }

  @Test
  void shouldFollowAGitFileOfALinkedWorkTreeAndRefuseALinkedGitFolder() throws Exception {
    Path elsewhere = dir.resolve("elsewhere");
    try (GitRepo repo = GitRepo.init(elsewhere)) {
      repo.write("x.yaml", "a: 1\n").commit("first");
    }
    Files.createDirectories(dir.resolve("ai-roadmap"));
    Files.writeString(dir.resolve(".git"), "gitdir: elsewhere/.git\n");
    Optional<String> viaFile = state();
    assertThat(viaFile).hasValueSatisfying(s -> assertThat(s).contains("-> "));
    Files.delete(dir.resolve(".git"));
    Files.createSymbolicLink(dir.resolve(".git"), elsewhere.resolve(".git"));
    assertThat(state()).as("a .git link: cannot tell").isEmpty();
  }
}
