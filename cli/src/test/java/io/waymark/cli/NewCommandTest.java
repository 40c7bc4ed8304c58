package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

@Tag(LocaleSensitive.TAG)
class NewCommandTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;

  private Path scaffold() {
    Path dir = tmp.resolve("ai-roadmap");
    Cli init = Cli.run("init", dir.toString(), "--no-git");
    assertThat(init.code()).as(init.err()).isZero();
    return dir;
  }

  @Test
  void shouldAddADocumentOfEveryKindThatValidatesBesideTheScaffold() throws IOException {
    Path dir = scaffold();
    List<String> before = findings(dir);

    for (String kind : List.of("business-case", "VendorEvaluation", "use-case", "METRICS")) {
      Cli added = Cli.run("new", kind, dir.toString());
      assertThat(added.code()).as(kind + ": " + added.err()).isZero();
    }
    // The scaffold's assessment is today's: a re-assessment is of another day.
    Cli assessment =
        Cli.run("new", "assessment", dir.toString(), "--date", today().minusDays(1).toString());
    assertThat(assessment.code()).as(assessment.err()).isZero();

    List<String> after = findings(dir);
    after.removeAll(before);
    // Nested ids the scaffold already declares are numbered, so no duplicate-id.
    assertThat(after).isEmpty();
  }

  /**
   * A second Governance document was written, and then validated clean while the rules read the
   * review board of one of them: refused, naming the one there is; a repository without one gets
   * it, and it validates beside the scaffold.
   */
  @Test
  void shouldRefuseASecondGovernanceDocumentAndAddTheFirst() throws IOException {
    Path dir = scaffold();

    Cli second = Cli.run("new", "governance", dir.toString());

    assertThat(second.code()).isEqualTo(ExitCode.USAGE);
    assertThat(second.err())
        .contains("has a Governance document already (governance.yaml)")
        .contains("a repository keeps exactly one; nothing was written")
        .contains("Record new decisions under spec.decisions there");
    assertThat(dir.resolve("governance")).doesNotExist();

    Files.delete(dir.resolve("governance.yaml"));
    Cli first = Cli.run("new", "governance", dir.toString());

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(dir.resolve("governance/new-governance.yaml")).isRegularFile();
    assertThat(findings(dir)).noneMatch(f -> f.startsWith("governance-duplicate "));
  }

  /**
   * The assessment of today was added beside the scaffold's, also of today, with a numbered id:
   * which of the two was the latest depended on file order. Refused, naming the one of that date.
   */
  @Test
  void shouldRefuseAnAssessmentOfADateThatHasOne() throws IOException {
    Path dir = scaffold();
    String today = today().toString();

    Cli sameDay = Cli.run("new", "assessment", dir.toString());
    Cli sameDayGiven = Cli.run("new", "assessment", dir.toString(), "--date", today);

    for (Cli refused : List.of(sameDay, sameDayGiven)) {
      assertThat(refused.code()).isEqualTo(ExitCode.USAGE);
      assertThat(refused.err())
          .contains(
              "has an assessment dated "
                  + today
                  + " already ('assessment-"
                  + today
                  + "' in assessment/"
                  + today
                  + ".yaml)")
          .contains("nothing was written")
          .contains("--date YYYY-MM-DD");
    }
    try (var files = Files.list(dir.resolve("assessment"))) {
      assertThat(files).hasSize(1);
    }
  }

  @Test
  void shouldDateANewAssessmentTheDayGivenAndNameItAfterIt() throws IOException {
    Path dir = scaffold();

    Cli added = Cli.run("new", "assessment", dir.toString(), "--date", "2025-11-03");

    assertThat(added.code()).as(added.err()).isZero();
    assertThat(added.out()).contains("assessment/assessment-2025-11-03.yaml");
    assertThat(dir.resolve("assessment/assessment-2025-11-03.yaml"))
        .content()
        .contains("  id: assessment-2025-11-03\n")
        .contains("  date: 2025-11-03\n")
        .contains("assessment, 2025-11-03\n")
        .doesNotContain(today().toString());

    Cli again = Cli.run("new", "assessment", dir.toString(), "--date", "2025-11-03", "--id", "a-2");
    assertThat(again.code()).isEqualTo(ExitCode.USAGE);
    assertThat(again.err())
        .contains(
            "an assessment dated 2025-11-03 already ('assessment-2025-11-03' in"
                + " assessment/assessment-2025-11-03.yaml)");
    assertThat(dir.resolve("assessment/a-2.yaml")).doesNotExist();
  }

  @Test
  void shouldRefuseADateThatIsNoneAndADateForAnotherKind() {
    Path dir = scaffold();

    Cli notADate = Cli.run("new", "assessment", dir.toString(), "--date", "2027-02-30");
    Cli otherKind = Cli.run("new", "use-case", dir.toString(), "--date", "2027-02-03");

    assertThat(notADate.code()).isEqualTo(ExitCode.USAGE);
    assertThat(notADate.err()).contains("--date '2027-02-30'");
    assertThat(otherKind.code()).isEqualTo(ExitCode.USAGE);
    assertThat(otherKind.err())
        .contains("--date is for 'waymark new assessment'; a new UseCase is dated today");
    assertThat(dir.resolve("use-cases/new-use-case.yaml")).doesNotExist();
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  /**
   * A second Roadmap was written and at once reported as a roadmap-missing error ("a second
   * Roadmap"): a repository keeps one, so it is refused; a repository without one gets it.
   */
  @Test
  void shouldRefuseASecondRoadmapAndAddTheFirst() throws IOException {
    Path dir = scaffold();

    Cli second = Cli.run("new", "roadmap", dir.toString());

    assertThat(second.code()).isEqualTo(ExitCode.USAGE);
    assertThat(second.err())
        .contains("has a Roadmap already (roadmap.yaml)")
        .contains("nothing was written");
    assertThat(dir.resolve("roadmap")).doesNotExist();

    Files.delete(dir.resolve("roadmap.yaml"));
    Cli first = Cli.run("new", "roadmap", dir.toString());

    assertThat(first.code()).as(first.err()).isZero();
    assertThat(dir.resolve("roadmap/new-roadmap.yaml")).exists();
  }

  @Test
  void shouldWriteThePathOfTheKindWithAModelineAndSayWhatIsNext() throws IOException {
    Path dir = scaffold();

    Cli added = Cli.run("new", "BusinessCase", dir.toString(), "--id", "bc-fraud-detection");

    Path file = dir.resolve("business-cases/bc-fraud-detection.yaml");
    assertThat(added.code()).as(added.err()).isZero();
    assertThat(added.out())
        .contains("business-cases/bc-fraud-detection.yaml")
        .contains("waymark validate");
    assertThat(Files.readString(file))
        .startsWith("# yaml-language-server: $schema=../.waymark/schema/business-case.schema.json")
        .contains("kind: BusinessCase")
        .contains("  id: bc-fraud-detection\n");
  }

  /**
   * A repository that keeps its schemas elsewhere (this project's example points at ../schema): the
   * new file's modeline follows the repository's own, from the new file's folder.
   */
  @Test
  void shouldPointTheModelineWhereTheRepositorysOwnModelinesPoint() throws IOException {
    Path dir = tmp.resolve("project/roadmap");
    CacheCliTest.copy(Path.of("..", "example-roadmap"), dir);
    CacheCliTest.copy(Path.of("..", "schema"), tmp.resolve("project/schema"));

    Cli added = Cli.run("new", "use-case", dir.toString(), "--id", "uc-fraud-detection");

    assertThat(added.code()).as(added.err()).isZero();
    assertThat(Files.readString(dir.resolve("use-cases/uc-fraud-detection.yaml")))
        .startsWith("# yaml-language-server: $schema=../../schema/use-case.schema.json\n");
    assertThat(dir.resolve(".waymark/schema")).doesNotExist();
    assertThat(added.out()).doesNotContain("JSON Schemas");
  }

  /**
   * A repository that keeps no schemas (made by hand): they are written where 'waymark init' puts
   * them, so that the new file's modeline names a schema an editor can read (SPEC §5).
   */
  @Test
  void shouldWriteTheSchemasWhenTheRepositoryKeepsNone() throws IOException {
    Path dir = tmp.resolve("roadmap");
    CacheCliTest.copy(Path.of("..", "example-roadmap"), dir);

    Cli added = Cli.run("new", "use-case", dir.toString(), "--id", "uc-fraud-detection");

    assertThat(added.code()).as(added.err()).isZero();
    assertThat(Files.readString(dir.resolve("use-cases/uc-fraud-detection.yaml")))
        .startsWith("# yaml-language-server: $schema=../.waymark/schema/use-case.schema.json\n");
    assertThat(dir.resolve(".waymark/schema/use-case.schema.json")).isRegularFile();
    assertThat(added.out()).contains("JSON Schemas to .waymark/schema/");
    // The next one finds them there and writes none.
    Cli second = Cli.run("new", "business-case", dir.toString(), "--id", "bc-fraud-detection");
    assertThat(second.code()).as(second.err()).isZero();
    assertThat(second.out()).doesNotContain("JSON Schemas");
    assertThat(Files.readString(dir.resolve("business-cases/bc-fraud-detection.yaml")))
        .startsWith("# yaml-language-server: $schema=../.waymark/schema/business-case.schema.json");
  }

  @Test
  void shouldNumberTheDefaultIdWhenItIsTaken() {
    Path dir = scaffold();

    Cli.run("new", "use-case", dir.toString());
    Cli second = Cli.run("new", "usecase", dir.toString());

    assertThat(second.code()).as(second.err()).isZero();
    assertThat(dir.resolve("use-cases/new-use-case.yaml")).isRegularFile();
    assertThat(dir.resolve("use-cases/new-use-case-2.yaml"))
        .content()
        .contains("  id: new-use-case-2\n");
  }

  @Test
  void shouldRefuseAnIdThatIsTakenWithExitTwoAndWriteNothing() throws IOException {
    Path dir = scaffold();

    Cli taken = Cli.run("new", "business-case", dir.toString(), "--id", "bc-ai-programme");

    assertThat(taken.code()).isEqualTo(ExitCode.USAGE);
    assertThat(taken.err()).contains("'bc-ai-programme' is already used");
    assertThat(dir.resolve("business-cases/bc-ai-programme.yaml")).doesNotExist();
  }

  @Test
  void shouldNeverOverwriteAFile() throws IOException {
    Path dir = scaffold();
    Path mine = Files.writeString(dir.resolve("vendors/v-mine.yaml"), "# not yet written\n");

    Cli cli = Cli.run("new", "vendor-evaluation", dir.toString(), "--id", "v-mine");

    assertThat(cli.code()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.err()).contains("exists already");
    assertThat(mine).content().isEqualTo("# not yet written\n");
  }

  @Test
  void shouldRefuseConfigAndUnknownKinds() {
    Path dir = scaffold();

    Cli config = Cli.run("new", "config", dir.toString());
    Cli unknown = Cli.run("new", "risk-register", dir.toString());
    Cli badId = Cli.run("new", "metrics", dir.toString(), "--id", "Bad Id");

    assertThat(config.code()).isEqualTo(ExitCode.USAGE);
    assertThat(config.err()).contains("one Config");
    assertThat(unknown.code()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err()).contains("unknown kind 'risk-register'").contains("business-case");
    assertThat(badId.code()).isEqualTo(ExitCode.USAGE);
  }

  @Test
  void shouldRefuseAnIdTheSchemaRefusesAndTakeTheLongestItTakes() throws IOException {
    Path dir = scaffold();
    String longest = "bc-" + "x".repeat(60);

    Cli tooShort = Cli.run("new", "business-case", dir.toString(), "--id", "b");
    Cli tooLong = Cli.run("new", "business-case", dir.toString(), "--id", longest + "x");
    Cli fits = Cli.run("new", "business-case", dir.toString(), "--id", longest);

    assertThat(tooShort.code()).isEqualTo(ExitCode.USAGE);
    assertThat(tooShort.err()).contains("--id 'b'").contains("2 to 63 characters");
    assertThat(tooLong.code()).isEqualTo(ExitCode.USAGE);
    assertThat(tooLong.err()).contains("2 to 63 characters");
    assertThat(dir.resolve("business-cases/b.yaml")).doesNotExist();
    assertThat(dir.resolve("business-cases/" + longest + "x.yaml")).doesNotExist();
    assertThat(fits.code()).as(fits.err()).isZero();
    assertThat(findings(dir)).noneMatch(f -> f.startsWith("schema "));
  }

  @Test
  void shouldAddADocumentBesideAFileThatIsNotUtf8() throws IOException {
    Path dir = scaffold();
    // Saved as Windows-1252 by an editor: the é is one byte that is not UTF-8.
    Files.write(
        dir.resolve("use-cases/legacy.yaml"),
        "apiVersion: waymark/v1\nkind: UseCase\nmetadata:\n  id: uc-legacy\n  title: Caf\u00e9\n"
            .getBytes(StandardCharsets.ISO_8859_1));

    Cli cli = Cli.run("new", "use-case", dir.toString());

    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(dir.resolve("use-cases/new-use-case.yaml")).isRegularFile();
  }

  @Test
  void shouldNameAFolderGivenAsASymbolicLinkAsSuch() throws IOException {
    Path dir = scaffold();
    Path link = Files.createSymbolicLink(tmp.resolve("roadmap-link"), dir);

    Cli cli = Cli.run("new", "use-case", link.toString());

    assertThat(cli.code()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.err()).contains("is a symbolic link; give the folder it points to");
    assertThat(dir.resolve("use-cases/new-use-case.yaml")).doesNotExist();
  }

  private static List<String> findings(Path dir) {
    Cli validate = Cli.run("validate", dir.toString(), "--format", "json", "--fail-on", "never");
    List<String> found = new ArrayList<>();
    JSON.readTree(validate.out())
        .get("findings")
        .forEach(f -> found.add(f.get("rule").asString() + " " + f.get("message").asString()));
    return found;
  }
}
