package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.engine.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FolderSourceTest {

  @TempDir Path repo;
  @TempDir Path outside;

  @Test
  void shouldListRegularFilesSortedWithTheirSize() throws IOException {
    Fixtures.write(repo, "roadmap.yaml", "a: 1\n");
    Fixtures.write(repo, "business-cases/b.yaml", "b: 22\n");
    Fixtures.write(repo, "README.md", "text");

    assertThat(new FolderSource(repo, "x").list())
        .containsExactly(
            new RepositorySource.Entry("README.md", RepositorySource.Type.REGULAR, 4),
            new RepositorySource.Entry("business-cases/b.yaml", RepositorySource.Type.REGULAR, 6),
            new RepositorySource.Entry("roadmap.yaml", RepositorySource.Type.REGULAR, 5));
  }

  @Test
  void shouldListASymbolicLinkToAFileAsALinkAndRefuseToReadIt() throws IOException {
    Path secret = Fixtures.write(outside, "secret.yaml", "token: s3cr3t\n");
    Files.createSymbolicLink(repo.resolve("roadmap.yaml"), secret);
    FolderSource source = new FolderSource(repo, "x");

    assertThat(source.list())
        .containsExactly(
            new RepositorySource.Entry(
                "roadmap.yaml", RepositorySource.Type.SYMLINK, source.list().get(0).size()));
    assertThatThrownBy(() -> source.read("roadmap.yaml"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("symbolic link");
  }

  @Test
  void shouldRefuseAFileSwappedForALinkOrAPipeAfterTheListing() throws Exception {
    Path secret = Fixtures.write(outside, "secret.yaml", "token: s3cr3t\n");
    Fixtures.write(repo, "roadmap.yaml", "a: 1\n");
    Fixtures.write(repo, "vendors/v.yaml", "v: 1\n");
    FolderSource source = new FolderSource(repo, "x");
    assertThat(source.list()).extracting(RepositorySource.Entry::path).hasSize(2);

    Files.delete(repo.resolve("roadmap.yaml"));
    Files.createSymbolicLink(repo.resolve("roadmap.yaml"), secret);
    assertThatThrownBy(() -> source.read("roadmap.yaml"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("symbolic link not followed");

    // A named pipe is never opened (the open would wait for a writer): refused as it is.
    Files.delete(repo.resolve("vendors/v.yaml"));
    Process mkfifo =
        new ProcessBuilder("mkfifo", repo.resolve("vendors/v.yaml").toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");
    assertThatThrownBy(() -> source.read("vendors/v.yaml"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void shouldNotTraverseASymbolicLinkToAFolder() throws IOException {
    Fixtures.write(outside, "vendors/v.yaml", "v: 1\n");
    Files.createSymbolicLink(repo.resolve("vendors"), outside.resolve("vendors"));
    Fixtures.write(repo, "roadmap.yaml", "a: 1\n");
    FolderSource source = new FolderSource(repo, "x");

    assertThat(source.list())
        .extracting(RepositorySource.Entry::path)
        .containsExactly("roadmap.yaml", "vendors");
    assertThat(source.list().get(1).type()).isEqualTo(RepositorySource.Type.SYMLINK);
    assertThatThrownBy(() -> source.read("vendors/v.yaml"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("symbolic link");
  }

  @ParameterizedTest(name = "read(\"{0}\") is refused")
  @ValueSource(strings = {"../x", "../outside.yaml", "a/../../x", "sub/../../x", "/etc/passwd"})
  void shouldRefuseToReadOutsideTheRepository(String path) throws IOException {
    Path repoFolder = Files.createDirectories(repo.resolve("repo"));
    Fixtures.write(repo, "x", "x: 1\n");
    Fixtures.write(repo, "outside.yaml", "x: 1\n");
    Files.createDirectories(repoFolder.resolve("sub"));
    FolderSource source = new FolderSource(repoFolder, "x");

    assertThatThrownBy(() -> source.read(path))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("outside the repository");
  }

  @Test
  void shouldRefuseToReadAFolder() throws IOException {
    Files.createDirectories(repo.resolve("assessment"));

    assertThatThrownBy(() -> new FolderSource(repo, "x").read("assessment"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a regular file");
  }

  @Test
  void shouldReadARegularFile() throws IOException {
    Fixtures.write(repo, "use-cases/a.yaml", "status: pilot\n");

    assertThat(new FolderSource(repo, "x").read("use-cases/a.yaml"))
        .isEqualTo("status: pilot\n".getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A stamp is written when asked, from what the last listing found: each regular file's own, none
   * for a file too recent to be told by it, a link or a name the listing did not find.
   */
  @Test
  void shouldStampTheRegularFilesOfTheLastListing() throws IOException {
    Path old = Fixtures.write(repo, "a.yaml", "a: 1\n");
    Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2026-01-02T03:04:05Z")));
    Path other = Fixtures.write(repo, "b/c.yaml", "c: 333\n");
    Files.setLastModifiedTime(other, FileTime.from(Instant.parse("2026-01-02T03:04:06Z")));
    Fixtures.write(repo, "recent.yaml", "r: 1\n");
    Files.createSymbolicLink(repo.resolve("link.yaml"), old);
    FolderSource source = new FolderSource(repo, "x");

    assertThat(source.stamp("a.yaml")).isEmpty();
    source.list();

    assertThat(source.stamp("a.yaml")).startsWith("5 1767323045.0 ");
    assertThat(source.stamp("b/c.yaml")).startsWith("7 1767323046.0 ");
    assertThat(source.stamp("a.yaml")).isNotEqualTo(source.stamp("b/c.yaml"));
    assertThat(source.stamp("recent.yaml")).isEmpty();
    assertThat(source.stamp("link.yaml")).isEmpty();
    assertThat(source.stamp("missing.yaml")).isEmpty();

    Files.delete(other);
    source.list();

    assertThat(source.stamp("b/c.yaml")).isEmpty();
    assertThat(source.stamp("a.yaml")).startsWith("5 1767323045.0 ");
  }

  @Test
  void shouldSkipGitBuildOutputAndNodeModules() throws IOException {
    Fixtures.write(repo, ".git/config.yaml", "a: 1\n");
    Fixtures.write(repo, "target/classes/x.yaml", "a: 1\n");
    Fixtures.write(repo, "cli/target/y.yaml", "a: 1\n");
    Fixtures.write(repo, "node_modules/pkg/z.yaml", "a: 1\n");
    Fixtures.write(repo, "roadmap.yaml", "a: 1\n");
    Fixtures.write(repo, "targets/kept.yaml", "a: 1\n");

    assertThat(new FolderSource(repo, "x").list())
        .extracting(RepositorySource.Entry::path)
        .containsExactly("roadmap.yaml", "targets/kept.yaml");
  }

  @Test
  void shouldListTheFilesBehindARootThatIsASymbolicLink() throws IOException {
    Path real = Files.createDirectories(outside.resolve("real"));
    Fixtures.write(real, "roadmap.yaml", "a: 1\n");
    Path link = Files.createSymbolicLink(repo.resolve("link"), real);

    assertThat(new FolderSource(link, "x").list())
        .extracting(RepositorySource.Entry::path)
        .containsExactly("roadmap.yaml");
  }

  @Test
  void shouldUseForwardSlashesAndTheGivenLabel() throws IOException {
    Fixtures.write(repo, "a/b/c.yaml", "a: 1\n");
    FolderSource source = new FolderSource(repo.resolve("a/.."), "main");

    assertThat(source.label()).isEqualTo("main");
    assertThat(source.root()).isEqualTo(repo.toAbsolutePath().normalize());
    assertThat(source.list())
        .extracting(RepositorySource.Entry::path)
        .containsExactly("a/b/c.yaml");
  }

  /**
   * The snapshot that tells a run with nothing changed: every file below the root exactly once, in
   * any order, none of the folders no walk enters (the cache, {@code .git}, build output), a link
   * as a link; the same twice; a file written a moment ago anywhere means no snapshot, and once it
   * is old enough, another snapshot.
   */
  @Test
  void aSnapshotOfThousandsOfFilesHasEveryFileOnceAndNoSkippedOne() throws IOException {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 1300; i++) {
      expected.add(write("use-cases/uc-" + i + ".yaml"));
    }
    for (int i = 0; i < 700; i++) {
      expected.add(write("a/b/c/deep-" + i + ".yaml"));
    }
    expected.add(write("roadmap.yaml"));
    for (String skipped : List.of(".git/HEAD", "target/x.yaml", "a/node_modules/y.yaml")) {
      write(skipped);
    }
    write(".waymark/cache/outcome.bin");
    expected.add(write(".waymark/other.yaml"));
    Files.createSymbolicLink(repo.resolve("link.yaml"), repo.resolve("roadmap.yaml"));
    expected.add("link.yaml");
    expected.sort(null);

    Optional<ByteBuffer> snapshot = new FolderSource(repo, "x").snapshot();

    assertThat(snapshot).isPresent();
    List<String> lines = read(snapshot.get());
    assertThat(lines.get(0)).isEqualTo(repo.toRealPath().toString());
    assertThat(lines.subList(1, lines.size()).stream().map(l -> l.split(" ")[0]).toList())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(lines).filteredOn(l -> l.startsWith("link.yaml l ")).hasSize(1);
    assertThat(lines).filteredOn(l -> l.startsWith("roadmap.yaml f 5 ")).hasSize(1);
    assertThat(new FolderSource(repo, "x").snapshot()).isEqualTo(snapshot);

    Files.writeString(repo.resolve("a/b/c/deep-699.yaml"), "changed");
    assertThat(new FolderSource(repo, "x").snapshot()).isEmpty(); // written just now
    Files.setLastModifiedTime(
        repo.resolve("a/b/c/deep-699.yaml"), FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
    assertThat(new FolderSource(repo, "x").snapshot()).isPresent().isNotEqualTo(snapshot);
  }

  /**
   * A snapshot walks the folder once for two uses: the inputs of a stored outcome and the listing
   * the load reads. After it, {@link FolderSource#list()} gives what a fresh walk gives (entries,
   * stamps, files read through it) without walking again, also when a file written a moment ago
   * means no snapshot.
   */
  @Test
  void aSnapshotIsItsSourcesListingWithoutASecondWalk() throws IOException {
    for (int i = 0; i < 40; i++) {
      write("use-cases/uc-" + i + ".yaml");
    }
    write("roadmap.yaml");
    Files.createSymbolicLink(repo.resolve("link.yaml"), repo.resolve("roadmap.yaml"));
    for (boolean justWritten : new boolean[] {false, true}) {
      if (justWritten) {
        Fixtures.write(repo, "use-cases/uc-7.yaml", "a: 2\n"); // too recent to be stamped
      }
      FolderSource walked = new FolderSource(repo, "x");
      assertThat(walked.snapshot().isEmpty()).isEqualTo(justWritten);
      FolderSource fresh = new FolderSource(repo, "x");
      List<RepositorySource.Entry> expected = fresh.list();

      write("later-" + justWritten + ".yaml"); // after the snapshot: not in its listing

      assertThat(walked.list()).isEqualTo(expected);
      for (RepositorySource.Entry e : expected) {
        assertThat(walked.stamp(e.path())).as(e.path()).isEqualTo(fresh.stamp(e.path()));
      }
      assertThat(walked.stamp("use-cases/uc-7.yaml").isEmpty()).isEqualTo(justWritten);
      assertThat(walked.read("use-cases/uc-7.yaml")).isEqualTo(fresh.read("use-cases/uc-7.yaml"));
      assertThat(new FolderSource(repo, "x").list())
          .extracting(RepositorySource.Entry::path)
          .contains("later-" + justWritten + ".yaml");
    }
  }

  /**
   * Every change a stored outcome must not survive changes the snapshot, and the stamp of a changed
   * file: content written at the same size with the modification time put back (the inode change
   * time tells), a file added, removed, renamed, or replaced by a link to the same content.
   */
  @Test
  void aSnapshotChangesWithEveryChangeOfAFileEvenOneThatKeepsItsSizeAndTime() throws IOException {
    write("use-cases/a.yaml");
    write("use-cases/b.yaml");
    Path a = repo.resolve("use-cases/a.yaml");
    FolderSource before = new FolderSource(repo, "x");
    Optional<ByteBuffer> snapshot = before.snapshot();
    before.list();
    String stamp = before.stamp("use-cases/a.yaml");
    assertThat(snapshot).isPresent();
    assertThat(stamp).isNotEmpty();
    assertThat(new FolderSource(repo, "x").snapshot()).isEqualTo(snapshot);

    FileTime modified = Files.getLastModifiedTime(a);
    Files.writeString(a, "a: 2\n"); // same size as "a: 1\n"
    Files.setLastModifiedTime(a, modified);
    assertThat(Files.size(a)).isEqualTo(5);
    assertThat(Files.getLastModifiedTime(a)).isEqualTo(modified);
    FolderSource edited = new FolderSource(repo, "x");
    assertThat(edited.snapshot()).isPresent().isNotEqualTo(snapshot);
    edited.list();
    assertThat(edited.stamp("use-cases/a.yaml")).isNotEmpty().isNotEqualTo(stamp);

    Optional<ByteBuffer> last = edited.snapshot();
    write("use-cases/c.yaml");
    Optional<ByteBuffer> added = new FolderSource(repo, "x").snapshot();
    assertThat(added).isPresent().isNotEqualTo(last);

    Files.delete(repo.resolve("use-cases/c.yaml"));
    Optional<ByteBuffer> removed = new FolderSource(repo, "x").snapshot();
    assertThat(removed).isPresent().isNotEqualTo(added);

    Files.move(repo.resolve("use-cases/b.yaml"), repo.resolve("use-cases/d.yaml"));
    Optional<ByteBuffer> renamed = new FolderSource(repo, "x").snapshot();
    assertThat(renamed).isPresent().isNotEqualTo(removed);

    Path d = repo.resolve("use-cases/d.yaml");
    Files.move(d, outside.resolve("d.yaml"));
    Files.createSymbolicLink(d, outside.resolve("d.yaml"));
    Optional<ByteBuffer> linked = new FolderSource(repo, "x").snapshot();
    assertThat(linked).isPresent().isNotEqualTo(renamed);
    assertThat(read(linked.get())).anyMatch(l -> l.startsWith("use-cases/d.yaml l "));
  }

  /**
   * The snapshot's bytes read back: the root, then one line per file ("name kind size modified
   * changed key"), as {@link InputBytes} wrote them.
   */
  private static List<String> read(ByteBuffer snapshot) {
    ByteBuffer in = snapshot.duplicate();
    List<String> lines = new ArrayList<>();
    lines.add(text(in));
    long count = number(in);
    for (long i = 0; i < count; i++) {
      StringBuilder line = new StringBuilder(text(in));
      char kind = (char) in.get();
      line.append(' ').append(kind);
      if (kind == 'x') {
        lines.add(line.append(' ').append(text(in)).toString());
        continue;
      }
      line.append(' ').append(number(in));
      line.append(' ').append(number(in)).append('.').append(number(in));
      line.append(' ').append(number(in)).append('.').append(number(in));
      char key = (char) in.get();
      line.append(' ').append(key == 'u' ? number(in) + ":" + number(in) : text(in));
      lines.add(line.toString());
    }
    assertThat(in.hasRemaining()).as("nothing after the last file").isFalse();
    return lines;
  }

  private static long number(ByteBuffer in) {
    long value = 0;
    for (int shift = 0; ; shift += 7) {
      byte b = in.get();
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
  }

  private static String text(ByteBuffer in) {
    long header = number(in);
    StringBuilder out = new StringBuilder();
    for (long i = 0; i < header >>> 1; i++) {
      out.append((header & 1) == 0 ? (char) (in.get() & 0xFF) : in.getChar());
    }
    return out.toString();
  }

  private String write(String name) throws IOException {
    Path file = Fixtures.write(repo, name, "a: 1\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    return name;
  }
}
