package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Tag(LocaleSensitive.TAG)
class ValidateCommandTest {

  static final Path EXAMPLE = Path.of("..", "example-roadmap");

  @TempDir Path tmp;

  @Test
  void shouldPassTheExampleWithNoFinding() {
    Cli cli = Cli.run("validate", EXAMPLE.toString(), "--no-color");

    assertThat(cli.code()).isZero();
    assertThat(cli.out()).contains("no findings").contains("as of 2027-05-14");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void shouldJudgeACleanWorkTreeAsOfItsCommitAndAChangedOneAsOfTodayInEveryCommand() {
    GitWorkTree git = GitWorkTree.init(tmp.resolve("repo")).copyExample("plan");
    String plan = git.dir().resolve("plan").toString();
    git.replace("plan/waymark.yaml", "  asOf: 2027-05-14\n", "");
    git.commit("The plan", "2027-05-02");

    Cli clean = Cli.run("validate", plan, "--no-color", "--fail-on", "never");
    Cli history = Cli.run("history", plan);
    Cli report = Cli.run("report", plan, "--out", tmp.resolve("qbr").toString(), "--no-pdf");
    git.replace("plan/roadmap.yaml", "due: 2027-06-18", "due: 2027-06-19");
    Cli changed = Cli.run("validate", plan, "--no-color", "--fail-on", "never");
    Cli pinned =
        Cli.run("validate", plan, "--no-color", "--fail-on", "never", "--as-of", "2027-05-14");

    assertThat(clean.out()).contains("(as of 2027-05-02)");
    assertThat(history.out()).contains("(as of 2027-05-02)");
    assertThat(report.out()).contains("(as of 2027-05-02, commit ");
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    assertThat(changed.out()).contains("(as of " + today + ")");
    assertThat(pinned.out()).contains("(as of 2027-05-14)");
  }

  @Test
  void shouldMarkARunWithWarningsThatExitsZeroAsPassing() throws IOException {
    Path repo = copyExample();
    Path roadmap = repo.resolve("roadmap.yaml");
    Files.writeString(
        roadmap, Files.readString(roadmap).replace("horizonMonths: 18", "horizonMonths: 24"));

    Cli passing = Cli.run("validate", repo.toString(), "--no-color");
    Cli failing = Cli.run("validate", repo.toString(), "--no-color", "--fail-on", "warning");

    assertThat(passing.code()).isZero();
    assertThat(passing.out()).contains("✔ 0 errors, ").doesNotContain("✖");
    assertThat(failing.code()).isEqualTo(1);
    assertThat(failing.out()).contains("✖ 0 errors, ");
  }

  @Test
  void shouldExitOneAndGroupFindingsByFileWithLineAndColumn() throws IOException {
    Path repo = brokenCopy();

    Cli cli = Cli.run("validate", repo.toString(), "--no-color");

    assertThat(cli.code()).isEqualTo(1);
    String prefix = repo.toString().replace('\\', '/') + "/";
    assertThat(cli.out())
        .contains(prefix + "governance.yaml\n")
        .contains(
            prefix
                + "governance.yaml:"
                + lineOf(repo.resolve("governance.yaml"), "titel:")
                + ":3  error    [schema] unknown field 'titel'")
        .contains("hint: Did you mean 'title'?")
        .contains(
            prefix
                + "dup.yaml:2:1  error    [yaml-syntax] duplicate key 'a' (first defined at line 1)");
  }

  @Test
  void shouldWriteSortedJsonWithTheSpecifiedFields() throws IOException {
    Path repo = brokenCopy();

    Cli cli = Cli.run("validate", repo.toString(), "--format", "json");

    assertThat(cli.code()).isEqualTo(1);
    JsonNode json = JsonMapper.builder().build().readTree(cli.out());
    assertThat(json.get("tool").get("name").asString()).isEqualTo("waymark");
    assertThat(json.get("asOf").asString()).isEqualTo("2027-05-14");
    assertThat(json.get("summary").get("errors").asInt()).isEqualTo(3);
    List<String> order = new ArrayList<>();
    for (JsonNode f : json.get("findings")) {
      assertThat(
              f.has("rule")
                  && f.has("severity")
                  && f.has("file")
                  && f.has("line")
                  && f.has("column")
                  && f.has("path")
                  && f.has("message")
                  && f.has("hint"))
          .isTrue();
      order.add(
          String.format(
              "%s:%05d:%05d",
              f.get("file").asString(), f.get("line").asInt(), f.get("column").asInt()));
    }
    // Three errors, and the info that the copy (outside Git) has no history for the history rules.
    assertThat(order).isSorted().hasSize(4);
  }

  @Test
  void shouldHonourFailOnAndOutput() throws IOException {
    Path repo = brokenCopy();
    Path report = tmp.resolve("out/findings.json");

    Cli never =
        Cli.run(
            "validate",
            repo.toString(),
            "--fail-on",
            "never",
            "--format",
            "json",
            "--output",
            report.toString());

    assertThat(never.code()).isZero();
    assertThat(Files.readString(report)).contains("\"rule\" : \"yaml-syntax\"");
    assertThat(never.out()).contains("written to");
  }

  /**
   * The output file is UTF-8 whatever the locale: under LC_ALL=C (cli/pom.xml, execution c-locale)
   * text written in the platform's charset would turn the summary's check mark into '?'.
   */
  @Test
  void shouldWriteTheOutputFileInUtf8() throws IOException {
    Path repo = copyExample();
    Path file = tmp.resolve("out/findings.txt");

    Cli cli = Cli.run("validate", repo.toString(), "--no-color", "--output", file.toString());

    assertThat(cli.code()).isZero();
    assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8))
        .contains("✔ 0 errors, ");
  }

  /**
   * "--output roadmap.yaml" (meant: the findings about it) replaced the roadmap with one summary
   * line, exit 0; the next run then found no roadmap at all. A YAML file of the folder validated is
   * never an output: refused before anything is written.
   */
  @ParameterizedTest
  @ValueSource(strings = {"text", "json"})
  void shouldRefuseToWriteTheFindingsOverAFileOfTheRoadmap(String format) throws IOException {
    Path repo = copyExample();
    Path roadmap = repo.resolve("roadmap.yaml");
    byte[] before = Files.readAllBytes(roadmap);

    Cli cli =
        Cli.run(
            "validate",
            repo.toString(),
            "--format",
            format,
            "--output",
            repo.resolve("sub/../roadmap.yaml").toString());

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err())
        .contains("--output")
        .contains("roadmap.yaml")
        .contains("would replace it")
        .doesNotContain("Exception");
    assertThat(Files.readAllBytes(roadmap)).isEqualTo(before);
  }

  /**
   * "--output -" (standard output, as most tools read it) wrote a file named "-" into the current
   * folder and printed "(written to -)".
   */
  @Test
  void shouldTakeADashAsStandardOutput() {
    Path dash = Path.of("-");
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(dash), "no file named '-' here");
    try {
      Cli cli = Cli.run("validate", EXAMPLE.toString(), "--output", "-", "--format", "json");

      assertThat(cli.code()).isZero();
      assertThat(cli.out()).startsWith("{").contains("\"tool\"").doesNotContain("written to");
      assertThat(dash).doesNotExist();
    } finally {
      dash.toFile().delete();
    }
  }

  @Test
  void shouldFailOnWarningsOnlyWhenAsked() throws IOException {
    Path repo = copyExample();
    Files.writeString(repo.resolve("notes.yaml"), "just: a note\n");

    assertThat(Cli.run("validate", repo.toString()).code()).isZero();
    assertThat(Cli.run("validate", repo.toString(), "--fail-on", "warning").code()).isZero();
    assertThat(Cli.run("validate", repo.toString(), "--fail-on", "info").code()).isEqualTo(1);
  }

  @Test
  void shouldExitTwoWithAClearMessageForAMissingFolder() {
    Cli cli = Cli.run("validate", tmp.resolve("nope").toString());

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err())
        .contains("no such folder")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  @Test
  void shouldExitTwoForAFileInsteadOfAFolder() throws IOException {
    Path file = Files.writeString(tmp.resolve("roadmap.yaml"), "a: 1\n");

    Cli cli = Cli.run("validate", file.toString());

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err()).contains("is not a folder");
  }

  /**
   * "--as-of 2027-02-30" said "is not a date; write it as YYYY-MM-DD", though it is written so:
   * what is wrong is the day. A date with digits left out says which date to write, as the schema
   * finding of a date in a file does.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2027-02-30|--as-of '2027-02-30' is not a calendar date: 2027-02 has 28 days",
        "2028-02-30|--as-of '2028-02-30' is not a calendar date: 2028-02 has 29 days",
        "2027-13-01|--as-of '2027-13-01' is not a calendar date: there is no month 13",
        "2027-04-00|--as-of '2027-04-00' is not a calendar date: there is no day 0",
        "2027-5-14|--as-of '2027-5-14' is not a date written YYYY-MM-DD; write 2027-05-14",
        "2027-1-5|--as-of '2027-1-5' is not a date written YYYY-MM-DD; write 2027-01-05",
        "tomorrow|--as-of 'tomorrow' is not a date; write it as YYYY-MM-DD"
      })
  void shouldSayWhatIsWrongWithAnAsOfDate(String date, String message) {
    Cli cli = Cli.run("validate", EXAMPLE.toString(), "--as-of", date);

    assertThat(cli.code()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.err()).startsWith("waymark: " + message);
  }

  /**
   * --as-of takes the form a roadmap file writes a date in, four digits and a year from 1000:
   * LocalDate.parse alone took '+10000-01-01' and '-0001-01-01' and judged the plan as of them, and
   * '0027-05-14' (for 2027) as of the year 27.
   */
  @Test
  void shouldRefuseAnAsOfDateOutsideTheFourDigitYearsFrom1000() {
    for (String date : List.of("+10000-01-01", "-0001-01-01")) {
      Cli cli = Cli.run("validate", EXAMPLE.toString(), "--as-of", date);
      assertThat(cli.code()).as(date).isEqualTo(ExitCode.USAGE);
      assertThat(cli.err())
          .as(date)
          .contains("--as-of '" + date + "' is not a date; write it as YYYY-MM-DD");
    }
    for (String date : List.of("0000-01-01", "0027-05-14", "0999-12-31")) {
      Cli cli = Cli.run("validate", EXAMPLE.toString(), "--as-of", date);
      assertThat(cli.code()).as(date).isEqualTo(ExitCode.USAGE);
      assertThat(cli.err())
          .as(date)
          .contains(
              "--as-of '"
                  + date
                  + "' names the year "
                  + date.substring(0, 4)
                  + "; write the date as YYYY-MM-DD with a year from 1000 to 9999, e.g."
                  + " 2027-05-14");
    }
    assertThat(Cli.run("validate", EXAMPLE.toString(), "--as-of", "1000-01-01").code())
        .isNotEqualTo(ExitCode.USAGE);
    assertThat(Cli.run("history", EXAMPLE.toString(), "--as-of", "0000-01-01").err())
        .contains("--as-of '0000-01-01' names the year 0000");
  }

  @Test
  void shouldExitTwoForBadOptionValues() {
    assertThat(Cli.run("validate", EXAMPLE.toString(), "--as-of", "next tuesday").err())
        .contains("YYYY-MM-DD");
    assertThat(Cli.run("validate", EXAMPLE.toString(), "--as-of", "next tuesday").code())
        .isEqualTo(2);
    assertThat(Cli.run("validate", EXAMPLE.toString(), "--fail-on", "sometimes").code())
        .isEqualTo(2);
    assertThat(Cli.run("validate", "--frobnicate").code()).isEqualTo(2);
    assertThat(
            Cli.run("validate", EXAMPLE.toString(), "--config", tmp.resolve("none.yaml").toString())
                .code())
        .isEqualTo(2);
  }

  /** The pipeline case's margins and what-ifs (worked out in CaseSensitivityTest) and vendors. */
  @Test
  void shouldCarryTheSensitivityOfCasesAndVendorChoicesInJson() {
    Cli cli = Cli.run("validate", EXAMPLE.toString(), "--format", "json");

    JsonNode json = JsonMapper.builder().build().readTree(cli.out());
    JsonNode pipeline = null;
    for (JsonNode c : json.get("businessCases")) {
      if (c.get("id").asString().equals("bc-pipeline-automation")) {
        pipeline = c;
      }
    }
    assertThat(pipeline).isNotNull();
    JsonNode s = pipeline.get("sensitivity");
    assertThat(s.get("benefitFallPct").decimalValue()).isEqualByComparingTo("51.9923");
    assertThat(s.get("costRisePct").decimalValue()).isEqualByComparingTo("108.2998");
    assertThat(s.get("fragile").asBoolean()).isFalse();
    assertThat(s.get("scenarios")).hasSize(8);
    JsonNode minus10 = s.get("scenarios").get(1);
    assertThat(minus10.get("driver").asString()).isEqualTo("benefits");
    assertThat(minus10.get("changePct").asInt()).isEqualTo(-10);
    assertThat(minus10.get("npv").decimalValue()).isEqualByComparingTo("220765.00");
    assertThat(minus10.get("paybackMonths").asInt()).isEqualTo(14);
    JsonNode vendors = json.get("vendorSensitivity");
    assertThat(vendors).hasSize(2);
    assertThat(vendors.get(0).get("evaluation").asString())
        .isEqualTo("eval-data-pipeline-platform");
    assertThat(vendors.get(0).get("selected").asString()).isEqualTo("v-streamforge");
    assertThat(vendors.get(0).get("selectedFragile").asBoolean()).isFalse();
  }

  @Test
  void shouldUseAsOfFromTheCommandLine() {
    Cli cli = Cli.run("validate", EXAMPLE.toString(), "--as-of", "2027-05-20", "--format", "json");

    assertThat(cli.out()).contains("\"asOf\" : \"2027-05-20\"");
  }

  @Test
  void shouldUseAConfigGivenOnTheCommandLine() throws IOException {
    Path repo = copyExample();
    Files.writeString(repo.resolve("notes.yaml"), "just: a note\n");
    Path config =
        Files.writeString(
            tmp.resolve("strict.yaml"),
            """
        apiVersion: waymark/v1
        kind: Config
        metadata: {id: strict, title: Strict}
        spec:
          asOf: 2027-05-14
          rules:
            not-waymark: {severity: error, justification: every YAML file here must be a Waymark document}
        """);

    Cli cli = Cli.run("validate", repo.toString(), "--config", config.toString(), "--no-color");

    assertThat(cli.code()).isEqualTo(1);
    assertThat(cli.out()).contains("error    [not-waymark]");
  }

  /**
   * The findings of a --config file were named by the path as given, read against the roadmap
   * folder: "--config /home/ci/strict.yaml" put the machine's absolute path in SARIF under
   * %SRCROOT%, and a path relative to the current folder named a file of the roadmap that does not
   * exist. They name the file relative to the roadmap folder, as every other finding does.
   */
  @Test
  void shouldNameTheConfigFileRelativeToTheRoadmapFolder() throws IOException {
    Path repo = copyExample();
    String broken =
        "apiVersion: waymark/v1\nkind: Config\nmetadata: {id: strict, title: S}\nspec: {bogus: 1}\n";
    Path inside = Files.createDirectories(repo.resolve("ci")).resolve("strict.yaml");
    Files.writeString(inside, broken);
    Path outside = Files.writeString(tmp.resolve("strict.yaml"), broken);

    Cli in =
        Cli.run(
            "validate",
            repo.toString(),
            "--config",
            inside.toAbsolutePath().toString(),
            "--format",
            "json");
    Cli out =
        Cli.run(
            "validate",
            repo.toString(),
            "--config",
            outside.toAbsolutePath().toString(),
            "--format",
            "sarif");

    assertThat(in.out())
        .contains("\"file\" : \"ci/strict.yaml\"")
        .doesNotContain(inside.toAbsolutePath().toString());
    assertThat(out.out())
        .contains("\"uri\" : \"../strict.yaml\"")
        .doesNotContain(outside.toAbsolutePath().toString());
  }

  /**
   * A Config file without its apiVersion line is not a Waymark document: given with --config it was
   * skipped as one (a not-waymark info) and the defaults applied, exit 0.
   */
  @Test
  void shouldRefuseAConfigFileWithoutItsApiVersion() throws IOException {
    Path repo = copyExample();
    Path config =
        Files.writeString(
            tmp.resolve("strict.yaml"),
            "kind: Config\nmetadata: {id: strict, title: S}\nspec: {asOf: 2027-05-14}\n");

    Cli cli = Cli.run("validate", repo.toString(), "--config", config.toString());

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err()).contains("without 'apiVersion: waymark/v1'");
  }

  /**
   * "--config ci/settings.yml" naming a file that is not a Config (a CI file, or the roadmap by a
   * slip) was read as one more document of the repository: a not-waymark info, or a second Roadmap,
   * and the run judged with the defaults, exit 0. It is a usage error that says what the file holds
   * instead.
   */
  @ParameterizedTest
  @ValueSource(strings = {"stages: [build]\n", "roadmap", ""})
  void shouldRefuseAConfigFileThatHoldsNoConfig(String content) throws IOException {
    Path repo = copyExample();
    Path config =
        content.equals("roadmap")
            ? repo.resolve("roadmap.yaml")
            : Files.writeString(tmp.resolve("settings.yml"), content);

    Cli cli = Cli.run("validate", repo.toString(), "--config", config.toString());

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err())
        .contains("--config '" + config + "'")
        .contains("kind: Config")
        .contains(content.equals("roadmap") ? "holds a Roadmap document" : "no Waymark document");
  }

  private Path copyExample() throws IOException {
    Path repo = tmp.resolve("repo");
    CacheCliTest.copy(EXAMPLE, repo); // without the example's cache, which may be being written
    return repo;
  }

  private Path brokenCopy() throws IOException {
    Path repo = copyExample();
    Path governance = repo.resolve("governance.yaml");
    String text = Files.readString(governance, StandardCharsets.UTF_8);
    Files.writeString(governance, text.replaceFirst("\n  title:", "\n  titel:"));
    Files.writeString(repo.resolve("dup.yaml"), "a: 1\na: 2\n");
    return repo;
  }

  private static int lineOf(Path file, String text) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " not in " + file);
  }
}
