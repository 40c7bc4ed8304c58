package io.waymark.report;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fully rendered set of report files, held in memory until {@link #writeTo}: a template that
 * fails leaves nothing behind, and each file appears in the output folder whole or not at all.
 */
public final class RenderedReport {

  private final Map<String, byte[]> files;
  private final List<String> notes;

  RenderedReport(Map<String, byte[]> files) {
    this(files, List.of());
  }

  RenderedReport(Map<String, byte[]> files, List<String> notes) {
    this.files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    this.notes = List.copyOf(notes);
  }

  /**
   * What the reader of the command's output should know about the files (one line each, without the
   * "waymark: " prefix): a PDF that prints some characters as {@code #} for want of a font.
   */
  public List<String> notes() {
    return notes;
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

  /**
   * Writes every file into {@code folder} (created if needed) through {@link OutputFolder}: each by
   * an atomic rename, never through a symbolic link.
   */
  public void writeTo(Path folder) throws OutputException {
    OutputFolder.open(folder).write(files);
  }

  /** As {@link #writeTo(Path)}, into a folder already opened. */
  public void writeTo(OutputFolder folder, String subfolder) throws OutputException {
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      folder.write(subfolder + "/" + e.getKey(), e.getValue());
    }
  }
}
