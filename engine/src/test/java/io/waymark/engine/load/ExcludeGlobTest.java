package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExcludeGlobTest {

  private static final List<String> GLOBS =
      List.of(
          "*.yaml",
          "**",
          "**.yml",
          ".github/**",
          "drafts/*",
          "drafts/**/*.yaml",
          "?.yaml",
          "[a-c]*.yaml",
          "[!a-c]*.yaml",
          "{vendors,metrics}/*.yaml",
          "{a*,b?}/x.yaml",
          "old\\*.yaml",
          "*a*a*ab.yaml",
          "[-a]x.yaml",
          "[a-]x.yaml",
          "");

  private static final List<String> PATHS =
      List.of(
          "roadmap.yaml",
          "a.yaml",
          "b.yaml",
          "d.yaml",
          "-x.yaml",
          "]x.yaml",
          "ax.yaml",
          ".github/workflows/waymark.yml",
          "drafts/one.yaml",
          "drafts/2027/one.yaml",
          "vendors/gpu.yaml",
          "metrics/m.yaml",
          "use-cases/eta.yaml",
          "abc/x.yaml",
          "bc/x.yaml",
          "old*.yaml",
          "oldx.yaml",
          "aaab.yaml",
          "aab.yml",
          "");

  @Test
  void shouldMatchExactlyWhatTheJavaGlobSyntaxMatches() throws Exception {
    for (String glob : GLOBS) {
      PathMatcher java = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      ExcludeGlob ours = ExcludeGlob.compile(glob);
      for (String path : PATHS) {
        assertThat(ours.matches(path))
            .as("'%s' against '%s'", glob, path)
            .isEqualTo(java.matches(Path.of(path)));
      }
    }
  }

  @Test
  void shouldMatchAPathologicalGlobWithoutBacktracking() throws Exception {
    // A backtracking matcher tries about 60^8 ways here and runs for minutes.
    ExcludeGlob glob = ExcludeGlob.compile("*a*a*a*a*a*a*a*ab.yaml");
    String name = "a".repeat(60) + ".yaml";

    for (int i = 0; i < 1000; i++) {
      assertThat(glob.matches(name)).isFalse();
    }
    assertThat(glob.matches("a".repeat(60) + "b.yaml")).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[|missing ']' to close the '[' (at character 1)",
        "a[!b|missing ']' to close the '[' (at character 2)",
        "{a,b|missing '}' to close the group (at character 5)",
        "{a,{b}}|groups { } cannot be nested (at character 4)",
        "x\\|'\\' at the end escapes nothing (at character 2)",
        "[z-a]|range z-a is backwards (at character 4)",
        "[a/b]|'/' cannot be inside [ ] (at character 3)"
      })
  void shouldSayWhyAGlobIsInvalid(String glob, String message) {
    assertThatThrownBy(() -> ExcludeGlob.compile(glob))
        .isInstanceOf(ExcludeGlob.InvalidGlobException.class)
        .hasMessage(message);
  }
}
