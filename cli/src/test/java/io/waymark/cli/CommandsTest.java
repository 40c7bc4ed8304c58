package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.rules.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

@Tag(LocaleSensitive.TAG)
class CommandsTest {

  @TempDir Path tmp;

  @Test
  void shouldPrintTheVersion() {
    Cli cli = Cli.run("--version");

    assertThat(cli.code()).isZero();
    assertThat(cli.out()).startsWith("waymark ").doesNotContain("dev");
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "rules", "explain", "schema"})
  void shouldHaveHelpForEveryCommand(String command) {
    Cli cli = Cli.run(command, "--help");

    assertThat(cli.code()).isZero();
    assertThat(cli.out()).contains("Usage: waymark " + command);
  }

  @Test
  void shouldListEveryRuleWithSeverityAndSummary() {
    Cli cli = Cli.run("rules");

    assertThat(cli.code()).isZero();
    for (var d : RuleRegistry.discover().descriptors()) {
      assertThat(cli.out()).containsPattern("(?m)^" + d.id() + " +" + d.severity().id() + " +\\S");
    }
  }

  @Test
  void shouldExplainARule() {
    Cli cli = Cli.run("explain", "ref-unresolved");

    assertThat(cli.code()).isZero();
    assertThat(cli.out())
        .contains("ref-unresolved  (error")
        .contains("Why")
        .contains("How to fix")
        .contains("Fails")
        .contains("Passes");
  }

  @Test
  void shouldSuggestWhenExplainingAnUnknownRule() {
    Cli cli = Cli.run("explain", "ref-unresolve");

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err())
        .contains("no rule 'ref-unresolve'")
        .contains("did you mean ref-unresolved");
  }

  /**
   * The text output prints a rule as "[bc-financials-mismatch]"; pasted with its brackets, or in
   * capitals, it was "no rule" without even a suggestion.
   */
  @ParameterizedTest
  @ValueSource(strings = {"[ref-unresolved]", "REF-UNRESOLVED", " ref-unresolved "})
  void shouldExplainARuleAsCopiedFromTheOutput(String written) {
    Cli cli = Cli.run("explain", written);

    assertThat(cli.code()).isEqualTo(0);
    assertThat(cli.out()).contains("ref-unresolved  (error");
  }

  @Test
  void shouldKeepDocsRulesUpToDate() throws IOException {
    String docs = Files.readString(Path.of("..", "docs", "rules.md"), StandardCharsets.UTF_8);

    assertThat(docs)
        .as("docs/rules.md is generated: run ./waymark rules --format markdown > docs/rules.md")
        .isEqualTo(RuleText.markdown(RuleRegistry.discover().descriptors()));
  }

  @Test
  void shouldExportEverySchema() throws IOException {
    Cli cli = Cli.run("schema", "--out", tmp.toString());

    assertThat(cli.code()).isZero();
    assertThat(tmp.resolve("waymark.schema.json")).exists();
    assertThat(tmp.resolve("business-case.schema.json")).exists();
    assertThat(
            JsonMapper.builder()
                .build()
                .readTree(tmp.resolve("roadmap.schema.json").toFile())
                .get("$id")
                .asString())
        .isEqualTo("https://waymark.io/schema/v1/roadmap.schema.json");
  }

  @Test
  void shouldPrintOneKindsSchema() {
    Cli cli = Cli.run("schema", "--kind", "VendorEvaluation");

    assertThat(cli.code()).isZero();
    assertThat(cli.out()).contains("vendor-evaluation.schema.json");
    assertThat(Cli.run("schema", "--kind", "Vendor").code()).isEqualTo(2);
  }

  /**
   * "waymark new business-case" takes a kind in any case; "schema --kind business-case" and "--kind
   * roadmap" said "unknown kind". And "--kind Roadmap --out DIR" wrote all ten files, silently
   * ignoring --kind.
   */
  @ParameterizedTest
  @ValueSource(strings = {"roadmap", "business-case", "BUSINESSCASE", "config"})
  void shouldTakeAKindAsNewDoes(String kind) {
    Cli cli = Cli.run("schema", "--kind", kind);

    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(cli.out()).contains(kind.startsWith("r") ? "roadmap.schema.json" : ".schema.json");
  }

  /**
   * A fact's hint said "see `waymark schema roadmap`", which was refused ("Unmatched argument"):
   * the kind may be the argument, as 'waymark new KIND' takes it; given both ways, it must be one
   * kind.
   */
  @Test
  void shouldTakeTheKindAsAnArgumentToo() {
    Cli argument = Cli.run("schema", "roadmap");
    Cli both = Cli.run("schema", "--kind", "Roadmap", "roadmap");
    Cli clash = Cli.run("schema", "--kind", "Roadmap", "use-case");

    assertThat(argument.code()).as(argument.err()).isZero();
    assertThat(argument.out()).isEqualTo(Cli.run("schema", "--kind", "Roadmap").out());
    assertThat(argument.out()).contains("roadmap.schema.json");
    assertThat(both.code()).as(both.err()).isZero();
    assertThat(clash.code()).isEqualTo(2);
    assertThat(clash.err()).contains("two kinds given, --kind Roadmap and use-case");
    assertThat(Cli.run("schema", "nosuch").err()).contains("unknown kind 'nosuch'");
  }

  @Test
  void shouldRefuseAKindWithOutInsteadOfIgnoringIt() {
    Cli cli = Cli.run("schema", "--kind", "Roadmap", "--out", tmp.toString());

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err()).contains("--kind").contains("--out");
    assertThat(tmp).isEmptyDirectory();
  }

  /**
   * A bare "waymark" printed the usage and exited 0, so a CI script that lost its command word (an
   * unset variable) passed: a missing command is a usage error, exit 2, with the usage on stderr.
   */
  @Test
  void shouldRefuseNoCommandAsAUsageError() {
    Cli cli = Cli.run();

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err())
        .startsWith("waymark: 'waymark' needs a command, one of: validate, baseline, rules,")
        .contains("Usage: waymark")
        .doesNotContain(", help");
  }

  @ParameterizedTest
  @ValueSource(strings = {"hook|install, uninstall", "daemon|start, stop, status"})
  void shouldRefuseACommandWithoutItsSubcommandAsAUsageError(String line) {
    String command = line.split("\\|")[0];
    Cli cli = Cli.run(command);

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.out()).isEmpty();
    assertThat(cli.err())
        .startsWith(
            "waymark: 'waymark "
                + command
                + "' needs a command, one of: "
                + line.split("\\|")[1]
                + ".")
        .contains("Usage: waymark " + command);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--help", "help"})
  void shouldStillPrintTheUsageWhenAskedFor(String ask) {
    Cli cli = Cli.run(ask);

    assertThat(cli.code()).isZero();
    assertThat(cli.out()).contains("Usage: waymark").contains("validate");
    assertThat(cli.err()).isEmpty();
  }

  @Test
  void shouldStillPrintTheUsageOfASubcommandWhenAskedFor() {
    Cli cli = Cli.run("hook", "--help");

    assertThat(cli.code()).isZero();
    assertThat(cli.out()).contains("Usage: waymark hook").contains("install");
  }

  @Test
  void shouldSayPlainlyThatACommandDoesNotExist() {
    Cli cli = Cli.run("frobnicate", "business-case");

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err())
        .contains("'frobnicate' is not a waymark command; the commands are: validate, baseline")
        .doesNotContain("Did you mean");
  }

  /**
   * "waymark hook instal" answered "Did you mean: waymark install?", a command that does not exist,
   * and called 'instal' not "a waymark command": the suggestion names the whole command line.
   */
  @Test
  void shouldSuggestASubcommandWithTheCommandItBelongsTo() {
    Cli cli = Cli.run("hook", "instal");

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err())
        .contains("'instal' is not a waymark hook command; the commands are: install, uninstall.")
        .contains("Did you mean: waymark hook install?");
  }

  @Test
  void shouldOfferOnlyTheCommandsAUserRuns() {
    Cli cli = Cli.run("daemon", "frobnicate");

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err())
        .contains(
            "'frobnicate' is not a waymark daemon command; the commands are: start, stop, status.")
        .doesNotContain("serve");
  }

  @Test
  void shouldStillSuggestACloseCommand() {
    Cli cli = Cli.run("valdiate", ".");

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err()).contains("Did you mean: waymark validate?");
  }

  /**
   * An empty path is the current folder to Java: {@code validate "$ROADMAP"} with the variable
   * unset validated the folder the job ran in, and {@code report --out ""} wrote the reports there.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"validate|", "history|", "report|.|--out|", "schema|--out|", "ci|.|--out|"})
  void shouldRefuseAnEmptyPathAsAUsageError(String line) {
    Cli run = Cli.run(line.split("\\|", -1));

    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("an empty path (an unset variable?): name a folder or file");
    assertThat(run.out()).isEmpty();
  }

  /** Said "cannot write DIR: it is a folder", true but with no way out. */
  @Test
  void shouldSayHowToWriteFindingsWhereAFolderIsInTheWay() throws IOException {
    Path roadmap = tmp.resolve("plan");
    assertThat(Cli.run("init", roadmap.toString(), "--no-git").code()).isZero();
    Path folder = Files.createDirectories(tmp.resolve("findings.txt"));

    Cli run = Cli.run("validate", roadmap.toString(), "--output", folder.toString());

    assertThat(run.code()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .contains("findings.txt: a folder of that name is there; remove or rename it");
  }

  @Test
  void shouldExitTwoForHelpOfAnUnknownCommand() {
    Cli cli = Cli.run("UNKNOWN", "--help");

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.out()).doesNotContain("Usage:");
    assertThat(cli.err()).contains("'UNKNOWN' is not a waymark command");
  }

  /**
   * "waymark help nosuch" printed picocli's bare "Unknown subcommand 'nosuch'." without the
   * commands there are: it says what "waymark nosuch" says, and exits 2 (a usage error).
   */
  @Test
  void shouldListTheCommandsForHelpOfAnUnknownCommand() {
    Cli help = Cli.run("help", "nosuch");
    Cli run = Cli.run("nosuch");

    assertThat(help.code()).isEqualTo(ExitCode.USAGE);
    assertThat(help.out()).isEmpty();
    assertThat(help.err())
        .startsWith(
            "waymark: 'nosuch' is not a waymark command; the commands are: validate, baseline,")
        .doesNotContain("Unknown subcommand")
        .doesNotContain(", help");
    assertThat(help.err().lines().findFirst()).isEqualTo(run.err().lines().findFirst());
  }

  @Test
  void shouldSuggestTheHelpOfACloseCommand() {
    Cli cli = Cli.run("help", "valdiate");

    assertThat(cli.code()).isEqualTo(ExitCode.USAGE);
    assertThat(cli.err())
        .contains("'valdiate' is not a waymark command; the commands are: validate,")
        .contains("Did you mean: waymark help validate?");
  }

  /**
   * "waymark help hook install" was refused: the help of a subcommand is asked for the same way.
   */
  @Test
  void shouldPrintTheHelpOfASubcommandAndSuggestOne() {
    Cli install = Cli.run("help", "hook", "install");
    Cli typo = Cli.run("help", "hook", "instal");

    assertThat(install.code()).isZero();
    assertThat(install.out()).contains("Usage: waymark hook install");
    assertThat(typo.code()).isEqualTo(ExitCode.USAGE);
    assertThat(typo.err())
        .contains("'instal' is not a waymark hook command; the commands are: install, uninstall.")
        .contains("Did you mean: waymark help hook install?");
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "hook"})
  void shouldPrintTheHelpOfACommand(String command) {
    Cli cli = Cli.run("help", command);

    assertThat(cli.code()).isZero();
    assertThat(cli.out()).isEqualTo(Cli.run(command, "--help").out());
  }

  @Test
  void shouldPointRoadmapMissingAtTheFolder() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(
        empty.resolve("governance.yaml"), "apiVersion: waymark/v1\nkind: Governance\n");

    Cli cli = Cli.run("validate", empty.toString(), "--no-color");

    String folder = empty.toString().replace('\\', '/') + "/";
    assertThat(cli.out())
        .contains("  " + folder + "  error    [roadmap-missing] no Roadmap document in the folder")
        .doesNotContain("roadmap.yaml:1:1");
  }
}
