package io.waymark.git;

import org.eclipse.jgit.storage.file.WindowCacheConfig;

/**
 * The size of JGit's delta base cache for this process: the bytes each object reader keeps of the
 * objects it inflated as the base of a delta.
 *
 * <p>A file's history is read newest first, and Git stores an older version as a delta on a newer
 * one: reading a version needs the one read just before it, and JGit keeps that one as the base of
 * the next. One base of the file's size is all the walk needs. JGit's default (10 MiB) keeps
 * hundreds of a 20 KB file's versions: each lives long enough to be moved to the old generation by
 * a young collection, then is evicted as garbage that only a full collection frees. In a
 * 10,000-commit history that was over 200 MiB of the peak memory (see docs/performance.md, session
 * 16). Smaller limits cost no time there; a file larger than the limit is not cached at all (each
 * version then applies its whole delta chain), so a walk raises the limit to twice its file first.
 */
final class DeltaBaseLimit {

  /** The limit a process starts with: room for a few versions of a roadmap, and most trees. */
  static final int INITIAL = 256 * 1024;

  /** JGit's own default, never exceeded. */
  static final int MAX = 10 * 1024 * 1024;

  private static int installed;

  private DeltaBaseLimit() {}

  /**
   * Makes the limit at least {@code bytes} (and {@link #INITIAL}, at most {@link #MAX}) for the
   * object readers made after this call; it only grows.
   */
  static synchronized void atLeast(long bytes) {
    int wanted = limit(bytes, installed);
    if (wanted != installed) {
      WindowCacheConfig config = new WindowCacheConfig();
      config.setDeltaBaseCacheLimit(wanted);
      config.install();
      installed = wanted;
    }
  }

  /** The limit for a need of {@code bytes} when {@code installed} is in force. */
  static int limit(long bytes, int installed) {
    return (int) Math.max(installed, Math.min(MAX, Math.max(INITIAL, bytes)));
  }

  /** The limit now in force (0 before the first repository was opened). */
  static synchronized int installed() {
    return installed;
  }
}
