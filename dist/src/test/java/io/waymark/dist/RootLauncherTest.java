package io.waymark.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root launcher ({@code ./waymark} of a clone) and its class-data archive: the Java it runs is
 * WAYMARK_JAVA, else JAVA_HOME's, and it makes one archive per Java; with WAYMARK_AOT=1 it makes
 * Java 25's ahead-of-time cache instead, but only on Java 25 or newer. Each test runs a copy of the
 * launcher in a folder laid out as a clone (the built jar, the example), never rebuilding the jar.
 * The tests that need a Java 25 look for one (WAYMARK_TEST_JAVA25, else the JVM running the tests
 * when it is 25 or newer, else /usr/lib/jvm/*25*) and are skipped without.
 */
class RootLauncherTest {

  static final Path LAUNCHER = Path.of("..", "waymark");
  static final Path JAR = Path.of("..", "cli", "target", "waymark.jar");
  static final Path EXAMPLE = Path.of("..", "example-roadmap");

  @TempDir Path tmp;

  /**
   * Before Java 25, WAYMARK_AOT=1 makes no AOT cache: the launcher notes that it cannot be made and
   * takes the static archive. The archive is put there beforehand, newer than the jar and the Java,
   * so that no training runs here (the Java 25 test below trains; every checkout's first run trains
   * the static archive): the launcher must then use it as it is, not make it again.
   */
  @Test
  void shouldTakeTheStaticArchiveBeforeJava25EvenWhenTheAotCacheIsAskedFor() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Assumptions.assumeTrue(feature(java) < 25, "the JVM of the tests is Java 25 or newer");
    Path clone = newClone();
    // The launcher's name for this Java's archive: the java path, other characters as '_'.
    String key = java.toString().replaceAll("[^A-Za-z0-9.-]", "_");
    Path archive = clone.resolve("cli/target/waymark-java" + key + ".jsa");
    Files.writeString(archive, "an archive made before");
    Files.setLastModifiedTime(archive, FileTime.fromMillis(System.currentTimeMillis() + 60_000));

    BundleTest.Result run =
        launch(
            clone,
            Map.of("JAVA_HOME", System.getProperty("java.home"), "WAYMARK_AOT", "1"),
            "--version");

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("waymark ");
    assertThat(archives(clone, ".jsa")).containsExactly(archive);
    assertThat(Files.readString(archive)).isEqualTo("an archive made before");
    assertThat(archives(clone, ".aot")).isEmpty();
    assertThat(archives(clone, ".aot.failed")).hasSize(1);
    assertNoCrashReport();
  }

  /**
   * On Java 25 with WAYMARK_AOT=1: the AOT cache is made (picocli's classes are compiled for Java
   * 5; a lambda of theirs once made its creation crash the JVM), validate prints the same with and
   * without it, and a broken cache file is passed over silently. (When the launcher trains again:
   * the next test, without a real JVM.)
   */
  @Test
  void shouldUseTheAotCacheOnJava25() throws Exception {
    Path java25 = java25().orElse(null);
    Assumptions.assumeTrue(java25 != null, "no Java 25 on this machine");
    Path clone = newClone();
    Map<String, String> aot = Map.of("WAYMARK_JAVA", java25.toString(), "WAYMARK_AOT", "1");

    BundleTest.Result first = launch(clone, aot, "validate", "example-roadmap", "--no-cache");
    List<Path> caches = archives(clone, ".aot");
    BundleTest.Result plain =
        launch(
            clone,
            Map.of("WAYMARK_JAVA", java25.toString(), "WAYMARK_NO_CDS", "1"),
            "validate",
            "example-roadmap",
            "--no-cache");
    BundleTest.Result again = launch(clone, aot, "validate", "example-roadmap", "--no-cache");

    assertThat(caches).hasSize(1);
    assertThat(archives(clone, ".jsa")).isEmpty();
    assertThat(first.out()).isNotEmpty().isEqualTo(plain.out()).isEqualTo(again.out());
    assertThat(first.err()).isEqualTo(plain.err()).isEqualTo(again.err());
    assertThat(first.code()).isEqualTo(plain.code()).isEqualTo(again.code());

    // A broken (or another JVM's) cache, newer than the jar: the JVM passes over it, silently.
    Path cache = caches.get(0);
    Files.writeString(cache, "not an AOT cache");
    Files.setLastModifiedTime(cache, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    BundleTest.Result broken = launch(clone, aot, "validate", "example-roadmap", "--no-cache");
    assertThat(broken.out()).isEqualTo(plain.out());
    assertThat(broken.err()).isEqualTo(plain.err());
    assertThat(broken.code()).isEqualTo(plain.code());
    assertNoCrashReport();
  }

  /**
   * With WAYMARK_AOT=1 on a Java that says it is 25: an AOT cache newer than the jar and the Java
   * is passed to the run as it is, with no training; once the jar is newer than it, the launcher
   * trains it again (and, when that makes nothing, takes the static archive's path). A stand-in
   * java that records every command line it is given stands for the JVM, so no training runs here.
   */
  @Test
  void shouldTrainTheAotCacheAgainOnlyWhenTheJarIsNewer() throws Exception {
    Path clone = newClone();
    Path calls = tmp.resolve("calls");
    Path java = tmp.resolve("bin/java");
    Files.createDirectories(java.getParent());
    Files.writeString(
        java,
        "#!/bin/sh\n"
            + "case \"$*\" in *-version*) echo 'openjdk version \"25.0.3\" 2026-04-21' >&2 ;; esac\n"
            + "printf '%s\\n' \"$*\" >>'"
            + calls
            + "'\n");
    java.toFile().setExecutable(true);
    String key = java.toString().replaceAll("[^A-Za-z0-9.-]", "_");
    Path cache = clone.resolve("cli/target/waymark-java" + key + ".aot");
    Files.writeString(cache, "a cache made before");
    Files.setLastModifiedTime(cache, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    Map<String, String> aot = Map.of("WAYMARK_JAVA", java.toString(), "WAYMARK_AOT", "1");

    launch(clone, aot, "--version");
    List<String> fresh = Files.readAllLines(calls);
    Files.delete(calls);
    Files.setLastModifiedTime(
        clone.resolve("cli/target/waymark.jar"),
        FileTime.fromMillis(System.currentTimeMillis() + 120_000));
    launch(clone, aot, "--version");
    List<String> stale = Files.readAllLines(calls);

    assertThat(fresh).noneMatch(c -> c.contains("io.waymark.cli.Training"));
    assertThat(fresh.get(fresh.size() - 1)).contains("-XX:AOTCache=" + cache).endsWith("--version");
    assertThat(stale).anyMatch(c -> c.contains("-XX:AOTCacheOutput=") && c.contains("Training"));
    // The stand-in made no cache: the launcher fell back to the static archive's training.
    assertThat(stale).anyMatch(c -> c.contains("-XX:DumpLoadedClassList="));
    assertThat(stale.get(stale.size() - 1)).doesNotContain("-XX:AOTCache").endsWith("--version");
    assertThat(archives(clone, ".aot.failed")).hasSize(1);
  }

  /**
   * The jar is built again when a source file (not a link) is newer than it: a pom, a file in a
   * module's sources, the schemas or the templates, hidden files and names with spaces included, as
   * {@code find -newer -type f} tells; nothing else starts Maven. A stand-in {@code mvn} on the
   * PATH records that it was called and fails, so the launcher stops with its build-failed message.
   */
  @Test
  void shouldBuildAgainOnlyWhenASourceFileIsNewerThanTheJar() throws Exception {
    Path clone = newClone();
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path calls = tmp.resolve("mvn-calls");
    Path mvn = bin.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\necho mvn >>'" + calls + "'\nexit 1\n");
    mvn.toFile().setExecutable(true);
    Path java = bin.resolve("java");
    Files.writeString(
        java,
        "#!/bin/sh\n"
            + "case \"$*\" in *-version*) echo 'openjdk version \"17.0.9\"' >&2 ;; esac\n"
            + "case \"$*\" in *--version) echo 'waymark 0.0.0' ;; esac\n");
    java.toFile().setExecutable(true);
    long jar = System.currentTimeMillis() - 60_000;
    Files.setLastModifiedTime(clone.resolve("cli/target/waymark.jar"), FileTime.fromMillis(jar));
    Path source = clone.resolve("engine/src/main/java/io/waymark/A.java");
    Path pom = clone.resolve("cli/pom.xml");
    Path spaced = clone.resolve("schema/a b.json");
    Path hidden = clone.resolve("templates/lib/.hidden");
    for (Path p : List.of(source, pom, spaced, hidden)) {
      Files.createDirectories(p.getParent());
      Files.writeString(p, "x");
      Files.setLastModifiedTime(p, FileTime.fromMillis(jar - 60_000));
    }
    Path link = clone.resolve("templates/newer-link");
    Files.createSymbolicLink(link, pom);
    Map<String, String> env =
        Map.of("PATH", bin + ":" + System.getenv("PATH"), "WAYMARK_JAVA", java.toString());

    BundleTest.Result older = launchBuilding(clone, env);
    assertThat(older.code()).as(older.err()).isZero();
    assertThat(older.out()).startsWith("waymark ");
    assertThat(calls).as("Maven started for a link or older files").doesNotExist();

    for (Path newer : List.of(source, pom, spaced, hidden)) {
      Files.setLastModifiedTime(newer, FileTime.fromMillis(jar + 1_000));
      BundleTest.Result run = launchBuilding(clone, env);
      Files.setLastModifiedTime(newer, FileTime.fromMillis(jar - 60_000));

      assertThat(run.code()).as(newer + ": " + run.err()).isEqualTo(2);
      assertThat(run.err())
          .contains("building the jar (first run or sources changed)")
          .contains("build failed");
      assertThat(Files.readAllLines(calls)).as(newer.toString()).hasSize(1);
      Files.delete(calls);
    }
  }

  /**
   * The JVM runs under a UTF-8 locale: one in force and installed is kept as it is (known without
   * asking {@code locale} when the C library has it as a folder), while one that is only named (not
   * installed, as in many CI images) or not UTF-8 at all is replaced by LC_ALL=C.UTF-8.
   */
  @Test
  void shouldRunTheJvmUnderAnInstalledUtf8Locale() throws Exception {
    Assumptions.assumeTrue(
        Files.isDirectory(Path.of("/usr/lib/locale/C.utf8")), "no C.utf8 locale folder here");
    Path clone = newClone();
    Path java = Files.createDirectories(tmp.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\necho \"LC_ALL=${LC_ALL:-} LANG=${LANG:-}\"\n");
    java.toFile().setExecutable(true);
    String stand = java.toString();

    assertThat(locale(clone, stand, "C.UTF-8")).isEqualTo("LC_ALL= LANG=C.UTF-8");
    // The name as `locale -a` lists it (C.utf8 on Debian).
    assertThat(locale(clone, stand, "C")).matches("LC_ALL=C\\.(UTF-8|utf8) LANG=C");
    assertThat(locale(clone, stand, "xx_NOWHERE.UTF-8"))
        .matches("LC_ALL=C\\.(UTF-8|utf8) LANG=xx_NOWHERE\\.UTF-8");
  }

  /**
   * A run that ends gets the quick compiler only, the batch heap flags (a larger initial heap,
   * survivors promoted at once) and the parallel collector; the language server and --watch, which
   * live long, keep the JVM's defaults for all three and get the serial collector. A collector
   * chosen in WAYMARK_JAVA_OPTS is the only one (two stop the JVM).
   */
  @Test
  void shouldGiveTheBatchHeapFlagsOnlyToRunsThatEnd() throws Exception {
    Path clone = newClone();
    Path java = Files.createDirectories(tmp.resolve("bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\necho \"$*\"\n");
    java.toFile().setExecutable(true);
    Map<String, String> env = Map.of("WAYMARK_JAVA", java.toString());
    String batch = "-XX:InitialRAMPercentage=6.25 -XX:MaxTenuringThreshold=0";

    assertThat(lastLine(launch(clone, env, "validate", "example-roadmap")))
        .contains(batch, "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1")
        .doesNotContain("-XX:+UseSerialGC");
    assertThat(lastLine(launch(clone, env, "report", "example-roadmap")))
        .contains(batch, "-XX:+UseParallelGC");
    for (String[] longLived :
        List.of(new String[] {"lsp"}, new String[] {"validate", "example-roadmap", "--watch"})) {
      String command = lastLine(launch(clone, env, longLived));
      assertThat(command)
          .contains("-Xmn32m", "-XX:+UseSerialGC")
          .doesNotContain("InitialRAMPercentage")
          .doesNotContain("MaxTenuringThreshold")
          .doesNotContain("TieredStopAtLevel")
          .doesNotContain("-XX:+UseParallelGC");
    }
    Map<String, String> g1 = new HashMap<>(env);
    g1.put("WAYMARK_JAVA_OPTS", "-Xmx1g -XX:+UseG1GC");
    for (String[] line :
        List.of(new String[] {"validate", "example-roadmap"}, new String[] {"lsp"})) {
      assertThat(lastLine(launch(clone, g1, line)))
          .contains("-XX:+UseG1GC")
          .doesNotContain("-XX:+UseParallelGC")
          .doesNotContain("-XX:+UseSerialGC");
    }
  }

  /**
   * With WAYMARK_DAEMON=1 a validate line is first given to the resident server's client without a
   * JVM (beside the jar), when Perl is on the PATH: with the Java and the class path the JVM would
   * run, and the line as given. Its exit code is the run's, but for 75 (nobody answered), after
   * which the JVM runs. Perl is not asked without WAYMARK_DAEMON=1, with
   * WAYMARK_DAEMON_CLIENT=java, for another command, or when no client lies beside the jar.
   */
  @Test
  void shouldAskTheResidentServerThroughPerlFirstWithDaemon() throws Exception {
    Path clone = newClone();
    Path client = clone.resolve("cli/target/waymark-daemon-client.pl"); // beside the jar
    Map<String, String> env = fakeJavaAndPerl(clone);
    Path java = Path.of(env.get("WAYMARK_JAVA"));
    env.put("WAYMARK_DAEMON", "1");
    String jar = clone.resolve("cli/target/waymark.jar").toString();
    String asked =
        "perl " + client + " " + java + " " + jar + " validate example-roadmap --no-color";

    env.put("FAKE_PERL_EXIT", "1");
    BundleTest.Result answered = launch(clone, env, "validate", "example-roadmap", "--no-color");
    assertThat(answered.code()).isEqualTo(1);
    assertThat(answered.out()).isEqualTo(asked + "\n");

    env.put("FAKE_PERL_EXIT", "75");
    BundleTest.Result notAnswered = launch(clone, env, "validate", "example-roadmap", "--no-color");
    assertThat(notAnswered.out().lines().findFirst()).contains(asked);
    assertThat(lastLine(notAnswered))
        .startsWith("java ")
        .endsWith(" -jar " + jar + " validate example-roadmap --no-color");

    env.put("FAKE_PERL_EXIT", "0");
    env.put("WAYMARK_CLASSPATH", "/opt/packs/pack.jar");
    assertThat(launch(clone, env, "validate", "example-roadmap").out())
        .isEqualTo(
            "perl "
                + client
                + " "
                + java
                + " "
                + jar
                + ":/opt/packs/pack.jar validate example-roadmap\n");
    env.remove("WAYMARK_CLASSPATH");

    for (Map.Entry<String, String> without :
        List.of(Map.entry("WAYMARK_DAEMON", "0"), Map.entry("WAYMARK_DAEMON_CLIENT", "java"))) {
      Map<String, String> other = new HashMap<>(env);
      other.put(without.getKey(), without.getValue());
      assertThat(lastLine(launch(clone, other, "validate", "example-roadmap")))
          .as(without.toString())
          .startsWith("java ");
    }
    assertThat(lastLine(launch(clone, env, "--version"))).startsWith("java ");
    Files.delete(client);
    assertThat(lastLine(launch(clone, env, "validate", "example-roadmap")))
        .as("no client beside the jar")
        .startsWith("java ");
  }

  /**
   * Without the server, Perl is asked first only for a validate line whose cache folder holds an
   * answer Java kept ({@code answer.bin}): the folder's own ({@code .waymark/cache}) or the one
   * {@code --cache-dir} names; never for a line Java keeps no answer for (a revision, no cache, a
   * file written, debug output), nor with WAYMARK_PERL=0. Its exit 75 lets the JVM run.
   */
  @Test
  void shouldGiveAKeptAnswerThroughPerlFirst() throws Exception {
    Path clone = newClone();
    Map<String, String> env = fakeJavaAndPerl(clone);

    assertThat(lastLine(launch(clone, env, "validate", "example-roadmap")))
        .as("no answer kept")
        .startsWith("java ");
    Path kept = Files.createDirectories(clone.resolve("example-roadmap/.waymark/cache"));
    Files.writeString(kept.resolve("answer.bin"), "");
    Path elsewhere = Files.createDirectories(tmp.resolve("ci-cache"));
    Files.writeString(elsewhere.resolve("answer.bin"), "");
    for (String[] line :
        List.of(
            new String[] {"validate", "example-roadmap", "--no-color"},
            new String[] {"validate", "--format", "json", "example-roadmap"},
            new String[] {"validate", "--cache-dir", elsewhere.toString()},
            new String[] {"validate", "--cache-dir=" + elsewhere})) {
      assertThat(launch(clone, env, line).out()).as(String.join(" ", line)).startsWith("perl ");
    }
    env.put("FAKE_PERL_EXIT", "75");
    assertThat(lastLine(launch(clone, env, "validate", "example-roadmap")))
        .as("not answered")
        .startsWith("java ");
    env.remove("FAKE_PERL_EXIT");
    for (String[] line :
        List.of(
            new String[] {"validate", "example-roadmap", "--no-cache"},
            new String[] {"validate", "example-roadmap", "--rev", "HEAD"},
            new String[] {"validate", "example-roadmap", "--staged"},
            new String[] {"validate", "example-roadmap", "--output", "out.txt"},
            new String[] {"validate", "example-roadmap", "--debug"},
            new String[] {"validate", "--cache-dir", tmp.resolve("none").toString()},
            new String[] {"report", "example-roadmap"})) {
      assertThat(lastLine(launch(clone, env, line))).as(String.join(" ", line)).startsWith("java ");
    }
    env.put("WAYMARK_PERL", "0");
    assertThat(lastLine(launch(clone, env, "validate", "example-roadmap")))
        .as("WAYMARK_PERL=0")
        .startsWith("java ");
  }

  /**
   * The environment of a launcher whose Java and Perl only say how they were called (the fake Perl
   * exits with FAKE_PERL_EXIT, 0 by default), with the script beside the clone's jar.
   */
  private Map<String, String> fakeJavaAndPerl(Path clone) throws IOException {
    Files.copy(
        Path.of("..", "cli", "src", "main", "perl", "waymark-daemon-client.pl"),
        clone.resolve("cli/target/waymark-daemon-client.pl"));
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho \"java $*\"\n");
    Path perl = bin.resolve("perl");
    Files.writeString(perl, "#!/bin/sh\necho \"perl $*\"\nexit ${FAKE_PERL_EXIT:-0}\n");
    assertThat(java.toFile().setExecutable(true) && perl.toFile().setExecutable(true)).isTrue();
    Map<String, String> env = new HashMap<>();
    env.put("WAYMARK_JAVA", java.toString());
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    return env;
  }

  private static String lastLine(BundleTest.Result run) {
    assertThat(run.code()).as(run.err()).isZero();
    return run.out().lines().reduce((a, b) -> b).orElse("");
  }

  private String locale(Path clone, String java, String lang) throws Exception {
    Map<String, String> env = new HashMap<>(Map.of("WAYMARK_JAVA", java, "LANG", lang));
    return lastLine(launch(clone, env, "--version"));
  }

  /** The launcher of {@code clone} run as a user runs it: it may build the jar. */
  private BundleTest.Result launchBuilding(Path clone, Map<String, String> env) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("HOME", tmp.toString());
    all.put("TMPDIR", Files.createDirectories(tmp.resolve("t")).toString());
    return BundleTest.run(
        tmp, clone, all, "bash", clone.resolve("waymark").toString(), "--version");
  }

  private Path newClone() throws IOException {
    Path clone = tmp.resolve("clone");
    Files.createDirectories(clone.resolve("cli/target"));
    Files.copy(LAUNCHER, clone.resolve("waymark"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.copy(JAR, clone.resolve("cli/target/waymark.jar"));
    try (Stream<Path> walk = Files.walk(EXAMPLE)) {
      for (Path p : walk.toList()) {
        Path rel = EXAMPLE.relativize(p);
        if (rel.startsWith(".waymark")) {
          continue; // another run's cache, maybe being written
        }
        Path to = clone.resolve("example-roadmap").resolve(rel.toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return clone;
  }

  private BundleTest.Result launch(Path clone, Map<String, String> env, String... args)
      throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("PATH", System.getenv("PATH"));
    all.put("HOME", tmp.toString());
    all.put("TMPDIR", Files.createDirectories(tmp.resolve("t")).toString());
    all.put("WAYMARK_NO_BUILD", "1");
    String[] command = new String[args.length + 2];
    command[0] = "bash";
    command[1] = clone.resolve("waymark").toString();
    System.arraycopy(args, 0, command, 2, args.length);
    return BundleTest.run(tmp, clone, all, command);
  }

  private static List<Path> archives(Path clone, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(clone.resolve("cli/target"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
    }
  }

  private void assertNoCrashReport() throws IOException {
    try (Stream<Path> files = Files.walk(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err"));
    }
    try (Stream<Path> left = Files.list(tmp.resolve("t"))) {
      assertThat(left).as("training folders left behind").isEmpty();
    }
  }

  /** A Java 25 or newer to run the launcher with, if this machine has one. */
  static Optional<Path> java25() throws Exception {
    String given = System.getenv("WAYMARK_TEST_JAVA25");
    if (given != null && !given.isBlank()) {
      return Optional.of(Path.of(given));
    }
    Path own = Path.of(System.getProperty("java.home"), "bin", "java");
    if (feature(own) >= 25) {
      return Optional.of(own);
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> homes = Files.list(jvms)) {
        for (Path home : homes.sorted().toList()) {
          Path java = home.resolve("bin/java");
          if (home.getFileName().toString().contains("25") && Files.isExecutable(java)) {
            if (feature(java) >= 25) {
              return Optional.of(java);
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The feature release of a java executable, 0 when it cannot be told. */
  static int feature(Path java) throws Exception {
    Process p = new ProcessBuilder(java.toString(), "-version").redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    Matcher m = Pattern.compile("version \"(\\d+)").matcher(text);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }
}
