package io.waymark.cli;

import io.waymark.cli.format.Utf8Text;
import io.waymark.engine.load.Printed;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What {@code validate} printed and how it exited, as kept in the on-disk cache for a run whose
 * inputs do not change (see {@link io.waymark.engine.Recall}): {@code u8 version · i32 exit code ·
 * i32 length · UTF-8 text · i32 length · UTF-8 summary line}. Bytes that do not read back exactly
 * are no stored output. Read back, the text stays the bytes it was printed as ({@link #bytes}, from
 * {@link #textFrom} for {@link #textLength}): printed again as they are, never decoded.
 */
final class StoredOutput {

  private static final int VERSION = 1;

  private final int exitCode;
  private final byte[] bytes;
  private final int textFrom;
  private final int textLength;
  private final int summaryFrom;
  private final int summaryLength;

  private StoredOutput(
      int exitCode,
      byte[] bytes,
      int textFrom,
      int textLength,
      int summaryFrom,
      int summaryLength) {
    this.exitCode = exitCode;
    this.bytes = bytes;
    this.textFrom = textFrom;
    this.textLength = textLength;
    this.summaryFrom = summaryFrom;
    this.summaryLength = summaryLength;
  }

  /**
   * An outcome (the exit code, the text printed, the summary line), written where it is kept as it
   * is asked for: the text is not copied (at 100,000 documents the JSON output is 70 MB).
   */
  static Printed printed(int exitCode, Utf8Text text, String summary) {
    byte[] s = summary.getBytes(StandardCharsets.UTF_8);
    return new Printed() {
      @Override
      public int length() {
        return 1 + 4 + 4 + text.length() + 4 + s.length;
      }

      @Override
      public void writeTo(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeByte(VERSION);
        data.writeInt(exitCode);
        data.writeInt(text.length());
        text.writeTo(data);
        data.writeInt(s.length);
        data.write(s);
        data.flush();
      }
    };
  }

  static Optional<StoredOutput> decode(byte[] bytes) {
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes);
      if (in.get() != VERSION) {
        return Optional.empty();
      }
      int exit = in.getInt();
      int textLength = length(in);
      int textFrom = in.position();
      in.position(textFrom + textLength);
      int summaryLength = length(in);
      int summaryFrom = in.position();
      in.position(summaryFrom + summaryLength);
      if (in.hasRemaining() || (exit != ExitCode.OK && exit != ExitCode.FINDINGS)) {
        return Optional.empty();
      }
      return Optional.of(
          new StoredOutput(exit, bytes, textFrom, textLength, summaryFrom, summaryLength));
    } catch (RuntimeException e) {
      return Optional.empty(); // short, or a length past the end
    }
  }

  private static int length(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalArgumentException("length past the end");
    }
    return n;
  }

  int exitCode() {
    return exitCode;
  }

  /** The array the text lies in (see {@link #textFrom}, {@link #textLength}); never written. */
  byte[] bytes() {
    return bytes;
  }

  int textFrom() {
    return textFrom;
  }

  int textLength() {
    return textLength;
  }

  /** The text, decoded. */
  String text() {
    return new String(bytes, textFrom, textLength, StandardCharsets.UTF_8);
  }

  String summary() {
    return new String(bytes, summaryFrom, summaryLength, StandardCharsets.UTF_8);
  }
}
