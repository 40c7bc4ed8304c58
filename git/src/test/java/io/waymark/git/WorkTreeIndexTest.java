package io.waymark.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Checkout;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.Waymark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A work tree compared with its {@code HEAD} through Git's index, on checkouts made by the {@code
 * git} executable: what {@code git status} calls clean is no change to the plan.
 */
class WorkTreeIndexTest {

  @TempDir Path dir;

  /** Runs git in {@code where}; the test is skipped when git is missing or the command fails. */
  static String git(Path where, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(
        List.of(
            "-c",
            "user.name=Ada",
            "-c",
            "user.email=ada@example.com",
            "-c",
            "commit.gpgsign=false",
            "-c",
            "protocol.file.allow=always",
            "-c",
            "init.defaultBranch=main"));
    command.addAll(List.of(args));
    Process git;
    try {
      git = new ProcessBuilder(command).directory(where.toFile()).redirectErrorStream(true).start();
    } catch (IOException e) {
      Assumptions.abort("no git executable on the PATH: " + e.getMessage());
      throw e;
    }
    String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Assumptions.assumeTrue(git.waitFor() == 0, () -> String.join(" ", args) + ": " + out);
    return out;
  }

  static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  /** The state of the roadmap folder {@code folder}, as a run judges it. */
  static Checkout.State state(Path folder) throws IOException {
    return state(folder, new Waymark(GitAdapter::history, GitAdapter::state));
  }

  /**
   * True when the read-and-hash comparison, the index left aside, takes the work tree as changed.
   */
  static boolean changedByReading(Path folder) throws IOException {
    return state(
            folder,
            new Waymark(
                (f, start) ->
                    new WorkTreeIndexDifferentialTest.WithoutIndex(GitAdapter.history(f, start)),
                GitAdapter::state))
        .changed();
  }

  private static Checkout.State state(Path folder, Waymark waymark) throws IOException {
    try (Checkout c =
        waymark.open(
            Waymark.Request.folder(folder, folder.getFileName().toString()),
            ValidationOptions.defaults())) {
      c.validate();
      return c.state();
    }
  }

  private static final String ROADMAP = "apiVersion: waymark/v1\nkind: Roadmap\n";

  /** Makes {@code repo} a repository whose one commit holds every file written into it. */
  private static void initAndCommit(Path repo, String message) throws Exception {
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", message);
  }

  /** A repository whose one commit holds {@code plan/}: a roadmap, a vendor and a use case. */
  private Path committedPlanOfThreeFiles() throws Exception {
    Path repo = dir.resolve("repo");
    write(repo.resolve("plan/roadmap.yaml"), ROADMAP);
    write(repo.resolve("plan/vendors/a.yaml"), "v: 1\n");
    write(repo.resolve("plan/use-cases/u.yaml"), "u: 1\n");
    initAndCommit(repo, "first");
    return repo;
  }

  /**
   * {@code git sparse-checkout set}: the files outside the sparse set are absent from the work tree
   * (skip-worktree bits in the index), which Git does not call a change; a real change still is.
   */
  @Test
  void shouldTakeASparseCheckoutForItsCommit() throws Exception {
    Path repo = committedPlanOfThreeFiles();
    git(repo, "sparse-checkout", "set", "--no-cone", "/plan/roadmap.yaml", "/plan/vendors/");
    assertThat(repo.resolve("plan/use-cases/u.yaml")).doesNotExist();
    assertThat(git(repo, "status", "--porcelain")).isEmpty();

    assertThat(changedByReading(repo.resolve("plan"))).as("read and hashed: wrong").isTrue();
    assertThat(state(repo.resolve("plan")).changed()).as("as checked out").isFalse();

    write(repo.resolve("plan/vendors/a.yaml"), "v: 2\n");
    assertThat(state(repo.resolve("plan")).changed()).as("a file of the set edited").isTrue();
  }

  /**
   * A sparse index ({@code --sparse-index}: directory entries in the index) is not read by JGit
   * 7.8.1: the comparison falls back to reading every file, which takes the files left out for
   * removed (documented, with the way out: {@code git sparse-checkout init --no-sparse-index}).
   * Kept here so that a JGit that reads it shows up.
   */
  @Test
  void shouldFallBackToReadingWhereTheSparseIndexCannotBeRead() throws Exception {
    Path repo = committedPlanOfThreeFiles();
    git(repo, "sparse-checkout", "set", "--cone", "--sparse-index", "plan/vendors");
    assertThat(repo.resolve("plan/use-cases/u.yaml")).doesNotExist();
    assertThat(git(repo, "ls-files", "--sparse")).contains("plan/use-cases/\n");

    assertThat(state(repo.resolve("plan")).changed())
        .as("as the read-and-hash comparison")
        .isTrue();
    git(repo, "sparse-checkout", "init", "--no-sparse-index");
    assertThat(repo.resolve("plan/use-cases/u.yaml")).doesNotExist();
    assertThat(state(repo.resolve("plan")).changed())
        .as("the same sparse checkout, its index expanded")
        .isFalse();
  }

  /**
   * Git LFS: the committed blob is a pointer, the work tree holds the content the smudge filter
   * wrote (here a stand-in for git-lfs, which is not needed to read such a checkout). Git calls it
   * clean; so does Waymark, also when the stat data no longer match (a touched file), and an edit
   * is still one.
   */
  @Test
  void shouldTakeLfsContentForItsPointer() throws Exception {
    Path repo = dir.resolve("repo");
    Path store = dir.resolve("lfs-store");
    Files.createDirectories(store);
    Path clean = dir.resolve("clean.sh");
    Path smudge = dir.resolve("smudge.sh");
    write(
        clean,
        "f=$(mktemp); cat > \"$f\"; oid=$(sha256sum \"$f\" | cut -d' ' -f1);"
            + " size=$(wc -c < \"$f\" | tr -d ' '); cp \"$f\" '"
            + store
            + "'/$oid; printf 'version https://git-lfs.github.com/spec/v1\\noid sha256:%s\\nsize"
            + " %s\\n' $oid $size\n");
    write(smudge, "oid=$(sed -n 's/^oid sha256://p'); cat '" + store + "'/$oid\n");
    String[] lfs = {
      "-c",
      "filter.lfs.clean=sh " + clean,
      "-c",
      "filter.lfs.smudge=sh " + smudge,
      "-c",
      "filter.lfs.required=true"
    };
    write(repo.resolve(".gitattributes"), "plan/data/*.yaml filter=lfs diff=lfs merge=lfs -text\n");
    write(repo.resolve("plan/roadmap.yaml"), ROADMAP);
    write(repo.resolve("plan/data/big.yaml"), "rows:\n  - 1\n  - 2\n");
    git(repo, "init", "-q");
    git(repo, concat(lfs, "add", "."));
    git(repo, concat(lfs, "commit", "-qm", "first"));
    assertThat(git(repo, "cat-file", "-p", "HEAD:plan/data/big.yaml"))
        .startsWith("version https://git-lfs.github.com/spec/v1");
    Files.delete(repo.resolve("plan/data/big.yaml"));
    git(repo, concat(lfs, "checkout", "--", "plan/data/big.yaml"));
    assertThat(repo.resolve("plan/data/big.yaml")).hasContent("rows:\n  - 1\n  - 2");
    assertThat(git(repo, concat(lfs, "status", "--porcelain"))).isEmpty();

    assertThat(changedByReading(repo.resolve("plan"))).as("read and hashed: wrong").isTrue();
    assertThat(state(repo.resolve("plan")).changed()).as("as checked out").isFalse();

    Files.setLastModifiedTime(
        repo.resolve("plan/data/big.yaml"),
        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    assertThat(state(repo.resolve("plan")).changed()).as("touched, not changed").isFalse();

    write(repo.resolve("plan/data/big.yaml"), "rows:\n  - 1\n  - 3\n");
    assertThat(state(repo.resolve("plan")).changed()).as("an edit of the content").isTrue();
  }

  /**
   * A roadmap folder inside a submodule, validated from the superproject's work tree: the
   * submodule's own repository and index decide, as {@code git -C sub status} does.
   */
  @Test
  void shouldCompareARoadmapInASubmoduleWithTheSubmodulesCommit() throws Exception {
    Path inner = dir.resolve("inner");
    write(inner.resolve("plan/roadmap.yaml"), ROADMAP);
    write(inner.resolve("plan/vendors/a.yaml"), "v: 1\n");
    initAndCommit(inner, "first");
    Path parent = dir.resolve("parent");
    write(parent.resolve("README.md"), "parent\n");
    initAndCommit(parent, "parent");
    git(parent, "submodule", "add", "-q", inner.toString(), "sub");
    git(parent, "commit", "-qm", "submodule");
    assertThat(git(parent, "status", "--porcelain")).isEmpty();

    assertThat(state(parent.resolve("sub/plan")).changed()).as("as checked out").isFalse();

    write(parent.resolve("sub/plan/vendors/a.yaml"), "v: 2\n");
    assertThat(state(parent.resolve("sub/plan")).changed()).as("an edit").isTrue();
  }

  /**
   * A submodule inside the roadmap folder (documents shared between repositories), validated from
   * the superproject: its files are not in the superproject's tree (a gitlink is), yet the work
   * tree is the commit's when the submodule's judged files are those of the commit recorded for it
   * (compared through the submodule's own index); an edit inside it, or the submodule at a commit
   * with other documents, is a change.
   */
  @Test
  void shouldCompareTheFilesOfASubmoduleWithTheCommitRecorded() throws Exception {
    Path shared = dir.resolve("shared");
    write(shared.resolve("vendors/a.yaml"), "v: 1\n");
    initAndCommit(shared, "first");
    Path parent = dir.resolve("parent");
    write(parent.resolve("plan/roadmap.yaml"), ROADMAP);
    initAndCommit(parent, "parent");
    git(parent, "submodule", "add", "-q", shared.toString(), "plan/shared");
    git(parent, "commit", "-qm", "submodule");
    assertThat(git(parent, "status", "--porcelain")).isEmpty();
    Path plan = parent.resolve("plan");

    assertThat(changedByReading(plan)).as("read and hashed: wrong").isTrue();
    assertThat(state(plan).changed()).as("as checked out").isFalse();

    write(plan.resolve("shared/vendors/a.yaml"), "v: 2\n");
    assertThat(state(plan).changed()).as("an edit inside the submodule").isTrue();

    git(plan.resolve("shared"), "commit", "-qam", "second");
    assertThat(state(plan).changed())
        .as("the submodule at a commit that changed a document")
        .isTrue();

    git(plan.resolve("shared"), "checkout", "-q", "HEAD~1");
    assertThat(state(plan).changed()).as("back at the commit recorded").isFalse();

    write(plan.resolve("shared/NOTES.md"), "notes\n");
    git(plan.resolve("shared"), "add", "NOTES.md");
    git(plan.resolve("shared"), "commit", "-qm", "notes");
    assertThat(git(parent, "status", "--porcelain")).contains("plan/shared");
    assertThat(state(plan).changed())
        .as("the submodule at a commit that changed no document: the plan is the commit's")
        .isFalse();

    write(plan.resolve("shared/vendors/b.yaml"), "v: 1\n");
    assertThat(state(plan).changed()).as("a new file inside the submodule").isTrue();

    Files.delete(plan.resolve("shared/vendors/b.yaml"));
    Files.delete(plan.resolve("shared/vendors/a.yaml"));
    assertThat(state(plan).changed()).as("a file deleted inside the submodule").isTrue();

    git(parent, "submodule", "deinit", "-q", "--force", "plan/shared");
    assertThat(git(parent, "status", "--porcelain")).isEmpty();
    assertThat(state(plan).changed()).as("the submodule not checked out").isFalse();
  }

  private static String[] concat(String[] first, String... rest) {
    String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
    System.arraycopy(rest, 0, all, first.length, rest.length);
    return all;
  }
}
