package io.waymark.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code install.sh} of the repository root, as a user meets it before installing anything (the
 * installs themselves are in {@link BundleTest}, which needs the assembled bundle).
 */
class InstallScriptTest {

  static final Path INSTALL = Path.of("..", "install.sh");

  @Test
  void shouldPrintItsUsageAndNoneOfItsCodeOnHelp() throws Exception {
    Process p =
        new ProcessBuilder("bash", INSTALL.toString(), "--help").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out)
        .startsWith("Installs a Waymark release bundle")
        .contains("--prefix DIR", "--bin DIR", "--sha256 HEX")
        .doesNotContain("set -euo pipefail", "die()");
    assertThat(out.strip()).endsWith("is checked when there is one)");
  }
}
