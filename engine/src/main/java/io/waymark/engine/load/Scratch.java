package io.waymark.engine.load;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A run's scratch file beside the cache ({@link LoadCache#scratch()}): the payloads of the files it
 * read wait there for the pack to be written, instead of in memory (at 100,000 files, 200 MB held
 * to the end of the load). Opened on the first payload; written from many threads at once (each
 * payload at a place of its own); removed when closed. A scratch that cannot be opened or written
 * keeps nothing: {@link #put} says so, and the caller keeps those bytes in memory.
 */
final class Scratch implements Closeable {

  /** Read back in slices of this size: a native buffer is made for each read of a heap buffer. */
  private static final int SLICE = 1 << 16;

  private final LoadCache store;
  private final AtomicLong end = new AtomicLong();
  private FileChannel channel;
  private boolean opened;

  Scratch(LoadCache store) {
    this.store = store;
  }

  /** The scratch file, opened on first use; null when the store has none or it failed. */
  private synchronized FileChannel channel() {
    if (!opened) {
      opened = true;
      try {
        channel = store.scratch().orElse(null);
      } catch (IOException | RuntimeException e) {
        channel = null; // kept in memory instead
      }
    }
    return channel;
  }

  /** Writes {@code bytes} to the scratch file: where they start there, or -1 when not written. */
  long put(byte[] bytes) {
    FileChannel c = channel();
    if (c == null) {
      return -1;
    }
    long at = end.getAndAdd(bytes.length);
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      while (buffer.hasRemaining()) {
        c.write(buffer, at + buffer.position());
      }
      return at;
    } catch (IOException | RuntimeException e) {
      return -1; // a full disk: these bytes stay in memory (the space they took is not used)
    }
  }

  /** Copies {@code length} bytes written at {@code at} to {@code out}. */
  void copy(long at, int length, OutputStream out) throws IOException {
    FileChannel c;
    synchronized (this) {
      c = channel;
    }
    if (c == null) {
      throw new IOException("no scratch file was written");
    }
    byte[] bytes = new byte[Math.min(length, SLICE)];
    long from = at;
    int left = length;
    while (left > 0) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, Math.min(left, bytes.length));
      while (buffer.hasRemaining()) {
        if (c.read(buffer, from + buffer.position()) < 0) {
          throw new IOException("scratch file shorter than written");
        }
      }
      out.write(bytes, 0, buffer.position());
      from += buffer.position();
      left -= buffer.position();
    }
  }

  @Override
  public synchronized void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // removed with the process at the latest
      }
    }
  }
}
