package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.cli.format.Utf8Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The outcome kept for a run with the same inputs: written as it is asked for, read back whole. */
class StoredOutputTest {

  @Test
  void shouldReadBackTheExitCodeTheTextAsPrintedAndTheSummary() throws IOException {
    String text = "roadmap.yaml:3:1  error  [schema] ✖ missing 'title'\n".repeat(3);
    byte[] bytes =
        written(StoredOutput.printed(ExitCode.FINDINGS, Utf8Text.of(text), "✖ 3 errors"));

    StoredOutput o = StoredOutput.decode(bytes).orElseThrow();

    assertThat(o.exitCode()).isEqualTo(ExitCode.FINDINGS);
    assertThat(Arrays.copyOfRange(o.bytes(), o.textFrom(), o.textFrom() + o.textLength()))
        .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    assertThat(o.summary()).isEqualTo("✖ 3 errors");
  }

  @Test
  void shouldTellItsLengthBeforeItIsWritten() throws IOException {
    var printed = StoredOutput.printed(ExitCode.OK, Utf8Text.of("ok ✔\n"), "");

    assertThat(written(printed)).hasSize(printed.length());
  }

  @Test
  void shouldRefuseBytesThatDoNotReadBackExactly() throws IOException {
    byte[] bytes = written(StoredOutput.printed(ExitCode.OK, Utf8Text.of("ok\n"), "fine"));

    assertThat(StoredOutput.decode(Arrays.copyOf(bytes, bytes.length - 1))).isEmpty();
    assertThat(StoredOutput.decode(Arrays.copyOf(bytes, bytes.length + 1))).isEmpty();
    byte[] otherVersion = bytes.clone();
    otherVersion[0] = 9;
    assertThat(StoredOutput.decode(otherVersion)).isEmpty();
    byte[] otherExit = bytes.clone();
    otherExit[4] = 7; // an exit code validate never gives
    assertThat(StoredOutput.decode(otherExit)).isEmpty();
  }

  private static byte[] written(io.waymark.engine.load.Printed printed) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    printed.writeTo(out);
    return out.toByteArray();
  }
}
