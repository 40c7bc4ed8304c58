package io.waymark.git;

import static io.waymark.git.WorkTreeIndexTest.git;
import static io.waymark.git.WorkTreeIndexTest.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Checkout;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.Waymark;
import io.waymark.engine.history.FileVersion;
import io.waymark.engine.history.History;
import io.waymark.engine.history.Revision;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.RepositorySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The index-based comparison of the work tree with {@code HEAD} gives the read-and-hash
 * comparison's answer on every state of the work tree where that one was right, on repositories
 * written by the {@code git} executable; and it does not read a file the index vouches for.
 */
class WorkTreeIndexDifferentialTest {

  @TempDir Path dir;

  /** A change made to a committed repository, and whether it changes the plan. */
  @FunctionalInterface
  interface Change {
    void apply(Path repo) throws Exception;
  }

  static Stream<Arguments> changes() {
    return Stream.of(
        Arguments.of("nothing", false, (Change) repo -> {}),
        Arguments.of("edited, same size", true, (Change) repo -> edit(repo, "v: 2\n")),
        Arguments.of(
            "edited and staged",
            true,
            (Change)
                repo -> {
                  edit(repo, "v: 22\n");
                  git(repo, "add", "plan/vendors/a.yaml");
                }),
        Arguments.of(
            "staged, then undone in the work tree",
            false,
            (Change)
                repo -> {
                  edit(repo, "v: 22\n");
                  git(repo, "add", "plan/vendors/a.yaml");
                  edit(repo, "v: 1\n");
                }),
        Arguments.of("deleted", true, (Change) repo -> Files.delete(file(repo))),
        Arguments.of(
            "deleted and staged",
            true,
            (Change) repo -> git(repo, "rm", "-q", "plan/vendors/a.yaml")),
        Arguments.of(
            "added, untracked",
            true,
            (Change) repo -> write(repo.resolve("plan/vendors/b.yaml"), "v: 3\n")),
        Arguments.of(
            "added and staged",
            true,
            (Change)
                repo -> {
                  write(repo.resolve("plan/vendors/b.yaml"), "v: 3\n");
                  git(repo, "add", "plan/vendors/b.yaml");
                }),
        Arguments.of(
            "added, ignored by Git (still judged)",
            true,
            (Change)
                repo -> {
                  write(repo.resolve(".gitignore"), "plan/scratch/\n");
                  write(repo.resolve("plan/scratch/d.yaml"), "v: 3\n");
                }),
        Arguments.of(
            "renamed",
            true,
            (Change) repo -> git(repo, "mv", "plan/vendors/a.yaml", "plan/vendors/b.yaml")),
        Arguments.of(
            "made executable",
            false,
            (Change)
                repo ->
                    Files.setPosixFilePermissions(
                        file(repo), PosixFilePermissions.fromString("rwxr-xr-x"))),
        Arguments.of(
            "made executable and staged",
            false,
            (Change)
                repo -> {
                  Files.setPosixFilePermissions(
                      file(repo), PosixFilePermissions.fromString("rwxr-xr-x"));
                  git(repo, "add", "plan/vendors/a.yaml");
                }),
        Arguments.of(
            "touched",
            false,
            (Change)
                repo ->
                    Files.setLastModifiedTime(
                        file(repo), FileTime.from(Instant.now().plusSeconds(120)))),
        Arguments.of(
            "racily clean: same size and time as the index entry, the index not newer",
            true,
            (Change) WorkTreeIndexDifferentialTest::racilyClean),
        Arguments.of(
            "racily clean: the index file older than its entry (clock skew, a copied index)",
            true,
            (Change) WorkTreeIndexDifferentialTest::indexOlderThanItsEntry),
        Arguments.of("checked out with CR LF", false, (Change) repo -> edit(repo, "v: 1\r\n")),
        Arguments.of(
            "a link in place of the file",
            true,
            (Change)
                repo -> {
                  Files.delete(file(repo));
                  Files.createSymbolicLink(file(repo), Path.of("../roadmap.yaml"));
                }),
        Arguments.of(
            "a folder in place of the file",
            true,
            (Change)
                repo -> {
                  Files.delete(file(repo));
                  write(file(repo).resolve("inner.yaml"), "v: 1\n");
                }),
        Arguments.of(
            "a file that is not YAML edited",
            false,
            (Change) repo -> write(repo.resolve("plan/README.md"), "other\n")),
        Arguments.of(
            "an excluded file edited",
            false,
            (Change) repo -> write(repo.resolve("plan/drafts/old.yaml"), "v: 9\n")),
        Arguments.of(
            "assume-unchanged, then edited",
            true,
            (Change)
                repo -> {
                  git(repo, "update-index", "--assume-unchanged", "plan/vendors/a.yaml");
                  edit(repo, "v: 2\n");
                }),
        Arguments.of(
            "skip-worktree, present and edited",
            true,
            (Change)
                repo -> {
                  git(repo, "update-index", "--skip-worktree", "plan/vendors/a.yaml");
                  edit(repo, "v: 2\n");
                }),
        Arguments.of(
            "a merge with a conflict in the file",
            true,
            (Change) WorkTreeIndexDifferentialTest::conflict),
        Arguments.of(
            "a merge with a conflict, the file taken as HEAD has it",
            false,
            (Change)
                repo -> {
                  conflict(repo);
                  git(repo, "checkout", "--ours", "plan/vendors/a.yaml");
                }),
        Arguments.of("emptied", true, (Change) repo -> edit(repo, "")),
        Arguments.of(
            "a file outside the roadmap folder edited",
            false,
            (Change) repo -> write(repo.resolve("other/x.yaml"), "x: 2\n")),
        Arguments.of(
            "index deleted", false, (Change) repo -> Files.delete(repo.resolve(".git/index"))),
        Arguments.of(
            "index of an unknown version",
            false,
            (Change) WorkTreeIndexDifferentialTest::unknownVersion),
        Arguments.of(
            "index of an unknown version, and an edit",
            true,
            (Change)
                repo -> {
                  unknownVersion(repo);
                  edit(repo, "v: 2\n");
                }),
        Arguments.of(
            "index damaged, and an edit",
            true,
            (Change)
                repo -> {
                  Files.write(repo.resolve(".git/index"), new byte[] {'D', 'I', 'R', 'C', 0, 0});
                  edit(repo, "v: 2\n");
                }));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void shouldAnswerAsReadingEveryFileDoes(String name, boolean changed, Change change)
      throws Exception {
    Path repo = committed();
    change.apply(repo);

    boolean byReading = state(repo, false);
    boolean byIndex = state(repo, true);

    assertThat(byReading).as("read and hashed").isEqualTo(changed);
    assertThat(byIndex).as("through the index").isEqualTo(byReading);
  }

  /**
   * A file whose stat data match its index entry, which is older than the index, and holds HEAD's
   * id is not read; the others are.
   */
  @Test
  void shouldReadOnlyTheFilesTheIndexDoesNotVouchFor() throws Exception {
    Path repo = committed();
    // Entries older than the index: not racily clean.
    try (Stream<Path> files = Files.walk(repo.resolve("plan"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(f, FileTime.from(Instant.now().minusSeconds(60)));
      }
    }
    git(repo, "update-index", "--refresh");
    Files.setLastModifiedTime(repo.resolve("plan/roadmap.yaml"), FileTime.from(Instant.now()));

    List<String> read = new java.util.ArrayList<>();
    Optional<Set<String>> changes = changes(repo, Map.of(), read);

    assertThat(changes).hasValue(Set.of());
    assertThat(read).containsExactly("roadmap.yaml");
  }

  /**
   * GIT_INDEX_FILE is read when it is this repository's (inside its Git folder, as {@code git
   * commit -a} hands it to its hooks, or with GIT_DIR set); an index that is not there gives no
   * answer (the caller reads every file).
   */
  @Test
  void shouldReadTheIndexGitIndexFileNames() throws Exception {
    Path repo = committed();
    Files.copy(repo.resolve(".git/index"), repo.resolve(".git/index.lock"));
    List<String> read = new java.util.ArrayList<>();

    assertThat(
            changes(
                repo, Map.of("GIT_INDEX_FILE", repo.resolve(".git/index.lock").toString()), read))
        .hasValue(Set.of());
    assertThat(
            changes(repo, Map.of("GIT_INDEX_FILE", repo.resolve(".git/missing").toString()), read))
        .isEmpty();
    assertThat(changes(repo, Map.of("GIT_INDEX_FILE", dir.resolve("elsewhere").toString()), read))
        .as("not this repository's: its own index")
        .hasValue(Set.of());
    assertThat(
            changes(
                repo,
                Map.of(
                    "GIT_DIR",
                    repo.resolve(".git").toString(),
                    "GIT_INDEX_FILE",
                    dir.resolve("elsewhere").toString()),
                read))
        .as("with GIT_DIR: the one named")
        .isEmpty();
  }

  /**
   * The index of the work tree Git would use: a linked work tree's own ({@code git worktree add}),
   * and with GIT_DIR and GIT_WORK_TREE a bare repository's with its work tree elsewhere.
   */
  @Test
  void shouldReadTheIndexOfTheWorkTreeGitUses() throws Exception {
    Path repo = committed();
    Path linked = dir.resolve("linked");
    git(repo, "worktree", "add", "-q", "-b", "feature", linked.toString());
    List<String> read = new java.util.ArrayList<>();
    assertThat(changes(linked, Map.of(), read)).hasValue(Set.of());
    write(linked.resolve("plan/vendors/a.yaml"), "v: 2\n");
    assertThat(changes(linked, Map.of(), read)).hasValue(Set.of("vendors/a.yaml"));

    Path bare = dir.resolve("bare.git");
    Path tree = dir.resolve("tree");
    Files.createDirectories(tree);
    git(dir, "clone", "-q", "--bare", repo.toString(), bare.toString());
    git(dir, "--git-dir=" + bare, "--work-tree=" + tree, "checkout", "-q", "-f", "main");
    Map<String, String> env = Map.of("GIT_DIR", bare.toString(), "GIT_WORK_TREE", tree.toString());
    assertThat(bare.resolve("index")).exists();
    assertThat(changes(tree, env, read)).hasValue(Set.of());
    write(tree.resolve("plan/vendors/b.yaml"), "v: 2\n");
    assertThat(changes(tree, env, read)).hasValue(Set.of("vendors/b.yaml"));
  }

  /** The work-tree changes of {@code repo}'s roadmap folder, telling {@code read} of each read. */
  private static Optional<Set<String>> changes(
      Path repo, Map<String, String> env, List<String> read) throws IOException {
    Path plan = repo.resolve("plan");
    RepositorySource folder = new FolderSource(plan, "plan");
    RepositorySource counting =
        new RepositorySource() {
          @Override
          public String label() {
            return folder.label();
          }

          @Override
          public List<Entry> list() throws IOException {
            return folder.list();
          }

          @Override
          public byte[] read(String path) throws IOException {
            read.add(path);
            return folder.read(path);
          }
        };
    Map<String, RepositorySource.Entry> listed = new TreeMap<>();
    for (RepositorySource.Entry e : folder.list()) {
      if (e.path().endsWith(".yaml")) {
        listed.put(e.path(), e);
      }
    }
    try (History history = GitHistory.open(plan, "HEAD", env)) {
      String head = history.revision("HEAD").commit().id();
      return history.workTreeChanges(head, counting, listed, p -> p.endsWith(".yaml"));
    }
  }

  private static Path file(Path repo) {
    return repo.resolve("plan/vendors/a.yaml");
  }

  private static void edit(Path repo, String text) throws IOException {
    Files.writeString(file(repo), text);
  }

  /**
   * The racy case Git guards against: an edit that keeps the size, with the modification time the
   * index recorded, and an index file that is not newer than its entry.
   */
  private static void racilyClean(Path repo) throws Exception {
    FileTime recorded = Files.getLastModifiedTime(file(repo));
    edit(repo, "v: 2\n");
    Files.setLastModifiedTime(file(repo), recorded);
    Files.setLastModifiedTime(repo.resolve(".git/index"), recorded);
  }

  /**
   * An entry Git wrote unsmudged (its file older than the index), then an edit that keeps the size
   * and the time, and an index file dated before the entry: Git reads such a file (its time is not
   * older than the index's), though the stat data match.
   */
  private static void indexOlderThanItsEntry(Path repo) throws Exception {
    FileTime past = FileTime.from(Instant.now().minusSeconds(60));
    Files.setLastModifiedTime(file(repo), past);
    git(repo, "update-index", "--refresh");
    edit(repo, "v: 2\n");
    Files.setLastModifiedTime(file(repo), past);
    Files.setLastModifiedTime(
        repo.resolve(".git/index"), FileTime.from(past.toInstant().minusSeconds(60)));
  }

  /**
   * A merge that stops on a conflict in the file (its index entries unmerged, stages 1 to 3; the
   * work-tree file with conflict markers), HEAD a commit that changed it.
   */
  private static void conflict(Path repo) throws Exception {
    git(repo, "checkout", "-q", "-b", "other");
    edit(repo, "v: other\n");
    git(repo, "commit", "-qam", "other");
    git(repo, "checkout", "-q", "main");
    edit(repo, "v: main\n");
    git(repo, "commit", "-qam", "main");
    Process merge =
        new ProcessBuilder(
                "git",
                "-c",
                "user.name=Ada",
                "-c",
                "user.email=ada@example.com",
                "merge",
                "-q",
                "other")
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .start();
    merge.getInputStream().readAllBytes();
    assertThat(merge.waitFor()).as("git merge stops on the conflict").isNotZero();
    assertThat(git(repo, "ls-files", "--unmerged")).contains("plan/vendors/a.yaml");
  }

  /** An index whose header names version 99. */
  private static void unknownVersion(Path repo) throws IOException {
    byte[] index = Files.readAllBytes(repo.resolve(".git/index"));
    index[7] = 99;
    Files.write(repo.resolve(".git/index"), index);
  }

  /** A repository with a roadmap folder, committed by git, a Config that excludes drafts. */
  private Path committed() throws Exception {
    Path repo = dir.resolve("repo");
    write(
        repo.resolve("plan/waymark.yaml"),
        "apiVersion: waymark/v1\nkind: Config\nmetadata:\n  id: settings\nspec:\n"
            + "  exclude:\n    - \"drafts/*.yaml\"\n");
    write(repo.resolve("plan/roadmap.yaml"), "apiVersion: waymark/v1\nkind: Roadmap\n");
    write(repo.resolve("plan/vendors/a.yaml"), "v: 1\n");
    write(repo.resolve("plan/drafts/old.yaml"), "v: 1\n");
    write(repo.resolve("plan/README.md"), "notes\n");
    write(repo.resolve("other/x.yaml"), "x: 1\n");
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "first");
    return repo;
  }

  /** The work tree's state as a run judges it, through the index or by reading every file. */
  static boolean state(Path repo, boolean index) throws IOException {
    Waymark.Histories histories =
        index
            ? GitAdapter::history
            : (folder, start) -> new WithoutIndex(GitAdapter.history(folder, start));
    Waymark waymark = new Waymark(histories, GitAdapter::state);
    try (Checkout c =
        waymark.open(
            Waymark.Request.folder(repo.resolve("plan"), "plan"), ValidationOptions.defaults())) {
      c.validate();
      return c.state().changed();
    }
  }

  /** A history whose index cannot tell: the read-and-hash comparison. */
  record WithoutIndex(History history) implements History {
    @Override
    public void close() {
      history.close();
    }

    @Override
    public boolean available() {
      return history.available();
    }

    @Override
    public Optional<String> limitation() {
      return history.limitation();
    }

    @Override
    public List<FileVersion> versions(String path) throws IOException {
      return history.versions(path);
    }

    @Override
    public Revision revision(String name) throws IOException {
      return history.revision(name);
    }
  }
}
