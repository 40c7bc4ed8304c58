package io.waymark.engine.history;

/**
 * A file's content at one commit, under the path it had then (renames are followed).
 *
 * @param depth how many first parents the commit lies behind the start of the history (0 for the
 *     start itself): the order of the plan of record, whatever the commit dates say
 */
public record FileVersion(Commit commit, String path, byte[] bytes, int depth) {

  /** A version whose place on the first-parent line is not known (tests, one file only). */
  public FileVersion(Commit commit, String path, byte[] bytes) {
    this(commit, path, bytes, 0);
  }
}
