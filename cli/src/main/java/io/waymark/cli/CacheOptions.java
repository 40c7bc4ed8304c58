package io.waymark.cli;

import io.waymark.engine.Waymark;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --no-cache} and {@code --cache-dir}: the on-disk cache of per-file results ({@code
 * .waymark/cache/} of the roadmap folder by default), on unless turned off. The findings are the
 * same with and without it; it only saves reading, parsing and schema-checking unchanged files.
 */
final class CacheOptions {

  @Option(
      names = "--no-cache",
      description =
          "Read, parse and check every file, and neither read nor write the cache (by default"
              + " the results of unchanged files are kept in DIR/.waymark/cache/, which is safe"
              + " to delete and ignored by Git).")
  boolean noCache;

  @Option(
      names = "--cache-dir",
      paramLabel = "FOLDER",
      description =
          "Keep the cache in FOLDER instead of DIR/.waymark/cache/ (e.g. a folder your CI"
              + " keeps between jobs of one runner). A symbolic link is never followed.")
  Path cacheDir;

  /** The request with the cache these options ask for (none with {@code --no-cache}). */
  Waymark.Request apply(Waymark.Request request) {
    if (noCache) {
      return request;
    }
    return cacheDir != null ? request.cachedIn(cacheDir) : request.cached();
  }

  /** Without a cache (the commands that have no cache options). */
  static final CacheOptions NONE = none();

  private static CacheOptions none() {
    CacheOptions none = new CacheOptions();
    none.noCache = true;
    return none;
  }
}
