package io.waymark.engine.load;

import io.waymark.engine.yaml.YamlLimits;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one load read, file by file, for a second load of mostly the same files to take instead of
 * reading them again: a pull request's head, then its base ({@link Loader#load(RepositorySource,
 * java.util.Optional, LoadCache, java.util.function.BiConsumer, Use)}). A file is taken only with
 * the same path, the same bytes (SHA-256) and the same limits (the base's configuration may set
 * others); its outcome is what reading it would give, since reading depends on nothing else: the
 * documents, models and schema findings of a file are its own. The typed models are immutable and
 * shared by both loads, so a base costs the memory of its changed files only. For one run.
 */
public final class Shared {

  private record Kept(byte[] sha256, YamlLimits limits, Loader.FileOutcome outcome) {}

  private final Map<String, Kept> byPath = new ConcurrentHashMap<>();
  private final AtomicInteger taken = new AtomicInteger();

  /** How a load uses it: the first keeps, the second takes. */
  public static final class Use {
    private final Shared shared;
    private final boolean take;

    private Use(Shared shared, boolean take) {
      this.shared = shared;
      this.take = take;
    }

    /** {@code o}, a copy of it kept for the second load (when this is the first). */
    Loader.FileOutcome keep(String path, byte[] sha256, YamlLimits limits, Loader.FileOutcome o) {
      if (!take && sha256 != null) {
        shared.byPath.put(path, new Kept(sha256, limits, o.copy()));
      }
      return o;
    }

    /** A copy of what the first load read of the same file, or null (also for the first). */
    Loader.FileOutcome take(String path, byte[] sha256, YamlLimits limits) {
      if (!take || sha256 == null) {
        return null;
      }
      Kept k = shared.byPath.get(path);
      if (k == null || !Arrays.equals(k.sha256(), sha256) || !k.limits().equals(limits)) {
        return null;
      }
      shared.taken.incrementAndGet();
      return k.outcome().copy();
    }
  }

  /** For the load whose files a second one may take. */
  public Use keeping() {
    return new Use(this, false);
  }

  /** For the second load. */
  public Use taking() {
    return new Use(this, true);
  }

  /** How many files the second load took instead of reading them. */
  public int taken() {
    return taken.get();
  }
}
