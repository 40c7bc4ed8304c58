package io.waymark.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.engine.history.FileVersion;
import io.waymark.engine.history.History;
import io.waymark.engine.history.UnknownRevisionException;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same repository from another start, without opening it again ({@code waymark diff}). */
class GitHistoryFromTest {

  @TempDir Path dir;

  private static List<String> ids(List<FileVersion> versions) {
    return versions.stream().map(v -> v.commit().id()).toList();
  }

  @Test
  void shouldReadFromAnotherStartAsAnOpenAtThatStartDoes() throws Exception {
    RevCommit first;
    RevCommit second;
    try (GitRepo repo = GitRepo.init(dir)) {
      first = repo.write("roadmap.yaml", "due: 2027-03-01\n").commit("Plan the pilot");
      second = repo.write("roadmap.yaml", "due: 2027-04-01\n").commit("Move the pilot");
      repo.write("roadmap.yaml", "due: 2027-05-01\n").commit("Move it again");
    }

    try (History head = GitHistory.open(dir, "HEAD")) {
      List<String> fromBase;
      try (History base = head.from(second.name()).orElseThrow()) {
        fromBase = ids(base.versions("roadmap.yaml"));
        assertThat(base.lastCommitOnOrBefore(java.time.LocalDate.of(2100, 1, 1)))
            .as("the walk starts at the base")
            .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(second.name()));
      }
      try (History opened = GitHistory.open(dir, second.name())) {
        assertThat(fromBase).isEqualTo(ids(opened.versions("roadmap.yaml")));
      }
      assertThat(fromBase).containsExactly(second.name(), first.name());
      assertThat(head.versions("roadmap.yaml"))
          .as("the first history stays open when the second is closed")
          .hasSize(3);
      assertThatThrownBy(() -> head.from("no-such-branch"))
          .isInstanceOf(UnknownRevisionException.class);
    }
  }

  @Test
  void shouldNotStartElsewhereWithoutARepository() throws Exception {
    try (History none = GitHistory.open(dir, "HEAD")) {
      assertThat(none.available()).isFalse();
      assertThat(none.from("HEAD")).isEmpty();
    }
  }
}
