package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk given again only while nothing below the folder changed: every kind of change a user
 * makes is seen on the next walk, which then equals a fresh {@link FolderWalk}.
 */
class FolderWatchTest {

  @TempDir Path tmp;

  private Path root;
  private FolderWatch watch;
  private final Predicate<Path> skipped = p -> p.getFileName().toString().equals(".git");

  @BeforeEach
  void setUp() throws IOException {
    Optional<FolderWatch> started = FolderWatch.start();
    Assumptions.assumeTrue(started.isPresent(), "no ordered change notifications here");
    watch = started.get();
    root = Files.createDirectories(tmp.resolve("roadmap")).toRealPath();
  }

  @AfterEach
  void tearDown() {
    if (watch != null) {
      watch.close();
    }
  }

  /** A roadmap folder with two files, an empty subfolder and a skipped {@code .git}. */
  private Path roadmap() throws IOException {
    Files.createDirectories(root.resolve("use-cases"));
    Files.createDirectories(root.resolve("empty"));
    Files.createDirectories(root.resolve(".git"));
    write("roadmap.yaml", "kind: Roadmap\n");
    write("use-cases/a.yaml", "kind: UseCase\n");
    return root;
  }

  /** Writes a file, with a modification time an hour ago (not one that changed too recently). */
  private void write(String name, String text) throws IOException {
    Path file = root.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
  }

  private List<FolderWalk.Item> walk() throws IOException {
    return watch.walk(root, skipped);
  }

  /** What the watched walk gives, checked against a fresh walk: the same entries and stats. */
  private List<FolderWalk.Item> walkedAsFresh() throws IOException {
    List<FolderWalk.Item> watched = walk();
    assertThat(watched).isEqualTo(FolderWalk.of(root, skipped));
    return watched;
  }

  @Test
  void shouldGiveTheLastWalkAgainWhileNothingChanged() throws IOException {
    roadmap();
    List<FolderWalk.Item> first = walkedAsFresh();
    assertThat(walk()).isSameAs(first);
    assertThat(walk()).isSameAs(first);
    assertThat(watch.walks()).isEqualTo(1);
  }

  @Test
  void shouldStatAgainOnlyTheFilesWritten() throws IOException {
    roadmap();
    List<FolderWalk.Item> first = walk();
    Files.writeString(root.resolve("use-cases/a.yaml"), "# more\n", StandardOpenOption.APPEND);
    List<FolderWalk.Item> second = walkedAsFresh();
    assertThat(second).isNotSameAs(first).isNotEqualTo(first);
    assertThat(watch.walks()).as("the written file stat again, not the folder walked").isEqualTo(1);
    assertThat(walk()).as("then given again").isSameAs(second);
    Files.writeString(root.resolve("roadmap.yaml"), "kind: Roadmap\n# more\n");
    Files.writeString(root.resolve("use-cases/a.yaml"), "# again\n", StandardOpenOption.APPEND);
    assertThat(walkedAsFresh()).isNotEqualTo(second);
    assertThat(watch.walks()).isEqualTo(1);
  }

  @Test
  void shouldWalkWhenAWrittenFileWasThenRemoved() throws IOException {
    roadmap();
    walk();
    Files.writeString(root.resolve("use-cases/a.yaml"), "# more\n", StandardOpenOption.APPEND);
    Files.delete(root.resolve("use-cases/a.yaml"));
    assertThat(walkedAsFresh()).extracting(FolderWalk.Item::name).containsExactly("roadmap.yaml");
    assertThat(watch.walks()).isEqualTo(2);
  }

  @Test
  void shouldWalkAgainWhenOnlyAttributesChanged() throws IOException {
    roadmap();
    Path file = root.resolve("roadmap.yaml");
    List<FolderWalk.Item> first = walk();
    Files.setLastModifiedTime(file, FileTime.fromMillis(0));
    List<FolderWalk.Item> second = walkedAsFresh();
    assertThat(second).isNotSameAs(first).isNotEqualTo(first);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThat(walkedAsFresh()).isNotSameAs(second);
  }

  @Test
  void shouldSeeAFileMadeInAFolderThatWasEmpty() throws IOException {
    roadmap();
    walk();
    write("empty/new.yaml", "kind: UseCase\n");
    assertThat(walkedAsFresh()).extracting(FolderWalk.Item::name).contains("empty/new.yaml");
  }

  @Test
  void shouldSeeAFileInAFolderMadeAfterTheWalk() throws IOException {
    roadmap();
    walk();
    Files.createDirectories(root.resolve("later/deeper"));
    assertThat(walkedAsFresh()).extracting(FolderWalk.Item::name).doesNotContain("later/x.yaml");
    write("later/deeper/x.yaml", "kind: UseCase\n");
    assertThat(walkedAsFresh()).extracting(FolderWalk.Item::name).contains("later/deeper/x.yaml");
  }

  @Test
  void shouldSeeAFileRemovedOrRenamed() throws IOException {
    roadmap();
    walk();
    Files.move(root.resolve("use-cases/a.yaml"), root.resolve("use-cases/b.yaml"));
    assertThat(walkedAsFresh())
        .extracting(FolderWalk.Item::name)
        .contains("use-cases/b.yaml")
        .doesNotContain("use-cases/a.yaml");
    Files.delete(root.resolve("use-cases/b.yaml"));
    assertThat(walkedAsFresh()).extracting(FolderWalk.Item::name).containsExactly("roadmap.yaml");
  }

  @Test
  void shouldWalkAFolderPutInTheRootsPlace() throws IOException {
    roadmap();
    List<FolderWalk.Item> first = walk();
    Files.move(root, tmp.resolve("moved"));
    Files.createDirectories(root.resolve("use-cases"));
    write("roadmap.yaml", "kind: Roadmap\n");
    List<FolderWalk.Item> second = walkedAsFresh();
    assertThat(second).isNotSameAs(first);
    assertThat(walk()).isSameAs(second);
  }

  @Test
  void shouldIgnoreChangesInSkippedFolders() throws IOException {
    roadmap();
    List<FolderWalk.Item> first = walk();
    Files.writeString(root.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    assertThat(walk()).isSameAs(first);
  }

  @Test
  void shouldWalkAgainOnceTheLastWalkIsTooOld() throws Exception {
    roadmap();
    watch.close();
    watch = FolderWatch.start(50).orElseThrow();
    List<FolderWalk.Item> first = walk();
    Thread.sleep(120);
    assertThat(walkedAsFresh()).isNotSameAs(first);
  }

  @Test
  void shouldBeTheCurrentThreadsOnlyWhileEntered() throws Exception {
    assertThat(FolderWatch.current()).isNull();
    FolderWatch.Scope scope = watch.enter();
    try {
      assertThat(FolderWatch.current()).isSameAs(watch);
      java.util.concurrent.atomic.AtomicReference<FolderWatch> seen =
          new java.util.concurrent.atomic.AtomicReference<>(watch);
      Thread other = new Thread(() -> seen.set(FolderWatch.current()));
      other.start();
      other.join();
      assertThat(seen.get()).as("another thread's").isNull();
    } finally {
      scope.close();
    }
    assertThat(FolderWatch.current()).isNull();
  }

  @Test
  void shouldGiveTheSnapshotOfAFolderSourceFromTheWatch() throws Exception {
    roadmap();
    FolderWatch.Scope scope = watch.enter();
    try {
      Optional<java.nio.ByteBuffer> first = new FolderSource(root, "roadmap").snapshot();
      assertThat(first).as("files old enough to be stamped").isPresent();
      Optional<java.nio.ByteBuffer> again = new FolderSource(root, "roadmap").snapshot();
      assertThat(again).isEqualTo(first);
      assertThat(watch.walks()).isEqualTo(1);
      write("use-cases/a.yaml", "kind: UseCase\nmetadata: {}\n");
      Optional<java.nio.ByteBuffer> changed = new FolderSource(root, "roadmap").snapshot();
      assertThat(changed).isPresent().isNotEqualTo(first);
      assertThat(changed).as("as a fresh walk's").isEqualTo(fresh());
      write("more.yaml", "kind: UseCase\n");
      Optional<java.nio.ByteBuffer> more = new FolderSource(root, "roadmap").snapshot();
      assertThat(more).isPresent().isNotEqualTo(changed).isEqualTo(fresh());
      assertThat(watch.walks()).as("a file written: stat again; a file made: walked").isEqualTo(2);
    } finally {
      scope.close();
    }
    assertThat(new FolderSource(root, "roadmap").snapshot())
        .as("a source outside the watch walks itself")
        .isPresent();
    assertThat(watch.walks()).isEqualTo(2);
  }

  /** The snapshot of a source that walks itself: on another thread, where no watch is entered. */
  private Optional<java.nio.ByteBuffer> fresh() throws InterruptedException {
    java.util.concurrent.atomic.AtomicReference<Optional<java.nio.ByteBuffer>> made =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread walker = new Thread(() -> made.set(new FolderSource(root, "roadmap").snapshot()));
    walker.start();
    walker.join();
    return made.get();
  }
}
