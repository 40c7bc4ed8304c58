package io.waymark.engine.load;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The file outcomes this JVM decoded from the on-disk cache in its last load, so that the next load
 * in the same JVM (a resident server answering one command line after another, {@code --watch})
 * does not decode ten thousand documents again when one file changed: decoding and reading the
 * models again was most of such a load once the JVM was warm.
 *
 * <p>Never stale by construction: an outcome is given back only for the same path, the same YAML
 * nesting limit and byte for byte the same stored bytes as it was decoded from, and {@link
 * OutcomeCodec#decode} is a function of exactly these. A changed, added, renamed or deleted file,
 * another Config (a pack of another fingerprint is never read), a rebuilt or corrupted pack: the
 * bytes differ or are not there, and the file is decoded or read as without this. What is given
 * back again is a copy whose lists can be added to; the documents and models are immutable.
 *
 * <p>One folder's worth: what a load used replaces what the load before it kept (a deleted file's
 * outcome goes with it), so two folders validated in turn each decode as they did before.
 */
final class DecodedOutcomes {

  /** What the last finished load used; empty before any. */
  private static final AtomicReference<Map<String, Decoded>> LAST = new AtomicReference<>(Map.of());

  /** One file's stored bytes (a range of a pack or changes file) and what they decode to. */
  private record Decoded(
      byte[] bytes, int offset, int length, int maxDepth, Loader.FileOutcome outcome) {

    boolean decodes(byte[] other, int otherOffset, int otherLength, int depth) {
      return maxDepth == depth
          && length == otherLength
          && Arrays.equals(
              bytes, offset, offset + length, other, otherOffset, otherOffset + otherLength);
    }
  }

  private final Map<String, Decoded> last = LAST.get();
  private final Map<String, Decoded> used =
      new ConcurrentHashMap<>(Math.max(16, last.size() + last.size() / 3));

  /**
   * The outcome of {@code file} in {@code length} bytes of {@code bytes} from {@code offset}, as
   * {@link OutcomeCodec#decode} gives it.
   *
   * @throws CachePack.Bytes.Malformed as {@link OutcomeCodec#decode} does
   */
  Loader.FileOutcome decode(byte[] bytes, int offset, int length, String file, int maxDepth) {
    Decoded d = last.get(file);
    if (d == null || !d.decodes(bytes, offset, length, maxDepth)) {
      Loader.FileOutcome o = OutcomeCodec.decode(bytes, offset, length, file, maxDepth);
      used.put(file, new Decoded(bytes, offset, length, maxDepth, o));
      // This load's own: no copy (a fresh JVM decodes ten thousand). The loader adds to no
      // outcome read through the cache (only the Config file's, which it never reads so).
      return o;
    }
    used.put(file, d);
    return d.outcome().copy();
  }

  /**
   * Keeps what this load decoded or took again for the next load, in place of the last one's. Once
   * the load ends (its files read), nothing more is decoded into it.
   */
  void keep() {
    LAST.set(used);
  }
}
