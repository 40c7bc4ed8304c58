package io.waymark.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code waymark init}'s repository: one commit on main holding exactly the files given. */
class NewRepositoryTest {

  @TempDir Path tmp;

  @Test
  void shouldCommitTheGivenFilesOnMainAsTheOnlyCommit() throws Exception {
    Path dir = tmp.resolve("roadmap");
    Files.createDirectories(dir.resolve("metrics"));
    Files.writeString(dir.resolve("roadmap.yaml"), "kind: Roadmap\n");
    Files.writeString(dir.resolve("metrics/kpis.yaml"), "kind: Metrics\n");
    Files.writeString(dir.resolve("notes.txt"), "not part of the scaffold\n");

    NewRepository.create(dir, List.of("roadmap.yaml", "metrics/kpis.yaml"), "A new roadmap");

    try (Git git = Git.open(dir.toFile())) {
      assertThat(git.getRepository().getBranch()).isEqualTo("main");
      List<RevCommit> log = new java.util.ArrayList<>();
      git.log().call().forEach(log::add);
      assertThat(log)
          .singleElement()
          .extracting(RevCommit::getFullMessage)
          .isEqualTo("A new roadmap");
      assertThat(git.status().call().getUntracked()).containsExactly("notes.txt");
      assertThat(git.status().call().isClean()).isFalse();
    }
  }

  @Test
  void shouldFindTheRepositoryThatEnclosesAFolder() throws Exception {
    Path outside = tmp.resolve("outside");
    Files.createDirectories(outside);
    assertThat(NewRepository.enclosing(outside)).isEmpty();

    Path repo = tmp.resolve("repo");
    Files.createDirectories(repo.resolve("plans/deep"));
    Files.writeString(repo.resolve("plans/a.yaml"), "a: 1\n");
    NewRepository.create(repo, List.of("plans/a.yaml"), "first");

    assertThat(NewRepository.enclosing(repo.resolve("plans/deep")))
        .hasValueSatisfying(git -> assertThat(git.getFileName().toString()).isEqualTo(".git"));
  }
}
