package io.waymark.engine.load;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.waymark.engine.Fixtures;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.model.Governance;
import io.waymark.engine.model.Kind;
import io.waymark.engine.schema.BundledSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoaderTest {

  private static final Loader LOADER = new Loader(new BundledSchemas());

  private static final String USE_CASE =
      """
      apiVersion: waymark/v1
      kind: UseCase
      metadata:
        id: uc-eta
        title: ETA prediction
      spec:
        status: pilot
        businessOutcome: Fewer support calls about late deliveries.
      """;

  /** Line 7 column 11 is the value of spec.status. */
  private static final String USE_CASE_BAD_STATUS =
      USE_CASE.replace("status: pilot", "status: live");

  /** The start of a Config; its spec follows from line 7. */
  private static final String CONFIG =
      """
      apiVersion: waymark/v1
      kind: Config
      metadata:
        id: settings
        title: Settings
      spec:
      """;

  /** A syntax error at line 2, column 8 (a second ': ' in a plain value). */
  private static final String BROKEN_YAML = "apiVersion: waymark/v1\nkind: a: b\n";

  @TempDir Path repo;
  @TempDir Path outside;

  /** Writes {@code waymark.yaml}: {@link #CONFIG} with {@code spec} as its spec. */
  private void writeConfig(String spec) {
    Fixtures.write(repo, "waymark.yaml", CONFIG + spec.indent(2));
  }

  private LoadResult load() throws IOException {
    return LOADER.load(new FolderSource(repo, "x"), Optional.empty());
  }

  @Test
  void shouldLoadAValidDocumentWithoutProblems() throws IOException {
    Fixtures.write(repo, "use-cases/eta.yaml", USE_CASE);

    LoadResult result = load();

    assertThat(result.problems()).isEmpty();
    assertThat(result.files()).containsExactly("use-cases/eta.yaml");
    assertThat(result.documents())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.kind()).isEqualTo(Kind.USE_CASE);
              assertThat(d.id()).isEqualTo("uc-eta");
              assertThat(d.valid()).isTrue();
            });
    assertThat(result.models()).hasSize(1);
  }

  @Test
  void shouldKeepOnlyPositionsOfAValidDocumentAndTheWholeTreeOfAnInvalidOne() throws IOException {
    Fixtures.write(repo, "use-cases/eta.yaml", USE_CASE);
    Fixtures.write(repo, "use-cases/bad.yaml", USE_CASE_BAD_STATUS.replace("uc-eta", "uc-bad"));

    LoadResult result = load();

    var valid = result.documents().stream().filter(d -> d.id().equals("uc-eta")).findFirst();
    var invalid = result.documents().stream().filter(d -> d.id().equals("uc-bad")).findFirst();
    // The model holds the values of a valid document; its tree keeps where they were written.
    assertThat(valid.orElseThrow().root().get("spec").orElseThrow().get("status"))
        .hasValueSatisfying(
            n -> {
              assertThat(n.value()).isNull();
              assertThat(n.line()).isEqualTo(7);
              assertThat(n.column()).isEqualTo(11);
            });
    assertThat(valid.orElseThrow().anchor().location("spec/status").line()).isEqualTo(7);
    assertThat(invalid.orElseThrow().root().get("spec").orElseThrow().get("status"))
        .hasValueSatisfying(n -> assertThat(n.value()).isEqualTo("live"));
    // The invalid one keeps its values packed beside its positions, not a YAML tree.
    assertThat(invalid.orElseThrow().root()).isInstanceOf(PackedSource.class);
    assertThat(invalid.orElseThrow().anchor().location("spec/status").line()).isEqualTo(7);
  }

  @Test
  void shouldSkipASymbolicLinkToAFileOutsideWithoutReadingIt() throws IOException {
    Path target = Fixtures.write(outside, "evil.yaml", "apiVersion: waymark/v1\nkind: [\n");
    Files.createSymbolicLink(repo.resolve("roadmap.yaml"), target);
    Fixtures.write(repo, "use-cases/eta.yaml", USE_CASE);

    LoadResult result = load();

    assertThat(result.problems())
        .containsRule("file-skipped")
        .inFile("roadmap.yaml")
        .at(1, 1)
        .withMessageContaining("symbolic link")
        .hasCount(1);
    assertThat(result.problems())
        .doesNotContainRule("yaml-syntax")
        .doesNotContainRule("schema")
        .doesNotContainRule("not-waymark");
    assertThat(result.documents()).extracting(d -> d.file()).containsExactly("use-cases/eta.yaml");
  }

  @Test
  void shouldNotTraverseASymbolicLinkToAFolder() throws IOException {
    Fixtures.write(outside, "vendors/bad.yaml", BROKEN_YAML);
    Fixtures.write(outside, "vendors/other.yaml", "not: waymark\n");
    Files.createSymbolicLink(repo.resolve("vendors"), outside.resolve("vendors"));
    Fixtures.write(repo, "use-cases/eta.yaml", USE_CASE);

    LoadResult result = load();

    assertThat(result.problems()).isEmpty();
    assertThat(result.files()).containsExactly("use-cases/eta.yaml");
  }

  @Test
  void shouldSkipGitAndTargetFolders() throws IOException {
    Fixtures.write(repo, ".git/bad.yaml", BROKEN_YAML);
    Fixtures.write(repo, "target/bad.yaml", BROKEN_YAML);
    Fixtures.write(repo, "use-cases/eta.yaml", USE_CASE);

    LoadResult result = load();

    assertThat(result.problems()).isEmpty();
    assertThat(result.files()).containsExactly("use-cases/eta.yaml");
  }

  @Test
  void shouldHonourExcludeGlobsFromTheConfig() throws IOException {
    writeConfig(
        """
        exclude:
          - "drafts/**"
          - "**/*.draft.yaml"
        """);
    Fixtures.write(repo, "drafts/bad.yaml", BROKEN_YAML);
    Fixtures.write(repo, "drafts/deeper/bad.yaml", BROKEN_YAML);
    Fixtures.write(repo, "use-cases/next.draft.yaml", BROKEN_YAML);
    Fixtures.write(repo, "use-cases/eta.yaml", USE_CASE);

    LoadResult result = load();

    assertThat(result.problems()).isEmpty();
    assertThat(result.files()).containsExactly("use-cases/eta.yaml", "waymark.yaml");
    assertThat(result.config().exclude()).containsExactly("drafts/**", "**/*.draft.yaml");
  }

  @Test
  void shouldReportAnInvalidExcludeGlobOnTheConfigAndGoOn() throws IOException {
    writeConfig(
        """
        exclude:
          - "["
          - "drafts/**"
        """);
    Fixtures.write(repo, "drafts/bad.yaml", BROKEN_YAML);
    Fixtures.write(repo, "use-cases/eta.yaml", USE_CASE);

    LoadResult result = load();

    assertThat(result.problems())
        .containsRule("schema")
        .inFile("waymark.yaml")
        .at(8, 7)
        .withPath("/spec/exclude/0")
        .withMessageContaining(
            "/spec/exclude/0: '[' is not a valid glob: missing ']' to close the '[' (at character"
                + " 1); the pattern is ignored")
        .hasCount(1);
    assertThat(result.problems()).hasCount(1);
    assertThat(result.files()).containsExactly("use-cases/eta.yaml", "waymark.yaml");
    assertThat(result.config().exclude()).containsExactly("[", "drafts/**");
  }

  @Test
  void shouldNoteAYamlFileThatIsNotWaymark() throws IOException {
    Fixtures.write(repo, ".github/workflows/ci.yaml", "# CI\nname: build\non: [push]\n");

    LoadResult result = load();

    assertThat(result.problems())
        .containsRule("not-waymark")
        .inFile(".github/workflows/ci.yaml")
        .at(2, 1)
        .withPath("")
        .hasCount(1);
    assertThat(result.documents()).isEmpty();
  }

  @Test
  void shouldNameTheDocumentOfAFileThatIsNotWaymark() throws IOException {
    Fixtures.write(repo, "use-cases/eta.yaml", USE_CASE + "---\n- just\n- a list\n");

    LoadResult result = load();

    assertThat(result.problems())
        .containsRule("not-waymark")
        .at(10, 1)
        .withMessageContaining("document 2")
        .hasCount(1);
    assertThat(result.documents()).hasSize(1);
  }

  @Test
  void shouldReportAnUnknownKindAtTheKindValue() throws IOException {
    Fixtures.write(repo, "bc.yaml", USE_CASE.replace("kind: UseCase", "kind: BusinessCases"));

    LoadResult result = load();

    assertThat(result.problems())
        .containsRule("unknown-kind")
        .inFile("bc.yaml")
        .at(2, 7)
        .withPath("/kind")
        .withMessageContaining("BusinessCases")
        .hasCount(1);
    assertThat(result.problems()).doesNotContainRule("schema");
  }

  @Test
  void shouldReportAMissingKindAtTheDocument() throws IOException {
    Fixtures.write(repo, "nokind.yaml", USE_CASE.replace("kind: UseCase\n", ""));

    LoadResult result = load();

    assertThat(result.problems())
        .containsRule("unknown-kind")
        .at(1, 1)
        .withPath("")
        .withMessageContaining("no 'kind'");
  }

  @Test
  void shouldKeepValidatingOtherFilesAfterABadOne() throws IOException {
    Fixtures.write(repo, "a-broken.yaml", BROKEN_YAML);
    Fixtures.write(repo, "b-bad-status.yaml", USE_CASE_BAD_STATUS);
    Fixtures.write(repo, "c-good.yaml", USE_CASE.replace("uc-eta", "uc-other"));
    Files.write(repo.resolve("d-not-utf8.yaml"), new byte[] {'a', ':', ' ', (byte) 0xFF, '\n'});

    LoadResult result = load();

    assertThat(result.problems()).containsRule("yaml-syntax").inFile("a-broken.yaml").at(2, 8);
    assertThat(result.problems())
        .containsRule("yaml-syntax")
        .inFile("d-not-utf8.yaml")
        .at(1, 4)
        .withMessageContaining("invalid UTF-8");
    assertThat(result.problems())
        .containsRule("schema")
        .inFile("b-bad-status.yaml")
        .at(7, 11)
        .withPath("/spec/status");
    assertThat(result.problems().stream().map(Finding::file)).doesNotContain("c-good.yaml");
    assertThat(result.documents())
        .filteredOn(d -> d.valid())
        .extracting(d -> d.file())
        .containsExactly("c-good.yaml");
  }

  /**
   * An impossible date is a schema finding like any other: at the value, with its JSON Pointer as
   * the location's path and at the start of the message, as every schema finding's message has it
   * (the text, checkstyle, JUnit, GitHub and GitLab formats carry no pointer of their own).
   */
  @Test
  void shouldPointAtAnImpossibleDateLikeEveryOtherSchemaFinding() throws IOException {
    Fixtures.write(repo, "use-cases/eta.yaml", USE_CASE + "  since: 2027-02-30\n");

    LoadResult result = load();

    assertThat(result.problems())
        .containsRule("schema")
        .inFile("use-cases/eta.yaml")
        .at(9, 10)
        .withPath("/spec/since")
        .withMessageContaining("/spec/since: '2027-02-30' is not a calendar date")
        .hasCount(1);
  }

  /**
   * A date written YYYY-MM-DD that is not on the calendar passes the schema's pattern and fails
   * only when the model reads it: the model kept the document with 1970-01-01 in its place, and the
   * plan rules judged it so (a roadmap starting 2027-02-30 had every phase in 1970), while the
   * summary said the document was judged without its failing list items.
   */
  @Test
  void shouldLeaveADocumentWithAnImpossibleDateOutsideAListItemOutOfThePlan() throws IOException {
    Fixtures.write(repo, "use-cases/eta.yaml", USE_CASE + "  since: 2027-02-30\n");

    LoadResult result = load();

    assertThat(result.problems()).containsRule("schema").withPath("/spec/since").hasCount(1);
    assertThat(result.documents()).singleElement().satisfies(d -> assertThat(d.valid()).isFalse());
    assertThat(result.models()).isEmpty();
    assertThat(result.partlyInvalid()).isEmpty();
  }

  /** An impossible date in a list item leaves out that item, as any schema error in it does. */
  @Test
  void shouldJudgeADocumentWithoutTheListItemHoldingAnImpossibleDate() throws IOException {
    writeGovernance(
        "{id: dec-a, date: 2027-01-12, title: A, outcome: approved}",
        "{id: dec-b, date: 2027-02-30, title: B, outcome: approved}");

    LoadResult result = load();

    assertThat(result.problems())
        .containsRule("schema")
        .withPath("/spec/decisions/1/date")
        .hasCount(1);
    assertThat(result.models())
        .singleElement()
        .isInstanceOfSatisfying(
            Governance.class,
            g ->
                assertThat(g.decisions())
                    .extracting(Governance.Decision::id)
                    .containsExactly("dec-a"));
    assertThat(result.partlyInvalid()).containsExactly("governance.yaml\n" + Kind.GOVERNANCE);
  }

  /**
   * Beside a schema error in a list item (the rest of the document still judged without it), an
   * impossible date elsewhere in the document was dropped without a finding: it showed only once
   * the other error was fixed, and the document was left out of the rules in the meantime.
   */
  @Test
  void shouldReportAnImpossibleDateBesideASchemaErrorInAListItem() throws IOException {
    writeGovernance(
        "{id: dec-a, date: 2027-01-12, title: A, outcome: maybe}",
        "{id: dec-b, date: 2027-02-30, title: B, outcome: approved}");

    LoadResult result = load();

    assertThat(result.problems())
        .containsRule("schema")
        .withPath("/spec/decisions/0/outcome")
        .hasCount(1);
    assertThat(result.problems())
        .containsRule("schema")
        .at(11, 25)
        .withPath("/spec/decisions/1/date")
        .withMessageContaining("/spec/decisions/1/date: '2027-02-30' is not a calendar date")
        .hasCount(1);
  }

  /**
   * A waymark.yaml that fails its schema still sets the as-of date; an impossible asOf in it is not
   * applied, and says so with the schema findings instead of silently judging as of another day.
   */
  @Test
  void shouldReportAnImpossibleAsOfInAConfigThatFailsItsSchema() throws IOException {
    Fixtures.write(
        repo,
        "waymark.yaml",
        """
        apiVersion: waymark/v1
        kind: Config
        metadata:
          id: settings
        spec:
          asOf: 2027-02-30
          colour: blue
        """);

    LoadResult result = load();

    assertThat(result.problems())
        .containsRule("schema")
        .inFile("waymark.yaml")
        .at(6, 9)
        .withPath("/spec/asOf")
        .withMessageContaining("/spec/asOf: '2027-02-30' is not a calendar date")
        .hasCount(1);
    assertThat(result.problems()).containsRule("schema").withPath("/spec/colour").hasCount(1);
  }

  @Test
  void shouldReadYmlFiles() throws IOException {
    Fixtures.write(repo, "use-cases/eta.yml", USE_CASE_BAD_STATUS);
    Fixtures.write(repo, "use-cases/notes.txt", BROKEN_YAML);

    LoadResult result = load();

    assertThat(result.files()).containsExactly("use-cases/eta.yml");
    assertThat(result.problems()).containsRule("schema").inFile("use-cases/eta.yml").at(7, 11);
  }

  /** The extension as written, as the documentation's *.yaml and *.yml globs match it. */
  @Test
  void shouldReadTheYamlExtensionsInLowerCaseOnly() throws IOException {
    Fixtures.write(repo, "use-cases/eta.yaml", USE_CASE);
    Fixtures.write(repo, "use-cases/ETA.YAML", USE_CASE_BAD_STATUS);
    Fixtures.write(repo, "use-cases/other.Yml", USE_CASE_BAD_STATUS);

    LoadResult result = load();

    assertThat(result.files()).containsExactly("use-cases/eta.yaml");
    assertThat(Loader.isYaml("roadmap.yaml")).isTrue();
    assertThat(Loader.isYaml("a/b.yml")).isTrue();
    assertThat(Loader.isYaml("ROADMAP.YAML")).isFalse();
    assertThat(Loader.isYaml("notes.yaml.txt")).isFalse();
  }

  @Test
  void shouldReportAFileOverTheConfiguredByteLimitWithoutParsingIt() throws IOException {
    writeConfig(
        """
        limits:
          fileBytes: 200
        """);
    Fixtures.write(repo, "use-cases/eta.yaml", USE_CASE + "# " + "x".repeat(300) + "\n");

    LoadResult result = load();

    assertThat(result.problems())
        .containsRule("yaml-syntax")
        .inFile("use-cases/eta.yaml")
        .at(1, 1)
        .withMessageContaining("limit of 200")
        .hasCount(1);
    assertThat(result.documents()).extracting(d -> d.file()).containsExactly("waymark.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"depth: 2147483648", "fileBytes: 18446744073709551616"})
  void shouldReportAnOutOfRangeLimitAsAFinding(String limit) {
    Fixtures.write(
        repo,
        "waymark.yaml",
        "apiVersion: waymark/v1\nkind: Config\nmetadata: {id: settings, title: S}\nspec:\n"
            + "  limits:\n    "
            + limit
            + "\n");
    Fixtures.write(repo, "use-cases/eta.yaml", USE_CASE);

    LoadResult[] result = new LoadResult[1];
    assertThatCode(() -> result[0] = load()).doesNotThrowAnyException();

    assertThat(result[0].problems()).containsRule("schema").inFile("waymark.yaml").atLine(6);
  }

  @Test
  void shouldCollectInlineIgnoreComments() throws IOException {
    Fixtures.write(
        repo,
        "use-cases/eta.yaml",
        USE_CASE.replace(
            "status: pilot", "status: pilot # waymark:ignore schema -- renamed next sprint"));

    LoadResult result = load();

    assertThat(result.ignores().get("use-cases/eta.yaml").get(7))
        .containsExactly(new InlineIgnore("schema", "renamed next sprint", 7));
  }

  @Test
  void shouldReadAConfigGivenOnTheCommandLineInsteadOfWaymarkYaml() throws IOException {
    Fixtures.write(
        repo,
        "waymark.yaml",
        "apiVersion: waymark/v1\nkind: Config\nmetadata: {id: repo, title: R}\nspec:\n"
            + "  exclude: [\"nothing/**\"]\n");
    Fixtures.write(repo, "drafts/bad.yaml", BROKEN_YAML);
    byte[] override =
        "apiVersion: waymark/v1\nkind: Config\nmetadata: {id: cli, title: C}\nspec:\n  exclude: [\"drafts/**\"]\n"
            .getBytes(StandardCharsets.UTF_8);

    LoadResult result =
        LOADER.load(
            new FolderSource(repo, "x"), Optional.of(new Loader.NamedBytes("ci.yaml", override)));

    assertThat(result.config().exclude()).containsExactly("drafts/**");
    assertThat(result.problems()).doesNotContainRule("yaml-syntax");
  }

  /**
   * A folder that can be listed only in part is a finding that names it and says why; the files
   * listed and every other folder are still validated (it was an internal error).
   */
  @Test
  void shouldNameAFolderThatCannotBeListedInFullAndValidateTheRest() throws IOException {
    Fixtures.write(repo, "use-cases/eta.yaml", USE_CASE);
    Fixtures.write(repo, "locked/a.yaml", USE_CASE.replace("uc-eta", "uc-a"));
    Fixtures.write(repo, "locked/b.yaml", USE_CASE.replace("uc-eta", "uc-b"));

    LoadResult result =
        LOADER.load(new FolderSource(repo, "x", FailingListing.after(1)), Optional.empty());

    org.assertj.core.api.Assertions.assertThat(result.problems())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("file-skipped");
              assertThat(f.location().file()).isEqualTo("locked");
              assertThat(f.message())
                  .isEqualTo(
                      "folder could not be listed in full (permission denied): roadmap files in"
                          + " it may not have been validated");
            });
    assertThat(result.documents()).extracting(d -> d.id()).contains("uc-eta", "uc-a");
  }

  /**
   * A file that fails on read said "file cannot be read: /home/ci/.../governance.yaml": the
   * machine's absolute path (from the exception) in a finding that lands in SARIF and JUnit, and no
   * reason. It says why, as an unlistable folder does, and names only the repository's path.
   */
  @Test
  void shouldSayWhyAFileCannotBeReadWithoutTheMachinesPath() throws IOException {
    Fixtures.write(repo, "use-cases/eta.yaml", USE_CASE);
    Fixtures.write(repo, "use-cases/locked.yaml", USE_CASE.replace("uc-eta", "uc-locked"));
    FolderSource folder = new FolderSource(repo, "x");
    RepositorySource locked =
        new RepositorySource() {
          @Override
          public String label() {
            return folder.label();
          }

          @Override
          public java.util.List<Entry> list() throws IOException {
            return folder.list();
          }

          @Override
          public byte[] read(String path) throws IOException {
            if (path.endsWith("locked.yaml")) {
              throw new java.nio.file.AccessDeniedException(repo.resolve(path).toString());
            }
            return folder.read(path);
          }
        };

    LoadResult result = LOADER.load(locked, Optional.empty());

    org.assertj.core.api.Assertions.assertThat(result.problems())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("file-skipped");
              assertThat(f.location().file()).isEqualTo("use-cases/locked.yaml");
              assertThat(f.message())
                  .isEqualTo("file cannot be read (permission denied): it was not validated")
                  .doesNotContain(repo.toString());
            });
    assertThat(result.documents()).extracting(d -> d.id()).contains("uc-eta");
  }

  /**
   * An empty governance.yaml (truncated by a failed merge, or "> governance.yaml" by a slip) was
   * skipped without a word, while the rules said "the repository has no Governance document"; a
   * file of two empty documents got a not-waymark info for each. An empty or comment-only file is a
   * YAML file without apiVersion too, and said so.
   */
  @ParameterizedTest
  @ValueSource(strings = {"", "\uFEFF", "# governance: to do\n", "\n\n"})
  void shouldSayThatAYamlFileHoldsNoDocument(String text) throws IOException {
    Fixtures.write(repo, "use-cases/eta.yaml", USE_CASE);
    Fixtures.write(repo, "governance.yaml", text);

    LoadResult result = load();

    org.assertj.core.api.Assertions.assertThat(result.problems())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo("not-waymark");
              assertThat(f.location().file()).isEqualTo("governance.yaml");
              assertThat(f.location().line()).isEqualTo(1);
              assertThat(f.message()).contains("holds no YAML document");
            });
  }

  /** A named pipe was "not a regular file" with the hint "Only regular files are read.": no fix. */
  @Test
  void shouldSayWhatANamedPipeIsAndHowToGetPastIt() throws Exception {
    Fixtures.write(repo, "use-cases/eta.yaml", USE_CASE);
    Process mkfifo =
        new ProcessBuilder("mkfifo", repo.resolve("use-cases/pipe.yaml").toString()).start();
    org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");

    LoadResult result = load();

    org.assertj.core.api.Assertions.assertThat(result.problems())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.location().file()).isEqualTo("use-cases/pipe.yaml");
              assertThat(f.message()).contains("named pipe");
              assertThat(f.hint()).contains("spec.exclude");
            });
  }

  /** governance.yaml with a review board and these decisions (flow mappings), one a line. */
  private void writeGovernance(String... decisions) {
    StringBuilder yaml =
        new StringBuilder(
            """
            apiVersion: waymark/v1
            kind: Governance
            metadata:
              id: board
              title: Review board
              owner: cto-office
            spec:
              reviewBoard: {name: Board, members: [CTO, CFO], approvalThreshold: 100000}
              decisions:
            """);
    for (String decision : decisions) {
      yaml.append("    - ").append(decision).append('\n');
    }
    Fixtures.write(repo, "governance.yaml", yaml.toString());
  }
}
