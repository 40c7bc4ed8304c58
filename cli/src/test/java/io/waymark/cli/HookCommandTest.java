package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.cli.HookRun.Hook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookCommandTest {

  @TempDir Path tmp;

  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldInstallAnExecutablePreCommitHookThatValidatesTheRoadmapFolder() throws Exception {
    Path repo = repository();
    Files.createDirectories(repo.resolve("ai-roadmap"));

    Cli cli = Cli.run("hook", "install", "--dir", repo.resolve("ai-roadmap").toString());

    Path hook = repo.resolve(".git/hooks/pre-commit");
    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("installed the Waymark pre-commit hook: " + hook.toRealPath());
    assertThat(Files.getPosixFilePermissions(hook))
        .contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
    assertThat(hook)
        .content()
        .startsWith("#!/bin/sh\n" + HookScript.MARKER + "\n")
        .contains("roadmap='ai-roadmap'\n")
        .contains("\"$@\" validate \"$roadmap\" --rev \"$commit\"")
        .contains("WAYMARK_CMD")
        .doesNotContain("$root/waymark");
    // The Waymark that installed the hook, by absolute path: here, this test's JVM.
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    assertThat(hook).content().contains("installed_java='" + java + "'\n");
    assertThat(cli.out()).contains("It runs this Waymark: " + java + " -cp ");
  }

  /**
   * The roadmap folder as an argument, as 'waymark validate DIR' takes it: it said "Unmatched
   * argument". Given twice, as the argument and with --dir, it must be the same folder.
   */
  @Test
  void shouldTakeTheRoadmapFolderAsAnArgumentToo() throws Exception {
    Path repo = repository();
    Path roadmap = Files.createDirectories(repo.resolve("ai-roadmap"));

    Cli install = Cli.run("hook", "install", roadmap.toString());
    Cli twice = Cli.run("hook", "install", "--dir", roadmap.toString(), roadmap.toString());
    Cli clash = Cli.run("hook", "install", "--dir", repo.toString(), roadmap.toString());
    Cli uninstall = Cli.run("hook", "uninstall", roadmap.toString());

    assertThat(install.code()).as(install.err()).isZero();
    assertThat(install.out()).contains("under ai-roadmap/ before each commit");
    assertThat(twice.code()).as(twice.err()).isZero();
    assertThat(twice.out()).contains("updated the Waymark pre-commit hook");
    assertThat(clash.code()).isEqualTo(2);
    assertThat(clash.err())
        .startsWith("waymark: two folders given, --dir " + repo + " and " + roadmap)
        .contains("give the roadmap folder once");
    assertThat(uninstall.code()).as(uninstall.err()).isZero();
    assertThat(repo.resolve(".git/hooks/pre-commit")).doesNotExist();
  }

  @Test
  void shouldRunTheWaymarkThatInstalledItAndNeverOneInTheRepository() throws Exception {
    HookRun.assumeGitAndShell("/bin/bash");
    Path repo = repository();
    Cli.run("init", repo.resolve("ai-roadmap").toString());
    Cli.run("hook", "install", "--dir", repo.resolve("ai-roadmap").toString());
    // A waymark of the repository (a commit of someone else could have put it there) that
    // passes everything, and a PATH that leads to it.
    Path hostile = repo.resolve("waymark");
    Files.writeString(hostile, "#!/bin/sh\ntouch \"$(dirname \"$0\")/pwned\"\nexit 0\n");
    hostile.toFile().setExecutable(true);
    Files.writeString(
        repo.resolve("ai-roadmap/roadmap.yaml"),
        Files.readString(repo.resolve("ai-roadmap/roadmap.yaml"))
            .replaceFirst("status: [a-z-]+", "status: finished"));
    HookRun.git(repo, "add", "ai-roadmap");

    Hook hook = runHook(repo, Map.of("PATH", ".:/usr/bin:/bin"), "WAYMARK_CMD");

    assertThat(hook.code()).as(hook.output()).isEqualTo(1);
    assertThat(hook.output()).contains("[schema]").contains("finished");
    assertThat(repo.resolve("pwned")).doesNotExist();

    // Without the recorded Waymark, the PATH's ./waymark is refused, not run.
    Path preCommit = repo.resolve(".git/hooks/pre-commit");
    Files.writeString(
        preCommit,
        Files.readString(preCommit).replaceFirst("installed_java='[^']*'", "installed_java=''"));

    Hook refused = runHook(repo, Map.of("PATH", ".:/usr/bin:/bin"), "WAYMARK_CMD");

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.output())
        .contains("the waymark on PATH, ./waymark, is inside the repository")
        .contains("it is not run");
    assertThat(repo.resolve("pwned")).doesNotExist();
  }

  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldValidateTheRepositoryRootWhenTheRoadmapIsThere() throws Exception {
    Path repo = repository();

    Cli cli = Cli.run("hook", "install", "--dir", repo.toString());

    assertThat(cli.code()).isZero();
    assertThat(repo.resolve(".git/hooks/pre-commit")).content().contains("roadmap='.'\n");
  }

  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldWriteTheHookWhereCoreHooksPathSays() throws Exception {
    Path repo = repository();
    try (Git git = Git.open(repo.toFile())) {
      StoredConfig config = git.getRepository().getConfig();
      config.setString("core", null, "hooksPath", ".githooks");
      config.save();
    }

    Cli cli = Cli.run("hook", "install", "--dir", repo.toString());

    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(cli.out()).contains("(core.hooksPath)");
    assertThat(repo.resolve(".githooks/pre-commit")).content().contains(HookScript.MARKER);
    assertThat(repo.resolve(".git/hooks/pre-commit")).doesNotExist();
  }

  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldNotInstallIntoTheHooksFolderThatEveryRepositoryOfTheUserShares() throws Exception {
    Path repo = repository();
    Path shared = tmp.resolve("home/.githooks");
    // As 'git config --global core.hooksPath ~/.githooks' leaves it (secret scanners do).
    FileBasedConfig user =
        new FileBasedConfig(tmp.resolve("home/.gitconfig").toFile(), FS.DETECTED);
    user.setString("core", null, "hooksPath", shared.toString());
    user.save();
    SystemReader.setInstance(
        new SystemReader.Delegate(SystemReader.getInstance()) {
          @Override
          public FileBasedConfig openUserConfig(Config parent, FS fs) {
            return new FileBasedConfig(parent, user.getFile(), fs);
          }
        });
    Cli cli;
    try {
      cli = Cli.run("hook", "install", "--dir", repo.toString(), "--force");
    } finally {
      SystemReader.setInstance(null);
    }

    assertThat(cli.code()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.err())
        .contains("core.hooksPath")
        .contains("every repository")
        .contains("nothing was written")
        .contains("git config core.hooksPath .githooks");
    assertThat(shared.resolve("pre-commit")).doesNotExist();
    assertThat(repo.resolve(".git/hooks/pre-commit")).doesNotExist();
  }

  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldInstallIntoTheFolderThatTheUsersOwnLinkInGitNames() throws Exception {
    Path repo = repository();
    // Shared hooks as set up before core.hooksPath: .git/hooks -> ../.githooks
    Path shared = Files.createDirectories(repo.resolve(".githooks"));
    Path link = repo.resolve(".git/hooks");
    deleteTree(link);
    Files.createSymbolicLink(link, Path.of("..", ".githooks"));

    Cli install = Cli.run("hook", "install", "--dir", repo.toString());

    assertThat(install.code()).as(install.err()).isZero();
    assertThat(shared.resolve("pre-commit")).content().contains(HookScript.MARKER);
    assertThat(Files.isSymbolicLink(link)).isTrue();

    // The folder it names is checked as any other: a link there (from a commit) is refused.
    deleteTree(shared);
    Files.createSymbolicLink(shared, Files.createDirectories(tmp.resolve("elsewhere")));
    Cli planted = Cli.run("hook", "install", "--dir", repo.toString());

    assertThat(planted.code()).isEqualTo(ExitCode.USAGE);
    assertThat(planted.err()).contains("refusing to write through the symbolic link");
    assertThat(tmp.resolve("elsewhere/pre-commit")).doesNotExist();
  }

  private static void deleteTree(Path folder) throws IOException {
    try (java.util.stream.Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldLeaveAHookWaymarkDidNotWriteAloneWithoutForce() throws Exception {
    Path repo = repository();
    String theirs = "#!/bin/sh\nexec ./lint.sh\n";
    Path hook = foreignHook(repo, theirs);

    Cli install = Cli.run("hook", "install", "--dir", repo.toString());
    Cli uninstall = Cli.run("hook", "uninstall", "--dir", repo.toString());

    assertThat(install.code()).isEqualTo(ExitCode.USAGE);
    assertThat(install.err())
        .contains("was not written by Waymark; it is left alone")
        .contains("--force");
    assertThat(uninstall.code()).isEqualTo(ExitCode.USAGE);
    assertThat(hook).content().isEqualTo(theirs);
  }

  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldBackUpAForeignHookWithForceAndRestoreItOnUninstall() throws Exception {
    Path repo = repository();
    String theirs = "#!/bin/sh\nexec ./lint.sh\n";
    Path hook = foreignHook(repo, theirs);

    Cli install = Cli.run("hook", "install", "--dir", repo.toString(), "--force");

    assertThat(install.code()).as(install.err()).isZero();
    assertThat(hook).content().contains(HookScript.MARKER);
    assertThat(hook.resolveSibling(HookCommand.BACKUP)).content().isEqualTo(theirs);

    Cli uninstall = Cli.run("hook", "uninstall", "--dir", repo.toString());

    assertThat(uninstall.code()).isZero();
    assertThat(uninstall.out()).contains("restored the previous pre-commit hook");
    assertThat(hook).content().isEqualTo(theirs);
    assertThat(hook.resolveSibling(HookCommand.BACKUP)).doesNotExist();
  }

  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldNeverReplaceTheBackUpOfAnEarlierForeignHook() throws Exception {
    Path repo = repository();
    String first = "#!/bin/sh\nexec ./lint.sh\n";
    Path hook = foreignHook(repo, first);
    Cli.run("hook", "install", "--dir", repo.toString(), "--force");
    String second = "#!/bin/sh\nexec other-tool run\n";
    Files.writeString(hook, second); // another tool wrote its hook over Waymark's

    Cli again = Cli.run("hook", "install", "--dir", repo.toString(), "--force");

    assertThat(again.code()).isEqualTo(ExitCode.USAGE);
    assertThat(again.err())
        .contains(HookCommand.BACKUP + " exists already")
        .contains("nothing was changed");
    assertThat(hook.resolveSibling(HookCommand.BACKUP)).content().isEqualTo(first);
    assertThat(hook).content().isEqualTo(second);
  }

  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldRestoreAForeignHookThatIsASymbolicLinkOnUninstall() throws Exception {
    Path repo = repository();
    Path script = Files.writeString(repo.resolve("team-pre-commit"), "#!/bin/sh\nexit 0\n");
    Path hook = Files.createDirectories(repo.resolve(".git/hooks")).resolve("pre-commit");
    Path target = hook.getParent().relativize(script);
    try {
      Files.createSymbolicLink(hook, target);
    } catch (UnsupportedOperationException | IOException e) {
      Assumptions.abort("no symbolic links here: " + e);
    }
    Cli.run("hook", "install", "--dir", repo.toString(), "--force");

    Cli uninstall = Cli.run("hook", "uninstall", "--dir", repo.toString());

    assertThat(uninstall.code()).as(uninstall.err()).isZero();
    assertThat(uninstall.out()).contains("restored the previous pre-commit hook");
    assertThat(Files.isSymbolicLink(hook)).isTrue();
    assertThat(Files.readSymbolicLink(hook)).isEqualTo(target);
    assertThat(hook.resolveSibling(HookCommand.BACKUP)).doesNotExist();
  }

  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldUpdateItsOwnHookAndRemoveItOnUninstall() throws Exception {
    Path repo = repository();
    Cli.run("hook", "install", "--dir", repo.toString());

    Cli again = Cli.run("hook", "install", "--dir", repo.toString());
    Cli uninstall = Cli.run("hook", "uninstall", "--dir", repo.toString());

    assertThat(again.code()).isZero();
    assertThat(again.out()).startsWith("updated the Waymark pre-commit hook");
    assertThat(uninstall.code()).isZero();
    assertThat(repo.resolve(".git/hooks/pre-commit")).doesNotExist();
  }

  /**
   * A user who added their own line to Waymark's hook (or merged it with their hook, as the message
   * about a backup asks) lost it on uninstall: the whole file was deleted. It is kept.
   */
  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldKeepAWaymarkHookWithLinesOfTheUsersOwnOnUninstallAndUpdate() throws Exception {
    Path repo = repository();
    Cli.run("hook", "install", "--dir", repo.toString());
    Path hook = repo.resolve(".git/hooks/pre-commit");
    String edited = Files.readString(hook) + "./run-my-linter.sh\n";
    Files.writeString(hook, edited);

    Cli uninstall = Cli.run("hook", "uninstall", "--dir", repo.toString());

    assertThat(uninstall.code()).as(uninstall.err()).isZero();
    assertThat(uninstall.out()).contains("kept the Waymark pre-commit hook as");
    assertThat(hook).doesNotExist();
    assertThat(hook.resolveSibling(HookCommand.EDITED)).content().isEqualTo(edited);

    Cli.run("hook", "install", "--dir", repo.toString());
    Files.writeString(hook, edited);
    Cli update = Cli.run("hook", "install", "--dir", repo.toString());

    assertThat(update.code()).as(update.err()).isZero();
    assertThat(hook.resolveSibling(HookCommand.EDITED + "-2")).content().isEqualTo(edited);
    assertThat(hook).content().contains(HookScript.MARKER).doesNotContain("run-my-linter");
    assertThat(HookScript.asWritten(Files.readString(hook))).isTrue();
  }

  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldRefuseAFolderOutsideAnyGitRepository() throws Exception {
    Path plain = Files.createDirectories(tmp.resolve("plain"));
    Assumptions.assumeTrue(
        new FileRepositoryBuilder().findGitDir(plain.toFile()).getGitDir() == null,
        "the temporary folder is inside a Git repository");

    Cli cli = Cli.run("hook", "install", "--dir", plain.toString());

    assertThat(cli.code()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.err()).contains("is not in a Git repository").contains("git init");
  }

  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldStopACommitWhoseStagedRoadmapHasErrorsAndLetItsFixThrough() throws Exception {
    HookRun.assumeGitAndShell("/bin/bash");
    Path repo = repository();
    Path roadmap = newRoadmapWithHook(repo, "ai-roadmap");
    Path file = roadmap.resolve("roadmap.yaml");
    String valid = Files.readString(file);
    String broken = broken(valid);

    // First commit of the repository: no HEAD yet, so the staged files are exported.
    stage(repo, file, broken);
    Hook first = runHook(repo, Map.of());

    assertThat(first.code()).as(first.output()).isEqualTo(1);
    assertThat(first.output())
        .contains("ai-roadmap/roadmap.yaml:")
        .contains("error    [schema]")
        .contains("'finished' is not one of")
        .contains("the staged roadmap files have findings");

    stage(repo, file, valid);
    Hook fixed = runHook(repo, Map.of());

    assertThat(fixed.code()).as(fixed.output()).isZero();

    commit(repo);
    // Later commits: the staged tree is validated as a commit on top of HEAD.
    stage(repo, file, broken);
    Hook later = runHook(repo, Map.of());

    assertThat(later.code()).as(later.output()).isEqualTo(1);
    assertThat(later.output()).contains("ai-roadmap/roadmap.yaml:").contains("[schema]");

    stage(repo, file, ownerChanged(valid));
    Files.writeString(file, broken); // the work tree is broken, what is staged is not
    Hook staged = runHook(repo, Map.of());

    assertThat(staged.code()).as(staged.output()).isZero();
  }

  @Test
  void shouldCheckARoadmapFolderWhoseNameHoldsPatternCharacters() throws Exception {
    HookRun.assumeGitAndShell("/bin/bash");
    Path repo = repository();
    // [1] is a character class to Git's path patterns: plan[1]/*.yaml names plan1/, not this.
    Path roadmap = newRoadmapWithHook(repo, "plan[1] *draft*");
    Path file = roadmap.resolve("roadmap.yaml");
    String broken = broken(Files.readString(file));

    stage(repo, file, broken);
    Hook first = runHook(repo, Map.of());
    commit(repo);
    stage(repo, file, ownerChanged(broken));
    Hook later = runHook(repo, Map.of());

    assertThat(first.code()).as(first.output()).isEqualTo(1);
    assertThat(first.output()).contains("plan[1] *draft*/roadmap.yaml:").contains("[schema]");
    assertThat(later.code()).as(later.output()).isEqualTo(1);
    assertThat(later.output()).contains("[schema]");
  }

  /**
   * The cache of the roadmap folder ({@code .waymark/cache/}) holds what the work tree's files
   * gave: the hook still judges what is staged. A broken file staged and fixed in the work tree
   * (the cache warm with the fix) fails; a good file staged and broken in the work tree (the cache
   * warm with the breakage) passes.
   */
  @Test
  void shouldJudgeTheStagedContentWhateverTheCacheOfTheWorkTreeHolds() throws Exception {
    HookRun.assumeGitAndShell("/bin/bash");
    Path repo = repository();
    Path roadmap = newRoadmapWithHook(repo, "ai-roadmap");
    HookRun.git(repo, "add", "-A");
    commit(repo);
    Path file = roadmap.resolve("roadmap.yaml");
    String valid = Files.readString(file);
    String broken = broken(valid);
    // Stamps are only trusted for files older than two seconds: make them older.
    FileTime past = FileTime.from(Instant.now().minusSeconds(3600));

    stage(repo, file, broken);
    Files.writeString(file, valid);
    Files.setLastModifiedTime(file, past);
    assertThat(Cli.run("validate", roadmap.toString()).code()).as("the work tree").isZero();
    assertThat(Cli.run("validate", roadmap.toString()).code()).as("warm").isZero();
    assertThat(roadmap.resolve(".waymark/cache/load.bin")).isRegularFile();
    Hook stagedBroken = runHook(repo, Map.of());

    assertThat(stagedBroken.code()).as(stagedBroken.output()).isEqualTo(1);
    assertThat(stagedBroken.output()).contains("ai-roadmap/roadmap.yaml:").contains("'finished'");

    String edited = ownerChanged(valid);
    assertThat(edited).isNotEqualTo(valid); // a change to commit, so the hook validates it
    stage(repo, file, edited);
    Files.writeString(file, broken);
    Files.setLastModifiedTime(file, FileTime.from(past.toInstant().plusSeconds(60)));
    assertThat(Cli.run("validate", roadmap.toString()).code()).as("the work tree").isEqualTo(1);
    assertThat(Cli.run("validate", roadmap.toString()).code()).as("warm").isEqualTo(1);
    Hook stagedValid = runHook(repo, Map.of());

    assertThat(stagedValid.code()).as(stagedValid.output()).isZero();
    // Twice, so that the second run takes the staged files from the cache as well.
    assertThat(runHook(repo, Map.of()).code()).isZero();
    HookRun.git(repo, "add", "-A");
    assertThat(runHook(repo, Map.of()).code()).isEqualTo(1);
  }

  @Test
  void shouldPassExtraValidateOptionsAndSkipCommitsWithoutRoadmapChanges() throws Exception {
    HookRun.assumeGitAndShell("/bin/bash");
    Path repo = repository();
    Path roadmap = repo.resolve("ai-roadmap");
    Cli.run("init", roadmap.toString());
    Cli.run("hook", "install", "--dir", roadmap.toString());
    HookRun.git(repo, "add", "-A");

    // --fail-on info: the info that a copy has no Git history fails the first commit.
    Hook strict = runHook(repo, Map.of("WAYMARK_HOOK_ARGS", "--fail-on info"));

    assertThat(strict.code()).as(strict.output()).isEqualTo(1);
    assertThat(strict.output()).contains("[history-unavailable]");

    commit(repo);
    Files.writeString(repo.resolve("notes.txt"), "not a roadmap file");
    HookRun.git(repo, "add", "-A");
    Hook unrelated = runHook(repo, Map.of("WAYMARK_CMD", "/nonexistent/waymark"));

    assertThat(unrelated.code()).as(unrelated.output()).isZero();
  }

  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldSayHowToInstallWaymarkWhenTheHookCannotFindIt() throws Exception {
    HookRun.assumeGitAndShell("/bin/bash");
    Path repo = repository();
    Cli.run("init", repo.resolve("ai-roadmap").toString());
    Cli.run("hook", "install", "--dir", repo.toString());
    HookRun.git(repo, "add", "-A");
    String path = "/usr/bin:/bin";
    Assumptions.assumeFalse(
        Files.isExecutable(Path.of("/usr/bin/waymark"))
            || Files.isExecutable(Path.of("/bin/waymark")),
        "waymark is installed on " + path);

    // The Waymark that installed the hook is gone (uninstalled, moved).
    Path preCommit = repo.resolve(".git/hooks/pre-commit");
    Files.writeString(
        preCommit,
        Files.readString(preCommit)
            .replaceFirst("installed_check='[^']*'", "installed_check='/nonexistent/waymark.jar'"));

    Hook hook = runHook(repo, Map.of("PATH", path), "WAYMARK_CMD");

    assertThat(hook.code()).isEqualTo(1);
    assertThat(hook.output())
        .contains("cannot find waymark")
        .contains("The Waymark that installed this hook is gone: /nonexistent/waymark.jar")
        .contains("WAYMARK_CMD")
        .contains("--no-verify");
  }

  @Test
  @Tag(LocaleSensitive.TAG)
  void shouldExplainItselfWithHelp() {
    Cli hook = Cli.run("hook", "--help");
    Cli install = Cli.run("hook", "install", "--help");
    Cli uninstall = Cli.run("hook", "uninstall", "--help");

    assertThat(hook.code()).isZero();
    assertThat(hook.out())
        .contains("Usage: waymark hook")
        .contains("install")
        .contains("uninstall");
    assertThat(install.code()).isZero();
    assertThat(install.out())
        .contains("Usage: waymark hook install")
        .contains("core.hooksPath")
        .contains("WAYMARK_CMD")
        .contains("--force");
    assertThat(uninstall.out()).contains("Usage: waymark hook uninstall");
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Installed with --daemon, the hook's first run is local and starts a resident server; the next
   * commit's run, though Git gives it another date and index file, is answered by that server, with
   * the same output and exit code.
   */
  @Test
  void shouldUseOneResidentServerForEveryCommitWhenInstalledWithDaemon() throws Exception {
    HookRun.assumeGitAndShell("/bin/bash");
    Path repo = daemonHookRepository();
    Path roadmap = repo.resolve("ai-roadmap");
    assertThat(Files.readString(repo.resolve(".git/hooks/pre-commit")))
        .contains("WAYMARK_DAEMON=1\nexport WAYMARK_DAEMON\n");
    Files.writeString(
        roadmap.resolve("roadmap.yaml"),
        Files.readString(roadmap.resolve("roadmap.yaml")) + "# staged\n");
    HookRun.git(repo, "add", "-A");
    Path runtime = Files.createDirectories(tmp.resolve("run"));
    List<Long> pids = new java.util.ArrayList<>();
    try {
      Hook first =
          runHook(
              repo,
              Map.of(
                  "XDG_RUNTIME_DIR", runtime.toString(),
                  "GIT_AUTHOR_DATE", "@1796496148 +0000",
                  "GIT_INDEX_FILE", ".git/index"));
      assertThat(first.code()).as(first.output()).isZero();
      Path sockets = runtime.resolve("waymark");
      awaitServer(sockets, pids);
      Hook second =
          runHook(
              repo,
              Map.of(
                  "XDG_RUNTIME_DIR", runtime.toString(),
                  "GIT_AUTHOR_DATE", "@1796496999 +0000",
                  "GIT_INDEX_FILE", repo.resolve(".git/index").toString()));
      assertThat(second).isEqualTo(first);
      assertThat(servers(sockets, pids).orElseThrow()).contains("answered 1");
    } finally {
      stop(pids);
    }
  }

  /**
   * Installed with --daemon by a Waymark whose Perl client lies beside its jar, the hook asks the
   * resident server through that client before it starts a JVM: the first commit's client finds no
   * server (exit 75) and the JVM's run follows and starts one; the next commit's client is answered
   * by it (exit 0), with the output of the first. Perl is wrapped to record each exit code.
   */
  @Test
  void shouldAskTheResidentServerWithoutAJvmWhenPerlIsThere() throws Exception {
    HookRun.assumeGitAndShell("/bin/bash");
    Path realPerl = Path.of("/usr/bin/perl");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(realPerl), "Perl is installed");
    Path repo = daemonHookRepository();
    Path roadmap = repo.resolve("ai-roadmap");
    Path hook = repo.resolve(".git/hooks/pre-commit");
    Path client =
        Path.of("src", "main", "perl", HookScript.Installer.CLIENT).toAbsolutePath().normalize();
    String script = Files.readString(hook);
    assertThat(script).containsOnlyOnce("\ninstalled_client=");
    Files.writeString(
        hook,
        script.replaceFirst(
            "\ninstalled_client=[^\n]*\n",
            java.util.regex.Matcher.quoteReplacement(
                "\ninstalled_client=" + HookScript.shellQuote(client.toString()) + "\n")));
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path log = tmp.resolve("perl.log");
    Files.writeString(
        bin.resolve("perl"),
        "#!/bin/sh\n" + realPerl + " \"$@\"\ncode=$?\necho $code >>" + log + "\nexit $code\n");
    assertThat(bin.resolve("perl").toFile().setExecutable(true)).isTrue();
    Files.writeString(
        roadmap.resolve("roadmap.yaml"),
        Files.readString(roadmap.resolve("roadmap.yaml")) + "# staged\n");
    HookRun.git(repo, "add", "-A");
    Path runtime = Files.createDirectories(tmp.resolve("run"));
    Map<String, String> env =
        Map.of(
            "XDG_RUNTIME_DIR",
            runtime.toString(),
            "PATH",
            bin + java.io.File.pathSeparator + System.getenv("PATH"));
    List<Long> pids = new java.util.ArrayList<>();
    try {
      Hook first = runHook(repo, env, "WAYMARK_CMD");
      assertThat(first.code()).as(first.output()).isZero();
      assertThat(Files.readAllLines(log)).as("no server yet").containsExactly("75");
      Path sockets = runtime.resolve("waymark");
      awaitServer(sockets, pids);
      Hook second = runHook(repo, env, "WAYMARK_CMD");
      assertThat(second).isEqualTo(first);
      assertThat(Files.readAllLines(log)).as("answered through Perl").containsExactly("75", "0");
      assertThat(servers(sockets, pids).orElseThrow()).contains("answered 1");
    } finally {
      stop(pids);
    }
  }

  /** A repository with a first commit of a new roadmap and a hook installed with --daemon. */
  private Path daemonHookRepository() throws Exception {
    Path repo = repository();
    Path roadmap = repo.resolve("ai-roadmap");
    Cli.run("init", roadmap.toString());
    HookRun.git(repo, "add", "-A");
    commit(repo);
    Cli install = Cli.run("hook", "install", "--dir", roadmap.toString(), "--daemon");
    assertThat(install.code()).as(install.err()).isZero();
    return repo;
  }

  /** Waits (at most a minute) for the one server in {@code sockets} to answer its status. */
  private static void awaitServer(Path sockets, List<Long> pids) throws Exception {
    java.util.Optional<String> status = java.util.Optional.empty();
    long until = System.nanoTime() + 60_000_000_000L;
    while (status.isEmpty() && System.nanoTime() < until) {
      Thread.sleep(50);
      status = servers(sockets, pids);
    }
    assertThat(status).as("started in the background").isPresent();
  }

  /** Stops the servers a test started. */
  private static void stop(List<Long> pids) {
    for (long pid : pids) {
      ProcessHandle.of(pid)
          .ifPresent(
              p -> {
                p.destroyForcibly();
                p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
              });
    }
  }

  /** The status of the one server in {@code sockets}, its pid added to {@code pids}. */
  private static java.util.Optional<String> servers(Path sockets, List<Long> pids)
      throws IOException {
    if (!Files.isDirectory(sockets)) {
      return java.util.Optional.empty();
    }
    List<Path> all;
    try (var files = Files.list(sockets)) {
      all = files.filter(f -> f.toString().endsWith(".sock")).toList();
    }
    assertThat(all.size()).as("one server for every commit").isLessThanOrEqualTo(1);
    java.util.Optional<String> info =
        all.isEmpty()
            ? java.util.Optional.empty()
            : DaemonClient.ask(all.get(0), DaemonClient.STATUS, "");
    info.ifPresent(
        i -> {
          for (String l : i.split("\\R")) {
            if (l.startsWith("pid ") && !pids.contains(Long.parseLong(l.substring(4).strip()))) {
              pids.add(Long.parseLong(l.substring(4).strip()));
            }
          }
        });
    return info;
  }

  /** A new roadmap in {@code folder} of {@code repo}, with the hook installed for that folder. */
  private static Path newRoadmapWithHook(Path repo, String folder) {
    Path roadmap = repo.resolve(folder);
    assertThat(Cli.run("init", roadmap.toString()).code()).isZero();
    assertThat(Cli.run("hook", "install", "--dir", roadmap.toString()).code()).isZero();
    return roadmap;
  }

  /** {@code roadmap} with a status the schema rejects, "finished", in place of its first one. */
  private static String broken(String roadmap) {
    return roadmap.replaceFirst("status: (in-progress|planned)", "status: finished");
  }

  /** {@code roadmap} with another owner: a change to commit that keeps it as valid as it was. */
  private static String ownerChanged(String roadmap) {
    return roadmap.replace("owner: cto-office", "owner: cto");
  }

  /** Writes {@code text} into {@code file} and stages every change of {@code repo}. */
  private static void stage(Path repo, Path file, String text) throws Exception {
    Files.writeString(file, text);
    HookRun.git(repo, "add", "-A");
  }

  /** Another tool's pre-commit hook, {@code script}, in the hooks folder of {@code repo}. */
  private static Path foreignHook(Path repo, String script) throws IOException {
    Path hook = Files.createDirectories(repo.resolve(".git/hooks")).resolve("pre-commit");
    Files.writeString(hook, script);
    return hook;
  }

  private Path repository() throws Exception {
    Path repo = tmp.resolve("repo");
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      return git.getRepository().getWorkTree().toPath().toRealPath();
    }
  }

  private static void commit(Path repo) throws Exception {
    try (Git git = Git.open(repo.toFile())) {
      PersonIdent who = new PersonIdent("Test", "test@example.com");
      git.commit()
          .setMessage("roadmap")
          .setAuthor(who)
          .setCommitter(who)
          .setSign(false)
          .setNoVerify(true)
          .call();
    }
  }

  /** Runs the installed hook with bash, as Git would before a commit. */
  private static Hook runHook(Path repo, Map<String, String> env, String... unset)
      throws Exception {
    return HookRun.run("/bin/bash", repo, env, unset);
  }
}
