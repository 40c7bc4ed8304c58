package io.waymark.engine.load;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the loader keeps what it learnt about each file between runs (the port of the on-disk cache
 * {@code .waymark/cache/}): bytes only. The loader writes and checks their format itself (a magic
 * header, a format version, the fingerprint of the Waymark and configuration that made them, a
 * checksum), so a store needs to know nothing but where the bytes go; anything that does not check
 * out is ignored and rebuilt, never trusted.
 */
public interface LoadCache {

  /** No cache: every file is read, parsed and checked. */
  LoadCache NONE =
      new LoadCache() {
        @Override
        public Optional<Stored> read() {
          return Optional.empty();
        }

        @Override
        public void write(Function<String, byte[]> content) {
          // nothing is kept
        }
      };

  /**
   * What a store holds.
   *
   * @param bytes the bytes written last
   * @param identity what the store knows of the file that holds them (its device and inode, say),
   *     empty when it cannot tell; the bytes are trusted only when they name the same identity
   */
  record Stored(byte[] bytes, String identity) {}

  /**
   * Where the whole outcome of the last run is kept (beside this store, with the same safety), for
   * a run whose inputs have not changed at all; {@link #NONE} when this store has no such place.
   */
  default LoadCache outcomeStore() {
    return NONE;
  }

  /**
   * Where the last run's answer is kept for a launcher that checks its inputs without a JVM ({@link
   * AnswerCheck}), beside this store, with the same safety; {@link #NONE} when this store has no
   * such place.
   */
  default LoadCache answerStore() {
    return NONE;
  }

  /**
   * Where what the rules found in the last run is kept (beside this store, with the same safety),
   * so that a run after a few changed files re-runs only the rules those files reach; {@link #NONE}
   * when this store has no such place.
   */
  default LoadCache memoryStore() {
    return NONE;
  }

  /**
   * Where the entries that changed since the pack was written are kept (beside this store, with the
   * same safety), so that a run after a few changed files writes those entries only, not the whole
   * pack again; {@link #NONE} when this store has no such place.
   */
  default LoadCache changesStore() {
    return NONE;
  }

  /**
   * A new scratch file beside this store, for bytes a later write needs (a run's new entries, until
   * the pack is written), open for reading and writing: removed when closed, and at once where the
   * system allows it (a run that is killed leaves nothing behind). Empty when this store has no
   * such place: the bytes are then kept in memory.
   */
  default Optional<java.nio.channels.FileChannel> scratch() throws IOException {
    return Optional.empty();
  }

  /** Removes the stored bytes, if any (a store that cannot tell does nothing). */
  default void clear() throws IOException {
    // nothing is kept
  }

  /** The bytes written last, if there are any that could be read safely. */
  Optional<Stored> read() throws IOException;

  /**
   * The first {@code most} bytes of {@link #read()} (all of them when there are fewer), for a
   * caller that needs only a file's head: a store that cannot read part of a file reads it whole.
   */
  default Optional<Stored> readStart(int most) throws IOException {
    return read();
  }

  /**
   * Replaces the stored bytes.
   *
   * @param content the bytes for a file of the given identity (empty when the store cannot tell)
   */
  void write(Function<String, byte[]> content) throws IOException;

  /** Writes bytes to a stream. */
  @FunctionalInterface
  interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /**
   * As {@link #write(Function)}, the bytes written to a stream as they are made, so that a large
   * file of the cache is never held whole in memory. A store that cannot stream collects them.
   *
   * @param content for a file of the given identity, what writes its bytes
   */
  default void writeStreamed(Function<String, Writer> content) throws IOException {
    write(identity -> CachePack.collected(content.apply(identity)));
  }
}
