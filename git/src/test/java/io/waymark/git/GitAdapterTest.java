package io.waymark.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.engine.history.History;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module's entry point hands out the same adapter, hooks and repositories as its parts. */
class GitAdapterTest {

  @TempDir Path tmp;

  @Test
  void shouldOpenTheHistoryOfANewRepositoryAndFindItsHooks() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("roadmap"));
    Files.writeString(dir.resolve("roadmap.yaml"), "kind: Roadmap\n");
    assertThat(GitAdapter.enclosingRepository(dir)).isEmpty();

    GitAdapter.init(dir, List.of("roadmap.yaml"), "A new roadmap");

    assertThat(GitAdapter.enclosingRepository(dir)).isPresent();
    try (History history = GitAdapter.history(dir, "HEAD")) {
      assertThat(history.available()).isTrue();
      assertThat(history.versions("roadmap.yaml")).hasSize(1);
    }
    assertThat(GitAdapter.hooks(dir, "roadmap").preCommit().getFileName().toString())
        .isEqualTo("pre-commit");
    try (StagedCommit index = GitAdapter.stage(dir, "roadmap")) {
      assertThat(index.id()).hasSize(40);
    }
  }

  @Test
  void shouldSayThereIsNoHistoryOutsideGit() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("plain"));
    try (History history = GitAdapter.history(dir, "HEAD")) {
      assertThat(history.available()).isFalse();
    }
    assertThatThrownBy(() -> GitAdapter.hooks(dir, "plain")).isInstanceOf(GitProblem.class);
  }
}
