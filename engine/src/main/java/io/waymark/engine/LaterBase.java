package io.waymark.engine;

import io.waymark.engine.load.RepositorySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A pull request's base ({@code --base}) resolved on a thread of its own while the head's files are
 * loaded: the revision named, its merge-base with the head and the roadmap folder in it ({@link
 * BasePoint}). On a large repository this took about 0.2 s before the head's load could start (the
 * repository opened, the merge-base walked); nothing of it is needed before the base's own load,
 * which comes after the head's ({@link ValidationOptions#withBaseResolved()} waits for it there). A
 * resolution that fails fails the run with the same exception, thrown where it is waited for;
 * {@link #await()} ends the thread before the repository it reads is closed.
 *
 * <p>As the base's files it forwards to the resolved revision's, waiting for it: the validator
 * takes the resolved revision itself, with its limitations.
 */
final class LaterBase implements RepositorySource {

  /** Resolves the base (from a repository that may itself still be opening). */
  @FunctionalInterface
  interface Resolver {
    BasePoint resolve() throws IOException;
  }

  private final CompletableFuture<BasePoint> point = new CompletableFuture<>();
  private Thread thread;

  private LaterBase() {}

  /** Starts resolving on a daemon thread. */
  static LaterBase start(Resolver resolver) {
    LaterBase later = new LaterBase();
    Thread thread =
        new Thread(
            () -> {
              try {
                later.point.complete(resolver.resolve());
              } catch (IOException | RuntimeException | Error e) {
                later.point.completeExceptionally(e);
              }
            },
            "waymark-base");
    thread.setDaemon(true);
    later.thread = thread;
    thread.start();
    return later;
  }

  /**
   * The resolved base, waited for; a failed resolution throws what it threw (a {@link
   * RequestException} for a revision Git does not know, an {@link IOException} for a repository
   * that cannot be read), as {@link Waymark#open} did when it resolved the base first.
   */
  BasePoint point() throws IOException {
    return Futures.join(point);
  }

  /** Waits until the resolving thread has ended, whatever it found. */
  void await() {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true; // the repository must not be closed under the thread: wait on
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private RepositorySource source() throws IOException {
    return point().revision().source();
  }

  private RepositorySource sourceUnchecked() {
    try {
      return source();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String label() {
    return sourceUnchecked().label();
  }

  @Override
  public List<Entry> list() throws IOException {
    return source().list();
  }

  @Override
  public List<Entry> list(int many, Runnable whenMany) throws IOException {
    return source().list(many, whenMany);
  }

  @Override
  public byte[] read(String path) throws IOException {
    return source().read(path);
  }

  @Override
  public String stamp(String path) {
    return sourceUnchecked().stamp(path);
  }

  @Override
  public Optional<String> blobId(String path) {
    return sourceUnchecked().blobId(path);
  }
}
