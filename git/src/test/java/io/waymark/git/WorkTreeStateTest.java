package io.waymark.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Checkout;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.Waymark;
import io.waymark.engine.load.GitBlobs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A work tree compared with its {@code HEAD} (the as-of date falls back to the commit's date only
 * when they are the same): by the blob ids of {@code HEAD}'s tree, without reading its files, and
 * still every change seen, also one that keeps a file's size.
 */
class WorkTreeStateTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"", "a: 1\n", "title: Café ☕\r\n", "\u0000binary\u00ff"})
  void shouldWorkOutTheIdsGitGives(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertThat(GitBlobs.sha1(bytes))
        .isEqualTo(new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, bytes).name());
  }

  private boolean changed() throws Exception {
    Waymark waymark = new Waymark(GitAdapter::history, GitAdapter::state);
    try (Checkout c =
        waymark.open(
            Waymark.Request.folder(dir.resolve("ai-roadmap"), "ai-roadmap"),
            ValidationOptions.defaults())) {
      c.validate();
      return c.state().changed();
    }
  }

  /**
   * A file that Config spec.exclude leaves out is never judged: an untracked draft is no change to
   * the plan (the run stays as of the commit's date), nor is a local edit of an excluded file; an
   * untracked file the Config does not exclude is one.
   */
  @Test
  void shouldLeaveOutTheFilesTheConfigExcludes() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write(
              "ai-roadmap/waymark.yaml",
              "apiVersion: waymark/v1\nkind: Config\nmetadata:\n  id: settings\nspec:\n"
                  + "  exclude:\n    - \"drafts/*.yaml\"\n    - \".github/**\"\n")
          .write("ai-roadmap/roadmap.yaml", "a: 1\n")
          .write("ai-roadmap/.github/workflows/ci.yml", "on: push\n")
          .commit("first");
      assertThat(changed()).as("as committed").isFalse();

      repo.write("ai-roadmap/drafts/next-quarter.yaml", "draft: 1\n");
      assertThat(changed()).as("an untracked file the Config excludes").isFalse();

      repo.write("ai-roadmap/.github/workflows/ci.yml", "on: [push, pull_request]\n");
      assertThat(changed()).as("a local edit of an excluded file").isFalse();

      repo.write("ai-roadmap/notes.yaml", "n: 1\n");
      assertThat(changed()).as("an untracked file it does not exclude").isTrue();
    }
  }

  /**
   * The comparison with HEAD takes the files the load reads, by one definition (Loader.isYaml): it
   * took '.YAML' and '.Yml' in any case while the load reads '.yaml' and '.yml' only, so an
   * untracked NOTES.YAML, never judged, made the run one of "today" instead of the commit's date.
   */
  @Test
  void shouldCompareTheFilesTheLoadReadsAndNoOthers() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("ai-roadmap/roadmap.yaml", "a: 1\n")
          .write("ai-roadmap/OLD.YML", "o: 1\n")
          .commit("first");
      assertThat(changed()).as("as committed").isFalse();

      repo.write("ai-roadmap/NOTES.YAML", "n: 1\n");
      assertThat(changed()).as("an untracked file the load does not read").isFalse();

      repo.write("ai-roadmap/OLD.YML", "o: 2\n");
      assertThat(changed()).as("an edit of a file the load does not read").isFalse();

      repo.write("ai-roadmap/notes.yml", "n: 1\n");
      assertThat(changed()).as("an untracked file it reads").isTrue();
    }
  }

  /** With --config, the excludes of that file decide, not those of waymark.yaml. */
  @Test
  void shouldLeaveOutWhatTheGivenConfigExcludes() throws Exception {
    Path given = dir.resolve("given.yaml");
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write(
              "ai-roadmap/waymark.yaml",
              "apiVersion: waymark/v1\nkind: Config\nmetadata:\n  id: settings\nspec:\n"
                  + "  exclude:\n    - \"drafts/*.yaml\"\n")
          .write("ai-roadmap/roadmap.yaml", "a: 1\n")
          .commit("first");
      repo.write("ai-roadmap/drafts/next-quarter.yaml", "draft: 1\n");
      java.nio.file.Files.writeString(
          given, "apiVersion: waymark/v1\nkind: Config\nmetadata:\n  id: given\nspec: {}\n");

      Waymark waymark = new Waymark(GitAdapter::history, GitAdapter::state);
      try (Checkout c =
          waymark.open(
              Waymark.Request.folder(dir.resolve("ai-roadmap"), "ai-roadmap"),
              ValidationOptions.defaults()
                  .withConfig(
                      new io.waymark.engine.load.Loader.NamedBytes(
                          "given.yaml", java.nio.file.Files.readAllBytes(given))))) {
        c.validate();
        assertThat(c.state().changed()).as("the draft is judged with this Config").isTrue();
      }
    }
  }

  @Test
  void shouldSeeEveryChangeToTheYamlFiles() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("ai-roadmap/roadmap.yaml", "a: 1\n")
          .write("ai-roadmap/use-cases/u.yaml", "b: 1\n")
          .write("ai-roadmap/README.md", "notes\n")
          .commit("first");
      assertThat(changed()).as("as committed").isFalse();

      repo.write("ai-roadmap/README.md", "other notes\n");
      assertThat(changed()).as("a file that is not YAML").isFalse();

      repo.write("ai-roadmap/use-cases/u.yaml", "b: 2\n");
      assertThat(changed()).as("an edit that keeps the size").isTrue();

      repo.write("ai-roadmap/use-cases/u.yaml", "b: 1\n");
      assertThat(changed()).as("the edit undone").isFalse();

      repo.write("ai-roadmap/use-cases/v.yaml", "c: 1\n");
      assertThat(changed()).as("a file added").isTrue();

      Files.delete(dir.resolve("ai-roadmap/use-cases/v.yaml"));
      Files.delete(dir.resolve("ai-roadmap/use-cases/u.yaml"));
      assertThat(changed()).as("a file removed").isTrue();
    }
  }

  /**
   * Git for Windows checks text files out with CR LF ({@code core.autocrlf=true}, its default) and
   * stores them with LF: such a work tree is its commit's. A real change is still one.
   */
  @Test
  void shouldTakeACheckoutWithCrLfLineBreaksForItsCommit() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      repo.write("ai-roadmap/roadmap.yaml", "a: 1\nb: 2\n").commit("first");
      repo.write("ai-roadmap/roadmap.yaml", "a: 1\r\nb: 2\r\n");
      assertThat(changed()).as("the same lines with CR LF").isFalse();

      repo.write("ai-roadmap/roadmap.yaml", "a: 1\r\nb: 3\r\n");
      assertThat(changed()).as("a change, with CR LF").isTrue();

      repo.write("ai-roadmap/roadmap.yaml", "a: 1\rb: 2\n");
      assertThat(changed()).as("a lone CR is no line break Git removes").isTrue();
    }
  }

  @Test
  void shouldTakeAWorkTreeOfAnAutoCrLfRepositoryForItsCommit() throws Exception {
    try (GitRepo repo = GitRepo.init(dir)) {
      org.eclipse.jgit.lib.Repository git = repo.git().getRepository();
      org.eclipse.jgit.lib.StoredConfig config = git.getConfig();
      config.setString("core", null, "autocrlf", "true");
      config.save();
      repo.write("ai-roadmap/roadmap.yaml", "a: 1\r\nb: 2\r\n").commit("first");
      ObjectId head = git.parseCommit(git.resolve("HEAD")).getTree();
      byte[] stored =
          git.open(TreeWalk.forPath(git, "ai-roadmap/roadmap.yaml", head).getObjectId(0))
              .getBytes();
      assertThat(new String(stored, StandardCharsets.UTF_8))
          .as("Git stored LF")
          .isEqualTo("a: 1\nb: 2\n");

      assertThat(changed()).isFalse();
    }
  }
}
