package io.waymark.engine.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Cache writes that a long-lived process makes after it answered (the resident validate server: its
 * client waits for the answer, not for the cache). A run's writes to the on-disk cache (the load's
 * pack or changes, the rule memory, the stored outcome) go through {@link #run}: made at once,
 * unless the current thread {@link #hold}s them, then made in order when the hold ends. Each write
 * is whole on its own (an atomic replacement of one file, keyed by content), so a write made later,
 * or never (the process stopped first), costs the next run time, never a wrong result.
 */
public final class HeldWrites {

  private static final ThreadLocal<List<Runnable>> HELD = new ThreadLocal<>();

  private HeldWrites() {}

  /** Makes {@code write} now, or when the current thread's hold ends. */
  public static void run(Runnable write) {
    List<Runnable> held = HELD.get();
    if (held == null) {
      write.run();
    } else {
      held.add(write);
    }
  }

  /**
   * Holds the current thread's writes until the scope is closed; closing it makes them in the order
   * they came (a failure of one is not the run's: it is dropped, as a write that cannot be made).
   */
  public static Scope hold() {
    List<Runnable> outer = HELD.get();
    List<Runnable> held = new ArrayList<>();
    HELD.set(held);
    return () -> {
      if (outer != null) {
        HELD.set(outer);
        outer.addAll(held);
        return;
      }
      HELD.remove();
      for (Runnable write : held) {
        try {
          write.run();
        } catch (RuntimeException e) {
          // a cache that cannot be written costs time, not results
        }
      }
    };
  }

  /** The span of {@link #hold}; closing it cannot fail. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
