package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The plain forms of {@code validate} answered without picocli ({@link QuickValidate}) print, write
 * and exit exactly as picocli's path does: every command line below runs both ways from the same
 * state of the folder and its cache (nothing stored, the outcome stored, a file changed since, the
 * stored outcome corrupt, a file written just now), and the exit code, standard output, standard
 * error and the file of {@code --output} are compared byte for byte.
 */
@Tag(LocaleSensitive.TAG)
@ResourceLock(ResidentServer.IN_PROCESS_SERVER)
class QuickValidateTest {

  @TempDir static Path tmp;
  private static Path repo;
  private static Path out;
  private static Path elsewhere;
  private static String roadmap;

  /** The folder's states before a run. */
  enum State {
    NOTHING_STORED,
    STORED,
    FILE_CHANGED_SINCE,
    STORE_CORRUPT,
    FILE_JUST_WRITTEN
  }

  @BeforeAll
  static void example() throws IOException {
    repo = tmp.resolve("repo");
    CacheCliTest.copy(Path.of("..", "example-roadmap"), repo);
    Files.writeString(
        repo.resolve("use-cases/broken.yaml"),
        "apiVersion: waymark/v1\nkind: UseCase\nmetadata:\n  id: broken\n");
    // Findings that quote text outside ASCII: a stored outcome is printed as its UTF-8 bytes.
    Files.writeString(
        repo.resolve("use-cases/unicode.yaml"),
        "apiVersion: waymark/v1\nkind: UseCase\nmetadata:\n  id: brökén-\uD83D\uDE00\n");
    CacheCliTest.age(repo);
    roadmap = Files.readString(repo.resolve("roadmap.yaml"));
    out = tmp.resolve("written/result.out");
    elsewhere = tmp.resolve("ci-cache");
  }

  /** The plain forms: answered without picocli when their outcome is stored. */
  static List<String> plain() {
    List<String> lines = new ArrayList<>();
    lines.add("validate DIR");
    lines.add("validate DIR --no-color");
    lines.add("validate --no-color DIR");
    for (String format : List.of("text", "json", "junit", "sarif", "checkstyle", "github")) {
      lines.add("validate DIR --no-color --format " + format);
    }
    lines.add("validate --format=gitlab DIR");
    lines.add("validate --format sarif --paths roadmap DIR");
    lines.add("validate DIR --paths=repository --format checkstyle");
    lines.add("validate DIR --quiet");
    lines.add("validate DIR --quiet --format github --no-color");
    lines.add("validate DIR --fail-on never");
    lines.add("validate --fail-on=warning DIR --no-color");
    lines.add("validate DIR --fail-on info --format junit");
    lines.add("validate DIR --output OUT");
    lines.add("validate DIR --format json --output=OUT");
    lines.add("validate --quiet --output OUT DIR --format sarif");
    lines.add("validate DIR --timeout 90s --no-color");
    lines.add("validate --timeout=10m DIR");
    lines.add("validate DIR --debug --no-color");
    lines.add("validate DIR --cache-dir ELSEWHERE --format json");
    return lines;
  }

  /** Everything else is left to picocli: errors, help, the options that change what is judged. */
  static List<String> unusual() {
    return List.of(
        "validate DIR --no-cache",
        "validate DIR --no-cache --format json",
        "validate --no-cache DIR --cache-dir ELSEWHERE --quiet --output OUT",
        "validate DIR --no-cache --no-cache",
        "validate DIR --format JSON",
        "validate DIR --format nonsense",
        "validate DIR --format",
        "validate DIR --output",
        "validate DIR --no-color --no-color",
        "validate DIR --format json --format text",
        "validate DIR DIR",
        "validate DIR --quiet=true",
        "validate DIR --timeout nonsense",
        "validate DIR --fromat json",
        "validate DIR --as-of 2027-05-14",
        "validate DIR --fail-on never --as-of 2027-05-14 --format json",
        "validate DIR --help",
        "validate DIR -h",
        "validate DIR --",
        "validate DIR --tip",
        "validate MISSING",
        "validate MISSING --format json",
        "validate --output OUT MISSING");
  }

  /** Lines run in every state; the other plain lines with their outcome stored. */
  private static final List<String> IN_EVERY_STATE =
      List.of(
          "validate DIR",
          "validate DIR --no-color --format json",
          "validate DIR --quiet --format github --no-color",
          "validate --quiet --output OUT DIR --format sarif",
          "validate DIR --cache-dir ELSEWHERE --format json");

  /**
   * Read as plain forms, but never answered: nothing is stored for them (picocli says why), or
   * nothing stored is read ({@code --no-cache}: judged here all the same).
   */
  private static final List<String> READ_BUT_NOT_ANSWERED =
      List.of(
          "validate DIR --no-cache",
          "validate DIR --no-cache --format json",
          "validate --no-cache DIR --cache-dir ELSEWHERE --quiet --output OUT",
          "validate DIR --timeout nonsense",
          "validate MISSING",
          "validate MISSING --format json",
          "validate --output OUT MISSING");

  static Stream<Arguments> linesAndStates() {
    List<Arguments> cases = new ArrayList<>();
    for (String line : plain()) {
      for (State state : State.values()) {
        if (state == State.STORED || IN_EVERY_STATE.contains(line)) {
          cases.add(Arguments.of(line, state));
        }
      }
    }
    for (String line : unusual()) {
      cases.add(Arguments.of(line, State.STORED)); // an outcome stored, but not for these lines
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{1}: waymark {0}")
  @MethodSource("linesAndStates")
  void printsWritesAndExitsAsPicocliDoes(String line, State state) throws IOException {
    String[] args = args(line);
    prepare(state, args);
    MainRun quick = run(true, args);
    if (state != State.STORED) {
      prepare(state, args); // the quick run judged and stored its outcome: as it was again
    }
    MainRun picocli = run(false, args);
    assertThat(quick).as(line).isEqualTo(picocli);
    assertThat(quick.code()).isIn(0, 1, 2);
  }

  /**
   * Through the resident validate server ({@code WAYMARK_DAEMON=1}): the same exit code, output,
   * standard error and file as a local run from the same state; the plain lines answered by the
   * server, the rest left to a local run.
   */
  @ParameterizedTest(name = "{1}: waymark {0}")
  @MethodSource("linesAndStates")
  void answersThroughTheResidentServerAsALocalRunDoes(String line, State state) throws Exception {
    String[] args = args(line);
    prepare(state, args);
    MainRun local = run(true, args);
    prepare(state, args);
    try (ResidentServer server = ResidentServer.start(tmp)) {
      ResidentServer.Run resident = server.run(out, args);
      assertThat(resident.result()).as(line).isEqualTo(local);
      assertThat(resident.answered())
          .as("answered by the server")
          .isEqualTo(plain().contains(line) || READ_BUT_NOT_ANSWERED.contains(line));
      if (state == State.STORED) {
        assertThat(server.run(out, args).result()).as("again, the server warm").isEqualTo(local);
      }
    }
  }

  @ParameterizedTest(name = "{1}: waymark {0}")
  @MethodSource("linesAndStates")
  void answersAPlainLineFromAStoredOutcomeOnly(String line, State state) throws IOException {
    String[] args = args(line);
    Optional<QuickValidate> quick = QuickValidate.of(args);
    assertThat(quick.isPresent())
        .as("read as a plain form")
        .isEqualTo(plain().contains(line) || READ_BUT_NOT_ANSWERED.contains(line));
    if (quick.isEmpty()) {
      return;
    }
    prepare(state, args);
    StringWriter printed = new StringWriter();
    StringWriter errors = new StringWriter();
    OptionalInt answered =
        quick.get().answer(new PrintWriter(printed), new PrintWriter(errors), false);
    assertThat(answered.isPresent())
        .as("answered")
        .isEqualTo(state == State.STORED && plain().contains(line));
    if (answered.isEmpty()) {
      assertThat(printed.toString() + errors).as("nothing printed").isEmpty();
    }
  }

  @Test
  void readsOnlyOptionsThatValidateHasWithTheSameArity() {
    CommandLine validate = WaymarkCommand.forArgs("validate").getSubcommands().get("validate");
    for (String flag : QuickValidate.FLAGS) {
      OptionSpec option = validate.getCommandSpec().findOption(flag);
      assertThat(option).as(flag).isNotNull();
      assertThat(option.arity().max()).as(flag).isZero();
      assertThat(option.defaultValue()).as(flag).isNull();
    }
    for (String valued : QuickValidate.VALUED) {
      OptionSpec option = validate.getCommandSpec().findOption(valued);
      assertThat(option).as(valued).isNotNull();
      assertThat(option.arity().min()).as(valued).isEqualTo(1);
      assertThat(option.arity().max()).as(valued).isEqualTo(1);
    }
    assertThat(validate.getCommandSpec().positionalParameters()).hasSize(1);
    assertThat(validate.getCommandSpec().positionalParameters().get(0).defaultValue())
        .isEqualTo(".");
    assertThat(QuickValidate.FLAGS)
        .as(
            "what changes what is judged is never read here, but for a revision or without the"
                + " cache (both judged here)")
        .doesNotContain("--watch")
        .contains("--staged", "--no-cache");
    assertThat(QuickValidate.VALUED).doesNotContain("--base", "--as-of").contains("--rev");
  }

  @Test
  void keepsTheOutcomeOfAChangedFolderWithTheRecallMadeBeforePicocli() throws IOException {
    String[] args = args("validate DIR --format json");
    prepare(State.FILE_CHANGED_SINCE, args);
    MainRun judged = run(true, args);
    assertThat(judged.code()).isEqualTo(1);
    StringWriter printed = new StringWriter();
    assertThat(QuickValidate.of(args).orElseThrow().answer(new PrintWriter(printed), null, false))
        .as("the outcome kept with the recall made before picocli ran")
        .hasValue(1);
    assertThat(printed.toString()).isEqualTo(judged.out());
  }

  @Test
  void handsTheRecallOnlyToTheSameCommandLine() throws IOException {
    String[] json = args("validate DIR --format json");
    String[] text = args("validate DIR --no-color");
    prepare(State.NOTHING_STORED, json);
    MainRun reference = run(false, json);
    prepare(State.NOTHING_STORED, json);
    QuickValidate quick = QuickValidate.of(json).orElseThrow();
    assertThat(quick.answer(new PrintWriter(new StringWriter()), null, false)).isEmpty();
    CommandLine cli = WaymarkCommand.forArgs(text);
    quick.handOver(cli);
    StringWriter printed = new StringWriter();
    cli.setOut(new PrintWriter(printed));
    cli.setErr(new PrintWriter(new StringWriter()));
    assertThat(cli.execute(text)).isEqualTo(1);
    assertThat(printed.toString()).doesNotStartWith("{");
    assertThat(run(true, json))
        .as("the text run kept its outcome under its own key, not under the JSON run's")
        .isEqualTo(reference);
  }

  /**
   * A stored outcome is printed as the very bytes a run without the cache prints, in every format
   * (text outside ASCII included: the stored bytes are printed as they are, not decoded and encoded
   * again), also through a writer that takes only text, and written so to {@code --output}.
   */
  @ParameterizedTest(name = "--format {0}")
  @ValueSource(strings = {"text", "json", "junit", "sarif", "checkstyle", "github", "gitlab"})
  void printsAStoredOutcomeAsTheBytesARunWithoutTheCachePrints(String format) throws IOException {
    String[] cached = args("validate DIR --format " + format);
    prepare(State.NOTHING_STORED, cached);
    MainRun reference = run(false, args("validate DIR --no-cache --format " + format));
    assertThat(reference.code()).isEqualTo(1);
    assertThat(reference.out()).contains("brökén-\uD83D\uDE00");
    assertThat(run(true, cached)).as("judged, and kept").isEqualTo(reference);
    StringWriter printed = new StringWriter();
    assertThat(QuickValidate.of(cached).orElseThrow().answer(new PrintWriter(printed), null, false))
        .as("answered from the store")
        .hasValue(1);
    assertThat(printed.toString()).as("through a writer of text").isEqualTo(reference.out());
    assertThat(run(true, cached)).as("from the store, as bytes").isEqualTo(reference);
    assertThat(run(false, cached)).as("from the store, picocli's path").isEqualTo(reference);

    String[] written = args("validate DIR --output OUT --format " + format);
    MainRun writtenReference =
        run(false, args("validate DIR --no-cache --output OUT --format " + format));
    run(true, written);
    assertThat(
            QuickValidate.of(written)
                .orElseThrow()
                .answer(new PrintWriter(new StringWriter()), null, false))
        .isPresent();
    Files.deleteIfExists(out);
    assertThat(run(true, written)).as("written from the store").isEqualTo(writtenReference);
    assertThat(writtenReference.written()).contains("brökén-\uD83D\uDE00");
  }

  /** Standard output as the executable has it: bytes, through the UTF-8 writer. */
  private static MainRun run(boolean quick, String... args) throws IOException {
    return MainRun.run(out, quick, args);
  }

  private static String[] args(String line) {
    Map<String, Path> paths = new LinkedHashMap<>();
    paths.put("ELSEWHERE", elsewhere);
    paths.put("MISSING", tmp.resolve("missing"));
    paths.put("DIR", repo);
    paths.put("OUT", out);
    return MainRun.args(line, paths);
  }

  /** Puts the folder and its cache in {@code state} for {@code args}. */
  private static void prepare(State state, String... args) throws IOException {
    Path file = repo.resolve("roadmap.yaml");
    Files.writeString(file, roadmap);
    CacheCliTest.age(repo);
    delete(repo.resolve(".waymark"));
    delete(elsewhere);
    if (state == State.NOTHING_STORED) {
      return;
    }
    run(false, args); // judged, and its outcome stored
    switch (state) {
      case FILE_CHANGED_SINCE -> {
        Files.writeString(file, "# changed\n", StandardOpenOption.APPEND);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-02-01T00:00:00Z")));
      }
      case STORE_CORRUPT -> {
        for (Path store : List.of(repo.resolve(".waymark/cache"), elsewhere)) {
          Path outcome = store.resolve("outcome.bin");
          if (Files.exists(outcome)) {
            byte[] bytes = Files.readAllBytes(outcome);
            bytes[bytes.length / 2] ^= 1;
            Files.write(outcome, bytes); // the same file, one bit changed
          }
        }
      }
      case FILE_JUST_WRITTEN -> Files.writeString(file, Files.readString(file));
      default -> {}
    }
  }

  private static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
        Files.delete(p);
      }
    }
  }
}
