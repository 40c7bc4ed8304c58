package io.waymark.cli.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A {@link PrintWriter} that writes UTF-8 to a byte stream and also takes text already encoded
 * ({@link #writeUtf8}): an outcome stored as the bytes it was printed as is printed again without
 * being decoded and encoded once more. A failed write sets the error flag, as the writer's own
 * writes do.
 */
public final class Utf8Writer extends PrintWriter {

  private final OutputStream bytes;

  public Utf8Writer(OutputStream bytes) {
    super(bytes, false, StandardCharsets.UTF_8);
    this.bytes = bytes;
  }

  /** Writes {@code length} bytes of UTF-8 text from {@code utf8} after what was printed before. */
  public void writeUtf8(byte[] utf8, int offset, int length) {
    synchronized (lock) {
      flush();
      try {
        bytes.write(utf8, offset, length);
        bytes.flush();
      } catch (IOException e) {
        setError();
      }
    }
  }

  /** As {@link #writeUtf8(byte[], int, int)}, of every byte of {@code text}. */
  public void writeUtf8(Utf8Text text) {
    synchronized (lock) {
      flush();
      try {
        text.writeTo(bytes);
        bytes.flush();
      } catch (IOException e) {
        setError();
      }
    }
  }
}
