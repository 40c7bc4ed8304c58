package io.waymark.engine.load;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One load's use of the on-disk cache: finds a file's stored outcome by its stamp (nothing read) or
 * by the SHA-256 of its content (read, not parsed), keeps what every file of this run gave, and at
 * the end, when anything changed, writes the entries that differ from the pack to the changes file
 * beside it ({@link LoadCache#changesStore()}) or, once they are a good part of it (a quarter), the
 * whole pack again. A cache that cannot be read or written never fails the run: it is then a run
 * without cache.
 */
final class CacheRun {

  /** What identifies the Waymark that wrote a pack: its version and the build of its engine. */
  static final String ENGINE = engineIdentity();

  /** Above this share of the pack's entries or bytes, the whole pack is written again. */
  static final int CHANGES_SHARE = 4;

  private final LoadCache cache;
  private final String fingerprint;

  /** The pack as written last. */
  private final CachePack base;

  /** The pack with the changes file applied: what this run takes entries from. */
  private final CachePack pack;

  private final int maxDepth;
  private final Map<String, CachePack.Entry> next;
  private final AtomicBoolean changed = new AtomicBoolean();

  /** Where the payloads of the files this run read wait for the pack to be written. */
  private final Scratch scratch;

  /** The outcomes the last load in this JVM decoded, taken again when their bytes are the same. */
  private final DecodedOutcomes decoded = new DecodedOutcomes();

  private CacheRun(
      LoadCache cache, String fingerprint, CachePack base, CachePack pack, int maxDepth) {
    this.cache = cache;
    this.fingerprint = fingerprint;
    this.base = base;
    this.pack = pack;
    this.maxDepth = maxDepth;
    this.scratch = new Scratch(cache);
    // Sized for every entry of the pack: no rehashing of ten thousand entries while they come in.
    this.next = new ConcurrentHashMap<>(Math.max(16, pack.size() + pack.size() / 3));
  }

  /**
   * Opens the cache for a load whose per-file results depend on {@code settings} (the YAML limits
   * and the Config file's content).
   */
  static CacheRun open(LoadCache cache, String settings, int maxDepth) {
    String fingerprint = ENGINE + "|" + settings;
    CachePack base = CachePack.empty();
    boolean found = false;
    try {
      Optional<LoadCache.Stored> stored = cache.read();
      if (stored.isPresent()) {
        found = true;
        base =
            CachePack.parse(stored.get().bytes(), fingerprint, stored.get().identity())
                .orElse(CachePack.empty());
      }
    } catch (IOException | RuntimeException e) {
      base = CachePack.empty(); // unreadable: rebuilt
    }
    CachePack pack = base;
    boolean changesLeft = false;
    try {
      Optional<LoadCache.Stored> stored = cache.changesStore().read();
      if (stored.isPresent()) {
        Optional<CachePack.Changes> changes =
            CachePack.parseChanges(
                stored.get().bytes(), fingerprint, stored.get().identity(), base);
        if (changes.isPresent()) {
          pack = base.with(changes.get());
        } else {
          changesLeft = true; // of another pack, or does not check out: replaced
        }
      }
    } catch (IOException | RuntimeException e) {
      changesLeft = true;
    }
    CacheRun run = new CacheRun(cache, fingerprint, base, pack, maxDepth);
    if ((found && base.size() == 0) || changesLeft) {
      run.changed.set(true); // a pack or changes that did not check out are replaced
    }
    return run;
  }

  /** True when the cache holds no file's outcome (a first run, or one that was rebuilt). */
  boolean storesNothing() {
    return pack.size() == 0;
  }

  /** The stored outcome of a file whose stamp has not changed since it was stored. */
  Optional<Loader.FileOutcome> byStamp(String path, String stamp) {
    if (stamp.isEmpty()) {
      return Optional.empty();
    }
    Optional<CachePack.Item> item = pack.item(path);
    if (item.isEmpty() || !item.get().stamp().equals(stamp)) {
      return Optional.empty();
    }
    return decode(path, item.get(), false);
  }

  /**
   * The stored outcome of a file whose content has not changed (its stamp may have). A file without
   * a stamp (a file of a Git revision, such as the staged one the pre-commit hook judges) leaves
   * the stored stamp as it is: the work-tree file it names still has that content, and the next run
   * on the work tree still takes it by its stamp.
   */
  Optional<Loader.FileOutcome> byContent(String path, String stamp, byte[] hash) {
    Optional<CachePack.Item> item = pack.item(path);
    if (item.isEmpty() || !Arrays.equals(item.get().hash(), hash)) {
      return Optional.empty();
    }
    boolean rekeyed = !stamp.isEmpty();
    Optional<Loader.FileOutcome> outcome = decode(path, item.get(), rekeyed);
    if (outcome.isPresent() && rekeyed) {
      CachePack.Item i = item.get();
      keep(path, stamp, hash, i.pack(), i.offset(), i.length());
      changed.set(true);
    }
    return outcome;
  }

  private Optional<Loader.FileOutcome> decode(String path, CachePack.Item item, boolean rekeyed) {
    try {
      Loader.FileOutcome o =
          decoded.decode(item.pack(), item.offset(), item.length(), path, maxDepth);
      if (!rekeyed) {
        keep(path, item.stamp(), item.hash(), item.pack(), item.offset(), item.length());
      }
      return Optional.of(o);
    } catch (RuntimeException bad) {
      return Optional.empty(); // not what this Waymark wrote: read the file instead
    }
  }

  /** The SHA-256 of the content of a file this run took from the pack or stored. */
  byte[] hash(String path) {
    return next.get(path).hash();
  }

  /** Stores what reading a file gave. */
  void store(String path, String stamp, byte[] hash, Loader.FileOutcome outcome) {
    byte[] payload;
    try {
      payload = OutcomeCodec.encode(outcome);
    } catch (RuntimeException unexpected) {
      return; // not cached: read again next time
    }
    long at = scratch.put(payload);
    next.put(
        path,
        at < 0
            ? new CachePack.Entry(path, stamp, hash, payload, 0, payload.length)
            : new CachePack.Entry(path, stamp, hash, null, 0, payload.length, at));
    changed.set(true);
  }

  private void keep(String path, String stamp, byte[] hash, byte[] bytes, int offset, int length) {
    next.put(path, new CachePack.Entry(path, stamp, hash, bytes, offset, length));
  }

  /**
   * When anything changed (a file left included): writes the entries that differ from the pack to
   * the changes file, or the whole pack again when they are many (or there is no pack).
   */
  void finish() {
    try {
      write();
    } finally {
      scratch.close(); // the payloads are in the pack now, or not kept
    }
  }

  /** Ends a run that failed before {@link #finish}: nothing is written, the scratch is closed. */
  void abandon() {
    scratch.close();
  }

  private void write() {
    decoded.keep();
    if (!changed.get() && next.size() == pack.size()) {
      return;
    }
    List<CachePack.Entry> entries = new ArrayList<>(next.values());
    LoadCache changes = cache.changesStore();
    try {
      if (base.size() > 0 && changes != LoadCache.NONE) {
        List<CachePack.Entry> differ = new ArrayList<>();
        long bytes = 0;
        for (CachePack.Entry e : entries) {
          Optional<CachePack.Item> was = base.item(e.path());
          if (was.isEmpty()
              || !was.get().stamp().equals(e.stamp())
              || !Arrays.equals(was.get().hash(), e.hash())) {
            differ.add(e);
            bytes += e.length();
          }
        }
        List<String> removed = new ArrayList<>();
        for (String path : base.paths()) {
          if (!next.containsKey(path)) {
            removed.add(path);
          }
        }
        removed.sort(null);
        differ.sort((a, b) -> a.path().compareTo(b.path()));
        if ((long) (differ.size() + removed.size()) * CHANGES_SHARE <= base.size()
            && bytes * CHANGES_SHARE <= base.payloadBytes()) {
          if (differ.isEmpty() && removed.isEmpty()) {
            changes.clear();
          } else {
            changes.writeStreamed(
                identity ->
                    out ->
                        CachePack.writeChanges(
                            out,
                            fingerprint,
                            identity,
                            base.reference(),
                            removed,
                            differ,
                            scratch));
          }
          return;
        }
      }
      entries.sort((a, b) -> a.path().compareTo(b.path()));
      cache.writeStreamed(
          identity -> out -> CachePack.write(out, fingerprint, identity, entries, scratch));
      changes.clear(); // named the pack just replaced: it would not apply any more
    } catch (IOException | RuntimeException e) {
      // A cache that cannot be written (read-only folder, full disk) costs time, not results.
    }
  }

  /** The SHA-256 of a file's content. */
  static byte[] sha256(byte[] bytes) {
    return digest().digest(bytes);
  }

  /** A new SHA-256. */
  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

  /**
   * The engine's version and build: the size and time of the jar (or class file) this class was
   * loaded from, so that a rebuilt Waymark of the same version never trusts the results of the old
   * one.
   */
  private static String engineIdentity() {
    String version = String.valueOf(CacheRun.class.getPackage().getImplementationVersion());
    try {
      URL url = CacheRun.class.getProtectionDomain().getCodeSource().getLocation();
      Path location = Path.of(url.toURI());
      if (Files.isDirectory(location)) {
        location = location.resolve("io/waymark/engine/load/CacheRun.class");
      }
      BasicFileAttributes attrs = Files.readAttributes(location, BasicFileAttributes.class);
      return "waymark "
          + version
          + " "
          + attrs.size()
          + " "
          + attrs.lastModifiedTime().toMillis()
          + " "
          + location;
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return "waymark " + version + " unknown build " + System.nanoTime(); // never matches
    }
  }
}
