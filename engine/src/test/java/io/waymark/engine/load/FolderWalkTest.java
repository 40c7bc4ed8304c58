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
}
