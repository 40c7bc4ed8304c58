package io.waymark.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateMojoTest {

  /** The small valid roadmap of the valid-roadmap integration test. */
  static final Path VALID = Path.of("src/it/valid-roadmap");

  /** The waymark.json of a run without findings. */
  static final String CLEAN =
      """
      {"summary": {"documents": 2, "errors": 0, "warnings": 0, "infos": 0}, "findings": []}
      """;

  @TempDir Path tmp;

  private final RecordingLog log = new RecordingLog();

  private ValidateMojo mojo(Path dir) {
    ValidateMojo mojo = new ValidateMojo();
    mojo.setLog(log);
    mojo.directory = dir.toFile();
    mojo.outputDirectory = tmp.resolve("out").toFile();
    mojo.failOn = "error";
    return mojo;
  }

  static Path copyOf(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  @Test
  void shouldNotRunTheCliWhenSkipped() throws Exception {
    ValidateMojo mojo = mojo(tmp);
    mojo.skip = true;
    List<String[]> calls = new ArrayList<>();
    mojo.cli =
        (out, err, args) -> {
          calls.add(args);
          return 2;
        };

    mojo.execute();

    assertThat(calls).isEmpty();
    assertThat(log.at("INFO")).containsExactly("Skipping waymark:validate (waymark.skip)");
  }

  @Test
  void shouldPassTheParametersAsOptionsOfTheCiCommand() throws Exception {
    ValidateMojo mojo = mojo(tmp.resolve("roadmap"));
    mojo.failOn = "warning";
    mojo.base = "origin/main";
    mojo.baseline = tmp.resolve("baseline.json").toFile();
    mojo.quarter = "2027-Q2";
    mojo.asOf = "2027-05-14";
    mojo.config = tmp.resolve("ci.yaml").toFile();
    List<String> seen = new ArrayList<>();
    mojo.cli =
        (out, err, args) -> {
          seen.addAll(List.of(args));
          write(tmp.resolve("out/waymark.json"), CLEAN);
          out.println("✔ no findings — results in out");
          return 0;
        };

    mojo.execute();

    assertThat(seen)
        .containsExactly(
            "ci",
            WaymarkMojo.display(tmp.resolve("roadmap").toFile()),
            "--out",
            WaymarkMojo.display(tmp.resolve("out").toFile()),
            "--fail-on",
            "warning",
            "--no-pdf",
            "--annotate",
            "none",
            "--base",
            "origin/main",
            "--baseline",
            WaymarkMojo.display(tmp.resolve("baseline.json").toFile()),
            "--quarter",
            "2027-Q2",
            "--as-of",
            "2027-05-14",
            "--config",
            WaymarkMojo.display(tmp.resolve("ci.yaml").toFile()));
    assertThat(log.at("INFO")).containsExactly("✔ no findings — results in out");
  }

  @Test
  void shouldFailTheBuildWithTheCountsAndLogEachFindingWhenTheCliExitsWith1() {
    ValidateMojo mojo = mojo(tmp.resolve("roadmap"));
    mojo.cli =
        (out, err, args) -> {
          write(
              tmp.resolve("out/waymark.json"),
              """
              {"summary": {"documents": 2, "errors": 2, "warnings": 1, "infos": 0},
               "findings": [
                 {"rule": "schema", "severity": "error", "file": "roadmap.yaml", "line": 7,
                  "column": 3, "message": "missing required field 'criteria'", "hint": "Add it."},
                 {"rule": "ref-unresolved", "severity": "error", "file": "roadmap.yaml",
                  "line": 9, "column": 5, "message": "'x' does not name any metric", "hint": ""},
                 {"rule": "metric-stale", "severity": "warning", "file": "metrics.yaml",
                  "line": 4, "column": 9, "message": "no data point", "hint": ""}]}
              """);
          out.println("✖ 2 errors, 1 warning");
          return 1;
        };

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage(
            "Waymark found 2 errors (the build fails on error and above): see "
                + WaymarkMojo.display(tmp.resolve("out/waymark.txt").toFile()));
    String root = WaymarkMojo.display(tmp.resolve("roadmap").toFile()) + "/";
    assertThat(log.at("ERROR"))
        .containsExactly(
            root + "roadmap.yaml:7:3 [schema] missing required field 'criteria' (hint: Add it.)",
            root + "roadmap.yaml:9:5 [ref-unresolved] 'x' does not name any metric");
    assertThat(log.at("WARN"))
        .containsExactly(root + "metrics.yaml:4:9 [metric-stale] no data point");
  }

  /**
   * waymark.json keeps a message as the repository wrote it, line breaks and bidi controls
   * included; logged raw, a reason with "\n::error ::…" started a GitHub workflow command of its
   * own in the Maven log. Each finding stays on one line, escaped as the text output shows it.
   */
  @Test
  void shouldLogEachFindingOnOneLineWithItsControlCharactersEscaped() {
    ValidateMojo mojo = mojo(tmp.resolve("roadmap"));
    mojo.cli =
        (out, err, args) -> {
          write(
              tmp.resolve("out/waymark.json"),
              """
              {"summary": {"documents": 2, "errors": 1, "warnings": 0, "infos": 0},
               "findings": [
                 {"rule": "replan-unexplained", "severity": "error", "file": "road\\u202emap.yaml",
                  "line": 7, "column": 3,
                  "message": "moved: late\\n::error file=x.yaml::forged",
                  "hint": "Add\\ra reason."}]}
              """);
          return 1;
        };

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);
    String root = WaymarkMojo.display(tmp.resolve("roadmap").toFile()) + "/";
    assertThat(log.at("ERROR"))
        .containsExactly(
            root
                + "road\\u202emap.yaml:7:3 [replan-unexplained] moved: late\\n::error"
                + " file=x.yaml::forged (hint: Add\\ra reason.)");
  }

  @Test
  void shouldReportAnExecutionErrorWithTheCliMessageWhenTheCliExitsWith2() {
    // A result of an earlier build is still there: it must not be logged as this run's.
    write(
        tmp.resolve("out/waymark.json"),
        """
        {"summary": {"errors": 1}, "findings": [{"rule": "schema", "severity": "error",
          "file": "old.yaml", "line": 1, "column": 1, "message": "stale", "hint": ""}]}
        """);
    ValidateMojo mojo = mojo(tmp.resolve("missing"));
    mojo.cli =
        (out, err, args) -> {
          err.println("waymark: 'missing' is not a folder");
          return 2;
        };

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageEndingWith(": 'missing' is not a folder");
    assertThat(log.at("ERROR")).containsExactly("waymark: 'missing' is not a folder");
  }

  @Test
  void shouldLogBaselinedFindingsAsInfo() throws Exception {
    ValidateMojo mojo = mojo(tmp.resolve("roadmap"));
    mojo.cli =
        (out, err, args) -> {
          write(
              tmp.resolve("out/waymark.json"),
              """
              {"summary": {"errors": 0, "warnings": 0, "infos": 1}, "findings": [{"rule": "vendor-references",
                "severity": "warning", "file": "vendors.yaml", "line": 3, "column": 7,
                "message": "two references", "hint": "", "baseline": true}]}
              """);
          return 0;
        };

    mojo.execute();

    assertThat(log.at("WARN")).isEmpty();
    assertThat(log.at("INFO"))
        .singleElement(STRING)
        .startsWith("(baseline) ")
        .endsWith("vendors.yaml:3:7 [vendor-references] two references");
  }

  @Test
  void shouldTurnACrashOfTheCliIntoAnExecutionError() {
    ValidateMojo mojo = mojo(tmp);
    mojo.cli =
        (out, err, args) -> {
          throw new IllegalStateException("boom");
        };

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("boom")
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldTurnRunningOutOfMemoryIntoAOneLineBuildError() {
    ValidateMojo mojo = mojo(tmp);
    mojo.cli =
        (out, err, args) -> {
          throw new OutOfMemoryError("Java heap space");
        };

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage(
            "waymark:validate ran out of memory (java.lang.OutOfMemoryError: Java heap space):"
                + " give Maven more, e.g. MAVEN_OPTS=-Xmx2g")
        .hasCauseInstanceOf(OutOfMemoryError.class);
  }

  @Test
  void shouldTurnAStackOverflowIntoAOneLineBuildError() {
    ReportMojo mojo = new ReportMojo();
    mojo.setLog(log);
    mojo.directory = tmp.toFile();
    mojo.outputDirectory = tmp.resolve("report").toFile();
    mojo.cli =
        (out, err, args) -> {
          throw new StackOverflowError();
        };

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage(
            "waymark:report ran out of stack (java.lang.StackOverflowError):"
                + " give Maven more, e.g. MAVEN_OPTS=-Xss8m");
  }

  @Test
  void shouldNeverTakeTheResultsOfAnEarlierRunForThisOne() {
    // The previous build passed; this run dies after exit code 1 (as an older CLI did on
    // OutOfMemoryError) without writing anything.
    write(tmp.resolve("out/waymark.json"), CLEAN);
    write(tmp.resolve("out/report/dashboard.html"), "<html>yesterday</html>");
    write(tmp.resolve("out/report/qbr-2027-Q1.html"), "<html>yesterday</html>");
    write(tmp.resolve("out/notes.txt"), "not Waymark's");
    ValidateMojo mojo = mojo(tmp.resolve("roadmap"));
    mojo.cli =
        (out, err, args) -> {
          err.println("Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space");
          return 1;
        };

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage(
            "waymark:validate did not finish normally: it exited 1 but wrote no readable "
                + WaymarkMojo.display(tmp.resolve("out/waymark.json").toFile())
                + "; see the log above");
    assertThat(tmp.resolve("out/waymark.json")).doesNotExist();
    assertThat(tmp.resolve("out/report/dashboard.html")).doesNotExist();
    assertThat(tmp.resolve("out/report/qbr-2027-Q1.html")).doesNotExist();
    assertThat(tmp.resolve("out/notes.txt")).exists();
  }

  @Test
  void shouldNotTakeExitOneForFindingsWhenTheResultsHaveNone() {
    ValidateMojo mojo = mojo(tmp.resolve("roadmap"));
    mojo.cli =
        (out, err, args) -> {
          write(tmp.resolve("out/waymark.json"), CLEAN);
          return 1;
        };

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("it exited 1 but its results have 0 finding(s) at error or above");
  }

  @Test
  void shouldValidateAValidRoadmapAndWriteTheResultFiles() throws Exception {
    Path dir = copyOf(VALID, tmp.resolve("roadmap"));
    ValidateMojo mojo = mojo(dir);

    mojo.execute();

    assertThat(tmp.resolve("out/waymark-junit.xml")).isRegularFile();
    assertThat(tmp.resolve("out/waymark.json")).content().contains("\"errors\" : 0");
    assertThat(log.at("ERROR")).isEmpty();
    assertThat(log.at("WARN")).anyMatch(l -> l.contains("roadmap.yaml:") && l.contains("["));
  }

  @Test
  void shouldFailOnWarningsWhenFailOnIsWarning() throws Exception {
    Path dir = copyOf(VALID, tmp.resolve("roadmap"));
    ValidateMojo mojo = mojo(dir);
    mojo.failOn = "warning";

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageStartingWith("Waymark found 11 warnings (the build fails on warning and above)");
  }

  @Test
  void shouldFailTheBuildOnABrokenDocumentAndNameTheRuleAndPlace() throws Exception {
    Path dir = copyOf(VALID, tmp.resolve("roadmap"));
    Path roadmap = dir.resolve("roadmap.yaml");
    Files.writeString(
        roadmap, Files.readString(roadmap).replace("status: planned", "status: finished"));
    ValidateMojo mojo = mojo(dir);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("error");
    assertThat(log.at("ERROR"))
        .anyMatch(l -> l.matches(".*roadmap\\.yaml:\\d+:\\d+ \\[schema\\] .*'finished'.*"));
  }

  private static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
