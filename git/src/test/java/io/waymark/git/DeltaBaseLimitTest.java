package io.waymark.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.history.FileVersion;
import io.waymark.engine.history.History;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaBaseLimitTest {

  @TempDir Path dir;

  /** A roadmap of about {@code lines} lines, version {@code n} differing in one of them. */
  private static String roadmap(int lines, int n) {
    StringBuilder text = new StringBuilder("kind: Roadmap\n");
    for (int i = 0; i < lines; i++) {
      text.append("- initiative-").append(i).append(": ");
      text.append(i == lines / 2 ? "version " + n : "unchanged text of line " + i).append('\n');
    }
    return text.toString();
  }

  @Test
  void shouldStartSmallOnlyGrowAndNeverPassJGitsDefault() {
    int initial = DeltaBaseLimit.INITIAL;

    assertThat(DeltaBaseLimit.limit(0, 0)).isEqualTo(initial);
    assertThat(DeltaBaseLimit.limit(initial + 1L, initial)).isEqualTo(initial + 1);
    assertThat(DeltaBaseLimit.limit(10, initial + 1)).isEqualTo(initial + 1);
    assertThat(DeltaBaseLimit.limit(Long.MAX_VALUE, initial)).isEqualTo(DeltaBaseLimit.MAX);
    assertThat(DeltaBaseLimit.MAX).isEqualTo(10 * 1024 * 1024);
  }

  @Test
  void shouldReadEveryVersionOfAFileLargerThanTheLimitAndMakeRoomForIt() throws Exception {
    List<String> written = new ArrayList<>();
    try (GitRepo repo = GitRepo.init(dir)) {
      for (int n = 0; n < 12; n++) {
        String text = roadmap(12_000, n);
        written.add(0, text);
        repo.write("roadmap.yaml", text).commit("Version " + n);
      }
      // Packed: the older versions become deltas on the newer ones, as in a real repository.
      repo.git().gc().setAggressive(false).call();
    }
    int size = written.get(0).length();
    assertThat(size).isGreaterThan(DeltaBaseLimit.INITIAL);

    try (History history = GitHistory.open(dir, "HEAD")) {
      List<FileVersion> versions = history.versions("roadmap.yaml");

      assertThat(versions)
          .extracting(v -> new String(v.bytes(), StandardCharsets.UTF_8))
          .containsExactlyElementsOf(written);
    }
    assertThat(DeltaBaseLimit.installed())
        .isGreaterThanOrEqualTo(Math.min(2 * size, DeltaBaseLimit.MAX));
  }
}
