package io.waymark.engine.load;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The inputs of a run as one array of bytes, written in order ({@link StoredRun} compares them with
 * the stored ones byte for byte): texts with their length before them, numbers in eight bytes, so
 * that no two different sequences of values give the same bytes. Built for a walk of ten thousand
 * files: one array grown by doubling, no string per value.
 */
public final class InputBytes {

  private byte[] bytes;
  private int size;

  /** Empty, with room for {@code capacity} bytes before it grows. */
  public InputBytes(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  /**
   * Appends {@code text}: its length (times two, plus one when the text has a character above
   * U+00FF), then one byte per character, or two for such a text.
   */
  public InputBytes text(String text) {
    int n = text.length();
    boolean wide = false;
    for (int i = 0; i < n; i++) {
      if (text.charAt(i) > 0xFF) {
        wide = true;
        break;
      }
    }
    number(((long) n << 1) | (wide ? 1 : 0));
    room(wide ? 2L * n : n);
    byte[] b = bytes;
    int at = size;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (wide) {
        b[at++] = (byte) (c >>> 8);
      }
      b[at++] = (byte) c;
    }
    size = at;
    return this;
  }

  /** Appends {@code value}: seven bits a byte, the high bit set on every byte but the last. */
  public InputBytes number(long value) {
    room(10);
    byte[] b = bytes;
    int at = size;
    long v = value;
    while ((v & ~0x7FL) != 0) {
      b[at++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    b[at++] = (byte) v;
    size = at;
    return this;
  }

  /** Appends one byte (a mark that tells what follows). */
  public InputBytes mark(int value) {
    room(1);
    bytes[size++] = (byte) value;
    return this;
  }

  /** How many bytes were appended. */
  public int size() {
    return size;
  }

  /**
   * The bytes appended so far (the array itself: read {@link #size()} bytes of it, never write).
   */
  byte[] array() {
    return bytes;
  }

  /** A copy of the bytes appended so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** The bytes so far as text, one byte per char (for tests and messages only). */
  @Override
  public String toString() {
    return new String(bytes, 0, size, StandardCharsets.ISO_8859_1);
  }

  private void room(long more) {
    long need = size + more;
    if (need > bytes.length) {
      if (need > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("inputs too large");
      }
      bytes =
          Arrays.copyOf(
              bytes, (int) Math.max(need, Math.min(Integer.MAX_VALUE - 16, 2L * bytes.length)));
    }
  }
}
