package io.waymark.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Validator;
import io.waymark.engine.history.History;
import io.waymark.engine.history.Revision;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.RepositorySource;
import io.waymark.engine.load.RepositorySource.Entry;
import io.waymark.engine.load.RepositorySource.Type;
import io.waymark.engine.rules.RuleRegistry;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRevisionTest {

  @TempDir Path dir;

  @Test
  void shouldReadAnOlderRevisionWithoutTouchingTheWorkTree() throws Exception {
    RevCommit first;
    try (GitRepo repo = GitRepo.init(dir)) {
      first = repo.write("roadmap.yaml", "v: 1\n").write("old.yaml", "old\n").commit("One");
      repo.write("roadmap.yaml", "v: 2\n").delete("old.yaml").commit("Two");
    }
    Files.writeString(dir.resolve("roadmap.yaml"), "v: uncommitted\n");
    Files.writeString(dir.resolve("new.yaml"), "untracked\n");

    try (History history = GitHistory.open(dir, "HEAD")) {
      Revision revision = history.revision("HEAD~1");
      RepositorySource source = revision.source();

      assertThat(revision.commit().id()).isEqualTo(first.name());
      assertThat(revision.commit().subject()).isEqualTo("One");
      assertThat(revision.commit().time()).isEqualTo(GitRepo.FIRST_DAY);
      assertThat(source.label()).isEqualTo("HEAD~1");
      assertThat(source.list())
          .containsExactly(
              new Entry("old.yaml", Type.REGULAR, 4), new Entry("roadmap.yaml", Type.REGULAR, 5));
      assertThat(source.read("roadmap.yaml")).asString().isEqualTo("v: 1\n");
      assertThat(source.read("old.yaml")).asString().isEqualTo("old\n");
      assertThat(history.revision("HEAD").source().read("roadmap.yaml"))
          .asString()
          .isEqualTo("v: 2\n");
      assertThatThrownBy(() -> history.revision("HEAD").source().read("new.yaml"))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessageContaining("not in revision HEAD");
    }
    assertThat(dir.resolve("roadmap.yaml")).hasContent("v: uncommitted");
    assertThat(dir.resolve("old.yaml")).doesNotExist();
  }

  @Test
  void shouldListASymbolicLinkAndRefuseToReadIt() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("roadmap.yaml", "v: 1\n");
      Files.createSymbolicLink(dir.resolve("link.yaml"), Path.of("roadmap.yaml"));
      Files.createSymbolicLink(dir.resolve("passwd.yaml"), Path.of("/etc/passwd"));
      repo.commit("A link");
    }

    try (History history = GitHistory.open(dir, "HEAD")) {
      RepositorySource source = history.revision("HEAD").source();

      assertThat(source.list())
          .containsExactly(
              new Entry("link.yaml", Type.SYMLINK, "roadmap.yaml".length()),
              new Entry("passwd.yaml", Type.SYMLINK, "/etc/passwd".length()),
              new Entry("roadmap.yaml", Type.REGULAR, 5));
      for (String link : List.of("link.yaml", "passwd.yaml")) {
        assertThatThrownBy(() -> source.read(link))
            .isInstanceOf(NoSuchFileException.class)
            .hasMessageContaining("symbolic link not followed");
      }
      assertThat(history.versions("link.yaml")).isEmpty();
    }
  }

  @Test
  void shouldRefusePathsOutsideTheFolder() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("secret.yaml", "outside\n").write("plans/roadmap.yaml", "v: 1\n").commit("One");
    }

    try (History history = GitHistory.open(dir.resolve("plans"), "HEAD")) {
      RepositorySource source = history.revision("HEAD").source();

      assertThat(source.read("roadmap.yaml")).asString().isEqualTo("v: 1\n");
      for (String path :
          List.of(
              "../secret.yaml",
              "/secret.yaml",
              "./roadmap.yaml",
              "x/../roadmap.yaml",
              "plans/roadmap.yaml",
              "secret.yaml",
              "")) {
        assertThatThrownBy(() -> source.read(path))
            .as(path)
            .isInstanceOf(NoSuchFileException.class);
      }
    }
  }

  @Test
  void shouldListASubmoduleAsSubmodule() throws Exception {
    RevCommit first;
    try (GitRepo repo = GitRepo.init(dir)) {
      first = repo.write("roadmap.yaml", "v: 1\n").commit("One");
      commitSubmodule(repo, "vendor/lib", first);
    }

    try (History history = GitHistory.open(dir, "HEAD")) {
      RepositorySource source = history.revision("HEAD").source();

      assertThat(source.list()).contains(new Entry("vendor/lib", Type.SUBMODULE, 0));
      assertThatThrownBy(() -> source.read("vendor/lib"))
          .isInstanceOf(NoSuchFileException.class)
          .hasMessageContaining("a Git submodule, not a regular file");
    }
  }

  /**
   * A submodule named use-cases/sub.yaml was reported under --rev as "not a regular file (a named
   * pipe, socket or device)": it is a Git submodule, and is skipped.
   */
  @Test
  void shouldSayASubmoduleNamedLikeARoadmapFileIsASubmoduleAndSkipped() throws Exception {
    Path folder = dir.resolve("plan");
    try (GitRepo repo = GitRepo.init(dir)) {
      Fixtures.copyExample(folder);
      RevCommit first = repo.commit("The example");
      commitSubmodule(repo, "plan/use-cases/sub.yaml", first);
    }

    ValidationResult result;
    try (History history = GitHistory.open(folder, "HEAD")) {
      result =
          new Validator(RuleRegistry.discover())
              .validate(history.revision("HEAD").source(), ValidationOptions.defaults());
    }

    assertThat(result.findings())
        .filteredOn(f -> f.file().equals("use-cases/sub.yaml"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("file-skipped");
              assertThat(f.message()).startsWith("a Git submodule").contains("skipped");
              assertThat(f.message()).doesNotContain("named pipe");
              assertThat(f.hint()).contains("spec.exclude");
            });
  }

  @Test
  void shouldListWhatAFolderSourceListsForTheSameCheckout() throws Exception {
    Path folder = dir.resolve("plans/northwind");
    try (GitRepo repo = GitRepo.init(dir)) {
      Fixtures.copyExample(folder);
      repo.write("README.md", "a monorepo\n")
          .write("plans/northwind/target/generated.yaml", "skipped: true\n")
          .write("plans/northwind/node_modules/x/package.yaml", "skipped: true\n")
          .write("plans/northwind/deep/er/still.yaml", "kept: true\n")
          .write("plans/northwind/run.sh", "#!/bin/sh\n")
          .write("plans/northwind/a-b.yaml", "x: 1\n")
          .write("plans/northwind/a/b.yaml", "x: 1\n");
      Files.setPosixFilePermissions(
          folder.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.createSymbolicLink(folder.resolve("link.yaml"), Path.of("roadmap.yaml"));
      repo.commit("The Northwind roadmap in a monorepo");
    }

    try (History history = GitHistory.open(folder, "HEAD")) {
      List<Entry> fromGit = history.revision("HEAD").source().list();
      List<Entry> fromFolder = new FolderSource(folder, "northwind").list();

      assertThat(fromGit).isEqualTo(fromFolder);
      assertThat(fromGit)
          .extracting(Entry::path)
          .contains("roadmap.yaml", "a-b.yaml", "a/b.yaml", "deep/er/still.yaml")
          .noneMatch(p -> p.startsWith("target/") || p.startsWith("node_modules/"));
      assertThat(fromGit).contains(new Entry("run.sh", Type.REGULAR, 10));
    }
  }

  @Test
  void shouldValidateARevisionLikeTheCheckedOutFolder() throws Exception {
    Path folder = dir.resolve("roadmaps/northwind");
    try (GitRepo repo = GitRepo.init(dir)) {
      Fixtures.copyExample(folder);
      Path roadmap = folder.resolve("roadmap.yaml");
      String text = Files.readString(roadmap);
      Files.writeString(roadmap, text.replace("due: 2027-02-26", "due: 2029-02-26"));
      repo.write("roadmaps/northwind/broken.yaml", "kind: [Roadmap\n");
      repo.commit("The example with problems");
    }
    Validator validator = new Validator(RuleRegistry.discover());

    ValidationResult fromFolder =
        validator.validate(new FolderSource(folder, "northwind"), ValidationOptions.defaults());
    ValidationResult fromGit;
    try (History history = GitHistory.open(folder, "HEAD")) {
      fromGit = validator.validate(history.revision("HEAD").source(), ValidationOptions.defaults());
    }

    assertThat(fromFolder.findings()).isNotEmpty();
    assertThat(fromFolder.findings())
        .extracting(f -> f.file())
        .contains("broken.yaml", "roadmap.yaml");
    assertThat(fromGit.findings())
        .extracting(f -> f.rule() + " " + f.file() + ":" + f.line() + " " + f.message())
        .containsExactlyElementsOf(
            fromFolder.findings().stream()
                .map(f -> f.rule() + " " + f.file() + ":" + f.line() + " " + f.message())
                .toList());
    assertThat(fromGit.documents()).isEqualTo(fromFolder.documents());
    assertThat(fromGit.root()).isEqualTo("HEAD");
  }

  /** Commits a submodule (a gitlink to {@code target}) at {@code path}, as `git submodule add`. */
  private static void commitSubmodule(GitRepo repo, String path, RevCommit target)
      throws Exception {
    DirCache index = repo.git().getRepository().lockDirCache();
    DirCacheEditor editor = index.editor();
    editor.add(
        new DirCacheEditor.PathEdit(path) {
          @Override
          public void apply(DirCacheEntry entry) {
            entry.setFileMode(FileMode.GITLINK);
            entry.setObjectId(target);
          }
        });
    editor.commit();
    repo.git()
        .commit()
        .setMessage("A submodule")
        .setAuthor(GitRepo.ident("Ada", repo.nextTime()))
        .setCommitter(GitRepo.ident("Ada", repo.nextTime()))
        .setSign(false)
        .call();
  }
}
