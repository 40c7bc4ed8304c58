package io.waymark.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A fully rendered set of report files, held in memory until {@link #writeTo}: a template that
 * fails leaves nothing behind, and each file appears in the output folder whole or not at all.
 */
public final class RenderedReport {

  private final Map<String, byte[]> files;

  RenderedReport(Map<String, byte[]> files) {
    this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }

  /**
   * Writes files into {@code folder} (created if needed), each by an atomic rename of a temporary
   * file beside it, so a reader never sees half a file. Also used for the CI result files.
   */
  public static void writeAtomically(Path folder, Map<String, byte[]> files) throws IOException {
    new RenderedReport(files).writeTo(folder);
  }

  /** File name to content, in the order they are written. */
  public Map<String, byte[]> files() {
    return files;
  }

  public String text(String name) {
    byte[] b = files.get(name);
    if (b == null) {
      throw new IllegalArgumentException("no report file named " + name);
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  /** Writes every file into {@code folder} (created if needed), each by an atomic rename. */
  public void writeTo(Path folder) throws IOException {
    Files.createDirectories(folder);
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      Path target = folder.resolve(e.getKey());
      Path temp = folder.resolve("." + e.getKey() + "." + UUID.randomUUID() + ".tmp");
      try {
        Files.write(temp, e.getValue(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
          Files.move(
              temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException ex) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    }
  }
}
