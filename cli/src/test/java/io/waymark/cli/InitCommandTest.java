package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.Validator;
import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.rules.RuleRegistry;
import io.waymark.engine.schema.BundledSchemas;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Tag(LocaleSensitive.TAG)
class InitCommandTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Pattern MODELINE =
      Pattern.compile("^# yaml-language-server: \\$schema=(\\S+)$", Pattern.MULTILINE);

  @TempDir Path tmp;

  @Test
  void shouldScaffoldARepositoryThatValidatesWithNoFindingToday() throws IOException {
    Path dir = tmp.resolve("ai-roadmap");

    Cli init = Cli.run("init", dir.toString());
    Cli validate = Cli.run("validate", dir.toString(), "--format", "json", "--fail-on", "info");

    assertThat(init.code()).as(init.err()).isZero();
    assertThat(init.out())
        .contains("Created a Waymark roadmap repository in")
        .contains("roadmap.yaml");
    // --fail-on info exits 1 on any finding at all; the new Git history is read too.
    assertThat(rules(validate.out())).isEmpty();
    assertThat(JSON.readTree(validate.out()).get("summary").get("documents").asInt()).isEqualTo(9);
    assertThat(Cli.run("validate", dir.toString()).code()).isZero();
  }

  @Test
  void shouldValidateCleanWithTodayAsAnExplicitAsOfDate() {
    Path dir = tmp.resolve("ai-roadmap");
    String today = LocalDate.now(ZoneOffset.UTC).toString();

    Cli init =
        Cli.run(
            "init", dir.toString(), "--organisation", "Northwind", "--currency", "EUR", "--no-git");
    Cli validate =
        Cli.run(
            "validate", dir.toString(), "--as-of", today, "--format", "json", "--fail-on", "info");

    // --no-git: the history-unavailable info, and nothing else; the next steps say so.
    assertThat(validate.code()).isEqualTo(1);
    assertThat(rules(validate.out())).containsExactly("history-unavailable");
    assertThat(init.out())
        .contains("but the history-unavailable info")
        .doesNotContain("(finds nothing today)");
    assertThat(JSON.readTree(validate.out()).get("asOf").asString()).isEqualTo(today);
  }

  @Test
  void shouldCreateOneDocumentOfEveryKindWithSchemasAndEditorSettings() {
    Path dir = tmp.resolve("new");

    Cli.run("init", dir.toString());

    assertThat(dir.resolve("waymark.yaml")).isRegularFile();
    assertThat(dir.resolve("roadmap.yaml")).isRegularFile();
    assertThat(dir.resolve("governance.yaml")).isRegularFile();
    assertThat(dir.resolve("assessment/" + LocalDate.now(ZoneOffset.UTC) + ".yaml"))
        .isRegularFile();
    assertThat(dir.resolve("business-cases/ai-programme.yaml")).isRegularFile();
    assertThat(dir.resolve("vendors/data-pipeline-platform.yaml")).isRegularFile();
    assertThat(dir.resolve("use-cases/first-use-case.yaml")).isRegularFile();
    assertThat(dir.resolve("metrics/kpis.yaml")).isRegularFile();
    assertThat(dir.resolve("README.md")).content().contains("waymark validate");
    assertThat(dir.resolve(".vscode/extensions.json")).content().contains("redhat.vscode-yaml");
    assertThat(dir.resolve(".waymark/.gitignore")).content().contains("\ncache/\n");
    for (String schema : BundledSchemas.FILES) {
      assertThat(dir.resolve(".waymark/schema/" + schema))
          .content(StandardCharsets.UTF_8)
          .isEqualTo(BundledSchemas.text(schema).orElseThrow());
    }
  }

  @Test
  void shouldStartEveryYamlFileWithAModelineThatResolvesToTheSchemaOfItsKind() throws IOException {
    Path dir = tmp.resolve("ai-roadmap");
    Cli.run("init", dir.toString());

    List<Path> yaml = yamlFiles(dir);

    assertThat(yaml).hasSize(9);
    for (Path file : yaml) {
      String text = Files.readString(file);
      Matcher m = MODELINE.matcher(text);
      assertThat(m.find()).as("modeline in %s", file).isTrue();
      assertThat(m.start()).as("modeline on the first line of %s", file).isZero();
      Path schema = file.getParent().resolve(m.group(1)).normalize();
      assertThat(schema).as("schema of %s", file).isRegularFile();
      assertThat(schema.getParent()).isEqualTo(dir.resolve(".waymark/schema").normalize());
      String kind = kind(text);
      assertThat(Files.readString(schema))
          .as("schema of %s", file)
          .contains("\"const\": \"" + kind + "\"");
    }
  }

  @Test
  void shouldMapTheSchemaToTheRoadmapFilesInVsCodeSettings() throws IOException {
    Path dir = tmp.resolve("ai-roadmap");
    Cli.run("init", dir.toString());

    JsonNode schemas =
        JSON.readTree(dir.resolve(".vscode/settings.json").toFile()).get("yaml.schemas");

    List<String> keys = new ArrayList<>();
    schemas.propertyNames().forEach(keys::add);
    assertThat(keys).containsExactly("./.waymark/schema/waymark.schema.json");
    assertThat(dir.resolve(keys.get(0))).isRegularFile();
    List<String> globs = new ArrayList<>();
    schemas.get(keys.get(0)).forEach(g -> globs.add(g.asString()));
    assertThat(globs).contains("roadmap.yaml", "business-cases/*.yaml", "metrics/*.yaml");
  }

  @Test
  void shouldDeclareTheFinancialsTheEngineComputes() {
    Path dir = tmp.resolve("ai-roadmap");
    Cli.run("init", dir.toString());

    ValidationResult result = validate(dir, LocalDate.now(ZoneOffset.UTC));
    BusinessCase bc = result.plan().businessCase("bc-ai-programme").orElseThrow();
    CaseFinancials computed = CaseFinancials.of(bc);
    BusinessCase.Declared declared = bc.financials().declared();

    assertThat(declared.npv().orElseThrow()).isEqualByComparingTo(computed.npv());
    assertThat(declared.roi().orElseThrow())
        .isCloseTo(computed.roi().orElseThrow(), within(new BigDecimal("0.005")));
    assertThat(declared.irr().orElseThrow())
        .isCloseTo(computed.irr().orElseThrow(), within(new BigDecimal("0.005")));
    assertThat(declared.paybackMonths().orElseThrow().intValue())
        .isEqualTo(computed.paybackMonths().orElseThrow());
  }

  @Test
  void shouldWriteTheOrganisationAndCurrencyWhateverCharactersTheNameHas() {
    Path dir = tmp.resolve("ai-roadmap");
    String name = "Acme \"Ops\": #1 \\ Co";

    Cli init = Cli.run("init", dir.toString(), "--organisation", name, "--currency", "gbp");
    ValidationResult result = validate(dir, LocalDate.now(ZoneOffset.UTC));

    assertThat(init.code()).isZero();
    assertThat(result.plan().config().organisation()).isEqualTo(name);
    assertThat(result.plan().config().currency()).isEqualTo("GBP");
    assertThat(result.findings()).extracting(f -> f.rule()).doesNotContain("schema", "yaml-syntax");
  }

  @Test
  void shouldValidateCleanOnEveryKindOfDayOfTheYear() throws IOException {
    // Month ends, a leap day, the first of a month that starts on a Monday or right after
    // one, New Year's Eve: every due date must still lie ahead and inside its increment.
    List<LocalDate> days =
        List.of(
            LocalDate.of(2027, 1, 1),
            LocalDate.of(2027, 1, 31),
            LocalDate.of(2027, 2, 28),
            LocalDate.of(2028, 2, 29),
            LocalDate.of(2027, 3, 1),
            LocalDate.of(2027, 3, 31),
            LocalDate.of(2027, 6, 30),
            LocalDate.of(2027, 8, 31),
            LocalDate.of(2027, 11, 1),
            LocalDate.of(2027, 11, 30),
            LocalDate.of(2027, 12, 31),
            LocalDate.of(2028, 5, 1));
    for (LocalDate today : days) {
      Path dir = tmp.resolve("on-" + today);
      write(dir, Scaffold.files(settings(Scaffold.defaultStart(today), today)));

      assertThat(rulesOf(validate(dir, today))).as("findings on %s", today).isEmpty();
    }
  }

  @Test
  void shouldValidateCleanWithTheEarliestAllowedStartAndWithAFutureStart() throws IOException {
    LocalDate today = LocalDate.of(2027, 7, 15);
    for (LocalDate start : List.of(Scaffold.earliestStart(today), today.plusMonths(4))) {
      Path dir = tmp.resolve("start-" + start);
      write(dir, Scaffold.files(settings(start, today)));

      assertThat(rulesOf(validate(dir, today))).as("findings with start %s", start).isEmpty();
    }
  }

  @Test
  void shouldUseTheStartGivenAndMarkPhaseOneInProgressOnceStarted() throws IOException {
    Path dir = tmp.resolve("ai-roadmap");
    LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(7);

    Cli init = Cli.run("init", dir.toString(), "--start", start.toString());

    assertThat(init.code()).as(init.err()).isZero();
    String roadmap = Files.readString(dir.resolve("roadmap.yaml"));
    assertThat(roadmap).contains("start: " + start).contains("status: in-progress");
    assertThat(Cli.run("validate", dir.toString(), "--fail-on", "warning").code()).isZero();
  }

  @Test
  void shouldAcceptAStartFarBackAndNameTheMilestonesAlreadyDue() {
    Path dir = tmp.resolve("ai-roadmap");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate start = today.minusMonths(4);

    Cli init = Cli.run("init", dir.toString(), "--start", start.toString());
    Cli validate = Cli.run("validate", dir.toString(), "--format", "json");

    assertThat(init.code()).as(init.err()).isZero();
    assertThat(init.out())
        .contains("start " + start)
        .contains("Note: 2 scaffolded milestones are due before today")
        .contains("(reports the 2 milestones due)")
        .doesNotContain("finds nothing today");
    assertThat(Files.exists(dir.resolve("roadmap.yaml"))).isTrue();
    // Day one of a roadmap started four months ago: only the milestones already due are
    // findings; no gate-unmeasurable, no metric-stale.
    assertThat(rules(validate.out()))
        .contains("milestone-overdue")
        .doesNotContain("gate-unmeasurable", "metric-stale", "milestone-cadence");
  }

  /**
   * A roadmap that started before it was written down ({@code init --start 2026-03-02} on
   * 2026-12-07) had the board's decisions and the business case's approval dated the day of the
   * scaffold: the roadmap approved nine months after its first phase began, a waiver citing the
   * approval later than any gate decided since, the approvals listed as the QBR's news of the
   * quarter. They are dated the start, and the roadmap's approval no longer names the assessment
   * recorded after it; judged as of the start, they are on record. As of the day of the scaffold
   * the only findings are the milestones already due, which init names.
   */
  @Test
  void shouldDateTheBoardsDecisionsOnAStartInThePast() throws IOException {
    LocalDate start = LocalDate.of(2026, 3, 2);
    LocalDate today = LocalDate.of(2026, 12, 7);
    Path dir = tmp.resolve("started-in-march");
    write(dir, Scaffold.files(settings(start, today)));

    String governance = Files.readString(dir.resolve("governance.yaml"));
    assertThat(datesIn(governance)).hasSize(3).containsOnly(start.toString());
    assertThat(governance).doesNotContain("assessment-" + today);
    assertThat(datesIn(Files.readString(dir.resolve("business-cases/ai-programme.yaml"))))
        .containsExactly(start.toString());
    assertThat(validate(dir, start).findings())
        .as("judged as of the start: the decisions that let it start are on record")
        .filteredOn(f -> f.rule().equals("recorded-after-as-of"))
        .extracting(f -> f.file())
        .doesNotContain("governance.yaml", "business-cases/ai-programme.yaml");
    assertThat(rulesOf(validate(dir, today)))
        .hasSize((int) Scaffold.dueBy(start, today))
        .allSatisfy(f -> assertThat(f).startsWith("milestone-overdue: "));
  }

  /** The same through the command line: init with a start nine months back, then validate. */
  @Test
  void shouldValidateAStartNineMonthsBackWithOnlyTheMilestonesDue() throws IOException {
    Path dir = tmp.resolve("ai-roadmap");
    LocalDate start = LocalDate.now(ZoneOffset.UTC).minusMonths(9);

    Cli init = Cli.run("init", dir.toString(), "--start", start.toString());
    Cli validate = Cli.run("validate", dir.toString(), "--format", "json", "--fail-on", "info");

    assertThat(init.code()).as(init.err()).isZero();
    assertThat(datesIn(Files.readString(dir.resolve("governance.yaml"))))
        .containsOnly(start.toString());
    assertThat(rules(validate.out())).isNotEmpty().containsOnly("milestone-overdue");
  }

  /** The values of the {@code date:} keys of a scaffolded file, in order. */
  private static List<String> datesIn(String yaml) {
    List<String> dates = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^\\s+date: (\\S+)$").matcher(yaml);
    while (m.find()) {
      dates.add(m.group(1));
    }
    return dates;
  }

  /**
   * A start so late that the scaffold's dates pass 9999-12-31 wrote '+10000-01-18', which the
   * schema rejects, and promised a clean validation; it is refused, naming the latest start.
   */
  @Test
  void shouldRefuseAStartWhoseDatesPassTheLastFourDigitYear() {
    Path dir = tmp.resolve("far");

    Cli init = Cli.run("init", dir.toString(), "--no-git", "--start", "9999-12-01");

    assertThat(init.code()).isEqualTo(ExitCode.USAGE);
    assertThat(init.err())
        .contains("--start 9999-12-01 puts the roadmap's last date at +10001-05-31")
        .contains("choose a start between 1000-01-01 and 9998-07-01");
    assertThat(dir).doesNotExist();
    assertThat(Cli.run("init", tmp.resolve("b").toString(), "--start", "+10000-01-01").code())
        .isEqualTo(ExitCode.USAGE);
    Path latest = tmp.resolve("latest");
    assertThat(Cli.run("init", latest.toString(), "--no-git", "--start", "9998-07-01").code())
        .isZero();
    assertThat(Cli.run("validate", latest.toString(), "--fail-on", "warning").code()).isZero();
  }

  @Test
  void shouldRefuseBadOptionValuesWithExitTwo() {
    assertThat(Cli.run("init", tmp.resolve("a").toString(), "--currency", "euro").err())
        .contains("is not an ISO 4217 code");
    // Three letters that name no currency: a typo of EUR, refused before anything is written.
    Cli typo = Cli.run("init", tmp.resolve("e").toString(), "--no-git", "--currency", "EUO");
    assertThat(typo.code()).isEqualTo(ExitCode.USAGE);
    assertThat(typo.err()).contains("--currency 'EUO' is not an ISO 4217 code");
    assertThat(tmp.resolve("e")).doesNotExist();
    assertThat(Cli.run("init", tmp.resolve("b").toString(), "--start", "next monday").code())
        .isEqualTo(ExitCode.USAGE);
    assertThat(Cli.run("init", tmp.resolve("c").toString(), "--organisation", " ").code())
        .isEqualTo(ExitCode.USAGE);
    // The year 0000 was taken as a start and scaffolded a roadmap of the year 0.
    Cli zero = Cli.run("init", tmp.resolve("d").toString(), "--no-git", "--start", "0000-01-03");
    assertThat(zero.code()).isEqualTo(ExitCode.USAGE);
    assertThat(zero.err())
        .contains("--start '0000-01-03' names the year 0000; write the date as YYYY-MM-DD");
    assertThat(tmp.resolve("d")).doesNotExist();
  }

  @Test
  void shouldRefuseAFolderThatIsNotEmpty() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("existing"));
    Files.writeString(dir.resolve("notes.txt"), "mine");

    Cli init = Cli.run("init", dir.toString());

    assertThat(init.code()).isEqualTo(ExitCode.USAGE);
    assertThat(init.err()).contains("is not empty").contains("--force");
    try (Stream<Path> entries = Files.list(dir)) {
      assertThat(entries).containsExactly(dir.resolve("notes.txt"));
    }
  }

  @Test
  void shouldKeepExistingFilesWithForceAndSayWhichWereKept() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("existing"));
    String mine = "# my own roadmap, not a scaffold\n";
    Files.writeString(dir.resolve("roadmap.yaml"), mine);
    Files.createDirectories(dir.resolve(".vscode"));
    Files.writeString(dir.resolve(".vscode/settings.json"), "{}");

    Cli init = Cli.run("init", dir.toString(), "--force");

    assertThat(init.code()).as(init.err()).isZero();
    assertThat(dir.resolve("roadmap.yaml")).content().isEqualTo(mine);
    assertThat(dir.resolve(".vscode/settings.json")).content().isEqualTo("{}");
    assertThat(dir.resolve("governance.yaml")).isRegularFile();
    assertThat(init.out())
        .contains("Kept 2 existing files unchanged")
        .contains("  roadmap.yaml\n")
        .contains("  .vscode/settings.json\n");
  }

  @Test
  void shouldQuoteAFolderWithASpaceInTheCommandsItSuggests() {
    Path dir = tmp.resolve("My Roadmap");

    Cli init = Cli.run("init", dir.toString(), "--no-git");
    Cli added = Cli.run("new", "use-case", dir.toString());

    // Copied into a shell (sh, PowerShell or cmd), the command names the folder, not two words.
    String quoted = "\"" + dir.toString().replace('\\', '/') + "\"";
    assertThat(init.out()).contains("  waymark validate " + quoted + " ");
    assertThat(added.out()).contains("  waymark validate " + quoted + "\n");
  }

  @Test
  void shouldRefuseAFileInPlaceOfTheFolder() throws IOException {
    Path file = Files.writeString(tmp.resolve("roadmap"), "x");

    Cli init = Cli.run("init", file.toString(), "--force");

    assertThat(init.code()).isEqualTo(ExitCode.USAGE);
    assertThat(init.err()).contains("is not a folder");
  }

  @Test
  void shouldLeaveNoPlaceholderUnrenderedInAnyFile() {
    LocalDate today = LocalDate.of(2027, 5, 14);

    List<Scaffold.File> files = Scaffold.files(settings(Scaffold.defaultStart(today), today));

    assertThat(files).hasSize(13 + BundledSchemas.FILES.size());
    for (Scaffold.File file : files) {
      if (file.path().startsWith(Scaffold.SCHEMA_DIR)) {
        continue; // copied, not rendered
      }
      // "${" would also be eaten by Maven's resource filtering of the templates.
      assertThat(file.text()).as(file.path()).doesNotContain("{{", "}}", "${");
    }
  }

  @Test
  void shouldMakeTheFolderAGitRepositoryWithTheScaffoldAsItsOnlyCommit() throws Exception {
    Path dir = tmp.resolve("ai-roadmap");

    Cli init = Cli.run("init", dir.toString());

    assertThat(init.code()).as(init.err()).isZero();
    assertThat(init.out()).contains("first commit");
    try (org.eclipse.jgit.api.Git git = org.eclipse.jgit.api.Git.open(dir.toFile())) {
      List<org.eclipse.jgit.revwalk.RevCommit> commits = new ArrayList<>();
      git.log().call().forEach(commits::add);
      assertThat(commits).hasSize(1);
      assertThat(git.status().call().isClean()).isTrue();
      assertThat(git.getRepository().getBranch()).isEqualTo("main");
    }
    // With a history, even the history-unavailable note is gone.
    Cli validate = Cli.run("validate", dir.toString(), "--format", "json", "--fail-on", "info");
    assertThat(rules(validate.out())).isEmpty();
  }

  @Test
  void shouldLeaveGitAloneWithNoGit() {
    Path dir = tmp.resolve("ai-roadmap");

    Cli init = Cli.run("init", dir.toString(), "--no-git");

    assertThat(init.code()).as(init.err()).isZero();
    assertThat(dir.resolve(".git")).doesNotExist();
  }

  @Test
  void shouldNotNestARepositoryInsideAnExistingOne() throws Exception {
    Path outer = Files.createDirectories(tmp.resolve("monorepo"));
    org.eclipse.jgit.api.Git.init().setDirectory(outer.toFile()).call().close();
    Path dir = outer.resolve("roadmap");

    Cli init = Cli.run("init", dir.toString());

    assertThat(init.code()).as(init.err()).isZero();
    assertThat(init.out()).contains("inside the Git repository of");
    assertThat(dir.resolve(".git")).doesNotExist();
    assertThat(dir.resolve("roadmap.yaml")).isRegularFile();
  }

  @Test
  void shouldScaffoldTheFreshCloneOfAnEmptyRepositoryWithoutForce() throws Exception {
    // git clone of a repository just made on the Git host: nothing in it but .git
    Path dir = tmp.resolve("ai-roadmap");
    org.eclipse.jgit.api.Git.init().setDirectory(dir.toFile()).call().close();

    Cli init = Cli.run("init", dir.toString());

    assertThat(init.code()).as(init.err()).isZero();
    assertThat(init.out()).contains("inside the Git repository of");
    assertThat(dir.resolve("roadmap.yaml")).isRegularFile();
    assertThat(Cli.run("validate", dir.toString()).code()).isZero();
  }

  @Test
  void shouldNotStartWithAUseCaseAlreadyInProduction() {
    LocalDate today = LocalDate.of(2027, 5, 14);

    for (Scaffold.File file : Scaffold.files(settings(Scaffold.defaultStart(today), today))) {
      assertThat(file.text()).as(file.path()).doesNotContain("status: production");
    }
  }

  @Test
  void shouldExplainItselfWithHelp() {
    Cli cli = Cli.run("init", "--help");

    assertThat(cli.code()).isZero();
    assertThat(cli.out())
        .contains("Usage: waymark init")
        .contains("--organisation")
        .contains("--currency")
        .contains("--start")
        .contains("--force")
        .contains("--no-git")
        .contains("never overwritten");
  }

  private static Scaffold.Settings settings(LocalDate start, LocalDate today) {
    return new Scaffold.Settings("Example Organisation", "USD", start, today);
  }

  private static void write(Path dir, List<Scaffold.File> files) throws IOException {
    for (Scaffold.File f : files) {
      Path target = dir.resolve(f.path());
      Files.createDirectories(target.getParent());
      Files.writeString(target, f.text());
    }
  }

  private static ValidationResult validate(Path dir, LocalDate asOf) {
    try {
      return new Validator(RuleRegistry.discover())
          .validate(
              new FolderSource(dir, dir.getFileName().toString()),
              ValidationOptions.defaults().withAsOf(asOf));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every finding's rule and message, so that a failure says what went wrong. */
  private static List<String> rulesOf(ValidationResult result) {
    return result.findings().stream().map(f -> f.rule() + ": " + f.message()).toList();
  }

  private static List<String> rules(String json) {
    List<String> rules = new ArrayList<>();
    JSON.readTree(json).get("findings").forEach(f -> rules.add(f.get("rule").asString()));
    return rules;
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }

  private static String kind(String yaml) {
    Matcher m = Pattern.compile("^kind: (\\w+)$", Pattern.MULTILINE).matcher(yaml);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
