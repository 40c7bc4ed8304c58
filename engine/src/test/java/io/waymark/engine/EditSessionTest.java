package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.model.IdIndex;
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
  void shouldRefuseAFolderThatDoesNotExist() {
    assertThatThrownBy(
            () -> waymark.edit(tmp.resolve("missing"), "missing", ValidationOptions.defaults()))
        .isInstanceOf(RequestException.class)
        .hasMessageContaining("no such folder");
  }
}
