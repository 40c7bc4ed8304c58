package io.waymark.engine.load;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Bytes a front end printed (or will print), given to the cache to keep: written where they are
 * kept, never first copied into one array (at 100,000 documents the JSON output is 70 MB, and its
 * stored outcome and answer were a copy each).
 */
public interface Printed {

  /** The number of bytes. */
  int length();

  /** Writes the bytes to {@code out}. */
  void writeTo(OutputStream out) throws IOException;

  /** {@code length} bytes of {@code bytes} from {@code from}, not copied. */
  static Printed of(byte[] bytes, int from, int length) {
    Objects.checkFromIndexSize(from, length, bytes.length);
    return new Printed() {
      @Override
      public int length() {
        return length;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, from, length);
      }
    };
  }

  /** All of {@code bytes}, not copied. */
  static Printed of(byte[] bytes) {
    return of(bytes, 0, bytes.length);
  }
}
