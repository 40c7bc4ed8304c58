package io.waymark.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code hook install} puts the pre-commit hook, and the one-line refusals. */
class GitHooksTest {

  @Test
  void shouldFindTheWorkTreeAndTheRoadmapFolderInIt(@TempDir Path dir) throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("plans/roadmap.yaml", "kind: Roadmap\n").commit("plan");
      StoredConfig config = repo.git().getRepository().getConfig();
      config.setString("core", null, "hooksPath", ".githooks");
      config.save();

      GitHooks hooks = GitHooks.of(dir.resolve("plans"), "plans");

      Path root = dir.toRealPath();
      assertThat(hooks.workTree()).isEqualTo(root);
      assertThat(hooks.roadmap()).isEqualTo("plans");
      assertThat(hooks.hooksPath()).isTrue();
      assertThat(hooks.hooks()).isEqualTo(root.resolve(".githooks"));
      assertThat(hooks.preCommit()).isEqualTo(root.resolve(".githooks/pre-commit"));
      assertThat(GitHooks.of(dir, ".").roadmap()).isEqualTo(".");
    }
  }

  @Test
  void shouldTellAHooksPathOfTheUserConfigurationFromOneOfTheRepository(@TempDir Path dir)
      throws Exception {
    Path home = Files.createDirectories(dir.resolve("home"));
    FileBasedConfig user = new FileBasedConfig(home.resolve(".gitconfig").toFile(), FS.DETECTED);
    user.setString("core", null, "hooksPath", home.resolve("hooks").toString());
    user.save();
    SystemReader.setInstance(
        new SystemReader.Delegate(SystemReader.getInstance()) {
          @Override
          public FileBasedConfig openUserConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, user.getFile(), fs);
          }
        });
    try (GitRepo repo = GitRepo.init(dir.resolve("repo"))) {
      GitHooks shared = GitHooks.of(dir.resolve("repo"), "repo");

      assertThat(shared.hooks()).isEqualTo(home.resolve("hooks"));
      assertThat(shared.hooksPath()).isTrue();
      assertThat(shared.shared()).isTrue();

      StoredConfig config = repo.git().getRepository().getConfig();
      config.setString("core", null, "hooksPath", ".githooks");
      config.save();
      GitHooks own = GitHooks.of(dir.resolve("repo"), "repo");

      assertThat(own.hooks()).isEqualTo(dir.resolve("repo").toRealPath().resolve(".githooks"));
      assertThat(own.shared()).isFalse();
    } finally {
      SystemReader.setInstance(null);
    }
  }

  @Test
  void shouldExpandTheHomeFolderOfCoreHooksPath() {
    Path root = Path.of("/repo");
    assertThat(GitHooks.hooksPath(root, "~/hooks"))
        .isEqualTo(Path.of(System.getProperty("user.home"), "hooks"));
    assertThat(GitHooks.hooksPath(root, "/etc/hooks")).isEqualTo(Path.of("/etc/hooks"));
    assertThat(GitHooks.hooksPath(root, "tools/../hooks")).isEqualTo(Path.of("/repo/hooks"));
  }

  @Test
  void shouldRefuseWhatIsNoFolderOfAWorkTree(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("file.txt"), "x");
    assertThatThrownBy(() -> GitHooks.of(file, "file.txt"))
        .isInstanceOf(GitProblem.class)
        .hasMessage("'file.txt' is not a folder");

    Path folder = Files.createDirectories(dir.resolve("folder"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), folder);
    assertThatThrownBy(() -> GitHooks.of(link, "link"))
        .isInstanceOf(GitProblem.class)
        .hasMessage("'link' is a symbolic link; give the folder it points to");

    Path bare = dir.resolve("bare.git");
    Git.init().setBare(true).setDirectory(bare.toFile()).call().close();
    assertThatThrownBy(() -> GitHooks.of(bare, "bare.git"))
        .isInstanceOf(GitProblem.class)
        .hasMessageContaining("'bare.git' is in a bare repository");
  }
}
