package io.waymark.cli;

import io.waymark.engine.RequestException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * {@code waymark validate --watch}: validates once, then again after every change of a file under
 * the folder (sub-folders included, symbolic links not followed, {@code .git} ignored), once the
 * changes have paused for {@link #DEBOUNCE_MS}. A run that fails (an unreadable file, a usage
 * error) prints its message and the watch goes on. {@link #stop()} (the Ctrl-C shutdown hook) ends
 * it.
 */
final class Watch implements AutoCloseable {

  /** How long the files must stay unchanged before the next run. */
  static final long DEBOUNCE_MS = 300;

  /** ANSI: cursor home, clear the screen. */
  static final String CLEAR = "\033[H\033[2J";

  /** Test hook: told of every watch once it watches, so that a test can stop it. */
  static volatile Consumer<Watch> started = w -> {};

  private final Path root;
  private final WatchService service;
  private final Map<WatchKey, Path> folders = new HashMap<>();
  private volatile boolean stopped;
  private volatile int runs;

  Watch(Path root) throws IOException {
    this.root = root;
    this.service = FileSystems.getDefault().newWatchService();
  }

  /** How many validations have been run. */
  int runs() {
    return runs;
  }

  /** Ends {@link #run}; safe from any thread, more than once. */
  void stop() {
    stopped = true;
    try {
      service.close();
    } catch (IOException e) {
      // closing is best effort: the loop ends on the flag too
    }
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Runs {@code once} now and after each settled change until stopped; clears the screen first when
   * {@code clear}.
   */
  void run(IntSupplier once, PrintWriter out, PrintWriter err, boolean clear) throws IOException {
    register(root);
    started.accept(this);
    runOnce(once, out, err, clear);
    while (!stopped) {
      try {
        WatchKey key = service.take();
        boolean changed = drain(key);
        // Debounce: wait until no event arrives for DEBOUNCE_MS.
        WatchKey next;
        while ((next = service.poll(DEBOUNCE_MS, TimeUnit.MILLISECONDS)) != null) {
          changed |= drain(next);
        }
        if (changed && !stopped) {
          runOnce(once, out, err, clear);
        }
      } catch (ClosedWatchServiceException e) {
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
  }

  private void runOnce(IntSupplier once, PrintWriter out, PrintWriter err, boolean clear) {
    if (clear) {
      out.print(CLEAR);
    }
    int code;
    try {
      code = once.getAsInt();
    } catch (UserError | RequestException e) {
      err.println("waymark: " + e.getMessage());
      code = ExitCode.USAGE;
    } catch (RuntimeException e) {
      err.println("waymark: validation failed: " + e);
      code = ExitCode.USAGE;
    }
    out.println();
    out.println(
        "[watch] exit "
            + code
            + "; watching "
            + Repositories.display(root)
            + " for changes (Ctrl-C to stop)");
    out.flush();
    err.flush();
    runs++; // counted once its lines are out: a caller that sees the count can read them
  }

  /** Takes a key's events; registers new folders; true if anything outside .git changed. */
  private boolean drain(WatchKey key) {
    Path folder = folders.get(key);
    boolean changed = false;
    for (WatchEvent<?> event : key.pollEvents()) {
      if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
        changed = true;
        continue;
      }
      if (folder == null) {
        continue;
      }
      Path path = folder.resolve((Path) event.context());
      if (ignored(path)) {
        continue;
      }
      changed = true;
      if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
          && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        try {
          register(path);
        } catch (IOException e) {
          // a folder that vanished at once: the next run reads what is there
        }
      }
    }
    if (!key.reset()) {
      folders.remove(key);
    }
    return changed;
  }

  /** {@code .git}, and the cache each validation writes ({@code .waymark/cache}). */
  private boolean ignored(Path path) {
    Path relative = root.relativize(path);
    int n = relative.getNameCount();
    if (n == 0) {
      return false;
    }
    String first = relative.getName(0).toString();
    return first.equals(".git")
        || (first.equals(".waymark") && n > 1 && relative.getName(1).toString().equals("cache"));
  }

  private void register(Path start) throws IOException {
    Files.walkFileTree(
        start,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            if (!dir.equals(start) && ignored(dir)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            if (dir.equals(root) || !ignored(dir)) {
              folders.put(
                  dir.register(
                      service,
                      StandardWatchEventKinds.ENTRY_CREATE,
                      StandardWatchEventKinds.ENTRY_DELETE,
                      StandardWatchEventKinds.ENTRY_MODIFY),
                  dir);
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
