package io.waymark.cli;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What {@code validate} printed and how it exited, as kept in the on-disk cache for a run whose
 * inputs do not change (see {@link io.waymark.engine.Recall}): {@code u8 version · i32 exit code ·
 * i32 length · UTF-8 text · i32 length · UTF-8 summary line}. Bytes that do not read back exactly
 * are no stored output.
 */
record StoredOutput(int exitCode, String text, String summary) {

  private static final int VERSION = 1;

  byte[] encode() {
    byte[] t = text.getBytes(StandardCharsets.UTF_8);
    byte[] s = summary.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(1 + 4 + 4 + t.length + 4 + s.length)
        .put((byte) VERSION)
        .putInt(exitCode)
        .putInt(t.length)
        .put(t)
        .putInt(s.length)
        .put(s)
        .array();
  }

  static Optional<StoredOutput> decode(byte[] bytes) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      if (in.get() != VERSION) {
        return Optional.empty();
      }
      int exit = in.getInt();
      String text = string(in);
      String summary = string(in);
      if (in.hasRemaining() || (exit != ExitCode.OK && exit != ExitCode.FINDINGS)) {
        return Optional.empty();
      }
      return Optional.of(new StoredOutput(exit, text, summary));
    } catch (RuntimeException e) {
      return Optional.empty(); // short, or a length past the end
    }
  }

  private static String string(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("length past the end");
    }
    String s = new String(bytes(in, n), StandardCharsets.UTF_8);
    return s;
  }

  private static byte[] bytes(ByteBuffer in, int n) {
    byte[] out = new byte[n];
    in.get(out);
    return out;
  }
}
