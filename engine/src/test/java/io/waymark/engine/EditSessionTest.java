package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.model.IdIndex;
import io.waymark.engine.rules.history.FakeHistory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An editor's session: unsaved buffers judged over the files on disk, as validate judges them. */
class EditSessionTest {

  @TempDir Path tmp;

  private final Waymark waymark = Waymark.withoutHistory();

  private static String text(Path file) throws Exception {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  @Test
  void shouldJudgeTheFilesOnDiskLikeValidateWhenNoBufferIsOpen() throws Exception {
    Path repo = Fixtures.copyExample(tmp.resolve("repo"));
    ValidationResult expected;
    try (Checkout checkout =
        waymark.open(Waymark.Request.folder(repo, "repo"), ValidationOptions.defaults())) {
      expected = checkout.validate();
    }
    try (EditSession session = waymark.edit(repo, "repo", ValidationOptions.defaults())) {
      ValidationResult result = session.validate(Map.of());

      assertThat(result.findings()).isEqualTo(expected.findings());
      assertThat(result.suppressed()).isEqualTo(expected.suppressed());
      assertThat(session.root()).isEqualTo(repo.toRealPath());
    }
  }

  /**
   * Files written, added and removed on disk between judgements are seen, whether the session
   * watches the folder (Linux: the last walk given again while nothing changed) or walks it, and
   * whether a file is taken by its stamp or read: each judgement is a fresh validate's.
   */
  @Test
  void shouldSeeEveryChangeOnDiskBetweenJudgements() throws Exception {
    Path repo = Fixtures.copyExample(tmp.resolve("repo"));
    Fixtures.age(repo);
    Path roadmap = repo.resolve("roadmap.yaml");
    String text = text(roadmap);
    List<String> useCases;
    try (var files = Files.list(repo.resolve("use-cases"))) {
      useCases = files.map(Path::toString).sorted().toList();
    }
    Path copy = repo.resolve("use-cases/copied.yaml");

    try (EditSession session = waymark.edit(repo, "repo", ValidationOptions.defaults())) {
      assertThat(session.validate(Map.of()).findings()).isEqualTo(fresh(repo));
      assertThat(session.validate(Map.of()).findings())
          .as("nothing changed")
          .isEqualTo(fresh(repo));

      Files.writeString(roadmap, text.replaceFirst("horizonMonths: \\d+", "horizonMonths: 30"));
      List<Finding> written = session.validate(Map.of()).findings();
      assertThat(written).anyMatch(f -> f.rule().equals("roadmap-horizon")).isEqualTo(fresh(repo));

      Files.copy(Path.of(useCases.get(0)), copy);
      List<Finding> added = session.validate(Map.of()).findings();
      assertThat(added).anyMatch(f -> f.rule().equals("duplicate-id")).isEqualTo(fresh(repo));

      Files.delete(copy);
      Files.writeString(roadmap, text);
      assertThat(session.validate(Map.of()).findings()).isEqualTo(fresh(repo));
    }
  }

  private List<Finding> fresh(Path repo) throws Exception {
    try (Checkout checkout =
        waymark.open(Waymark.Request.folder(repo, "repo"), ValidationOptions.defaults())) {
      return checkout.validate().findings();
    }
  }

  @Test
  void shouldJudgeTheUnsavedBufferInsteadOfTheFileAndForgetItWhenClosed() throws Exception {
    Path repo = Fixtures.copyExample(tmp.resolve("repo"));
    String roadmap = text(repo.resolve("roadmap.yaml"));
    String broken = roadmap.replaceFirst("horizonMonths: \\d+", "horizonMonths: 30");
    assertThat(broken).isNotEqualTo(roadmap);

    try (EditSession session = waymark.edit(repo, "repo", ValidationOptions.defaults())) {
      List<Finding> clean = session.validate(Map.of("roadmap.yaml", roadmap)).findings();
      List<Finding> edited = session.validate(Map.of("roadmap.yaml", broken)).findings();
      List<Finding> again = session.validate(Map.of()).findings();

      assertThat(clean).noneMatch(f -> f.rule().equals("roadmap-horizon"));
      assertThat(edited)
          .anySatisfy(
              f -> {
                assertThat(f.rule()).isEqualTo("roadmap-horizon");
                assertThat(f.file()).isEqualTo("roadmap.yaml");
              });
      assertThat(again).isEqualTo(clean);
    }
    assertThat(text(repo.resolve("roadmap.yaml"))).isEqualTo(roadmap);
  }

  @Test
  void shouldJudgeABufferWithoutAFileOnDiskAsANewFile() throws Exception {
    Path repo = Fixtures.copyExample(tmp.resolve("repo"));
    String duplicate =
        text(repo.resolve("business-cases/mlops-skills.yaml")); // same metadata.id twice

    try (EditSession session = waymark.edit(repo, "repo", ValidationOptions.defaults())) {
      ValidationResult result = session.validate(Map.of("business-cases/copy.yaml", duplicate));

      assertThat(result.files()).contains("business-cases/copy.yaml");
      assertThat(result.findings())
          .anySatisfy(
              f -> {
                assertThat(f.rule()).isEqualTo("duplicate-id");
              });
      IdIndex ids = EditSession.ids(result);
      assertThat(ids.declares("BusinessCase", "bc-mlops-skills")).isTrue();
    }
  }

  @Test
  void shouldReadTheGitHistoryOnceWhileTheBuffersChange() throws Exception {
    Path repo = Fixtures.copyExample(tmp.resolve("repo"));
    FakeHistory history = FakeHistory.complete(); // no versions of any file
    String roadmap = text(repo.resolve("roadmap.yaml"));

    try (EditSession session =
        new Waymark((folder, start) -> history).edit(repo, "repo", ValidationOptions.defaults())) {
      session.validate(Map.of());
      int afterFirst = history.reads().size();
      session.validate(Map.of("roadmap.yaml", roadmap + "\n# edited\n"));
      session.validate(Map.of("roadmap.yaml", roadmap + "\n# edited again\n"));

      assertThat(afterFirst).as("the history rules read the roadmap's history").isPositive();
      assertThat(history.reads()).hasSize(afterFirst);
    }
    assertThat(history.closed()).isTrue();
  }

  @Test
  void shouldRefuseAFolderThatDoesNotExist() {
    assertThatThrownBy(
            () -> waymark.edit(tmp.resolve("missing"), "missing", ValidationOptions.defaults()))
        .isInstanceOf(RequestException.class)
        .hasMessageContaining("no such folder");
  }
}
