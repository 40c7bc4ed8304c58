package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hook maps the class-data sharing archive of the Waymark that installed it (the launcher's),
 * and only while the archive is still there: a missing archive leaves the JVM to start without. It
 * starts the JVM with the launcher's flags.
 */
class HookScriptArchiveTest {

  @Test
  void shouldRecordTheInstallersArchiveAndUseItOnlyWhenItExists() {
    String script =
        HookScript.text(
            "ai-roadmap",
            Optional.of(
                new HookScript.Installer(
                    "/opt/jdk/bin/java",
                    "/opt/w/waymark.jar",
                    "/opt/w/waymark.jar",
                    "/opt/w/w.jsa",
                    "")));

    assertThat(script)
        .contains("installed_archive='/opt/w/w.jsa'")
        .contains("[ -f \"$installed_archive\" ]")
        .contains("-XX:SharedArchiveFile=\"$installed_archive\" -Xshare:auto")
        .containsPattern(
            "\"\\$installed_java\" -XX:TieredStopAtLevel=1 -XX:-UseDynamicNumberOfCompilerThreads"
                + " \\\\\n *-XX:CICompilerCount=1 -XX:\\+UseParallelGC -Xmn32m -Xss8m \"\\$@\"");
  }

  @Test
  void shouldWriteNoArchiveWhenTheInstallerHadNone() {
    String script =
        HookScript.text(
            ".",
            Optional.of(
                new HookScript.Installer("/opt/jdk/bin/java", "/opt/w/w.jar", "/opt/w/w.jar")));

    assertThat(script).contains("installed_archive=''");
  }

  @Test
  void shouldTellTheLaunchersAotCacheFromAClassDataArchiveByItsName() {
    assertThat(
            HookScript.Installer.archive(
                List.of("-Xmn32m", "-XX:AOTCache=/opt/w/waymark-java-1.aot", "-Xlog:aot=off")))
        .isEqualTo("/opt/w/waymark-java-1.aot");
    assertThat(HookScript.Installer.archive(List.of("-XX:SharedArchiveFile=/opt/w/w.jsa")))
        .isEqualTo("/opt/w/w.jsa");
    // Another name: not the launcher's cache, and not to be passed as a class-data archive.
    assertThat(HookScript.Installer.archive(List.of("-XX:AOTCache=/opt/w/other.cache"))).isEmpty();
    assertThat(HookScript.Installer.archive(List.of("-Xss8m"))).isEmpty();
  }

  /**
   * An installer started with Java 25's ahead-of-time cache (the launcher with WAYMARK_AOT=1): the
   * hook passes it as -XX:AOTCache, with the launcher's relocation flags as for an archive, and not
   * as -XX:SharedArchiveFile; without the file, neither.
   */
  @Test
  void shouldMapTheInstallersAotCacheAsSuch(@TempDir Path tmp) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
    Path repo = stagedRepository(tmp);
    Path args = tmp.resolve("args");
    Path java = recordingJava(tmp, args);
    Path jar = Files.writeString(tmp.resolve("waymark.jar"), "jar");
    Path cache = Files.writeString(tmp.resolve("waymark-java-1.aot"), "cache");
    install(repo, java, jar, cache);
    Files.writeString(tmp.resolve("waymark-java-1.aot.opts"), HookScript.RELOCATION + "\n");

    List<String> with = runHook(repo, args);
    Files.delete(cache);
    List<String> without = runHook(repo, args);

    assertThat(with)
        .containsSubsequence(
            "-XX:AOTCache=" + cache,
            "-Xlog:aot=off",
            "-XX:+UnlockDiagnosticVMOptions",
            "-XX:ArchiveRelocationMode=0",
            "-cp",
            jar.toString())
        .noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
    assertThat(without).noneMatch(a -> a.startsWith("-XX:AOTCache") || a.contains("Archive"));
  }

  private static Path stagedRepository(Path tmp) throws Exception {
    Path repo = tmp.resolve("repo");
    HookRun.git(tmp, "init", "-q", "-b", "main", repo.toString());
    Files.createDirectories(repo.resolve("ai-roadmap"));
    Files.writeString(repo.resolve("ai-roadmap/roadmap.yaml"), "a: 1\n");
    HookRun.git(repo, "add", "-A");
    HookRun.git(
        repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "one");
    Files.writeString(repo.resolve("ai-roadmap/roadmap.yaml"), "a: 2\n");
    HookRun.git(repo, "add", "-A");
    return repo;
  }

  /** A stand-in java that records the command line the hook runs. */
  private static Path recordingJava(Path tmp, Path args) throws Exception {
    Path java = tmp.resolve("java");
    Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" >'" + args + "'\n");
    java.toFile().setExecutable(true);
    return java;
  }

  private static void install(Path repo, Path java, Path jar, Path archive) throws Exception {
    Path hook = repo.resolve(".git/hooks/pre-commit");
    Files.createDirectories(hook.getParent());
    Files.writeString(
        hook,
        HookScript.text(
            "ai-roadmap",
            Optional.of(
                new HookScript.Installer(
                    java.toString(), jar.toString(), jar.toString(), archive.toString(), ""))));
  }

  /**
   * The hook maps the archive where it was made when the launcher left the flags for it beside the
   * archive, and takes nothing else from that file. It opens nothing with --add-opens: that switch
   * alone costs a start about 30 ms (the JVM's archived module graph is then rebuilt), and a class
   * path launch walks with the unix view instead. A stand-in java records the command line the hook
   * runs.
   */
  @Test
  void shouldMapTheArchiveUnmovedOnlyWithTheFlagsTheLauncherKeptBesideIt(@TempDir Path tmp)
      throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
    Path repo = stagedRepository(tmp);
    Path args = tmp.resolve("args");
    Path java = recordingJava(tmp, args);
    Path jar = Files.writeString(tmp.resolve("waymark.jar"), "jar");
    Path archive = Files.writeString(tmp.resolve("waymark.jsa"), "archive");
    install(repo, java, jar, archive);

    Files.writeString(tmp.resolve("waymark.jsa.opts"), HookScript.RELOCATION + "\n");
    List<String> kept = runHook(repo, args);
    Files.writeString(tmp.resolve("waymark.jsa.opts"), "-XX:+UnlockDiagnosticVMOptions -XX:Foo\n");
    List<String> foreign = runHook(repo, args);
    Files.delete(tmp.resolve("waymark.jsa.opts"));
    List<String> none = runHook(repo, args);

    assertThat(kept)
        .doesNotContain("--add-opens")
        .containsSubsequence(
            "-XX:SharedArchiveFile=" + archive,
            "-XX:+UnlockDiagnosticVMOptions",
            "-XX:ArchiveRelocationMode=0",
            "-cp",
            jar.toString(),
            "io.waymark.cli.Main",
            "validate",
            "ai-roadmap",
            "--rev");
    // Huge pages as the launcher asks for them: only where the kernel gives them on request.
    Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    boolean madvise = Files.isReadable(thp) && Files.readString(thp).contains("[madvise]");
    for (List<String> run : List.of(kept, foreign, none)) {
      if (madvise) {
        assertThat(run).contains("-XX:+UseTransparentHugePages");
      } else {
        assertThat(run).doesNotContain("-XX:+UseTransparentHugePages");
      }
    }
    for (List<String> without : List.of(foreign, none)) {
      assertThat(without)
          .contains("-XX:SharedArchiveFile=" + archive)
          .doesNotContain(
              "-XX:ArchiveRelocationMode=0", "-XX:Foo", "-XX:+UnlockDiagnosticVMOptions");
    }
  }

  private static List<String> runHook(Path repo, Path args) throws Exception {
    Files.deleteIfExists(args);
    Process p =
        new ProcessBuilder("/bin/bash", repo.resolve(".git/hooks/pre-commit").toString())
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return Files.readAllLines(args);
  }
}
