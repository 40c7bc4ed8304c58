package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.fix.TextEdit;
import io.waymark.engine.fix.TextPosition;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnifiedDiffTest {

  @TempDir Path tmp;

  private static final String TWENTY =
      String.join(
          "",
          java.util.stream.IntStream.rangeClosed(1, 20).mapToObj(i -> "line" + i + "\n").toList());

  @Test
  void shouldPrintOneHunkPerDistantChangeWithThreeLinesOfContext() {
    List<TextEdit> edits = new ArrayList<>();
    edits.add(replace(TWENTY, "line2\n", "line2\ninserted\n"));
    edits.add(replace(TWENTY, "line15", "LINE15"));

    assertThat(UnifiedDiff.of("f.yaml", TWENTY, edits))
        .isEqualTo(
            """
            --- a/f.yaml
            +++ b/f.yaml
            @@ -1,5 +1,6 @@
             line1
            -line2
            +line2
            +inserted
             line3
             line4
             line5
            @@ -12,7 +13,7 @@
             line12
             line13
             line14
            -line15
            +LINE15
             line16
             line17
             line18
            """);
    assertAppliesWithGit(TWENTY, edits);
  }

  @Test
  void shouldJoinChangesCloserThanTwiceTheContextIntoOneHunk() {
    List<TextEdit> edits =
        List.of(replace(TWENTY, "line5\n", "five\n"), replace(TWENTY, "line11", "eleven"));

    String diff = UnifiedDiff.of("f.yaml", TWENTY, edits);

    assertThat(diff).contains("@@ -2,13 +2,13 @@").containsOnlyOnce("@@ -");
    assertAppliesWithGit(TWENTY, edits);
  }

  @Test
  void shouldMarkALastLineWithoutLineBreakAndKeepCarriageReturns() {
    String text = "a: 1\r\nstatus: done\r\nb: 2";
    int end = text.length();
    List<TextEdit> edits =
        List.of(
            replace(text, "1", "10"),
            new TextEdit(end, end, new TextPosition(3, 5), new TextPosition(3, 5), "\r\nc: 3"));

    String diff = UnifiedDiff.of("f.yaml", text, edits);

    assertThat(diff)
        .isEqualTo(
            "--- a/f.yaml\n+++ b/f.yaml\n@@ -1,3 +1,4 @@\n-a: 1\r\n+a: 10\r\n status: done\r\n"
                + "-b: 2\n\\ No newline at end of file\n+b: 2\r\n+c: 3\n"
                + "\\ No newline at end of file\n");
    assertAppliesWithGit(text, edits);
  }

  @Test
  void shouldPrintNothingWithoutEdits() {
    assertThat(UnifiedDiff.of("f.yaml", TWENTY, List.of())).isEmpty();
  }

  private static TextEdit replace(String text, String from, String to) {
    int at = text.indexOf(from);
    return new TextEdit(at, at + from.length(), new TextPosition(1, 1), new TextPosition(1, 1), to);
  }

  /** A real patch implementation (JGit's, as 'git apply') gives the edited text from the diff. */
  @Test
  void shouldEndTheFileNameWithATabWhenItHasASpaceAsGitDoesForPatch() throws Exception {
    String path = "road map/business cases/f.yaml";
    List<TextEdit> edits = List.of(replace(TWENTY, "line15", "LINE15"));
    String diff = UnifiedDiff.of(path, TWENTY, edits);

    // GNU patch ends a name at white space unless a tab ends it.
    assertThat(diff).startsWith("--- a/" + path + "\t\n+++ b/" + path + "\t\n");
    assertThat(UnifiedDiff.of("f.yaml", TWENTY, edits)).startsWith("--- a/f.yaml\n");
    Path file = Files.createDirectories(tmp.resolve("road map/business cases")).resolve("f.yaml");
    Files.writeString(file, TWENTY, StandardCharsets.UTF_8);
    Process patch;
    try {
      patch =
          new ProcessBuilder("patch", "-p1", "--batch")
              .directory(tmp.toFile())
              .redirectErrorStream(true)
              .start();
    } catch (java.io.IOException e) {
      org.junit.jupiter.api.Assumptions.abort("no patch here: " + e.getMessage());
      return;
    }
    try (var in = patch.getOutputStream()) {
      in.write(diff.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(patch.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(patch.waitFor()).as(output).isZero();
    assertThat(file).content().isEqualTo(TextEdit.applyAll(TWENTY, edits));
  }

  private void assertAppliesWithGit(String text, List<TextEdit> edits) {
    try (Git git = Git.init().setDirectory(tmp.resolve("repo").toFile()).call()) {
      Path file = tmp.resolve("repo/f.yaml");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      git.apply()
          .setPatch(
              new ByteArrayInputStream(
                  UnifiedDiff.of("f.yaml", text, edits).getBytes(StandardCharsets.UTF_8)))
          .call();
      assertThat(Files.readString(file, StandardCharsets.UTF_8))
          .isEqualTo(TextEdit.applyAll(text, edits));
    } catch (Exception e) {
      throw new AssertionError("the diff does not apply: " + e.getMessage(), e);
    }
  }
}
