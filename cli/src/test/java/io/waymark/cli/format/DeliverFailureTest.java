package io.waymark.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.report.OutputException;
import io.waymark.report.OutputFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --output FILE} is replaced atomically: a full disk leaves the previous result intact. */
class DeliverFailureTest {

  @TempDir Path tmp;

  @Test
  void shouldKeepThePreviousResultWhenTheDiskFillsUp() throws IOException {
    Path file = Files.writeString(tmp.resolve("waymark.json"), "{\"previous\": \"result\"}\n");
    OutputFolder.ContentWriter fullDisk =
        (temp, content) -> {
          Files.write(temp, Arrays.copyOf(content, content.length / 3));
          throw new IOException("No space left on device");
        };
    StringWriter stdout = new StringWriter();

    assertThatThrownBy(
            () ->
                Formats.deliver(
                    new PrintWriter(stdout),
                    file,
                    false,
                    "{\"findings\": []}\n",
                    () -> "summary",
                    fullDisk))
        .isInstanceOf(OutputException.class)
        .hasMessage("cannot write " + file + ": no space left on device");

    assertThat(Files.readString(file)).isEqualTo("{\"previous\": \"result\"}\n");
    assertThat(stdout.toString()).isEmpty();
    try (Stream<Path> list = Files.list(tmp)) {
      assertThat(list).containsExactly(file);
    }
  }
}
