package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.waymark.cli.format.Format;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * A result is never lost or faked because its output failed: a full disk or a broken standard
 * output is exit 2 with one line naming the file and the cause, never exit 0, except that a reader
 * that closed the pipe early ({@code | head -1}) gets exit 2 without a word, as {@code cat} says
 * nothing then; and a value no format can carry as it is (a lone surrogate) is made safe instead of
 * breaking the output.
 */
class OutputFailureTest {

  private static final Path FULL = Path.of("/dev/full");

  @TempDir Path tmp;

  /**
   * Runs Main in a JVM of its own, with the environment and standard output given ({@code null}: a
   * pipe to this JVM).
   */
  static Process waymark(List<String> env, File stdout, String... args) throws IOException {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    if (stdout != null) {
      builder.redirectOutput(stdout);
    }
    for (String e : env) {
      String[] kv = e.split("=", 2);
      builder.environment().put(kv[0], kv[1]);
    }
    return builder.start();
  }

  @Test
  void shouldExitTwoWhenStandardOutputIsFull() throws Exception {
    assumeThat(Files.exists(FULL)).isTrue();

    Process p = waymark(List.of(), FULL.toFile(), "validate", GitWorkTree.EXAMPLE.toString());
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(err)
        .isEqualTo(
            "waymark: cannot write standard output: no space left on device; the result is"
                + " lost\n");
  }

  @Test
  void shouldExitTwoQuietlyWhenTheReaderClosesThePipe() {
    for (String[] args : CUT_SHORT) {
      Main.CheckedOutput stdout = new Main.CheckedOutput(failingAfter(100, "Broken pipe"));
      StringWriter err = new StringWriter();

      int code = Main.run(new PrintWriter(stdout), new PrintWriter(err), stdout::failure, args);

      assertThat(code).as(String.join(" ", args)).isEqualTo(2);
      assertThat(err.toString()).as(String.join(" ", args)).isEmpty();
    }
  }

  @Test
  void shouldStillSayWhyWhenStandardOutputFailsOtherwiseInProcess() {
    Main.CheckedOutput stdout = new Main.CheckedOutput(failingAfter(100, "Input/output error"));
    StringWriter err = new StringWriter();

    int code = Main.run(new PrintWriter(stdout), new PrintWriter(err), stdout::failure, "rules");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo(
            "waymark: cannot write standard output: input/output error; the result is lost\n");
  }

  /** As {@code waymark ... | head -1}: the reader takes the first line and closes the pipe. */
  @Test
  void shouldSayNothingWhenTheReaderOfARealPipeStopsAfterOneLine() throws Exception {
    for (String[] args : CUT_SHORT) {
      Process p = waymark(List.of(), null, args);
      p.getOutputStream().close();
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = reader.readLine();
      reader.close();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(first).as(String.join(" ", args)).isNotEmpty();
      assertThat(err).as(String.join(" ", args)).isEmpty();
      if (args[0].equals("rules")) { // 130 kB, more than a pipe holds: the pipe surely broke
        assertThat(p.exitValue()).isEqualTo(2);
      }
    }
  }

  /** The command lines whose output is commonly cut short with {@code | head}. */
  private static final List<String[]> CUT_SHORT =
      List.of(
          new String[] {"schema", "--kind", "roadmap"},
          new String[] {"rules", "--format", "markdown"},
          new String[] {"explain", "history-shallow"});

  /** A stream that takes {@code limit} bytes, then fails every write with {@code message}. */
  private static OutputStream failingAfter(int limit, String message) {
    return new OutputStream() {
      private int written;

      @Override
      public void write(int b) throws IOException {
        if (written >= limit) {
          throw new IOException(message);
        }
        written++;
      }
    };
  }

  @Test
  void shouldNameTheFileAndTheCauseWhenOutputIsFull() {
    assumeThat(Files.exists(FULL)).isTrue();

    Cli cli = Cli.run("validate", GitWorkTree.EXAMPLE.toString(), "--output", FULL.toString());

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err()).isEqualTo("waymark: cannot write /dev/full: no space left on device\n");
    assertThat(cli.out()).isEmpty();
  }

  @Test
  void shouldCarryALoneSurrogateSafelyInEveryFormat() throws IOException {
    KnownFindings repo = KnownFindings.create(tmp);
    Files.writeString(
        repo.dir().resolve("odd.yaml"),
        "apiVersion: waymark/v1\nkind: \"Road\\uD800map\"\nmetadata: {id: odd}\n");

    for (Format format : Format.values()) {
      Path file = tmp.resolve("out." + format);
      Cli cli =
          Cli.run(
              "validate",
              repo.dir().toString(),
              "--format",
              format.name(),
              "--output",
              file.toString());

      assertThat(cli.code()).as(format + ": " + cli.err()).isEqualTo(1);
      String text = strictUtf8(Files.readAllBytes(file));
      assertThat(text).as(format.name()).doesNotContain("Road?map");
      if (format == Format.json || format == Format.sarif || format == Format.gitlab) {
        assertThat(JsonMapper.builder().build().readTree(text).toString())
            .as(format.name())
            .contains("Road\uFFFDmap");
      }
    }
    Cli stdout = Cli.run("validate", repo.dir().toString());
    assertThat(stdout.out()).contains("Road\\ud800map");
  }

  private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  static Optional<String> unused() {
    return Optional.empty();
  }
}
