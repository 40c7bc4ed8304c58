package io.waymark.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The file modes both archives carry: the launchers and install.sh 0755, so that an unzip that
 * applies them (Info-ZIP's unzip, Jenkins' installers, Python's shutil) makes them executable;
 * everything else 0644. Read from the archives themselves, without unpacking them.
 */
class ArchiveModesTest {

  static final String ROOT = "waymark-" + BundleTest.VERSION + "/";
  static final Map<String, String> EXECUTABLES =
      Map.of(ROOT + "bin/waymark", "755", ROOT + "waymark", "755", ROOT + "install.sh", "755");

  /** The "version made by" of an entry written on Unix: its external attributes hold the mode. */
  private static final int MADE_ON_UNIX = 3;

  @Test
  void shouldMakeTheLaunchersExecutableInTheZip() throws IOException {
    Map<String, String> modes = zipModes();

    for (Map.Entry<String, String> e : EXECUTABLES.entrySet()) {
      assertThat(modes.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(modes.get(ROOT + "bin/waymark.cmd")).isEqualTo("644");
    assertThat(modes.get(ROOT + "lib/waymark.jar")).isEqualTo("644");
  }

  @Test
  void shouldMakeTheLaunchersExecutableInTheTarGz() throws IOException {
    Map<String, String> modes = tarModes();

    for (Map.Entry<String, String> e : EXECUTABLES.entrySet()) {
      assertThat(modes.get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(modes.get(ROOT + "lib/waymark.jar")).isEqualTo("644");
  }

  /**
   * Each file's permission bits in octal, from the upper half of its external attributes; an entry
   * not made on Unix has none ("none"), and an unzip then gives it the default mode.
   */
  private static Map<String, String> zipModes() throws IOException {
    Map<String, String> modes = new HashMap<>();
    byte[] zip = Files.readAllBytes(BundleTest.ZIP);
    // The end of central directory record (signature 0x06054b50, last in the file but for a
    // comment): the number of entries at +10, the central directory's offset at +16.
    int end = zip.length - 22;
    while (end >= 0 && le32(zip, end) != 0x06054b50) {
      end--;
    }
    assertThat(end).as("end of central directory").isNotNegative();
    int entries = le16(zip, end + 10);
    int at = le32(zip, end + 16);
    for (int n = 0; n < entries; n++) {
      // A central directory header: signature 0x02014b50, "made by" (its upper byte the system)
      // at +4, the name's length at +28, the extra field's and comment's at +30 and +32, the
      // external attributes at +38, the name at +46.
      assertThat(le32(zip, at)).as("central directory header").isEqualTo(0x02014b50);
      int system = zip[at + 5] & 0xff;
      int nameLength = le16(zip, at + 28);
      long external = le32(zip, at + 38) & 0xffffffffL;
      String name = new String(zip, at + 46, nameLength, StandardCharsets.UTF_8);
      modes.put(
          name, system == MADE_ON_UNIX ? Long.toOctalString((external >>> 16) & 07777) : "none");
      at += 46 + nameLength + le16(zip, at + 30) + le16(zip, at + 32);
    }
    return modes;
  }

  /** Each entry's mode in octal, from its ustar header (a pax header's entry is skipped). */
  private static Map<String, String> tarModes() throws IOException {
    Map<String, String> modes = new HashMap<>();
    try (InputStream in = new GZIPInputStream(Files.newInputStream(BundleTest.TAR));
        DataInputStream tar = new DataInputStream(in)) {
      byte[] header = new byte[512];
      while (true) {
        try {
          tar.readFully(header);
        } catch (EOFException end) {
          break;
        }
        if (header[0] == 0) {
          break;
        }
        String name = field(header, 0, 100);
        String prefix = field(header, 345, 155);
        long size = Long.parseLong(field(header, 124, 12).trim(), 8);
        char type = (char) header[156];
        if (type == '0' || type == '\0' || type == '5') {
          modes.put(
              prefix.isEmpty() ? name : prefix + "/" + name,
              Integer.toOctalString(Integer.parseInt(field(header, 100, 8).trim(), 8) & 07777));
        }
        tar.skipNBytes((size + 511) / 512 * 512);
      }
    }
    return modes;
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static int le16(byte[] b, int i) {
    return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
  }

  private static int le32(byte[] b, int i) {
    return le16(b, i) | le16(b, i + 2) << 16;
  }
}
