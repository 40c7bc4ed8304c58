package io.waymark.engine.load;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/**
 * The whole outcome of the last run (what a front end printed and how it exited), kept for a run
 * whose inputs have not changed at all: then nothing is loaded, checked or judged, the stored
 * outcome is the result. The inputs are everything the outcome depends on: the Waymark build, the
 * command's options, every file below the roadmap folder (name, kind, size, modification and change
 * time, file key: {@link FolderSource#snapshot(InputBytes)}), the state of the Git repository the
 * history rules read, and the rule packs on the class path; they are stored whole, as compact bytes
 * ({@link InputBytes}), and compared byte for byte (cheaper on a short-lived JVM than a SHA-256 of
 * them, which is not compiled to the processor's instructions there). Its own binary format, never
 * Java serialisation, in the file {@link FolderCache#OUTCOME} beside the load pack:
 *
 * <pre>
 * "WAYMARK-RUN\n" (magic) · u16 format version · string identity · string engine
 * · u32 length · inputs · string day (the UTC day the outcome is bound to, or empty)
 * · u32 length · payload · u64 CRC-32 of every byte before it
 * </pre>
 *
 * Anything that does not check out (corrupt, truncated, foreign, another identity, other inputs) is
 * ignored, and the run's outcome replaces it. An outcome judged as of the day it was made (the
 * as-of date fell back to today) is reused on that day only.
 */
public final class StoredRun {

  static final byte[] MAGIC = "WAYMARK-RUN\n".getBytes(StandardCharsets.US_ASCII);
  static final int FORMAT = 2;

  private final LoadCache store;
  private final InputBytes inputs;
  private final LocalDate today;

  private final byte[] stored;

  /** The UTC day the stored outcome is bound to, empty when it is not bound to one. */
  private final String storedDay;

  private StoredRun(
      LoadCache store, InputBytes inputs, LocalDate today, byte[] stored, String storedDay) {
    this.store = store;
    this.inputs = inputs;
    this.today = today;
    this.stored = stored;
    this.storedDay = storedDay;
  }

  /** Nothing kept, nothing recalled (no cache, or inputs that cannot be told apart safely). */
  public static final StoredRun NONE = new StoredRun(LoadCache.NONE, null, null, null, "");

  /**
   * The outcome stored in {@code store} for these inputs, if it is there and checks out.
   *
   * @param inputs every input of the run but the Waymark build (added here); not changed after
   * @param today the UTC day of this run
   */
  public static StoredRun open(LoadCache store, InputBytes inputs, LocalDate today) {
    if (store == LoadCache.NONE) {
      return NONE;
    }
    Parsed parsed = null;
    try {
      Optional<LoadCache.Stored> read = store.read();
      if (read.isPresent()) {
        parsed =
            parsed(read.get().bytes(), read.get().identity(), CacheRun.ENGINE, inputs, today)
                .orElse(null);
      }
    } catch (IOException | RuntimeException e) {
      parsed = null; // unreadable: the run is judged and its outcome replaces it
    }
    return parsed == null
        ? new StoredRun(store, inputs, today, null, "")
        : new StoredRun(store, inputs, today, parsed.outcome(), parsed.day());
  }

  /** As {@link #open(LoadCache, InputBytes, LocalDate)} with the inputs as one text. */
  public static StoredRun open(LoadCache store, String inputs, LocalDate today) {
    return open(store, new InputBytes(inputs.length() + 16).text(inputs), today);
  }

  /** The stored outcome of a run with the same inputs, if there is one. */
  public Optional<byte[]> outcome() {
    return stored == null ? Optional.empty() : Optional.of(stored.clone());
  }

  /**
   * The UTC day the stored outcome is bound to (it was judged as of that day), empty when it holds
   * on any day or there is none.
   */
  public String day() {
    return storedDay;
  }

  /** The UTC day of this run; null for {@link #NONE}. */
  public LocalDate today() {
    return today;
  }

  /** The inputs this run compared, as stored with an outcome; null when it has none. */
  public InputBytes inputs() {
    return inputs;
  }

  /** True when this run's outcome can be kept (a cache, and inputs that could be named). */
  public boolean keeps() {
    return inputs != null;
  }

  /**
   * Keeps {@code outcome} for the next run with the same inputs. A store that cannot be written
   * costs time, never results.
   *
   * @param boundToToday true when the outcome depends on the day (judged as of today): it is then
   *     reused on this UTC day only
   * @param now the UTC day as the run ends: when the day changed during the run, nothing is kept
   */
  public void keep(Printed outcome, boolean boundToToday, LocalDate now) {
    if (!keeps() || !today.equals(now)) {
      return;
    }
    try {
      store.writeStreamed(
          identity ->
              out ->
                  write(
                      out,
                      identity,
                      CacheRun.ENGINE,
                      inputs,
                      boundToToday ? today.toString() : "",
                      outcome));
    } catch (IOException | RuntimeException e) {
      // a read-only folder, a full disk: the next run judges again
    }
  }

  static byte[] write(
      String identity, String engine, InputBytes inputs, String day, byte[] outcome) {
    return CachePack.collected(
        out -> write(out, identity, engine, inputs, day, Printed.of(outcome)));
  }

  /** The file of an outcome, written to {@code sink} as it is made (the outcome is not copied). */
  static void write(
      OutputStream sink,
      String identity,
      String engine,
      InputBytes inputs,
      String day,
      Printed outcome)
      throws IOException {
    CachePack.sealed(
        sink,
        out -> {
          out.write(MAGIC);
          out.writeShort(FORMAT);
          CachePack.string(out, identity);
          CachePack.string(out, engine);
          out.writeInt(inputs.size());
          out.write(inputs.array(), 0, inputs.size());
          CachePack.string(out, day);
          out.writeInt(outcome.length());
          outcome.writeTo(out);
        });
  }

  /**
   * The outcome in {@code bytes} when they are what this store wrote for {@code engine} and {@code
   * inputs} (and, for an outcome bound to a day, on that day); else empty.
   */
  static Optional<byte[]> parse(
      byte[] bytes, String identity, String engine, InputBytes inputs, LocalDate today) {
    return parsed(bytes, identity, engine, inputs, today).map(Parsed::outcome);
  }

  /** A stored outcome and the day it is bound to (empty: none). */
  private record Parsed(byte[] outcome, String day) {}

  private static Optional<Parsed> parsed(
      byte[] bytes, String identity, String engine, InputBytes inputs, LocalDate today) {
    try {
      Optional<CachePack.Bytes> opened = CachePack.opened(bytes, MAGIC);
      if (opened.isEmpty()) {
        return Optional.empty();
      }
      CachePack.Bytes in = opened.get();
      if (in.u16() != FORMAT
          || !in.string().equals(identity)
          || !in.string().equals(engine)
          || in.count(1) != inputs.size()
          || !Arrays.equals(
              bytes, in.skip(inputs.size()), in.position(), inputs.array(), 0, inputs.size())) {
        return Optional.empty();
      }
      String day = in.string();
      if (!day.isEmpty() && !day.equals(today.toString())) {
        return Optional.empty();
      }
      byte[] outcome = in.bytes(in.count(1));
      return in.atEnd() ? Optional.of(new Parsed(outcome, day)) : Optional.empty();
    } catch (CachePack.Bytes.Malformed e) {
      return Optional.empty();
    }
  }
}
