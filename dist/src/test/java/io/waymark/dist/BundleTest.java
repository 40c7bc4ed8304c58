package io.waymark.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: the release bundle that {@code mvn package} builds runs on a machine with only a JRE:
 * it is unpacked into an empty folder and run with a PATH holding java's bin folder, bash and a few
 * coreutils, and nothing else (no Maven, no git).
 */
class BundleTest {

  static final Path TARGET = Path.of("target");
  static final String VERSION = System.getProperty("waymark.version", "0.1.0");
  static final Path TAR = TARGET.resolve("waymark-" + VERSION + ".tar.gz");
  static final Path ZIP = TARGET.resolve("waymark-" + VERSION + ".zip");

  /** The only programs the launcher may use besides java. */
  static final List<String> TOOLS =
      List.of(
          "bash", "sh", "env", "dirname", "readlink", "cat", "cksum", "cut", "mkdir", "mv", "rm");

  @TempDir static Path tmp;

  static Path bundle;
  static Path tools;

  @BeforeAll
  static void unpack() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    run(
        empty,
        Map.of("PATH", System.getenv("PATH")),
        "tar",
        "-xzf",
        TAR.toAbsolutePath().toString());
    bundle = empty.resolve("waymark-" + VERSION);
    tools = Files.createDirectories(tmp.resolve("tools"));
    for (String tool : TOOLS) {
      Files.createSymbolicLink(tools.resolve(tool), which(tool));
    }
  }

  @Test
  void shouldHoldTheJarLaunchersSchemasTemplatesAndLicences() throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      zip.stream().map(ZipEntry::getName).forEach(names::add);
    }
    String root = "waymark-" + VERSION + "/";

    assertThat(names)
        .contains(
            root + "lib/waymark.jar",
            root + "lib/waymark-daemon-client.pl",
            root + "bin/waymark",
            root + "bin/waymark.cmd",
            root + "waymark",
            root + "install.sh",
            root + "VERSION",
            root + "schema/roadmap.schema.json",
            root + "templates/qbr.ftlh",
            root + "licences/THIRD-PARTY.md",
            root + "licences/LICENSE-DejaVu.txt",
            root + "example-roadmap/roadmap.yaml",
            root + "docs/install.md");
    assertThat(names).allMatch(n -> n.startsWith(root));
    assertThat(Files.isExecutable(bundle.resolve("bin/waymark"))).isTrue();
    assertThat(Files.readString(bundle.resolve("VERSION")).strip()).isEqualTo(VERSION);
    assertThat(Files.readString(bundle.resolve("bin/waymark.cmd"))).contains("\r\n");
  }

  /**
   * cmd.exe expands a variable before it parses the line: a bundle unpacked under "C:\Program Files
   * (x86)" closes a block in parentheses at the path's ")", and a path with "&" starts a command.
   * Every path variable of the Windows launcher is in double quotes, and no line opens a block.
   */
  @Test
  void shouldQuoteEveryPathOfTheWindowsLauncher() throws IOException {
    List<String> lines =
        Files.readAllLines(bundle.resolve("bin/waymark.cmd")).stream()
            .filter(line -> !line.startsWith("rem "))
            .toList();

    assertThat(lines).anyMatch(line -> line.contains("%WAYMARK_HOME%"));
    assertThat(lines)
        .allMatch(BundleTest::pathsQuoted)
        .noneMatch(line -> line.stripTrailing().endsWith("("));
  }

  /** True when every path variable of a cmd.exe line is within double quotes. */
  private static boolean pathsQuoted(String line) {
    Matcher path = Pattern.compile("%(WAYMARK_HOME|JAVA_HOME)%").matcher(line);
    while (path.find()) {
      if (line.substring(0, path.start()).chars().filter(c -> c == '"').count() % 2 == 0) {
        return false;
      }
    }
    return true;
  }

  @Test
  void shouldPointEveryExampleFileAtASchemaTheBundleHolds() throws IOException {
    Pattern modeline =
        Pattern.compile("^# yaml-language-server: \\$schema=(\\S+)", Pattern.MULTILINE);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(bundle.resolve("example-roadmap"))) {
      files = walk.filter(f -> f.toString().endsWith(".yaml")).toList();
    }
    List<String> checked = new ArrayList<>();
    for (Path file : files) {
      Matcher m = modeline.matcher(Files.readString(file, StandardCharsets.UTF_8));
      while (m.find()) {
        // An editor opening the unpacked example resolves the schema beside the file.
        assertThat(file.getParent().resolve(m.group(1)))
            .as("%s: $schema=%s", bundle.relativize(file), m.group(1))
            .isRegularFile();
        checked.add(m.group(1));
      }
    }
    assertThat(checked).hasSizeGreaterThan(10);
  }

  @Test
  void shouldPublishTheSha256OfEachArchive() throws Exception {
    for (Path archive : List.of(TAR, ZIP)) {
      String line = Files.readString(Path.of(archive + ".sha256")).strip();

      assertThat(line).isEqualTo(sha256(archive) + "  " + archive.getFileName());
    }
  }

  @Test
  void shouldNameEveryLibraryOfTheJarInTheThirdPartyLicences() throws IOException {
    String licences = Files.readString(bundle.resolve("licences/THIRD-PARTY.md"));
    List<String> missing = new ArrayList<>();
    try (ZipFile jar = new ZipFile(bundle.resolve("lib/waymark.jar").toFile())) {
      Pattern pom = Pattern.compile("META-INF/maven/([^/]+)/([^/]+)/pom\\.properties");
      jar.stream()
          .map(e -> pom.matcher(e.getName()))
          .filter(Matcher::matches)
          .filter(m -> !m.group(1).equals("io.waymark"))
          .filter(m -> !licences.contains(m.group(2)))
          .forEach(m -> missing.add(m.group(1) + ":" + m.group(2)));
    }

    assertThat(missing).as("libraries in lib/waymark.jar not named in THIRD-PARTY.md").isEmpty();
  }

  /** The README's first command, then validate and report, with only a JRE and coreutils. */
  @Test
  void shouldRunValidateReportAndCiWithOnlyAJreOnThePath() throws Exception {
    Path home = Files.createDirectories(tmp.resolve("home"));
    Map<String, String> env =
        Map.of(
            "PATH",
            Path.of(System.getProperty("java.home"), "bin") + ":" + tools,
            "HOME",
            home.toString(),
            "LANG",
            "C.UTF-8");
    List<String> before = files(bundle);
    assertThat(before).as("the bundle ships no cache").noneMatch(p -> p.contains(".waymark/"));

    Result ci = run(bundle, env, "./waymark", "ci", "example-roadmap", "--out", "target/waymark");
    Result validate =
        run(
            tmp,
            env,
            bundle.resolve("bin/waymark").toString(),
            "validate",
            bundle.resolve("example-roadmap").toString());
    Result report =
        run(
            tmp,
            env,
            bundle.resolve("bin/waymark").toString(),
            "report",
            bundle.resolve("example-roadmap").toString(),
            "--out",
            tmp.resolve("qbr").toString());

    assertThat(ci.code()).as(ci.err()).isIn(0, 1);
    assertThat(ci.err()).doesNotContain("Exception", "mvn", "building");
    assertThat(bundle.resolve("target/waymark/waymark.sarif")).isRegularFile();
    assertThat(bundle.resolve("target/waymark/report/qbr-2027-Q2.pdf")).isRegularFile();
    assertThat(validate.code()).as(validate.err()).isEqualTo(ci.code());
    assertThat(validate.out()).contains("documents (as of 2027-05-14)");
    assertThat(report.code()).as(report.err()).isZero();
    assertThat(tmp.resolve("qbr/qbr-2027-Q2.html")).isRegularFile();
    // The class-data archive is in the user's cache folder, never in the install folder.
    try (Stream<Path> cache = Files.walk(home.resolve(".cache/waymark"))) {
      assertThat(cache.map(Path::toString)).anyMatch(p -> p.endsWith(".jsa"));
    }
    List<String> after = files(bundle);
    after.removeIf(p -> p.startsWith("target/"));
    // Validating a folder keeps its cache beside it (docs/ci.md, "The cache"): the bundle's own
    // example gets one; nothing else in the install folder changes.
    after.removeIf(p -> p.startsWith("example-roadmap/.waymark/cache/"));
    assertThat(after).isEqualTo(before);
  }

  @Test
  void shouldKeepTheCacheInXdgCacheHomeAndRunWithItAgain() throws Exception {
    Path cache = tmp.resolve("xdg-cache");
    Map<String, String> env =
        Map.of(
            "PATH",
            Path.of(System.getProperty("java.home"), "bin") + ":" + tools,
            "HOME",
            tmp.resolve("nohome").toString(),
            "XDG_CACHE_HOME",
            cache.toString());

    Result first = run(tmp, env, bundle.resolve("bin/waymark").toString(), "--version");
    Result second = run(tmp, env, bundle.resolve("bin/waymark").toString(), "--version");

    assertThat(first.out()).isEqualTo("waymark " + VERSION + "\n");
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(second.err()).isEmpty();
    assertThat(cache.resolve("waymark").resolve(VERSION)).isDirectory();
    // The archive, and beside it the flags that map it unmoved, found once right after it was
    // recorded (Java 17 has them); nothing else.
    Path folder = cache.resolve("waymark").resolve(VERSION);
    try (Stream<Path> files = Files.list(folder)) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).hasSize(2);
      assertThat(names.get(0)).matches("java-[0-9]+\\.jsa");
      assertThat(names.get(1)).isEqualTo(names.get(0) + ".opts");
      assertThat(Files.readString(folder.resolve(names.get(1))))
          .isEqualTo("-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0\n");
    }
  }

  /**
   * WAYMARK_DAEMON=1 through the bundle's launcher: the first run is local and starts the resident
   * server in the background; the next is answered by it through the Perl client beside the jar
   * (lib/), with the same output, without a JVM of its own. Perl is wrapped to record its exit
   * codes: 75 first (no server yet, the JVM ran), then the run's own.
   */
  @Test
  void shouldAnswerThroughThePerlClientBesideTheJar() throws Exception {
    Path scratch = Files.createDirectories(tmp.resolve("daemon"));
    Map<String, String> env = recordingPerl(scratch);
    Path log = scratch.resolve("perl.log");
    env.put("XDG_RUNTIME_DIR", Files.createDirectories(scratch.resolve("run")).toString());
    env.put("WAYMARK_DAEMON", "1");
    String launcher = bundle.resolve("bin/waymark").toString();
    String example = exampleIn(scratch).toString();
    try {
      Result first = run(scratch, env, launcher, "validate", example, "--no-color");
      assertThat(first.code()).as(first.err()).isIn(0, 1);
      assertThat(Files.readAllLines(log)).containsExactly("75");
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (run(scratch, env, launcher, "daemon", "status").code() != 0) {
        assertThat(System.nanoTime()).as("a server started in the background").isLessThan(until);
        Thread.sleep(50);
      }
      Result second = run(scratch, env, launcher, "validate", example, "--no-color");
      assertThat(second).isEqualTo(first);
      assertThat(Files.readAllLines(log)).containsExactly("75", String.valueOf(first.code()));
      assertThat(run(scratch, env, launcher, "daemon", "status").out()).contains("answered 1");
    } finally {
      run(scratch, env, launcher, "daemon", "stop", "--all");
    }
  }

  /**
   * Without the server, through the bundle's launcher: the run that makes the cache keeps no answer
   * (the folder changed during it), the next one, two seconds later, keeps it, and the one after is
   * answered by the Perl script beside the jar (lib/) without a JVM, byte for byte as before; once
   * a file changed, the script exits 75 and the JVM answers. Perl is wrapped to record its exit
   * codes.
   */
  @Test
  void shouldGiveAKeptAnswerWithoutAJvm() throws Exception {
    Path scratch = Files.createDirectories(tmp.resolve("kept"));
    Map<String, String> env = recordingPerl(scratch);
    Path log = scratch.resolve("perl.log");
    String launcher = bundle.resolve("bin/waymark").toString();
    Path copy = exampleIn(scratch);
    String example = copy.toString();
    Thread.sleep(2_100); // Java stamps no file changed in the last two seconds

    Result first = run(scratch, env, launcher, "validate", example, "--no-color");
    assertThat(first.code()).as(first.err()).isIn(0, 1);
    Thread.sleep(2_100);
    assertThat(run(scratch, env, launcher, "validate", example, "--no-color")).isEqualTo(first);
    assertThat(log).as("Perl not started while no answer was kept").doesNotExist();
    assertThat(copy.resolve(".waymark/cache/answer.bin")).exists();

    Result kept = run(scratch, env, launcher, "validate", example, "--no-color");
    assertThat(kept).isEqualTo(first);
    assertThat(Files.readAllLines(log)).containsExactly(String.valueOf(first.code()));

    Path roadmap = copy.resolve("roadmap.yaml");
    Files.writeString(roadmap, Files.readString(roadmap) + "\n# changed\n");
    Result changed = run(scratch, env, launcher, "validate", example, "--no-color");
    assertThat(changed.code()).isEqualTo(first.code());
    assertThat(Files.readAllLines(log)).containsExactly(String.valueOf(first.code()), "75");
  }

  /**
   * The environment of a launcher run in {@code scratch} (its home) whose Perl, first on the PATH,
   * runs the system's Perl and records each exit code in {@code scratch/perl.log}; the test is
   * skipped where Perl is not installed.
   */
  private Map<String, String> recordingPerl(Path scratch) throws IOException {
    Path perl = Path.of("/usr/bin/perl");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(perl), "Perl is installed");
    Path bin = Files.createDirectories(scratch.resolve("bin"));
    Path log = scratch.resolve("perl.log");
    Files.writeString(
        bin.resolve("perl"),
        "#!/bin/sh\n" + perl + " \"$@\"\ncode=$?\necho $code >>" + log + "\nexit $code\n");
    assertThat(bin.resolve("perl").toFile().setExecutable(true)).isTrue();
    Map<String, String> env = new java.util.HashMap<>();
    env.put("PATH", bin + ":" + Path.of(System.getProperty("java.home"), "bin") + ":" + tools);
    env.put("HOME", scratch.toString());
    env.put("LANG", "C.UTF-8");
    return env;
  }

  /**
   * A copy of the bundle's example in {@code scratch}: a validated folder gets a cache, and the
   * bundle ships none (nor another test's).
   */
  private Path exampleIn(Path scratch) throws IOException {
    Path copy = scratch.resolve("example-roadmap");
    Path from = bundle.resolve("example-roadmap");
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.filter(f -> !from.relativize(f).startsWith(".waymark")).toList()) {
        Files.copy(f, copy.resolve(from.relativize(f).toString()));
      }
    }
    return copy;
  }

  /**
   * The bundle's launcher gives a run that ends the quick compiler only and the parallel collector,
   * and one that lives on (the language server) both compilers and the serial collector, as the
   * sources' launcher does; a collector chosen in WAYMARK_JAVA_OPTS is the only one (two stop the
   * JVM). A stand-in java prints its arguments.
   */
  @Test
  void shouldChooseTheCollectorAsTheSourcesLauncherDoes() throws Exception {
    Path javaHome = Files.createDirectories(tmp.resolve("fake-jdk/bin")).getParent();
    Path java = javaHome.resolve("bin/java");
    Files.writeString(java, "#!/bin/sh\necho \"$*\"\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();
    Map<String, String> env = new HashMap<>();
    env.put("PATH", tools.toString());
    env.put("HOME", tmp.resolve("home3").toString());
    env.put("JAVA_HOME", javaHome.toString());
    String launcher = bundle.resolve("bin/waymark").toString();

    assertThat(lastLine(run(tmp, env, launcher, "validate", "example-roadmap").out()))
        .contains("-XX:+UseParallelGC", "-XX:MaxTenuringThreshold=0", "-XX:TieredStopAtLevel=1")
        .doesNotContain("-XX:+UseSerialGC");
    assertThat(lastLine(run(tmp, env, launcher, "lsp").out()))
        .contains("-XX:+UseSerialGC")
        .doesNotContain("-XX:+UseParallelGC")
        .doesNotContain("TieredStopAtLevel");
    env.put("WAYMARK_JAVA_OPTS", "-XX:+UseG1GC");
    assertThat(lastLine(run(tmp, env, launcher, "validate", "example-roadmap").out()))
        .contains("-XX:+UseG1GC")
        .doesNotContain("-XX:+UseParallelGC")
        .doesNotContain("-XX:+UseSerialGC");
  }

  private static String lastLine(String out) {
    String[] lines = out.strip().split("\n");
    return lines[lines.length - 1];
  }

  @Test
  void shouldSayWhatIsMissingWithoutJava() throws Exception {
    Result r =
        run(
            tmp,
            Map.of("PATH", tools.toString(), "HOME", tmp.toString()),
            bundle.resolve("bin/waymark").toString(),
            "--version");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            "waymark: no Java found; install Java 17 or newer (a JRE is enough) and put it on PATH"
                + " or set JAVA_HOME\n");
  }

  @Test
  void shouldInstallTheBundleWithItsChecksumAndPutItOnThePath() throws Exception {
    Path prefix = tmp.resolve("opt");
    Path bin = tmp.resolve("bin");
    Map<String, String> env =
        Map.of("PATH", System.getenv("PATH"), "HOME", tmp.resolve("home2").toString());

    Result install =
        run(
            tmp,
            env,
            "bash",
            bundle.resolve("install.sh").toString(),
            TAR.toAbsolutePath().toString(),
            "--prefix",
            prefix.toString(),
            "--bin",
            bin.toString());
    Result version = run(tmp, env, bin.resolve("waymark").toString(), "--version");
    Result tampered =
        run(
            tmp,
            env,
            "bash",
            bundle.resolve("install.sh").toString(),
            TAR.toAbsolutePath().toString(),
            "--prefix",
            prefix.toString(),
            "--bin",
            bin.toString(),
            "--sha256",
            "0".repeat(64));

    assertThat(install.code()).as(install.err()).isZero();
    assertThat(install.out()).contains("installed Waymark " + VERSION);
    assertThat(prefix.resolve("current/lib/waymark.jar")).isRegularFile();
    assertThat(version.out()).isEqualTo("waymark " + VERSION + "\n");
    assertThat(tampered.code()).isEqualTo(2);
    assertThat(tampered.err()).contains("SHA-256 is " + sha256(TAR)).contains("not installed");
  }

  record Result(int code, String out, String err) {}

  static Result run(Path dir, Map<String, String> env, String... command) throws Exception {
    return run(tmp, dir, env, command);
  }

  /**
   * {@code command} run in {@code dir} with exactly the environment {@code env}, its output kept in
   * files under {@code scratch}; fails after five minutes.
   */
  static Result run(Path scratch, Path dir, Map<String, String> env, String... command)
      throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Path out = Files.createTempFile(scratch, "out", ".txt");
    Path err = Files.createTempFile(scratch, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", command));
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  static Path which(String tool) {
    for (String dir : System.getenv("PATH").split(":")) {
      Path p = Path.of(dir, tool);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    throw new AssertionError(tool + " is not on PATH");
  }

  static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    MessageDigest d = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[1 << 16];
      for (int n; (n = in.read(buf)) > 0; ) {
        d.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }

  static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return new ArrayList<>(
          walk.filter(Files::isRegularFile)
              .map(p -> root.relativize(p).toString())
              .sorted()
              .toList());
    }
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
