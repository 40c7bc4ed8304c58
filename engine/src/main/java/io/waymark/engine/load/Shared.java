package io.waymark.engine.load;

import io.waymark.engine.yaml.YamlLimits;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

/**
 * What one load read, file by file, for a second load of mostly the same files to take instead of
 * reading them again: a pull request's head, then its base ({@link Loader#load(RepositorySource,
 * java.util.Optional, LoadCache, java.util.function.BiConsumer, Use)}). A file is taken only with
 * the same path, the same limits (the base's configuration may set others) and the same bytes: the
 * first load notes each file's length and CRC-32C (cheap, so that most changed files are told apart
 * without more), and a candidate is confirmed by comparing the second load's bytes with the first's
 * file, read again, byte for byte, and that file with the length and CRC-32C it had (a file changed
 * in between is read, not taken). A checksum alone is no proof: a pull request could make a file
 * that matches the base's checksum with other content. The outcome of a file depends on nothing but
 * its path, bytes and limits (its documents, models and schema findings are its own), and the typed
 * models are immutable: both loads share them, so a base costs the time and memory of its changed
 * files only. For one run.
 */
public final class Shared {

  private record Kept(int length, int crc, YamlLimits limits, Loader.FileOutcome outcome) {}

  private final Map<String, Kept> byPath = new ConcurrentHashMap<>();
  private final AtomicInteger taken = new AtomicInteger();
  private final java.util.function.ToIntFunction<byte[]> checksum;
  private volatile RepositorySource first;

  public Shared() {
    this(Shared::crc);
  }

  /** With another checksum: a test's that makes every file of a length a candidate. */
  Shared(java.util.function.ToIntFunction<byte[]> checksum) {
    this.checksum = checksum;
  }

  /** How a load uses it: the first keeps, the second takes. */
  public static final class Use {
    private final Shared shared;
    private final boolean take;

    private Use(Shared shared, boolean take) {
      this.shared = shared;
      this.take = take;
    }

    /** {@code o}, a copy of it kept for the second load (when this is the first). */
    Loader.FileOutcome keep(String path, byte[] bytes, YamlLimits limits, Loader.FileOutcome o) {
      if (!take) {
        shared.byPath.put(
            path, new Kept(bytes.length, shared.checksum.applyAsInt(bytes), limits, o.copy()));
      }
      return o;
    }

    /**
     * A copy of what the first load read of the file with these very bytes at this path, or null
     * (also for the first load).
     */
    Loader.FileOutcome take(String path, byte[] bytes, YamlLimits limits) {
      if (!take) {
        return null;
      }
      Kept k = shared.byPath.get(path);
      if (k == null
          || k.length() != bytes.length
          || !k.limits().equals(limits)
          || k.crc() != shared.checksum.applyAsInt(bytes)) {
        return null;
      }
      byte[] again;
      try {
        again = shared.first.read(path);
      } catch (IOException | RuntimeException e) {
        return null;
      }
      if (again.length != k.length()
          || shared.checksum.applyAsInt(again) != k.crc()
          || !Arrays.equals(again, bytes)) {
        return null;
      }
      shared.taken.incrementAndGet();
      return k.outcome().copy();
    }
  }

  private static int crc(byte[] bytes) {
    CRC32C c = new CRC32C();
    c.update(bytes, 0, bytes.length);
    return (int) c.getValue();
  }

  /** For the load of {@code source}, whose files a second load may take. */
  public Use keeping(RepositorySource source) {
    first = source;
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
