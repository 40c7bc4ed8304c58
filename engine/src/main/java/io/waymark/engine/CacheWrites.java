package io.waymark.engine;

import io.waymark.engine.load.HeldWrites;

/**
 * For a long-lived process that answers a run before it writes the run's cache (the resident
 * validate server): the on-disk cache's writes of the runs on the current thread are held until the
 * scope is closed, then made in order (see {@link HeldWrites}). Elsewhere every write is made at
 * once, as before.
 */
public final class CacheWrites {

  private CacheWrites() {}

  /** Holds the current thread's cache writes until the returned scope is closed. */
  public static Held hold() {
    HeldWrites.Scope scope = HeldWrites.hold();
    return scope::close;
  }

  /** The span of {@link #hold}; closing it makes the writes and cannot fail. */
  @FunctionalInterface
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }
}
