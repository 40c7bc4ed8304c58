package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

  @TempDir Path tmp;

  /** Writes half the bytes, then fails as a full disk does. */
  private static final OutputFolder.ContentWriter FULL_DISK =
      (temp, content) -> {
        Files.write(temp, java.util.Arrays.copyOf(content, content.length / 2));
        throw new IOException("No space left on device");
      };

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static long files(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.count();
    }
  }

  @Test
  void shouldKeepThePreviousFileWhenTheDiskIsFull() throws IOException {
    Path file = Files.writeString(tmp.resolve("waymark.json"), "{\"previous\": true}\n");

    assertThatThrownBy(() -> OutputFolder.writeFile(file, utf8("{\"next\": true}\n"), FULL_DISK))
        .isInstanceOf(OutputException.class)
        .hasMessage("cannot write " + file + ": no space left on device");

    assertThat(Files.readString(file)).isEqualTo("{\"previous\": true}\n");
    assertThat(files(tmp)).isOne(); // no temporary file left behind
  }

  @Test
  void shouldReplaceAFileWhole() throws IOException {
    OutputFolder folder = OutputFolder.open(tmp.resolve("out"));

    folder.write(Map.of("a.txt", utf8("one"), "report/b.txt", utf8("two")));
    folder.write("a.txt", utf8("three"));

    assertThat(Files.readString(tmp.resolve("out/a.txt"))).isEqualTo("three");
    assertThat(Files.readString(tmp.resolve("out/report/b.txt"))).isEqualTo("two");
    assertThat(files(tmp.resolve("out"))).isEqualTo(2);
  }

  @Test
  void shouldRefuseALinkAtTheTargetAndOnTheWay() throws IOException {
    Path victim = Files.writeString(tmp.resolve("victim"), "mine");
    Path victimFolder = Files.createDirectories(tmp.resolve("victim-folder"));
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.createSymbolicLink(out.resolve("a.txt"), victim);
    Files.createSymbolicLink(out.resolve("report"), victimFolder);
    OutputFolder folder = OutputFolder.open(out);

    assertThatThrownBy(() -> folder.write("a.txt", utf8("x")))
        .hasMessageStartingWith("refusing to write through the symbolic link " + out + "/a.txt");
    assertThatThrownBy(() -> folder.write("report/b.txt", utf8("x")))
        .hasMessageContaining(out + "/report");
    assertThatThrownBy(() -> folder.remove("a.txt")).hasMessageContaining("symbolic link");
    assertThatThrownBy(() -> OutputFolder.open(out.resolve("report")))
        .hasMessageContaining("symbolic link");
    assertThatThrownBy(() -> folder.createNew("a.txt", utf8("x")))
        .hasMessageContaining("symbolic link");

    assertThat(Files.readString(victim)).isEqualTo("mine");
    assertThat(files(victimFolder)).isZero();
  }

  @Test
  void shouldNameTheFileAndTheCauseOnADeviceThatIsFull() {
    Path full = Path.of("/dev/full");
    assumeThat(Files.exists(full)).isTrue();

    assertThatThrownBy(() -> OutputFolder.writeFile(full, utf8("x".repeat(100_000))))
        .isInstanceOf(OutputException.class)
        .hasMessage("cannot write /dev/full: no space left on device");
  }

  @Test
  void shouldNeverOverwriteWithCreateNew() throws IOException {
    OutputFolder folder = OutputFolder.open(tmp);
    Files.writeString(tmp.resolve("kept.txt"), "theirs");

    assertThat(folder.createNew("kept.txt", utf8("ours"))).isFalse();
    assertThat(folder.createNew("sub/new.txt", utf8("ours"))).isTrue();

    assertThat(Files.readString(tmp.resolve("kept.txt"))).isEqualTo("theirs");
    assertThat(Files.readString(tmp.resolve("sub/new.txt"))).isEqualTo("ours");
  }

  @Test
  void shouldRemoveOnlyTheMatchingFiles() throws IOException {
    OutputFolder folder = OutputFolder.open(tmp);
    folder.write(Map.of("r/qbr.html", utf8("x"), "r/notes.txt", utf8("y")));

    assertThat(folder.removeAll("r", n -> n.endsWith(".html"))).containsExactly("qbr.html");
    assertThat(folder.removeAll("missing", n -> true)).isEmpty();
    assertThat(folder.remove("r/qbr.html")).isFalse();

    assertThat(files(tmp.resolve("r"))).isOne();
  }
}
