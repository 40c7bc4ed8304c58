package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag(LocaleSensitive.TAG)
class BaselineCommandTest {

  @TempDir Path tmp;

  @Test
  void shouldRecordHistoryFindingsSoThatValidatePassesRightAfterBaseline() {
    PlanRepository repo = PlanRepository.create(tmp.resolve("git"));
    Path file = tmp.resolve("baseline.json");

    Cli strict = Cli.run("validate", repo.plan().toString(), "--fail-on", "warning", "--no-color");
    Cli baseline = Cli.run("baseline", repo.plan().toString(), "--output", file.toString());
    Cli adopted =
        Cli.run(
            "validate",
            repo.plan().toString(),
            "--baseline",
            file.toString(),
            "--fail-on",
            "warning",
            "--no-color");

    assertThat(strict.code()).isEqualTo(1);
    assertThat(strict.out()).contains("warning  [milestone-slipping]");
    assertThat(baseline.code()).as(baseline.err()).isZero();
    assertThat(adopted.code()).as(adopted.out()).isZero();
    assertThat(adopted.out()).contains("info     (baseline) [milestone-slipping]");
  }

  @Test
  void shouldNotPromiseAnExitCodeItNeverGives() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(repo.resolve("roadmap.yaml"), "apiVersion: waymark/v1\nkind: Roadmapp\n");

    Cli help = Cli.run("baseline", "--help");
    // Still accepted (scripts pass validate's options on), and still exit 0 with findings.
    Cli strict = Cli.run("baseline", repo.toString(), "--fail-on", "info");

    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("--output").contains("--as-of").doesNotContain("--fail-on");
    assertThat(strict.code()).as(strict.err()).isZero();
    assertThat(strict.out()).contains("recorded 2 findings");
  }

  @Test
  void shouldFailOnlyOnFindingsNewerThanTheBaseline() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(repo.resolve("roadmap.yaml"), "apiVersion: waymark/v1\nkind: Roadmapp\n");

    Cli before = Cli.run("validate", repo.toString());
    Cli baseline = Cli.run("baseline", repo.toString());
    Cli known =
        Cli.run(
            "validate",
            repo.toString(),
            "--baseline",
            repo.resolve(".waymark-baseline.json").toString(),
            "--no-color");
    Files.writeString(repo.resolve("use-case.yaml"), "apiVersion: waymark/v1\nkind: UseCas\n");
    Cli added =
        Cli.run(
            "validate",
            repo.toString(),
            "--baseline",
            repo.resolve(".waymark-baseline.json").toString(),
            "--no-color");

    assertThat(before.code()).isEqualTo(1);
    assertThat(baseline.code()).isZero();
    assertThat(baseline.out()).contains("recorded 2 findings");
    assertThat(Files.readString(repo.resolve(".waymark-baseline.json")))
        .contains("\"rule\" : \"unknown-kind\"")
        .doesNotContain("\"line\"");
    assertThat(known.code()).isZero();
    assertThat(known.out()).contains("info     (baseline) [unknown-kind]");
    assertThat(added.code()).isEqualTo(1);
    assertThat(added.out())
        .contains("use-case.yaml:2:7  error    [unknown-kind] unknown kind 'UseCas'");
  }

  @Test
  void shouldReadABaselineSavedWithAByteOrderMarkAndCrLf() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(repo.resolve("roadmap.yaml"), "apiVersion: waymark/v1\nkind: Roadmapp\n");
    Path file = repo.resolve(".waymark-baseline.json");
    Cli.run("baseline", repo.toString());
    // As a Windows editor (Notepad before 2019, PowerShell 5's Set-Content -Encoding UTF8)
    // saves it after a hand edit.
    Files.writeString(file, "\uFEFF" + Files.readString(file).replace("\n", "\r\n"));

    Cli known = Cli.run("validate", repo.toString(), "--baseline", file.toString(), "--no-color");

    assertThat(known.code()).as(known.err()).isZero();
    assertThat(known.out()).contains("info     (baseline) [unknown-kind]");
  }

  @Test
  void shouldQuoteTheFoldersOfTheCommandItSuggests() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("my roadmap"));
    Files.writeString(repo.resolve("roadmap.yaml"), "apiVersion: waymark/v1\nkind: Roadmapp\n");

    Cli baseline = Cli.run("baseline", repo.toString());

    String folder = repo.toString().replace('\\', '/');
    assertThat(baseline.out())
        .contains(
            "use: waymark validate \""
                + folder
                + "\" --baseline \""
                + repo.resolve(".waymark-baseline.json")
                + "\"");
  }

  @Test
  void shouldWriteTheSameBaselineWhenFindingsOnlyMovedLines() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    String head =
        "apiVersion: waymark/v1\nkind: UseCase\nmetadata: {id: uc-a, title: A, owner: me}\n"
            + "spec:\n  status: idea\n  businessOutcome: faster triage\n";
    Path useCase = repo.resolve("use-case.yaml");
    Path file = repo.resolve(".waymark-baseline.json");

    Files.writeString(useCase, head + "  zeta: 1\n  alpha: 2\n");
    Cli.run("baseline", repo.toString(), "--as-of", "2027-05-14");
    String before = Files.readString(file);
    Files.writeString(useCase, head + "  alpha: 2\n  zeta: 1\n"); // the same keys, reordered
    Cli.run("baseline", repo.toString(), "--as-of", "2027-05-14");

    // Committed, a regenerated baseline changes only when the accepted findings do.
    assertThat(before).contains("'alpha'").contains("'zeta'");
    assertThat(Files.readString(file)).isEqualTo(before);
  }

  @Test
  void shouldKnowABaselinedFindingOfTheFolderWhereverTheFolderIsNamedFrom() throws IOException {
    Path repo = Files.createDirectories(tmp.resolve("repo"));
    Files.writeString(
        repo.resolve("use-case.yaml"),
        "apiVersion: waymark/v1\nkind: UseCase\nmetadata: {id: uc-a, title: A, owner: me}\n"
            + "spec:\n  status: idea\n  businessOutcome: faster triage\n");
    Path file = repo.resolve(".waymark-baseline.json");
    // Made in the folder ('waymark baseline .'), checked from elsewhere in CI ('validate repo').
    Path otherwise = Files.createDirectories(tmp.resolve("ci")).resolve("../repo");

    Cli baseline = Cli.run("baseline", repo.toString(), "--as-of", "2027-05-14");
    Cli known =
        Cli.run(
            "validate",
            otherwise.toString(),
            "--baseline",
            file.toString(),
            "--as-of",
            "2027-05-14");

    assertThat(baseline.out()).contains("recorded 1 finding");
    assertThat(known.code()).as(known.out()).isZero();
    assertThat(known.out()).contains("(baseline) [roadmap-missing]");
  }

  @Test
  void shouldStillKnowAnOverdueMilestoneTheNextDay() {
    Path repo = tmp.resolve("repo");
    LocalDate today = LocalDate.of(2027, 5, 14);
    Cli.run("init", repo.toString(), "--no-git", "--start", today.minusMonths(4).toString());
    Path file = repo.resolve(".waymark-baseline.json");

    Cli baseline = Cli.run("baseline", repo.toString(), "--as-of", today.toString());
    // "... 14 days overdue as of 2027-05-14" is "... 15 days overdue as of 2027-05-15" tomorrow.
    Cli tomorrow =
        Cli.run(
            "validate",
            repo.toString(),
            "--baseline",
            file.toString(),
            "--as-of",
            today.plusDays(1).toString(),
            "--fail-on",
            "warning",
            "--no-color");

    assertThat(baseline.code()).as(baseline.err()).isZero();
    assertThat(tomorrow.code()).as(tomorrow.out()).isZero();
    assertThat(tomorrow.out()).contains("(baseline) [milestone-overdue]");
  }

  @Test
  void shouldExitTwoForAMissingOrBrokenBaseline() throws IOException {
    Path broken = Files.writeString(tmp.resolve("baseline.json"), "{not json");

    Cli missing =
        Cli.run(
            "validate",
            ValidateCommandTest.EXAMPLE.toString(),
            "--baseline",
            tmp.resolve("none.json").toString());
    Cli unreadable =
        Cli.run(
            "validate", ValidateCommandTest.EXAMPLE.toString(), "--baseline", broken.toString());

    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("waymark baseline");
    assertThat(unreadable.code()).isEqualTo(2);
    assertThat(unreadable.err()).contains("is not valid JSON");
  }

  /**
   * A baseline broken by a bad merge said "Unexpected end-of-input: expected close marker for
   * Object (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION`
   * disabled); byte offset: #UNKNOWN])": the parser's words, no place. It says where.
   */
  @Test
  void shouldSayWhereABrokenBaselineStopsBeingJson() throws IOException {
    Path broken =
        Files.writeString(tmp.resolve("baseline.json"), "{\n  \"findings\": [\n    {\"rule\": \n");

    Cli cli =
        Cli.run(
            "validate", ValidateCommandTest.EXAMPLE.toString(), "--baseline", broken.toString());

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err())
        .contains("is not valid JSON")
        .contains("line 4")
        .contains("waymark baseline")
        .doesNotContain("Source:")
        .doesNotContain("REDACTED");
  }

  /**
   * A file nested more than 500 levels deep said "Document nesting depth (501) exceeds the maximum
   * allowed (500, from `StreamReadConstraints.getMaxNestingDepth()`)": the JSON parser's settings.
   */
  @Test
  void shouldSayThatADeeplyNestedFileIsNotABaselineWaymarkWrote() throws IOException {
    Path deep =
        Files.writeString(
            tmp.resolve("baseline.json"),
            "{\"findings\": " + "[".repeat(600) + "]".repeat(600) + "}");

    Cli cli =
        Cli.run("validate", ValidateCommandTest.EXAMPLE.toString(), "--baseline", deep.toString());

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err())
        .contains("is not a baseline Waymark wrote: it is nested more than 500 levels deep")
        .contains("make a new one with 'waymark baseline'")
        .doesNotContain("StreamReadConstraints")
        .doesNotContain("getMaxNestingDepth");
  }

  @Test
  void shouldSayThatABaselineInAnotherEncodingIsNotUtf8() throws IOException {
    Path latin1 =
        Files.write(
            tmp.resolve("baseline.json"),
            "{\"findings\": [{\"message\": \"caf\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1));

    Cli cli =
        Cli.run(
            "validate", ValidateCommandTest.EXAMPLE.toString(), "--baseline", latin1.toString());

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err())
        .contains("cannot be read: it is not UTF-8 text")
        .contains("save it as UTF-8")
        .doesNotContain("Input length");
  }
}
