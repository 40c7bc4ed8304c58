package io.waymark.cli.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A format's whole output as UTF-8 bytes, made as it is written ({@link Buffer}): held once, in
 * pieces of at most a mebibyte, never also as text, nor copied into ever larger arrays as it grows
 * (the JSON of 100,000 documents is tens of megabytes).
 */
public final class Utf8Text {

  /** Every piece but the last is full; the last holds {@link #last} bytes. */
  private final List<byte[]> pieces;

  private final int last;
  private final int length;

  private Utf8Text(List<byte[]> pieces, int last, int length) {
    this.pieces = pieces;
    this.last = last;
    this.length = length;
  }

  public static Utf8Text of(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return new Utf8Text(List.of(b), b.length, b.length);
  }

  /** The number of bytes. */
  public int length() {
    return length;
  }

  /** The bytes in one array: the only piece itself when it is just the text, else a copy. */
  public byte[] exact() {
    if (pieces.size() == 1 && pieces.get(0).length == length) {
      return pieces.get(0);
    }
    ByteBuffer all = ByteBuffer.allocate(length);
    putInto(all);
    return all.array();
  }

  /** Puts the bytes into {@code buffer}, which has room for them. */
  public void putInto(ByteBuffer buffer) {
    for (int i = 0; i < pieces.size(); i++) {
      byte[] piece = pieces.get(i);
      buffer.put(piece, 0, i == pieces.size() - 1 ? last : piece.length);
    }
  }

  /** Writes the bytes to {@code out}, piece by piece. */
  public void writeTo(OutputStream out) throws IOException {
    for (int i = 0; i < pieces.size(); i++) {
      byte[] piece = pieces.get(i);
      out.write(piece, 0, i == pieces.size() - 1 ? last : piece.length);
    }
  }

  @Override
  public String toString() {
    return new String(exact(), 0, length, StandardCharsets.UTF_8);
  }

  /** Collects the bytes written to it, in pieces of 8 KiB doubling up to 1 MiB. */
  static final class Buffer extends OutputStream {
    private static final int FIRST = 8 * 1024;
    private static final int LARGEST = 1024 * 1024;

    private final List<byte[]> pieces = new ArrayList<>();
    private byte[] piece = new byte[FIRST];
    private int used;
    private long length;

    Buffer() {
      pieces.add(piece);
    }

    @Override
    public void write(int b) {
      room();
      piece[used++] = (byte) b;
      length++;
    }

    @Override
    public void write(byte[] bytes, int from, int count) {
      int done = 0;
      while (done < count) {
        room();
        int n = Math.min(count - done, piece.length - used);
        System.arraycopy(bytes, from + done, piece, used, n);
        used += n;
        done += n;
      }
      length += count;
    }

    /** A new piece when the current one is full. */
    private void room() {
      if (used == piece.length) {
        piece = new byte[Math.min(LARGEST, piece.length * 2)];
        pieces.add(piece);
        used = 0;
      }
    }

    Utf8Text text() {
      if (length > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("an output of more than 2 GiB: " + length + " bytes");
      }
      return new Utf8Text(List.copyOf(pieces), used, (int) length);
    }
  }
}
