package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The answer kept for a launcher's check without a JVM: written only when every input last changed
 * in a second before the run began (whole seconds cannot tell a change made in that second), with
 * an absent path kept as absent, and not written again for the same line and inputs. The launcher's
 * side is {@code KeptAnswerTest} of the command line.
 */
class AnswerCheckTest {

  @TempDir Path tmp;

  private static final AnswerCheck.Answer ANSWER =
      new AnswerCheck.Answer(
          "situation",
          false,
          List.of("validate", "."),
          "",
          1,
          Printed.of("printed ✔".getBytes(StandardCharsets.UTF_8)));

  @Test
  void shouldKeepAnAnswerOnlyWhenEveryInputChangedBeforeTheRunBegan() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Path file = Files.writeString(repo.resolve("roadmap.yaml"), "kind: Roadmap\n");
    Path absent = repo.resolve(".git");
    Path kept = tmp.resolve("cache").resolve(FolderCache.ANSWER);
    FolderSource.SnapshotPaths walked = walk(repo);

    check(System.currentTimeMillis(), walked).keep(ANSWER); // the inputs changed just now
    assertThat(kept).doesNotExist();

    check(later(), walked).keep(ANSWER);
    byte[] bytes = Files.readAllBytes(kept);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    assertThat(AnswerCheck.keyOf(bytes)).isNotNull();
    assertThat(text).contains(absent + "\0\0\0\1-").contains(file.toString()).contains("situation");
    Object inode = Files.getAttribute(kept, "unix:ino", LinkOption.NOFOLLOW_LINKS);

    check(later(), walked).keep(ANSWER);
    assertThat(Files.getAttribute(kept, "unix:ino", LinkOption.NOFOLLOW_LINKS))
        .as("the same line and inputs: not written again")
        .isEqualTo(inode);

    check(later(), walked)
        .keep(
            new AnswerCheck.Answer(
                "situation", false, List.of("validate"), "", 0, Printed.of(new byte[0])));
    assertThat(AnswerCheck.keyOf(Files.readAllBytes(kept))).isNotEqualTo(AnswerCheck.keyOf(bytes));
  }

  /**
   * The launchers check an answer file by its last four bytes: the sum of every big-endian word
   * before them. Written as the output comes, in pieces of any length, the sum is the same.
   */
  @Test
  void shouldSealTheAnswerWithTheSumOfItsWordsWhateverPiecesTheOutputComesIn() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(repo.resolve("roadmap.yaml"), "kind: Roadmap\n");
    byte[] output = new byte[100_003];
    for (int i = 0; i < output.length; i++) {
      output[i] = (byte) (i * 31 + 7);
    }
    Printed inPieces =
        new Printed() {
          @Override
          public int length() {
            return output.length;
          }

          @Override
          public void writeTo(java.io.OutputStream out) throws IOException {
            int at = 0;
            for (int piece = 1; at < output.length; piece = piece % 7 + 1) {
              int n = Math.min(piece, output.length - at);
              if (n == 1) {
                out.write(output[at]);
              } else {
                out.write(output, at, n);
              }
              at += n;
            }
          }
        };

    check(later(), walk(repo))
        .keep(new AnswerCheck.Answer("situation", false, List.of("validate"), "", 1, inPieces));

    byte[] file = Files.readAllBytes(tmp.resolve("cache").resolve(FolderCache.ANSWER));
    assertThat(file.length % 4).isZero();
    long sum = 0;
    java.nio.ByteBuffer words = java.nio.ByteBuffer.wrap(file, 0, file.length - 4);
    while (words.hasRemaining()) {
      sum += words.getInt() & 0xffffffffL;
    }
    assertThat(java.nio.ByteBuffer.wrap(file, file.length - 4, 4).getInt()).isEqualTo((int) sum);
    assertThat(indexOf(file, output)).as("the output, whole").isPositive();
  }

  private static int indexOf(byte[] in, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= in.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (in[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Past so many files the JVM answers sooner than the launcher's check: none is kept. */
  @Test
  void shouldKeepNoAnswerAndRemoveTheOldOneAboveSoManyFiles() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(repo.resolve("roadmap.yaml"), "kind: Roadmap\n");
    Path kept = tmp.resolve("cache").resolve(FolderCache.ANSWER);
    check(later(), walk(repo)).keep(ANSWER);
    assertThat(kept).exists();

    Files.writeString(repo.resolve("metrics.yaml"), "kind: Metrics\n");
    FolderSource.SnapshotPaths two = walk(repo);
    check(later(), two).keep(ANSWER, 1);

    assertThat(kept).doesNotExist();
    check(later(), two).keep(ANSWER, 2);
    assertThat(kept).exists();
  }

  @Test
  void shouldKeepNothingWhenAnEntryChangedSinceTheWalk() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Path file = Files.writeString(repo.resolve("roadmap.yaml"), "kind: Roadmap\n");
    FolderSource.SnapshotPaths walked = walk(repo);
    Files.writeString(file, "kind: Roadmap\n# and more\n");

    check(later(), walked).keep(ANSWER);

    assertThat(tmp.resolve("cache").resolve(FolderCache.ANSWER)).doesNotExist();
  }

  @Test
  void shouldTakeNothingButItsOwnFormatForAnAnswerFile() {
    assertThat(AnswerCheck.keyOf(new byte[0])).isNull();
    assertThat(AnswerCheck.keyOf("WAYMARK-ANSWER\n\0\0\0\2".getBytes(StandardCharsets.UTF_8)))
        .isNull();
    assertThat(
            AnswerCheck.keyOf("WAYMARK-ANSWER\n\0\0\0\1\0\0\0\7x".getBytes(StandardCharsets.UTF_8)))
        .isNull();
  }

  /** A run that began long after every input last changed. */
  private static long later() {
    return System.currentTimeMillis() + 10_000;
  }

  private static FolderSource.SnapshotPaths walk(Path repo) throws IOException {
    try (var files = Files.list(repo)) {
      for (Path f : files.toList()) { // a file written a moment ago is not stamped at all
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(0));
      }
    }
    FolderSource source = new FolderSource(repo, "repo");
    assertThat(source.snapshot(new InputBytes(256))).isTrue();
    return source.snapshotPaths().orElseThrow();
  }

  private AnswerCheck check(long since, FolderSource.SnapshotPaths walked) {
    Path repo = tmp.resolve("repo");
    return new AnswerCheck(
        new FolderCache(tmp.resolve("cache")).answerStore(),
        since,
        repo,
        walked,
        List.of(repo.resolve(".git")),
        out -> {},
        new InputBytes(16).text("inputs"));
  }
}
