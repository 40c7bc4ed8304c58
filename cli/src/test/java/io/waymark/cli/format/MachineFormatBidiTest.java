package io.waymark.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.RuleDescriptor;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bidirectional-text controls in roadmap texts ("Trojan Source", CVE-2021-42574): every format
 * shown to people carries U+FFFD in their place, as the reports do, while the paths tools resolve
 * to a file stay exact and the JSON keeps every text as written.
 */
class MachineFormatBidiTest {

  /** Reads "evil.yaml" where the override is applied: the file's real name ends in "lmay.live". */
  static final String FILE = "ev\u202Elmay.live";

  /** A schema finding quoting the value of {@code kind}, which the pull request chose. */
  static final String MESSAGE = "'Road\u202Epam' is not a kind: use one of \u2066Roadmap\u2069";

  static final String HINT = "write \u202Dkind: Roadmap";
  static final String POINTER = "/metadata/\u202Eid";
  static final String REASON = "agreed \u202Ewith the board";

  static final Finding FAILING =
      new Finding("schema", Severity.ERROR, new Location(FILE, 2, 7, POINTER), MESSAGE, HINT);
  static final Finding PASSING =
      new Finding(
          "schema", Severity.WARNING, new Location(FILE, 5, 1, "/x"), "also \u202Ehere", "");
  static final Finding QUIET =
      new Finding("not-waymark", Severity.INFO, new Location(FILE, 9, 1, ""), "not ours", "");

  static final RuleDescriptor RULE =
      new RuleDescriptor(
          "schema",
          Severity.ERROR,
          "structure",
          "a rule pack's summary \u202Ereversed",
          "why \u2067it matters\u2069",
          "fix \u202Bit",
          "",
          "");

  static final Pattern BIDI = Pattern.compile("[\u202A-\u202E\u2066-\u2069]");

  static ValidationResult result() {
    return MachineFormatEscapingTest.result(
        List.of(FILE),
        List.of(FAILING, PASSING),
        List.of(new ValidationResult.Suppressed(QUIET, "inline", REASON)));
  }

  static String neutral(String text) {
    return BIDI.matcher(text).replaceAll("\uFFFD");
  }

  static final FormatOptions OPTIONS = FormatOptions.plain(".");

  @Test
  void shouldShowNoBidiControlAnywhereInJunit() throws Exception {
    String out = JunitFormat.write(result(), OPTIONS);

    assertThat(BIDI.matcher(out).find()).as(out).isFalse();
    Document doc = MachineFormatEscapingTest.xml(out);
    Element failure = (Element) doc.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message"))
        .isEqualTo("ev\uFFFDlmay.live:2:7 " + neutral(MESSAGE));
    assertThat(failure.getTextContent())
        .contains("hint: write \uFFFDkind: Roadmap")
        .contains("path: /metadata/\uFFFDid");
    // Rules in order: not-waymark (suppressed), then schema with the warning below --fail-on.
    assertThat(doc.getElementsByTagName("system-out").item(1).getTextContent())
        .contains("also \uFFFDhere");
    Element skipped = (Element) doc.getElementsByTagName("skipped").item(0);
    assertThat(skipped.getAttribute("message")).contains("agreed \uFFFDwith the board");
    Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("name")).isEqualTo("ev\uFFFDlmay.live");
  }

  @Test
  void shouldNeutraliseCheckstyleMessagesButKeepTheFileName() throws Exception {
    String out = CheckstyleFormat.write(result(), SourceRoot.ROADMAP);

    Document doc = MachineFormatEscapingTest.xml(out);
    assertThat(((Element) doc.getElementsByTagName("file").item(0)).getAttribute("name"))
        .isEqualTo(FILE);
    Element error = (Element) doc.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("message"))
        .isEqualTo(neutral(MESSAGE) + "\nhint: write \uFFFDkind: Roadmap");
    assertThat(BIDI.matcher(out.replace("name=\"" + FILE + "\"", "")).find()).isFalse();
  }

  @Test
  void shouldNeutraliseGithubMessagesButKeepTheFile() {
    String out = GithubFormat.write(result(), OPTIONS);

    String first = out.lines().toList().get(0);
    assertThat(first)
        .isEqualTo(
            "::error file="
                + FILE
                + ",line=2,col=7,title=waymark schema::"
                + neutral(MESSAGE)
                + "%0Ahint: write \uFFFDkind: Roadmap");
    assertThat(BIDI.matcher(out.replace("file=" + FILE + ",", "")).find()).isFalse();
  }

  @Test
  void shouldNeutraliseSarifTextsButKeepUriAndPointer() {
    String out = SarifFormat.write(result(), List.of(RULE), SourceRoot.ROADMAP);

    JsonNode run = JsonMapper.builder().build().readTree(out).get("runs").get(0);
    JsonNode failing = run.get("results").get(0);
    assertThat(failing.get("message").get("text").asString())
        .isEqualTo(neutral(MESSAGE) + "\nhint: write \uFFFDkind: Roadmap");
    JsonNode location = failing.get("locations").get(0);
    assertThat(location.get("physicalLocation").get("artifactLocation").get("uri").asString())
        .isEqualTo("ev%E2%80%AElmay.live");
    assertThat(location.get("logicalLocations").get(0).get("fullyQualifiedName").asString())
        .isEqualTo(POINTER);
    JsonNode suppressed = run.get("results").get(2);
    assertThat(suppressed.get("suppressions").get(0).get("justification").asString())
        .isEqualTo("agreed \uFFFDwith the board");
    JsonNode rule = run.get("tool").get("driver").get("rules").get(0);
    assertThat(rule.get("shortDescription").get("text").asString())
        .isEqualTo("a rule pack's summary \uFFFDreversed");
    assertThat(rule.get("fullDescription").get("text").asString())
        .isEqualTo("why \uFFFDit matters\uFFFD");
    assertThat(rule.get("help").get("text").asString()).isEqualTo("fix \uFFFDit");
    assertThat(BIDI.matcher(rule.get("help").get("markdown").asString()).find()).isFalse();
    // The only control left is the pointer's, a location.
    assertThat(BIDI.matcher(out).results().count()).isEqualTo(1);
  }

  @Test
  void shouldNeutraliseGitlabDescriptionAndBodyButKeepThePath() {
    String out = GitlabFormat.write(result(), SourceRoot.ROADMAP);

    JsonNode issue = JsonMapper.builder().build().readTree(out).get(0);
    assertThat(issue.get("description").asString()).isEqualTo(neutral(MESSAGE));
    assertThat(issue.get("content").get("body").asString()).isEqualTo("write \uFFFDkind: Roadmap");
    assertThat(issue.get("location").get("path").asString()).isEqualTo(FILE);
    assertThat(JsonMapper.builder().build().readTree(out).get(1).get("description").asString())
        .isEqualTo("also \uFFFDhere");
  }

  @Test
  void shouldKeepEveryTextExactInJson() {
    String out = JsonFormat.write(result());

    JsonNode root = JsonMapper.builder().build().readTree(out);
    JsonNode finding = root.get("findings").get(0);
    assertThat(finding.toString()).contains(FILE);
    assertThat(out).contains(MESSAGE, HINT, POINTER, REASON);
  }

  @Test
  void shouldEscapeBidiControlsVisiblyInText() {
    String out =
        Formats.render(Format.text, result(), List.of(), FormatOptions.plain("."))
            + Formats.failing(result(), FormatOptions.plain("."), 20, "waymark.txt");

    assertThat(BIDI.matcher(out).find()).isFalse();
    assertThat(out)
        .contains("ev\\u202elmay.live:2:7")
        .contains("'Road\\u202epam' is not a kind: use one of \\u2066Roadmap\\u2069")
        .contains("hint: write \\u202dkind: Roadmap");
  }
}
