package io.waymark.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real editor's built-in LSP client against {@code waymark lsp} in a child JVM: headless Neovim
 * opens the example roadmap's {@code roadmap.yaml}, makes a reference dangling without saving, and
 * the diagnostic it then holds is read back. Skipped where Neovim is not installed ({@code .ci/run}
 * installs Debian's {@code neovim}).
 */
class NeovimEndToEndTest {

  @TempDir Path tmp;

  private static boolean neovimRuns() {
    try {
      Process p = new ProcessBuilder("nvim", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Test
  void shouldShowTheDiagnosticOfAnUnsavedMistakeInNeovim() throws Exception {
    assumeTrue(
        neovimRuns(),
        "Neovim (nvim) is not installed: the end-to-end editor test is skipped; install Debian's"
            + " 'neovim' package (.ci/run does) to run it");
    Path repo = LanguageServerTest.copyExample(tmp.resolve("roadmap"));
    Path script = tmp.resolve("e2e.lua");
    try (InputStream in = getClass().getResourceAsStream("nvim-e2e.lua")) {
      Files.write(script, in.readAllBytes());
    }
    Path result = tmp.resolve("diagnostics.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    com.google.gson.JsonArray cmd = new com.google.gson.JsonArray();
    for (String part :
        List.of(java, "-cp", System.getProperty("java.class.path"), "io.waymark.cli.Main", "lsp")) {
      cmd.add(part);
    }
    ProcessBuilder nvim =
        new ProcessBuilder(
                "nvim", "--headless", "--clean", "-n", "-i", "NONE", "-c", "luafile " + script)
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("nvim.log").toFile());
    nvim.environment().put("WAYMARK_ROOT", repo.toString());
    nvim.environment().put("WAYMARK_OUT", result.toString());
    nvim.environment().put("WAYMARK_LSP_CMD", cmd.toString());
    Process p = nvim.start();
    boolean ended = p.waitFor(180, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    assertThat(ended).as("Neovim ended within 3 minutes").isTrue();
    assertThat(result).as(Files.readString(tmp.resolve("nvim.log"))).exists();

    List<String> lines = Files.readAllLines(result, StandardCharsets.UTF_8);
    String edited = lines.get(lines.size() - 1);
    assertThat(edited).startsWith("EDITED ");
    int line = Integer.parseInt(edited.substring("EDITED ".length()));
    String roadmap = Files.readString(repo.resolve("roadmap.yaml"), StandardCharsets.UTF_8);
    int column = roadmap.split("\n", -1)[line].indexOf("bc-pipeline-automation");
    // severity 1 = error in Neovim's vim.diagnostic.severity
    assertThat(lines).contains("ref-unresolved " + line + " " + column + " 1 waymark");
    assertThat(roadmap).as("nothing was saved").contains("bc-pipeline-automation");
  }
}
