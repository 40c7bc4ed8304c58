package io.waymark.cli.format;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A format's whole output as UTF-8 bytes, made as it is written ({@link Buffer}): held once, in
 * pieces of at most a mebibyte, never also as text, nor copied into ever larger arrays as it grows
 * (the JSON of 100,000 documents is tens of megabytes).
 */
public final class Utf8Text implements io.waymark.engine.load.Printed {

  /** The pieces; piece {@code i} holds {@code used[i]} bytes from its start. */
  private final List<byte[]> pieces;

  private final int[] used;
  private final int length;

  private Utf8Text(List<byte[]> pieces, int[] used) {
    this.pieces = pieces;
    this.used = used;
    long sum = 0;
    for (int n : used) {
      sum += n;
    }
    if (sum > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("an output of more than 2 GiB: " + sum + " bytes");
    }
    this.length = (int) sum;
  }

  public static Utf8Text of(String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return new Utf8Text(List.of(b), new int[] {b.length});
  }

  /** {@code first}, then {@code second}: their pieces, not copied. */
  static Utf8Text concat(Utf8Text first, Utf8Text second) {
    List<byte[]> pieces = new ArrayList<>(first.pieces);
    pieces.addAll(second.pieces);
    int[] used = Arrays.copyOf(first.used, first.used.length + second.used.length);
    System.arraycopy(second.used, 0, used, first.used.length, second.used.length);
    return new Utf8Text(List.copyOf(pieces), used);
  }

  /** The number of bytes. */
  @Override
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
      buffer.put(pieces.get(i), 0, used[i]);
    }
  }

  /** Writes the bytes to {@code out}, piece by piece. */
  @Override
  public void writeTo(OutputStream out) throws IOException {
    for (int i = 0; i < pieces.size(); i++) {
      out.write(pieces.get(i), 0, used[i]);
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

    Buffer() {
      pieces.add(piece);
    }

    @Override
    public void write(int b) {
      room();
      piece[used++] = (byte) b;
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
      int[] sizes = new int[pieces.size()];
      for (int i = 0; i < sizes.length - 1; i++) {
        sizes[i] = pieces.get(i).length;
      }
      sizes[sizes.length - 1] = used;
      return new Utf8Text(List.copyOf(pieces), sizes);
    }
  }
}
