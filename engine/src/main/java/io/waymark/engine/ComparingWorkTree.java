package io.waymark.engine;

import io.waymark.engine.history.History;
import io.waymark.engine.load.Loader;
import io.waymark.engine.load.RepositorySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The comparison of a work tree with {@code HEAD} (is it its commit? {@link
 * Checkout.State#workTree}) run beside the load, for a run with a pull request's base: the base is
 * resolved and the files are read meanwhile, as a run without a base does with its repository still
 * opening ({@link OpeningRepository}). On a large repository the comparison looks at every file's
 * attributes (10,000 files: about half a second), which had been on the critical path before the
 * load started.
 */
final class ComparingWorkTree implements Checkout.Pending {

  private final CompletableFuture<Checkout.State> state = new CompletableFuture<>();

  private ComparingWorkTree() {}

  static ComparingWorkTree start(
      History history, RepositorySource folder, Optional<Loader.NamedBytes> config) {
    ComparingWorkTree comparing = new ComparingWorkTree();
    Thread thread =
        new Thread(
            () -> {
              try {
                comparing.state.complete(Checkout.State.workTree(history, folder, config));
              } catch (IOException | RuntimeException | Error e) {
                comparing.state.completeExceptionally(e);
              }
            },
            "waymark-work-tree");
    thread.setDaemon(true);
    thread.start();
    return comparing;
  }

  @Override
  public Checkout.State state() {
    try {
      return state.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  @Override
  public void rethrowFailure() throws IOException {
    try {
      state();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The commit date of the work tree when it is its commit's, waited for. */
  Optional<java.time.LocalDate> revisionDate() {
    return state().revisionDate();
  }
}
