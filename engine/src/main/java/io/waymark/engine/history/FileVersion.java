package io.waymark.engine.history;

/**
 * A file's content at one commit, under the path it had then (renames are followed).
 *
 * @param depth how many first parents the commit lies behind the start of the history (0 for the
 *     start itself): the order of the plan of record, whatever the commit dates say
 * @param contentId the content's id in version control (a Git blob id), or empty when unknown: two
 *     versions with the same id have the same content and are read once
 */
public record FileVersion(Commit commit, String path, byte[] bytes, int depth, String contentId) {

  /** A version whose content has no known id (every version is then read on its own). */
  public FileVersion(Commit commit, String path, byte[] bytes, int depth) {
    this(commit, path, bytes, depth, "");
  }

  /** A version whose place on the first-parent line is not known (tests, one file only). */
  public FileVersion(Commit commit, String path, byte[] bytes) {
    this(commit, path, bytes, 0);
  }
}
