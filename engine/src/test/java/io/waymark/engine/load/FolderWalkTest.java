package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWalkTest {

  @TempDir Path repo;

  /**
   * The inode change time read from the JDK's own stat result (the jar opens it, as the tests do)
   * is what the unix view's attribute map says, for a file, a folder and a link.
   */
  @Test
  void shouldReadTheSameStatFromTheJdksResultAsFromTheUnixView() throws IOException {
    Path file = Fixtures.write(repo, "use-cases/a.yaml", "a: 1\n");
    Path link = Files.createSymbolicLink(repo.resolve("link.yaml"), file);
    assertThat(FolderWalk.UnixStat.OPEN).isTrue();

    for (Path p : List.of(file, file.getParent(), link)) {
      assertThat(FolderWalk.stat(p, true)).isEqualTo(FolderWalk.viewStat(p));
    }
    assertThat(FolderWalk.stat(file, true).kind()).isEqualTo(FolderWalk.Kind.FILE);
    assertThat(FolderWalk.stat(file.getParent(), true).kind()).isEqualTo(FolderWalk.Kind.FOLDER);
    assertThat(FolderWalk.stat(link, true).kind()).isEqualTo(FolderWalk.Kind.LINK);
    assertThat(FolderWalk.stat(file, true).key()).isNotEmpty();
  }

  /** Every entry below the root once, skipped folders left out, a link as a link, none followed. */
  @Test
  void shouldWalkEveryEntryOnceWithoutEnteringSkippedFoldersOrLinks() throws IOException {
    Path file = Fixtures.write(repo, "use-cases/a.yaml", "a: 1\n");
    Fixtures.write(repo, "target/b.yaml", "b: 1\n");
    Files.createSymbolicLink(repo.resolve("linked"), file.getParent());
    Path root = repo.toRealPath();

    List<FolderWalk.Item> items =
        FolderWalk.of(root, dir -> dir.getFileName().toString().equals("target"));

    assertThat(items)
        .extracting(FolderWalk.Item::name)
        .containsExactlyInAnyOrder("use-cases/a.yaml", "linked");
    assertThat(items)
        .filteredOn(i -> i.name().equals("linked"))
        .allSatisfy(i -> assertThat(i.stat().kind()).isEqualTo(FolderWalk.Kind.LINK));
  }

  /** A folder big enough for two threads: every entry once, in the order the folder lists them. */
  @Test
  void shouldStatABigFolderOnTwoThreadsAndKeepItsOrder() throws IOException {
    int n = FolderWalk.TWO_THREADS_FROM + 7;
    for (int i = 0; i < n; i++) {
      Fixtures.write(repo, "big/f-" + i + ".yaml", "a: " + i + "\n");
    }
    Files.createDirectories(repo.resolve("big/sub"));
    Fixtures.write(repo, "big/sub/last.yaml", "a: 1\n");
    Path root = repo.toRealPath();
    List<String> listed = new java.util.ArrayList<>();
    try (var entries = Files.newDirectoryStream(root.resolve("big"))) {
      for (Path p : entries) {
        if (!Files.isDirectory(p)) {
          listed.add("big/" + p.getFileName());
        }
      }
    }
    listed.add("big/sub/last.yaml");

    List<FolderWalk.Item> items = FolderWalk.of(root, dir -> false);

    assertThat(items).extracting(FolderWalk.Item::name).containsExactlyElementsOf(listed);
    assertThat(items).allSatisfy(i -> assertThat(i.stat().kind()).isEqualTo(FolderWalk.Kind.FILE));
  }

  /** The hint of a large folder runs once, while walking, as soon as that many entries are seen. */
  @Test
  void shouldTellOnceThatTheFolderIsLargeAndNotForASmallerOne() throws IOException {
    for (int i = 0; i < 6; i++) {
      Fixtures.write(repo, (i < 3 ? "a/" : "b/") + "f-" + i + ".yaml", "a: 1\n");
    }
    Path root = repo.toRealPath();
    java.util.concurrent.atomic.AtomicInteger told =
        new java.util.concurrent.atomic.AtomicInteger();

    List<FolderWalk.Item> items = FolderWalk.of(root, dir -> false, 5, told::incrementAndGet);

    assertThat(items).hasSize(6);
    assertThat(told.get()).isEqualTo(1);
    FolderWalk.of(root, dir -> false, 9, told::incrementAndGet);
    assertThat(told.get()).as("8 entries (2 folders, 6 files) are fewer than 9").isEqualTo(1);
    FolderWalk.of(root, dir -> false, 8, told::incrementAndGet);
    assertThat(told.get()).isEqualTo(2);
  }

  /** A source lists as before whether or not it is asked to tell a large folder. */
  @Test
  void shouldListTheSameEntriesWhenAskedToTellALargeFolder() throws IOException {
    for (int i = 0; i < 4; i++) {
      Path f = Fixtures.write(repo, "use-cases/f-" + i + ".yaml", "a: 1\n");
      // older than the two seconds a snapshot leaves a just-written file out for
      Files.setLastModifiedTime(
          f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
    }
    java.util.concurrent.atomic.AtomicInteger told =
        new java.util.concurrent.atomic.AtomicInteger();

    List<RepositorySource.Entry> plain = new FolderSource(repo, "x").list();
    List<RepositorySource.Entry> hinted =
        new FolderSource(repo, "x").list(2, told::incrementAndGet);
    FolderSource snapshotted = new FolderSource(repo, "x");
    assertThat(snapshotted.snapshot()).isPresent();
    List<RepositorySource.Entry> afterSnapshot = snapshotted.list(2, told::incrementAndGet);

    assertThat(hinted).isEqualTo(plain);
    assertThat(afterSnapshot).isEqualTo(plain);
    assertThat(told.get()).isEqualTo(2);
  }

  /**
   * A folder whose listing fails part-way (as {@code /proc} does for some of its folders) gives
   * what was listed and an entry with the failure; the walk goes on with the other folders.
   */
  @Test
  void shouldTellAFolderWhoseListingFailsPartWayAndWalkTheRest() throws IOException {
    Fixtures.write(repo, "locked/a.yaml", "a: 1\n");
    Fixtures.write(repo, "locked/b.yaml", "b: 1\n");
    Fixtures.write(repo, "open/c.yaml", "c: 1\n");
    Path root = repo.toRealPath();

    List<FolderWalk.Item> items =
        FolderWalk.of(root, dir -> false, Integer.MAX_VALUE, null, FailingListing.after(1));

    assertThat(items)
        .filteredOn(i -> i.name().equals("locked"))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.stat()).isNull();
              assertThat(i.failure()).isInstanceOf(java.nio.file.AccessDeniedException.class);
            });
    assertThat(items).extracting(FolderWalk.Item::name).contains("open/c.yaml");
    assertThat(items)
        .extracting(FolderWalk.Item::name)
        .filteredOn(n -> n.startsWith("locked/"))
        .hasSize(1);
  }

  /** The repository itself listed in part is no repository with nothing in it: the walk fails. */
  @Test
  void shouldFailWhenTheRootItselfCannotBeListedInFull() throws IOException {
    Path root = Files.createDirectories(repo.resolve("locked"));
    Fixtures.write(root, "a.yaml", "a: 1\n");
    Fixtures.write(root, "b.yaml", "b: 1\n");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                FolderWalk.of(
                    root.toRealPath(),
                    dir -> false,
                    Integer.MAX_VALUE,
                    null,
                    FailingListing.after(1)))
        .isInstanceOf(java.nio.file.AccessDeniedException.class);
  }
}
