package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.waymark.engine.load.AnswerCheck;
import io.waymark.engine.load.FolderCache;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.InputBytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code validate} line answered without a JVM ({@code waymark-daemon-client.pl}, which the
 * launchers run first): the answer Java kept in the cache folder ({@code answer.bin}) is given byte
 * for byte, with its exit code, while every input is as it was; any change to an input (a file
 * written, added or removed, a folder added, the Git state, the environment, the command line) or a
 * kept file that is not Java's own (corrupt, planted from elsewhere, behind a link) is exit 75 with
 * nothing printed, and the JVM then answers as ever. Skipped where there is no Perl.
 *
 * <p>Each case has a folder of its own, copied once for the class; a second passes before the first
 * run, since Java keeps an answer only when every input last changed in a second before its run
 * began (whole seconds are all the launcher's check can compare).
 */
class KeptAnswerTest {

  @TempDir static Path shared;
  private static Optional<Path> perl;
  private static final Map<String, Path> FOLDERS = new HashMap<>();
  private static final Map<String, MainRun> FIRST = new HashMap<>();

  private static final List<String> CASES =
      List.of(
          "same",
          "json",
          "broken",
          "written",
          "added",
          "removed",
          "folder",
          "git",
          "planted",
          "corrupt",
          "linked",
          "dated",
          "cachedir");

  @BeforeAll
  static void setUp() throws Exception {
    perl = PerlScript.perl();
    if (perl.isEmpty()) {
      return;
    }
    for (String name : CASES) {
      Path dir = shared.resolve(name);
      CacheCliTest.copy(Path.of("..", "example-roadmap"), dir);
      FOLDERS.put(name, dir);
    }
    Path roadmap = FOLDERS.get("broken").resolve("roadmap.yaml");
    Files.writeString(
        roadmap,
        Files.readString(roadmap).replaceFirst("\nkind: Roadmap", "\nkind: Roadmap\nbogus: 1"));
    try (GitWorkTree git = GitWorkTree.init(FOLDERS.get("git"))) {
      git.commit("first", "2027-05-01");
    }
    for (Path dir : FOLDERS.values()) {
      CacheCliTest.age(dir);
    }
    Thread.sleep(2_100); // past the second every input was written in (and Java's two seconds)
    for (String name : CASES) {
      MainRun.run(shared.resolve("none"), true, line(name)); // judged; makes the cache folder
    }
    Thread.sleep(2_100); // the cache folder was made in the folder: two seconds past that
    for (String name : CASES) {
      FIRST.put(name, MainRun.run(shared.resolve("none"), true, line(name))); // from the store
    }
  }

  private static String[] line(String name) {
    String dir = FOLDERS.get(name).toString();
    return switch (name) {
      case "json" -> new String[] {"validate", dir, "--format", "json"};
      case "broken" -> new String[] {"validate", dir, "--no-color", "--fail-on=error"};
      case "cachedir" ->
          new String[] {"validate", "--cache-dir", shared.resolve("ci-cache").toString(), dir};
      default -> new String[] {"validate", dir, "--no-color"};
    };
  }

  @Test
  void shouldAnswerAsJavaDidWhileNothingChanged() throws Exception {
    for (String name : List.of("same", "json", "broken", "cachedir")) {
      MainRun java = FIRST.get(name);
      PerlScript.Result client = client(System.getenv(), line(name));
      assertThat(client.code()).as(name).isEqualTo(java.code());
      assertThat(client.out()).as(name).isEqualTo(java.out()).isNotEmpty();
      assertThat(client.err()).isEmpty();
    }
    assertThat(FIRST.get("broken").code()).as("a failing answer is kept too").isEqualTo(1);
    assertThat(shared.resolve("ci-cache").resolve(FolderCache.ANSWER))
        .as("kept in the cache folder --cache-dir names")
        .exists();
    assertThat(client(System.getenv(), line("same")).code()).as("and again").isZero();
  }

  /**
   * An answer bound to a day (judged as of today) is given on that UTC day only: the same answer
   * kept for the folder's line as bound to no day, to today and to another day.
   */
  @Test
  void shouldGiveAnAnswerBoundToADayOnThatDayOnly() throws Exception {
    assumeTrue(perl.isPresent(), "Perl is on the PATH");
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    Map<String, Integer> codes = new TreeMap<>();
    for (String day : List.of("", today, "2000-01-01")) {
      keep("dated", day, "kept\n".getBytes(StandardCharsets.UTF_8));
      codes.put(day.isEmpty() ? "any day" : day, client(System.getenv(), line("dated")).code());
    }
    assertThat(codes).isEqualTo(Map.of("any day", 0, today, 0, "2000-01-01", 75));
  }

  /** As Java's run, a kept answer cut short by its reader ({@code | head -1}) says nothing. */
  @Test
  void shouldSayNothingAsJavaDoesWhenTheReaderClosesThePipe() throws Exception {
    assumeTrue(perl.isPresent(), "Perl is on the PATH");
    // More than a pipe holds, so that the write surely meets the closed pipe.
    keep("dated", "", "kept\n".repeat(40_000).getBytes(StandardCharsets.UTF_8));

    PerlScript.Result cut = PerlScript.firstLine(System.getenv(), line("dated"));

    assertThat(cut).isEqualTo(new PerlScript.Result(2, "kept", ""));
  }

  /** Keeps {@code output} (exit 0) as the answer to the line of the case {@code name}. */
  private static void keep(String name, String day, byte[] output) throws IOException {
    Path dir = FOLDERS.get(name);
    Files.deleteIfExists(cache(name).resolve(FolderCache.ANSWER));
    FolderSource folder = new FolderSource(dir, dir.toString());
    assertThat(folder.snapshot(new InputBytes(1024))).isTrue();
    new AnswerCheck(
            new FolderCache(cache(name)).answerStore(),
            System.currentTimeMillis(),
            folder.root(),
            folder.snapshotPaths().orElseThrow(),
            List.of(),
            out -> {},
            new InputBytes(16).text(day))
        .keep(
            new AnswerCheck.Answer(
                DaemonSocket.identity(System.getenv()),
                false,
                List.of(line(name)),
                day,
                0,
                io.waymark.engine.load.Printed.of(output)));
  }

  @Test
  void shouldLoseTheResultAsJavaDoesWhenStandardOutputCannotBeWritten() throws Exception {
    assumeTrue(perl.isPresent() && Files.exists(Path.of("/dev/full")), "Perl, /dev/full");
    PerlScript.Result full = PerlScript.run(System.getenv(), Path.of("/dev/full"), line("same"));
    assertThat(full)
        .isEqualTo(
            new PerlScript.Result(
                2,
                "",
                "waymark: cannot write standard output: no space left on device; the result is"
                    + " lost\n"));
  }

  @Test
  void shouldLeaveTheLineToJavaWhenTheLineOrTheSituationDiffers() throws Exception {
    String dir = FOLDERS.get("same").toString();
    assertThat(client(System.getenv(), "validate", dir))
        .as("another line")
        .isEqualTo(PerlScript.NOT_ANSWERED);
    assertThat(client(System.getenv(), "validate", dir, "--no-color", "--no-cache"))
        .isEqualTo(PerlScript.NOT_ANSWERED);
    Map<String, String> other = new HashMap<>(System.getenv());
    other.put("WAYMARK_TEST_OTHER", "1");
    assertThat(client(other, line("same")))
        .as("another environment")
        .isEqualTo(PerlScript.NOT_ANSWERED);
    Map<String, String> chooser = new HashMap<>(System.getenv());
    chooser.put("WAYMARK_DAEMON_CLIENT", "perl"); // who answers is no part of the situation
    chooser.put("WAYMARK_PERL", "1");
    assertThat(client(chooser, line("same")).code()).as("still kept").isZero();
    chooser.put("WAYMARK_DAEMON", "1");
    chooser.put("XDG_RUNTIME_DIR", shared.resolve("no-server").toString());
    assertThat(client(chooser, line("same")))
        .as("with the server, the server (none here)")
        .isEqualTo(PerlScript.NOT_ANSWERED);
  }

  @Test
  void shouldLeaveTheLineToJavaOnceAnInputChanged() throws Exception {
    Path written = FOLDERS.get("written").resolve("roadmap.yaml");
    Files.writeString(written, Files.readString(written) + "\n# edited\n");
    Files.writeString(
        FOLDERS.get("added").resolve("use-cases").resolve("new.yaml"), "kind: Nothing\n");
    Path removed = FOLDERS.get("removed").resolve("use-cases");
    try (var files = Files.list(removed)) {
      Files.delete(files.sorted().findFirst().orElseThrow());
    }
    Files.createDirectories(FOLDERS.get("folder").resolve("more"));
    try (GitWorkTree git = GitWorkTree.open(FOLDERS.get("git"))) {
      git.commit("second", "2027-05-02");
    }
    Map<String, PerlScript.Result> answered = new TreeMap<>();
    Map<String, PerlScript.Result> expected = new TreeMap<>();
    for (String name : List.of("written", "added", "removed", "folder", "git")) {
      answered.put(name, client(System.getenv(), line(name)));
      expected.put(name, PerlScript.NOT_ANSWERED);
    }
    assertThat(answered).isEqualTo(expected);
  }

  @Test
  void shouldOnlyTrustAnAnswerFileJavaWroteThere() throws Exception {
    Path kept = cache("planted").resolve(FolderCache.ANSWER);
    // The same bytes in another file (made while the first is still there: another inode), as a
    // commit would plant them.
    Path copy = Files.write(kept.resolveSibling("copy"), Files.readAllBytes(kept));
    Files.move(copy, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(client(System.getenv(), line("planted")))
        .as("planted")
        .isEqualTo(PerlScript.NOT_ANSWERED);

    Path corrupt = cache("corrupt").resolve(FolderCache.ANSWER);
    byte[] flipped = Files.readAllBytes(corrupt);
    flipped[flipped.length / 2] ^= 1;
    Files.write(corrupt, flipped);
    assertThat(client(System.getenv(), line("corrupt")))
        .as("corrupt")
        .isEqualTo(PerlScript.NOT_ANSWERED);

    Path linked = FOLDERS.get("linked").resolve(".waymark");
    Path elsewhere = shared.resolve("elsewhere");
    Files.move(linked, elsewhere);
    Files.createSymbolicLink(linked, elsewhere);
    assertThat(client(System.getenv(), line("linked")))
        .as("behind a link")
        .isEqualTo(PerlScript.NOT_ANSWERED);
  }

  private static Path cache(String name) {
    return FOLDERS.get(name).resolve(FolderCache.DEFAULT);
  }

  /** The script run as the launcher runs it, with {@code env} only. */
  private static PerlScript.Result client(Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    assumeTrue(perl.isPresent(), "Perl is on the PATH");
    return PerlScript.run(env, null, args);
  }
}
