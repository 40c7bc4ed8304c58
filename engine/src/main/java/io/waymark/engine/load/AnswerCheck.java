package io.waymark.engine.load;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * A run's answer kept with every path its inputs were read from, so that a launcher can give it
 * again without starting a JVM ({@code waymark-daemon-client.pl}): when each path's {@code lstat}
 * (kind, device, inode, size, modification and inode change time, in whole seconds) is what it was,
 * nothing the answer depends on has changed. The paths are those of a stored outcome's inputs
 * ({@link StoredRun}): each folder the walk listed (a file added, removed or renamed there changes
 * the folder's times) and each entry it found, the Git files the repository's state was read from
 * (absent ones included: one that appears changes the state), the Java runtime and the class path.
 * What a launcher compares besides (the situation text, the command line, the terminal, the day) is
 * written by the front end.
 *
 * <p>Whole seconds only tell a change apart from the time of the last one: an answer is written
 * only when every path's inode change time (which no program can set back, and which any write,
 * rename or new link moves on) is in a second before the run began. A path changed since then has a
 * later one; a path changed during the run is not written at all. The next run with nothing changed
 * writes it (see {@link #keep}).
 *
 * <p>The file ({@link FolderCache#ANSWER}), its own binary format, never Java serialisation; every
 * number a big-endian u32, every string its length (u32) and its UTF-8 bytes:
 *
 * <pre>
 * "WAYMARK-ANSWER\n" · u32 format · string file identity (its device and inode, as the JDK prints
 * them: a file planted in the folder has another) · string key · string situation · string
 * terminal ("1" or "0") · u32 argument count · string each · string day (empty, or the UTC day the
 * answer is bound to) · string root (the folder's real path) · u32 exit code · string standard
 * output · u32 path count · for each: string path, string stamp ("-" when absent, else "KIND DEV
 * INO SIZE MTIME CTIME") · zero to three zero bytes (to a multiple of four) · u32 the sum of every
 * u32 before it, modulo 2^32 (what Perl's {@code unpack '%32N*'} gives)
 * </pre>
 */
public final class AnswerCheck {

  static final byte[] MAGIC = "WAYMARK-ANSWER\n".getBytes(StandardCharsets.US_ASCII);
  static final int FORMAT = 1;

  /**
   * How much of an answer file is read to learn its key: the magic, the format, the file's identity
   * and the key come first, in well under this.
   */
  static final int HEAD_BYTES = 4096;

  /**
   * Above this many files no answer is kept (and one kept before is removed): the launcher's check
   * stats every file and reads and prints the whole answer, about 17 µs a file in Perl, where the
   * JVM answers from the stored outcome at about 6 µs a file after its start, so that past about
   * 35,000 files the JVM is the sooner (30,000: 0.41 s against 0.46 s; 100,000: 1.58 s against 0.88
   * s; docs/performance.md, session 31). Nor is a large answer written, on every run.
   */
  static final int MOST_FILES = 35_000;

  private final LoadCache store;
  private final long since;
  private final Path root;

  /** The folders the walk listed and the Git files: paths the inputs' bytes do not stamp. */
  private final List<Path> listed;

  /** Adds the runtime's paths (the JVM, the class path), asked only when an answer is kept. */
  private final MorePaths runtime;

  /** The entries the walk found, with their stats then (the inputs' bytes hold them). */
  private final List<FolderWalk.Item> entries;

  /** The stored outcome's inputs, summed only when an answer is kept. */
  private final InputBytes inputs;

  /** Paths to add to the check, read when an answer is kept, not on every run. */
  @FunctionalInterface
  public interface MorePaths {
    void addTo(List<Path> out) throws IOException;
  }

  /**
   * @param store where the answer goes ({@link LoadCache#answerStore()})
   * @param since when the run began to look at its inputs (milliseconds since the epoch)
   * @param root the folder's real path
   * @param walked the folders the walk listed and the entries it found (stamped in {@code inputs})
   * @param git the Git files the repository's state was read from, present or not
   * @param runtime adds the runtime's paths (the JVM, the class path)
   * @param inputs the stored outcome's input bytes (not changed after): with the stamps of the
   *     other paths, their checksum tells whether an answer file already there was written for the
   *     same inputs
   */
  public AnswerCheck(
      LoadCache store,
      long since,
      Path root,
      FolderSource.SnapshotPaths walked,
      List<Path> git,
      MorePaths runtime,
      InputBytes inputs) {
    this.store = store;
    this.since = since;
    this.root = root;
    List<Path> all = new ArrayList<>(walked.folders.size() + git.size());
    all.addAll(walked.folders);
    all.addAll(git);
    this.listed = all;
    this.runtime = runtime;
    this.entries = walked.entries;
    this.inputs = inputs;
  }

  /** The line a front end answered and what it answered. */
  public record Answer(
      String situation,
      boolean terminal,
      List<String> args,
      String day,
      int exitCode,
      Printed output) {

    public Answer {
      args = List.copyOf(args);
    }
  }

  /**
   * Keeps {@code answer} for the launcher, unless the answer file there was written for the same
   * inputs and line already, or a path changed too recently to tell in whole seconds, or a path
   * cannot be read (nothing is written then: the launcher starts the JVM, which answers as ever). A
   * store that cannot be written costs time, never results.
   */
  public void keep(Answer answer) {
    keep(answer, MOST_FILES);
  }

  /** As {@link #keep(Answer)}, keeping no answer above {@code mostFiles} files (tests). */
  void keep(Answer answer, int mostFiles) {
    if (entries.size() > mostFiles) {
      try {
        store.clear(); // the JVM answers sooner: an answer of fewer files would be checked first
      } catch (IOException e) {
        // the launcher checks it and finds it is not this run's
      }
      return;
    }
    // A file the walk found changed too recently makes no answer: known without a system call
    // (the run after an edit, ten thousand files stat again for nothing otherwise).
    for (FolderWalk.Item item : entries) {
      if (!settled(item.stat())) {
        return;
      }
    }
    try {
      List<Path> others = new ArrayList<>(listed.size() + 8);
      others.addAll(listed);
      runtime.addTo(others);
      String key = key(answer, others);
      // Its head only: the answer after it is as long as the output (70 MB of JSON, say).
      Optional<LoadCache.Stored> there = store.readStart(HEAD_BYTES);
      if (there.isPresent() && key.equals(keyOf(there.get().bytes()))) {
        return;
      }
      Optional<byte[]> stamps = stamps(others);
      if (stamps.isEmpty()) {
        return;
      }
      store.writeStreamed(identity -> out -> write(out, identity, key, answer, stamps.get()));
    } catch (IOException | RuntimeException e) {
      // a read-only folder, a full disk: the launcher starts the JVM
    }
  }

  /** The line, the answer, the inputs' checksum and the other paths' stamps, as a text. */
  private String key(Answer answer, List<Path> others) throws IOException {
    CRC32C sum = new CRC32C();
    sum.update(inputs.array(), 0, inputs.size());
    long inputsSum = sum.getValue() << 32 | inputs.size() & 0xffffffffL;
    CRC32C crc = new CRC32C();
    StringBuilder stamp = new StringBuilder(64);
    for (Path path : others) {
      stamp.setLength(0);
      stamp(path, stamp);
      stamp.append('\0');
      crc.update(stamp.toString().getBytes(StandardCharsets.UTF_8));
    }
    StringBuilder text = new StringBuilder(1024);
    text.append(answer.situation())
        .append('\0')
        .append(answer.terminal())
        .append('\0')
        .append(String.join("\0", answer.args()))
        .append('\0')
        .append(answer.day())
        .append('\0')
        .append(root)
        .append('\0')
        .append(answer.exitCode());
    crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
    answer
        .output()
        .writeTo(new java.util.zip.CheckedOutputStream(OutputStream.nullOutputStream(), crc));
    return Long.toHexString(inputsSum)
        + '-'
        + Long.toHexString(crc.getValue())
        + '-'
        + answer.output().length();
  }

  /** The key of an answer file, or null when it is not one. */
  static String keyOf(byte[] bytes) {
    if (bytes.length < MAGIC.length
        || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return null;
    }
    try {
      CachePack.Bytes in = new CachePack.Bytes(bytes, MAGIC.length, bytes.length);
      if (in.i32() != FORMAT) {
        return null;
      }
      in.string(); // the file's identity
      return in.string();
    } catch (CachePack.Bytes.Malformed e) {
      return null;
    }
  }

  /**
   * Each path with its stamp, encoded; empty when one changed in the second the run began or later,
   * cannot be read, or its file system does not tell inodes and inode change times.
   */
  private Optional<byte[]> stamps(List<Path> others) throws IOException {
    if (!FolderWalk.unix(root.getFileSystem())) {
      return Optional.empty();
    }
    int count = others.size() + entries.size();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(count * 112 + 16);
    DataOutputStream out = new DataOutputStream(buffer);
    out.writeInt(count);
    StringBuilder stamp = new StringBuilder(64);
    for (Path path : others) {
      stamp.setLength(0);
      if (!settled(stamp(path, stamp))) {
        return Optional.empty();
      }
      string(out, path.toString());
      string(out, stamp.toString());
    }
    for (FolderWalk.Item item : entries) {
      stamp.setLength(0);
      FolderWalk.Stat now = stamp(item.path(), stamp);
      // What the answer was made of: the entry as the walk found it, to the nanosecond (whose
      // stat keep() found settled).
      if (now == null || !now.equals(item.stat())) {
        return Optional.empty();
      }
      string(out, item.path().toString());
      string(out, stamp.toString());
    }
    out.flush();
    return Optional.of(buffer.toByteArray());
  }

  /**
   * True for a path that is not there, or last changed long enough before the run began that a
   * later change shows in whole seconds: two seconds, the margin the stored outcome's own stamps
   * take for a file system whose clock is not quite the machine's ({@link
   * FolderSource#RECENT_MILLIS}).
   */
  private boolean settled(FolderWalk.Stat stat) {
    if (stat == null) {
      return true;
    }
    long changedMillis = stat.changed() * 1000 + stat.changedNanos() / 1_000_000;
    return stat.fileKey() == null && changedMillis < since - FolderSource.RECENT_MILLIS;
  }

  /**
   * Appends what one {@code lstat} says of {@code path} as the launcher writes it ("-" when it is
   * not there); returns the stat, null when it is not there.
   */
  private static FolderWalk.Stat stamp(Path path, StringBuilder stamp) throws IOException {
    FolderWalk.Stat stat;
    try {
      stat = FolderWalk.stat(path, true);
    } catch (NoSuchFileException e) {
      stamp.append('-');
      return null;
    }
    stamp
        .append(stat.kind().mark)
        .append(' ')
        .append(stat.device())
        .append(' ')
        .append(stat.inode())
        .append(' ')
        .append(stat.size())
        .append(' ')
        .append(stat.modified())
        .append(' ')
        .append(stat.changed());
    return stat;
  }

  /**
   * The answer file, written to {@code sink} as it is made: the answer (at 100,000 documents the
   * JSON output, 70 MB) is not copied.
   */
  private void write(OutputStream sink, String identity, String key, Answer answer, byte[] stamps)
      throws IOException {
    WordSum sum = new WordSum(sink);
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(sum, 1 << 16));
    out.write(MAGIC);
    out.writeInt(FORMAT);
    string(out, identity);
    string(out, key);
    string(out, answer.situation());
    string(out, answer.terminal() ? "1" : "0");
    out.writeInt(answer.args().size());
    for (String arg : answer.args()) {
      string(out, arg);
    }
    string(out, answer.day());
    string(out, root.toString());
    out.writeInt(answer.exitCode());
    out.writeInt(answer.output().length());
    answer.output().writeTo(out);
    out.write(stamps);
    while (out.size() % 4 != 0) {
      out.write(0);
    }
    out.flush();
    new DataOutputStream(sink).writeInt((int) sum.sum());
  }

  /**
   * The bytes written through it, summed as big-endian 32-bit words (the answer file's checksum,
   * which the launchers check without a JVM).
   */
  private static final class WordSum extends java.io.FilterOutputStream {
    private long sum;
    private int word;
    private int filled;

    WordSum(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      add(b);
      out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      int i = offset;
      int end = offset + length;
      while (i < end && filled != 0) {
        add(bytes[i++]);
      }
      // Whole words at a time: the answer is the output, tens of megabytes of it.
      long words = 0;
      for (; i + 4 <= end; i += 4) {
        words +=
            (bytes[i] & 0xffL) << 24
                | (bytes[i + 1] & 0xff) << 16
                | (bytes[i + 2] & 0xff) << 8
                | bytes[i + 3] & 0xff;
      }
      sum += words;
      while (i < end) {
        add(bytes[i++]);
      }
      out.write(bytes, offset, length);
    }

    private void add(int b) {
      word = word << 8 | b & 0xff;
      if (++filled == 4) {
        sum += word & 0xffffffffL;
        word = 0;
        filled = 0;
      }
    }

    long sum() {
      return sum;
    }
  }

  private static void string(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }
}
