package io.waymark.engine.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Git's object id of a file's content, worked out from its bytes as Git does (SHA-1 of {@code "blob
 * <length>\0"} and the bytes), so that a file of the work tree is compared with a commit's file by
 * the id in the commit's tree, without reading the commit's file; and the line breaks Git stores
 * for a file checked out with CR LF.
 */
public final class GitBlobs {

  /** The length in hexadecimal digits of a SHA-1 object id. */
  public static final int SHA1_HEX_LENGTH = 40;

  private GitBlobs() {}

  /**
   * {@code bytes} with every CR LF line break made LF, as Git stores a text file that a checkout
   * wrote with CR LF (Git for Windows' default {@code core.autocrlf=true}, or {@code eol=crlf}); a
   * lone CR stays. The same array when it has no CR LF.
   */
  public static byte[] withLf(byte[] bytes) {
    int crlf = 0;
    for (int i = 0; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        crlf++;
      }
    }
    if (crlf == 0) {
      return bytes;
    }
    byte[] out = new byte[bytes.length - crlf];
    int o = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (!(bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n')) {
        out[o++] = bytes[i];
      }
    }
    return out;
  }

  /** The SHA-1 blob id of {@code bytes}, in lower-case hexadecimal. */
  public static String sha1(byte[] bytes) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha1.digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
    }
  }
}
