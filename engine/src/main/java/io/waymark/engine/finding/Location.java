package io.waymark.engine.finding;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where a finding points: a file relative to the repository root with {@code /} separators, a
 * 1-based line and column in the YAML source, and a JSON Pointer into the document.
 */
public record Location(String file, int line, int column, String path)
    implements Comparable<Location> {

  private static final Comparator<Location> ORDER =
      Comparator.comparing(Location::file)
          .thenComparingInt(Location::line)
          .thenComparingInt(Location::column)
          .thenComparing(Location::path);

  public Location {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(path, "path");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /** The start of a file, for findings about the file as a whole. */
  public static Location ofFile(String file) {
    return new Location(file, 1, 1, "");
  }

  /** The file name of {@link #ofFolder()}: the repository folder itself. */
  public static final String FOLDER = ".";

  /**
   * The repository folder itself, for findings about something missing from it (no Roadmap): a file
   * position would point at a file that does not exist.
   */
  public static Location ofFolder() {
    return new Location(FOLDER, 1, 1, "");
  }

  /** True when this points at the repository folder, not at a file in it. */
  public boolean isFolder() {
    return FOLDER.equals(file);
  }

  @Override
  public int compareTo(Location other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
