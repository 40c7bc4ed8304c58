package io.waymark.engine;

import io.waymark.engine.load.FolderWatch;
import java.util.Optional;

/**
 * For a long-lived process that validates the same folders again and again (the resident validate
 * server): the file system's change notifications on the folders it walks, so that a run with
 * nothing changed below its folder takes the last walk instead of an {@code lstat} per file. What
 * the notifications cannot vouch for is walked as before (see {@link FolderWatch}). Only where the
 * JDK watches through Linux's inotify.
 */
public final class WatchedFolders implements AutoCloseable {

  private final FolderWatch watch;

  private WatchedFolders(FolderWatch watch) {
    this.watch = watch;
  }

  /** The notifications, where the platform gives them in order; else empty. */
  public static Optional<WatchedFolders> start() {
    return FolderWatch.start().map(WatchedFolders::new);
  }

  /** Makes these the notifications of the runs on the current thread until the scope is closed. */
  public Scope enter() {
    FolderWatch.Scope scope = watch.enter();
    return scope::close;
  }

  /** The span of {@link #enter}; closing it cannot fail. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** How many runs took the last walk of their folder instead of walking it. */
  public long walksGivenAgain() {
    return watch.givenAgain();
  }

  /** Stops watching. */
  @Override
  public void close() {
    watch.close();
  }
}
