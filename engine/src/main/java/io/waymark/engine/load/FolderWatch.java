package io.waymark.engine.load;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The file system's change notifications (Linux's inotify) on the folders a long-lived process
 * walks again and again (the resident validate server): the walk of a folder below which nothing
 * changed since that walk began is given again, without an {@code lstat} per file; where files were
 * only written (content or attributes), with those files stat again in their places. Anything else,
 * and anything this cannot vouch for, is walked as before:
 *
 * <ul>
 *   <li>an entry made, removed or renamed in a folder of the walk, a lost notification (the
 *       kernel's queue overflowed), a folder gone, a written entry that is no file of the walk;
 *   <li>a root that is another folder than the one walked (replaced, renamed away);
 *   <li>a walk older than {@link #MAX_AGE_MILLIS}: notifications do not tell of every change (a
 *       file written through a hard link in another folder, through a memory mapping, or a file
 *       system mounted over a folder), so such a change is seen within that time;
 *   <li>a folder that could not be watched (the user's limit of watches reached).
 * </ul>
 *
 * <p>Notifications arrive on the JDK's own thread, a moment after the change: before it answers,
 * each {@link #walk} writes a file of its own into a private folder watched by the same
 * notification queue and waits for that file's notification; the kernel keeps one queue in order,
 * so every change made before that moment has then been delivered. Only where the JDK watches
 * through inotify (Linux); elsewhere {@link #start} gives none, and every run walks.
 *
 * <p>Used by the thread that {@link #enter}ed it (the server's request thread): {@link
 * FolderSource#snapshot} asks {@link #current()}.
 */
public final class FolderWatch implements Closeable {

  /** The longest a walk is given again without walking: changes no notification tells of. */
  static final long MAX_AGE_MILLIS = 60_000;

  /** How long a walk waits for its own file's notification before it walks instead. */
  private static final long BARRIER_MILLIS = 2_000;

  private static final ThreadLocal<FolderWatch> CURRENT = new ThreadLocal<>();

  private final WatchService service;
  private final long maxAgeMillis;
  private final Path marks;
  private final WatchKey marksKey;
  private final Map<Path, Walked> roots = new HashMap<>();
  private final Map<WatchKey, Set<Walked>> owners = new HashMap<>();
  private long mark;
  private long walks;
  private long givenAgain;

  /** What the last walk of one root gave, and whether it still holds. */
  private static final class Walked {
    List<FolderWalk.Item> items;
    String identity;
    long walkedAt;

    /**
     * False once a change below the root was notified that {@link #written} cannot describe (or a
     * folder could not be watched).
     */
    boolean clean;

    /**
     * The entries notified as written (content or attributes) since the walk, while it is clean:
     * stat again, in their places (a folder lists its entries in the same order after a write).
     */
    final Set<Path> written = new HashSet<>();

    /** The index of each entry's path in {@link #items}, made on the first write. */
    Map<Path, Integer> places;

    /** False when a folder of the walk could not be watched. */
    boolean watched;
  }

  private FolderWatch(WatchService service, long maxAgeMillis, Path marks, WatchKey marksKey) {
    this.service = service;
    this.maxAgeMillis = maxAgeMillis;
    this.marks = marks;
    this.marksKey = marksKey;
  }

  /**
   * A watch, where the file system notifies changes through a queue that keeps their order (Linux's
   * inotify); else empty.
   */
  public static Optional<FolderWatch> start() {
    return start(MAX_AGE_MILLIS);
  }

  /** As {@link #start()}, a walk given again for at most {@code maxAgeMillis}. */
  static Optional<FolderWatch> start(long maxAgeMillis) {
    WatchService service = null;
    Path marks = null;
    try {
      service = FileSystems.getDefault().newWatchService();
      if (!service.getClass().getName().equals("sun.nio.fs.LinuxWatchService")) {
        service.close(); // a polling service: late, and in no order
        return Optional.empty();
      }
      marks = Files.createTempDirectory("waymark-watch");
      WatchKey key = marks.register(service, StandardWatchEventKinds.ENTRY_CREATE);
      return Optional.of(new FolderWatch(service, maxAgeMillis, marks, key));
    } catch (IOException | RuntimeException e) {
      try {
        if (service != null) {
          service.close();
        }
        if (marks != null) {
          Files.deleteIfExists(marks);
        }
      } catch (IOException | RuntimeException ignored) {
        // nothing more to undo
      }
      return Optional.empty();
    }
  }

  /** The watch the current thread {@link #enter}ed, or null. */
  static FolderWatch current() {
    return CURRENT.get();
  }

  /** Makes this the current thread's watch until the scope is closed. */
  public Scope enter() {
    FolderWatch before = CURRENT.get();
    CURRENT.set(this);
    return () -> {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    };
  }

  /** The span of {@link #enter}; closing it cannot fail. */
  @FunctionalInterface
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** How many walks were made (not given again) so far. */
  synchronized long walks() {
    return walks;
  }

  /** How many times a walk was given again instead of walking. */
  public synchronized long givenAgain() {
    return givenAgain;
  }

  /**
   * The walk of {@code root} ({@link FolderWalk#of(Path, Predicate)}): the last one when nothing
   * below the root changed since it began, else a new one.
   */
  synchronized List<FolderWalk.Item> walk(Path root, Predicate<Path> skipped) throws IOException {
    drain();
    String identity = identity(root);
    long now = System.currentTimeMillis();
    Walked last = roots.get(root);
    if (last != null
        && last.clean
        && identity != null
        && identity.equals(last.identity)
        && now - last.walkedAt >= 0
        && now - last.walkedAt < maxAgeMillis) {
      if (last.written.isEmpty() || restat(last)) {
        givenAgain++;
        return last.items;
      }
    }
    Walked walked = last != null ? last : new Walked();
    roots.put(root, walked);
    walked.items = null;
    walked.places = null;
    walked.written.clear();
    walked.identity = identity;
    walked.walkedAt = now;
    walked.clean = false; // until the walk is whole
    walked.watched = true;
    walks++;
    List<FolderWalk.Item> items = FolderWalk.of(root, skipped, folder -> register(folder, walked));
    walked.items = Collections.unmodifiableList(items);
    // Changes during the walk are taken in by the next drain, as those after it.
    walked.clean = identity != null && walked.watched;
    return walked.items;
  }

  /**
   * The last walk with each written entry stat again in its place; false (a walk is needed) when
   * one is not an entry of the walk, cannot be read, or is a folder now.
   */
  private static boolean restat(Walked walked) {
    if (walked.places == null) {
      Map<Path, Integer> places = new HashMap<>(walked.items.size() * 2);
      for (int i = 0; i < walked.items.size(); i++) {
        places.put(walked.items.get(i).path(), i);
      }
      walked.places = places;
    }
    List<FolderWalk.Item> items = new ArrayList<>(walked.items);
    for (Path path : walked.written) {
      Integer place = walked.places.get(path);
      if (place == null) {
        return false;
      }
      FolderWalk.Item was = items.get(place);
      FolderWalk.Stat stat;
      try {
        stat = FolderWalk.stat(path, FolderWalk.unix(path.getFileSystem()));
      } catch (IOException | RuntimeException e) {
        return false;
      }
      if (was.stat() == null || stat.kind() == FolderWalk.Kind.FOLDER) {
        return false;
      }
      items.set(place, new FolderWalk.Item(was.name(), path, stat, null));
    }
    walked.written.clear();
    walked.items = Collections.unmodifiableList(items);
    return true;
  }

  /** Watches {@code folder} for {@code walked}; a folder that cannot be watched spoils it. */
  private void register(Path folder, Walked walked) {
    try {
      WatchKey key =
          folder.register(
              service,
              StandardWatchEventKinds.ENTRY_CREATE,
              StandardWatchEventKinds.ENTRY_DELETE,
              StandardWatchEventKinds.ENTRY_MODIFY);
      owners.computeIfAbsent(key, k -> new HashSet<>()).add(walked);
    } catch (IOException | RuntimeException e) {
      walked.watched = false; // the limit of watches, or the folder went: walked every time
    }
  }

  /**
   * Takes in every notification made so far: writes a file into the private folder, then reads
   * notifications until that file's arrives. The roots of a folder with a change, or every root
   * when notifications were lost or the file's did not come, are no longer clean.
   */
  private void drain() {
    String name = "m" + (++mark);
    boolean seen = false;
    try {
      Files.createFile(marks.resolve(name));
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BARRIER_MILLIS);
      while (!seen) {
        long left = until - System.nanoTime();
        WatchKey key = left > 0 ? service.poll(left, TimeUnit.NANOSECONDS) : null;
        if (key == null) {
          break; // not in time: walk
        }
        if (key == marksKey) {
          for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
              spoilAll();
            } else if (name.equals(String.valueOf(event.context()))) {
              seen = true;
            }
          }
        } else {
          Set<Walked> walked = owners.getOrDefault(key, Set.of());
          Path folder = (Path) key.watchable();
          for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.ENTRY_MODIFY
                && event.context() instanceof Path entry) {
              walked.forEach(w -> w.written.add(folder.resolve(entry)));
            } else {
              walked.forEach(w -> w.clean = false); // made, removed, renamed, or lost
            }
          }
          if (!key.reset()) {
            walked.forEach(w -> w.clean = false);
            owners.remove(key);
          }
          continue;
        }
        key.reset();
      }
    } catch (IOException | RuntimeException e) {
      seen = false; // the private folder went, or the service closed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      seen = false;
    } finally {
      try {
        Files.deleteIfExists(marks.resolve(name));
      } catch (IOException | RuntimeException ignored) {
        // removed with the folder at the end
      }
    }
    if (!seen) {
      spoilAll();
    }
  }

  private void spoilAll() {
    roots.values().forEach(w -> w.clean = false);
  }

  /** The root's kind, device and inode; null when it cannot be read (then it is walked). */
  private static String identity(Path root) {
    try {
      FolderWalk.Stat stat = FolderWalk.stat(root, FolderWalk.unix(root.getFileSystem()));
      return stat.keyed() && stat.kind() == FolderWalk.Kind.FOLDER
          ? stat.kind() + " " + stat.key()
          : null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** Stops watching and removes the private folder. */
  @Override
  public synchronized void close() {
    try {
      service.close();
    } catch (IOException | ClosedWatchServiceException ignored) {
      // closing only
    }
    List<Path> left = new ArrayList<>();
    try (var listing = Files.newDirectoryStream(marks)) {
      listing.forEach(left::add);
    } catch (IOException | RuntimeException ignored) {
      // gone already
    }
    try {
      for (Path p : left) {
        Files.deleteIfExists(p);
      }
      Files.deleteIfExists(marks);
    } catch (IOException | RuntimeException ignored) {
      // a temporary folder: the system clears it
    }
    roots.clear();
    owners.clear();
  }
}
