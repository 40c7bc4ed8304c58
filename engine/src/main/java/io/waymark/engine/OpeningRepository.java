package io.waymark.engine;

import io.waymark.engine.history.Commit;
import io.waymark.engine.history.FileHistory;
import io.waymark.engine.history.FileVersion;
import io.waymark.engine.history.History;
import io.waymark.engine.history.HistoryGap;
import io.waymark.engine.history.Revision;
import io.waymark.engine.load.Loader;
import io.waymark.engine.load.RepositorySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The Git repository of a work tree, opened on a thread of its own while the files are loaded, and
 * the work tree compared with its {@code HEAD} ({@link Checkout.State#workTree}). Opening a
 * repository costs a fresh JVM about as much as loading a small roadmap (the Git library's classes,
 * its configuration files, the {@code HEAD} commit), and nothing of it is needed before the rules
 * run: the as-of date falls back to the commit's date only after the files are loaded, the history
 * rules read the history last. Whatever asks first waits for it; what is asked is answered exactly
 * as if the repository had been opened first. The history is handed out as soon as the repository
 * is open: the history rules read it while the work tree is still being compared with {@code HEAD}
 * (that comparison reads through readers of its own).
 */
final class OpeningRepository implements Checkout.Pending {

  /** How to open the history (never fails: a repository that cannot be read has none). */
  @FunctionalInterface
  interface Opener {
    History open() throws IOException;
  }

  /**
   * What the opening thread found; {@code failure}: the comparison with {@code HEAD} failed (an
   * {@link IOException}, or unexpectedly, a runtime exception or an error).
   */
  private record Opened(History history, Checkout.State state, Throwable failure) {}

  /** The history, once the repository is open. */
  private final CompletableFuture<History> repository = new CompletableFuture<>();

  /** The history and the work tree's state, once both are known. */
  private final CompletableFuture<Opened> opened = new CompletableFuture<>();

  private final History history = new Pending();

  private OpeningRepository() {}

  /** Starts opening on a daemon thread. */
  static OpeningRepository start(
      Opener opener, RepositorySource folder, Optional<Loader.NamedBytes> config) {
    OpeningRepository repository = new OpeningRepository();
    Thread thread = new Thread(() -> repository.open(opener, folder, config), "waymark-git-open");
    thread.setDaemon(true);
    thread.start();
    return repository;
  }

  private void open(Opener opener, RepositorySource folder, Optional<Loader.NamedBytes> config) {
    History h;
    try {
      h = opener.open();
    } catch (IOException | RuntimeException | Error e) {
      repository.completeExceptionally(e);
      opened.completeExceptionally(e);
      return;
    }
    repository.complete(h);
    Checkout.State state = Checkout.State.NO_GIT;
    Throwable failure = null;
    try {
      if (h.available()) {
        state = Checkout.State.workTree(h, folder, config);
      }
    } catch (IOException | RuntimeException | Error e) {
      // Kept for whoever asks for the state, and for the end of the run (rethrowFailure); the
      // history stays open until closed, as others may be reading it.
      failure = e;
    }
    opened.complete(new Opened(h, state, failure));
  }

  /** The history, waited for on first use. */
  History history() {
    return history;
  }

  /** The state of the work tree; the comparison's failure as an unchecked exception. */
  @Override
  public Checkout.State state() {
    Opened o = join(opened);
    if (o.failure() instanceof IOException e) {
      throw new UncheckedIOException(e);
    }
    rethrowUnchecked(o.failure());
    return o.state();
  }

  /** The commit's date when the work tree is its commit's: the as-of fallback. */
  Optional<LocalDate> revisionDate() {
    return state().revisionDate();
  }

  /**
   * The failure of comparing the work tree with {@code HEAD}, thrown: a run fails with it as it did
   * when the repository was opened first.
   */
  @Override
  public void rethrowFailure() throws IOException {
    Opened o = join(opened);
    if (o.failure() instanceof IOException e) {
      throw e;
    }
    rethrowUnchecked(o.failure());
  }

  private static void rethrowUnchecked(Throwable failure) {
    if (failure instanceof RuntimeException r) {
      throw r;
    }
    if (failure instanceof Error e) {
      throw e;
    }
  }

  /**
   * {@link Futures#join}, with an {@link IOException} unchecked: the callers' methods throw none.
   */
  private static <T> T join(CompletableFuture<T> future) {
    try {
      return Futures.join(future);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The history once opened: every call waits for it, then is the opened history's. */
  private final class Pending implements History {

    private History opened() {
      return join(repository);
    }

    @Override
    public void close() {
      Opened o;
      try {
        o = opened.join();
      } catch (java.util.concurrent.CompletionException e) {
        return; // it failed to open: nothing to close
      }
      o.history().close();
    }

    @Override
    public boolean available() {
      return opened().available();
    }

    @Override
    public Optional<String> limitation() {
      return opened().limitation();
    }

    @Override
    public List<FileVersion> versions(String path) throws IOException {
      return opened().versions(path);
    }

    @Override
    public Optional<HistoryGap> eachVersion(String path, Consumer<FileVersion> visitor)
        throws IOException {
      return opened().eachVersion(path, visitor);
    }

    @Override
    public FileHistory fileHistory(String path) throws IOException {
      return opened().fileHistory(path);
    }

    @Override
    public Revision revision(String name) throws IOException {
      return opened().revision(name);
    }

    @Override
    public Optional<Revision> mergeBase(String name) throws IOException {
      return opened().mergeBase(name);
    }

    @Override
    public Optional<Set<String>> workTreeChanges(
        String commit,
        RepositorySource workTree,
        Map<String, RepositorySource.Entry> listed,
        Predicate<String> judged)
        throws IOException {
      return opened().workTreeChanges(commit, workTree, listed, judged);
    }

    @Override
    public Optional<Commit> lastCommitOnOrBefore(LocalDate day) throws IOException {
      return opened().lastCommitOnOrBefore(day);
    }

    @Override
    public Optional<History> from(String start) throws IOException {
      return opened().from(start);
    }
  }
}
