package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.load.FolderCache;
import io.waymark.git.StagedCommit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --staged} and the entry of the pre-commit framework's hook ({@code
 * .pre-commit-hooks.yaml}): what is staged is validated, whatever else the work tree holds.
 */
class StagedTest {

  /** The hook definition and its entry script, at the root of this project. */
  static final Path HOOKS = Path.of("..", ".pre-commit-hooks.yaml");

  static final Path ENTRY = Path.of("..", "plugin", "pre-commit", "waymark-validate-staged");

  @TempDir Path tmp;

  /** A repository whose roadmap folder plan/ holds the committed example. */
  private GitWorkTree repository() {
    GitWorkTree repo = GitWorkTree.init(tmp.resolve("repo")).copyExample("plan");
    repo.commit("the roadmap", "2027-05-01");
    return repo;
  }

  private void stage(GitWorkTree repo, String file) throws Exception {
    repo.git().add().addFilepattern(file).call();
  }

  @Test
  void shouldIgnoreUntrackedAndUnstagedFiles() throws Exception {
    try (GitWorkTree repo = repository()) {
      repo.write("plan/scratch.yaml", "kind: Roadmap\nspec: [unclosed\n");
      repo.write(
          "plan/roadmap.yaml",
          repo.read("plan/roadmap.yaml").replaceFirst("status: done", "status: finished"));
      String plan = repo.dir().resolve("plan").toString();

      Cli workTree = Cli.run("validate", plan, "--as-of", "2027-05-14");
      Cli staged = Cli.run("validate", plan, "--staged", "--as-of", "2027-05-14");

      assertThat(workTree.code()).isEqualTo(1);
      assertThat(staged.code()).as(staged.out() + staged.err()).isZero();
      assertThat(staged.out()).doesNotContain("scratch.yaml").doesNotContain("finished");
    }
  }

  @Test
  void shouldValidateWhatIsStagedAndNotWhatIsInTheWorkTree() throws Exception {
    try (GitWorkTree repo = repository()) {
      String good = repo.read("plan/roadmap.yaml");
      repo.write(
          "plan/roadmap.yaml",
          repo.read("plan/roadmap.yaml").replaceFirst("status: done", "status: finished"));
      stage(repo, "plan/roadmap.yaml");
      repo.write("plan/roadmap.yaml", good);
      String plan = repo.dir().resolve("plan").toString();

      Cli staged = Cli.run("validate", plan, "--staged", "--as-of", "2027-05-14");

      assertThat(staged.code()).as(staged.err()).isEqualTo(1);
      assertThat(staged.out()).contains("roadmap.yaml").contains("[schema]").contains("finished");
      assertThat(Cli.run("validate", plan, "--as-of", "2027-05-14").code()).isZero();
      // No branch moved: the commit of the index is not referenced.
      assertThat(repo.git().log().call().iterator().next().getShortMessage())
          .isEqualTo("the roadmap");
    }
  }

  /**
   * The pre-commit hook's runs take unchanged staged files from the cache by their content: after
   * every staged edit (a schema error, a comment, the error fixed, a file removed) the findings are
   * those of a run without the cache, and a run of the work tree afterwards too.
   */
  @Test
  void shouldGiveTheSameFindingsFromTheCacheAfterEveryStagedEdit() throws Exception {
    try (GitWorkTree repo = repository()) {
      String plan = repo.dir().resolve("plan").toString();
      String roadmap = repo.read("plan/roadmap.yaml");
      List<Runnable> edits =
          List.of(
              () ->
                  repo.write(
                      "plan/roadmap.yaml",
                      roadmap.replaceFirst("status: done", "status: finished")),
              () ->
                  repo.write("plan/roadmap.yaml", repo.read("plan/roadmap.yaml") + "\n# staged\n"),
              () -> repo.write("plan/roadmap.yaml", roadmap),
              () -> repo.write("plan/waymark.yaml", repo.read("plan/waymark.yaml") + "\n# x\n"));
      Cli.run("validate", plan, "--staged", "--format", "json", "--as-of", "2027-05-14");
      for (Runnable edit : edits) {
        edit.run();
        stage(repo, "plan");
        Cli cached =
            Cli.run("validate", plan, "--staged", "--format", "json", "--as-of", "2027-05-14");
        Cli fresh =
            Cli.run(
                "validate",
                plan,
                "--staged",
                "--format",
                "json",
                "--as-of",
                "2027-05-14",
                "--no-cache");
        assertThat(cached.out()).isEqualTo(fresh.out());
        assertThat(cached.code()).isEqualTo(fresh.code());
        Cli workTree = Cli.run("validate", plan, "--format", "json", "--as-of", "2027-05-14");
        assertThat(workTree.out())
            .isEqualTo(
                Cli.run("validate", plan, "--format", "json", "--as-of", "2027-05-14", "--no-cache")
                    .out());
      }
      assertThat(repo.dir().resolve("plan/.waymark/cache/" + FolderCache.PACK)).isRegularFile();
    }
  }

  @Test
  void shouldValidateTheFirstCommitOfARepository() throws Exception {
    try (GitWorkTree repo = GitWorkTree.init(tmp.resolve("new")).copyExample("plan")) {
      stage(repo, "plan");

      Cli staged =
          Cli.run(
              "validate",
              repo.dir().resolve("plan").toString(),
              "--staged",
              "--as-of",
              "2027-05-14");

      assertThat(staged.code()).as(staged.out() + staged.err()).isZero();
      // The temporary ref that made the history readable is gone again.
      assertThat(repo.git().getRepository().exactRef(StagedCommit.FIRST_COMMIT_REF)).isNull();
    }
  }

  @Test
  void shouldRefuseStagedWithRevAndOutsideGit() throws IOException {
    Files.createDirectories(tmp.resolve("plain"));

    Cli both = Cli.run("validate", tmp.toString(), "--staged", "--rev", "HEAD");
    Cli plain = Cli.run("validate", tmp.resolve("plain").toString(), "--staged");

    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err()).contains("--staged and --rev cannot be used together");
    assertThat(plain.code()).isEqualTo(2);
    assertThat(plain.err()).contains("--staged:").contains("is not in a Git repository");
  }

  @Test
  void shouldDeclareTheStagedEntryForThePreCommitFramework() throws IOException {
    String hooks = Files.readString(HOOKS, StandardCharsets.UTF_8);

    assertThat(hooks)
        .contains("- id: waymark-validate")
        .contains("entry: plugin/pre-commit/waymark-validate-staged\n")
        .contains("language: script\n")
        .contains("pass_filenames: false\n")
        .doesNotContain("rev: v0.1.0");
    assertThat(Files.isExecutable(ENTRY)).isTrue();
    assertThat(Files.readString(ENTRY, StandardCharsets.UTF_8))
        .contains("validate --staged \"$@\"");
  }

  /**
   * The entry as the pre-commit framework runs it (in the repository root, with the hook's args),
   * with a hostile waymark in the repository that PATH leads to, the installed Waymark being this
   * test's class path, and an untracked broken file in the roadmap folder.
   */
  @Test
  void shouldRunTheInstalledWaymarkOnTheStagedFilesFromThePreCommitEntry() throws Exception {
    HookRun.assumeGitAndShell();
    try (GitWorkTree repo = repository()) {
      Path root = repo.dir().toRealPath();
      repo.write("plan/scratch.yaml", "kind: Roadmap\nspec: [unclosed\n");
      Path hostile = root.resolve("waymark");
      Files.writeString(hostile, "#!/bin/sh\ntouch pwned\nexit 0\n");
      Files.setPosixFilePermissions(hostile, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path bin = Files.createDirectories(tmp.resolve("bin"));
      Path installed = bin.resolve("waymark");
      Files.writeString(
          installed,
          "#!/bin/sh\nexec '%s' -cp '%s' io.waymark.cli.Main \"$@\"\n"
              .formatted(
                  Path.of(System.getProperty("java.home"), "bin", "java"),
                  System.getProperty("java.class.path")));
      Files.setPosixFilePermissions(installed, PosixFilePermissions.fromString("rwxr-xr-x"));

      Run clean = entry(root, bin + ":.:/usr/bin:/bin", "plan", "--as-of", "2027-05-14");

      assertThat(clean.code()).as(clean.output()).isZero();
      assertThat(root.resolve("pwned")).doesNotExist();

      repo.write(
          "plan/roadmap.yaml",
          repo.read("plan/roadmap.yaml").replaceFirst("status: done", "status: finished"));
      stage(repo, "plan/roadmap.yaml");
      Run broken = entry(root, bin + ":/usr/bin:/bin", "plan", "--as-of", "2027-05-14");

      assertThat(broken.code()).as(broken.output()).isEqualTo(1);
      assertThat(broken.output()).contains("[schema]").contains("finished");

      Run refused = entry(root, ".:/usr/bin:/bin", "plan");

      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.output())
          .contains("the waymark on PATH, ./waymark, is inside the repository; it is not");
      assertThat(root.resolve("pwned")).doesNotExist();
    }
  }

  /** Issue 11: no WAYMARK_CMD, no waymark on PATH, but the bundle install.sh installed. */
  @Test
  void shouldRunTheBundleThatInstallShInstalledWithoutWaymarkCmd() throws Exception {
    HookRun.assumeGitAndShell();
    try (GitWorkTree repo = repository()) {
      Path root = repo.dir().toRealPath();
      Path data = tmp.resolve("data");
      Path bin = Files.createDirectories(data.resolve("waymark/waymark-0.1.0/bin"));
      Files.createSymbolicLink(data.resolve("waymark/current"), Path.of("waymark-0.1.0"));
      Path launcher = bin.resolve("waymark");
      Files.writeString(
          launcher,
          "#!/bin/sh\nexec '%s' -cp '%s' io.waymark.cli.Main \"$@\"\n"
              .formatted(
                  Path.of(System.getProperty("java.home"), "bin", "java"),
                  System.getProperty("java.class.path")));
      Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

      Run clean =
          entry(
              root,
              "/usr/bin:/bin",
              Map.of("XDG_DATA_HOME", data.toString()),
              "plan",
              "--as-of",
              "2027-05-14");
      Run none =
          entry(
              root,
              "/usr/bin:/bin",
              Map.of("XDG_DATA_HOME", tmp.resolve("none").toString()),
              "plan");

      assertThat(clean.code()).as(clean.output()).isZero();
      assertThat(none.code()).isEqualTo(1);
      assertThat(none.output())
          .contains("cannot find waymark on PATH nor in " + tmp.resolve("none"))
          .contains("install.sh");
    }
  }

  private record Run(int code, String output) {}

  private static Run entry(Path root, String path, String... args) throws Exception {
    return entry(root, path, Map.of(), args);
  }

  private static Run entry(Path root, String path, Map<String, String> more, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/sh", ENTRY.toRealPath().toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
    pb.redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.put("PATH", path);
    env.put("NO_COLOR", "1");
    env.remove("WAYMARK_CMD");
    env.putAll(more);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }
}
