package io.waymark.engine.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Git's object id of a file's content, worked out from its bytes as Git does (SHA-1 of {@code "blob
 * <length>\0"} and the bytes), so that a file of the work tree is compared with a commit's file by
 * the id in the commit's tree, without reading the commit's file.
 */
public final class GitBlobs {

  /** The length in hexadecimal digits of a SHA-1 object id. */
  public static final int SHA1_HEX_LENGTH = 40;

  private GitBlobs() {}

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
