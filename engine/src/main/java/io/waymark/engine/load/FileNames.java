package io.waymark.engine.load;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file name as its bytes say, whatever the JVM's locale. On Linux a name is bytes; the JVM turns
 * them into a string with the locale's character set, so under {@code LANG=C} {@code é.yaml} reads
 * as {@code ��.yaml}. The bytes are still in the path's URI: decoded as UTF-8, the name is right
 * again, and a byte that is not UTF-8 is shown as {@code \xNN} instead of being lost.
 */
final class FileNames {

  private FileNames() {}

  /** The name of {@code file} relative to {@code root}, '/'-separated, from the path's bytes. */
  static Optional<String> decoded(Path root, Path file) {
    String rootUri = root.toUri().getRawPath();
    String fileUri = file.toUri().getRawPath();
    if (!rootUri.endsWith("/")) {
      rootUri = rootUri + "/";
    }
    if (!fileUri.startsWith(rootUri)) {
      return Optional.empty();
    }
    return Optional.of(utf8(percentDecoded(fileUri.substring(rootUri.length()))));
  }

  private static byte[] percentDecoded(String raw) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && i + 2 < raw.length()) {
        bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        bytes.write(c);
      }
    }
    return bytes.toByteArray();
  }

  /** UTF-8, with each byte that is not part of a valid sequence written as {@code \xNN}. */
  static String utf8(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length * 4 + 4);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        for (int k = 0; k < result.length(); k++) {
          out.put(String.format("\\x%02x", in.get() & 0xff));
        }
      } else {
        break;
      }
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }
}
