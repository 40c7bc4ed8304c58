package io.waymark.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.load.LoadResult;
import io.waymark.engine.model.Config;
import io.waymark.engine.model.Plan;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Hostile text in findings: markup, control characters, line breaks, odd file names. */
class MachineFormatEscapingTest {

  static final String FILE = "dir with space/ä,b:c.yaml";
  static final String MESSAGE = "bad <tag> & \"quote\" 100%\u0001\u0007 end\r\nsecond \uD800x 😀";
  static final String HINT = "use 'x'\u001b[31m";

  static final Finding NASTY =
      new Finding("odd-rule", Severity.ERROR, new Location(FILE, 3, 4, "/a/b"), MESSAGE, HINT);
  static final Finding TWIN_1 =
      new Finding("twin", Severity.WARNING, new Location("t.yaml", 1, 1, "/x"), "same", "");
  static final Finding TWIN_2 =
      new Finding("twin", Severity.WARNING, new Location("t.yaml", 9, 1, "/x"), "same", "");

  static ValidationResult result(List<Finding> findings) {
    return result(List.of(FILE, "t.yaml"), findings, List.of());
  }

  /** A validation of {@code files} as of 2027-05-14 that found {@code findings}. */
  static ValidationResult result(
      List<String> files, List<Finding> findings, List<ValidationResult.Suppressed> suppressed) {
    LoadResult load =
        new LoadResult(
            "repo", Config.defaults(), files, List.of(), List.of(), List.of(), Map.of(), List.of());
    return new ValidationResult(
        "repo",
        LocalDate.parse("2027-05-14"),
        load,
        Plan.of(Config.defaults(), List.of()),
        findings.stream().sorted().toList(),
        suppressed,
        Set.of());
  }

  static final FormatOptions OPTIONS =
      new FormatOptions(false, false, "./plan", Optional.of(Severity.ERROR));

  static Document xml(String text) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
  }

  @Test
  void shouldWriteWellFormedJunitWithoutControlCharacters() throws Exception {
    String out = JunitFormat.write(result(List.of(NASTY)), OPTIONS);

    Element failure = (Element) xml(out).getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message"))
        .isEqualTo("plan/" + FILE + ":3:4 bad <tag> & \"quote\" 100% end\r\nsecond x 😀");
    assertThat(failure.getTextContent()).contains("hint: use 'x'[31m");
    assertThat(out).doesNotContain("\u0001").doesNotContain("\u0007").doesNotContain("\u001b");
    Element suite = (Element) xml(out).getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("name")).isEqualTo("plan/" + FILE);
  }

  @Test
  void shouldKeepLineBreaksInCheckstyleAttributes() throws Exception {
    String out = CheckstyleFormat.write(result(List.of(NASTY)), SourceRoot.ROADMAP);

    Document doc = xml(out);
    Element file = (Element) doc.getElementsByTagName("file").item(0);
    Element error = (Element) doc.getElementsByTagName("error").item(0);
    assertThat(file.getAttribute("name")).isEqualTo(FILE);
    assertThat(error.getAttribute("message"))
        .isEqualTo("bad <tag> & \"quote\" 100% end\r\nsecond x 😀\nhint: use 'x'[31m");
    assertThat(error.getAttribute("source")).isEqualTo("waymark.odd-rule");
  }

  @Test
  void shouldKeepEachGithubAnnotationOnOneLine() {
    String out = GithubFormat.write(result(List.of(NASTY)), OPTIONS);

    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .startsWith(
            "::error file=plan/dir with space/ä%2Cb%3Ac.yaml,line=3,col=4,title=waymark"
                + " odd-rule::bad <tag> & \"quote\" 100%25\uFFFD\uFFFD end")
        .contains("end%0D%0Asecond")
        .endsWith("%0Ahint: use 'x'\uFFFD[31m")
        .doesNotContain("\u001b")
        .doesNotContain("\u0007");
  }

  @Test
  void shouldPercentEncodeSarifUrisAndEscapeJson() {
    String out = SarifFormat.write(result(List.of(NASTY)), List.of(), SourceRoot.ROADMAP);

    JsonNode run = JsonMapper.builder().build().readTree(out).get("runs").get(0);
    JsonNode r = run.get("results").get(0);
    assertThat(
            r.get("locations")
                .get(0)
                .get("physicalLocation")
                .get("artifactLocation")
                .get("uri")
                .asString())
        .isEqualTo("dir%20with%20space/%C3%A4,b%3Ac.yaml");
    assertThat(r.get("message").get("text").asString())
        .startsWith("bad <tag> & \"quote\" 100%\u0001");
    // A rule the registry does not know still gets an entry for its ruleIndex.
    assertThat(
            run.get("tool")
                .get("driver")
                .get("rules")
                .get(r.get("ruleIndex").asInt())
                .get("id")
                .asString())
        .isEqualTo("odd-rule");
  }

  @Test
  void shouldKeepGitlabFingerprintsUnique() {
    String out = GitlabFormat.write(result(List.of(TWIN_1, TWIN_2)), SourceRoot.ROADMAP);

    JsonNode issues = JsonMapper.builder().build().readTree(out);
    assertThat(TWIN_1.fingerprint()).isEqualTo(TWIN_2.fingerprint());
    assertThat(issues.get(0).get("fingerprint").asString()).isEqualTo(TWIN_1.fingerprint());
    assertThat(issues.get(1).get("fingerprint").asString()).isEqualTo(TWIN_1.fingerprint() + "-2");
    assertThat(issues.get(1).get("location").get("lines").get("begin").asInt()).isEqualTo(9);
    assertThat(issues.get(0).has("content")).isFalse();
  }

  @Test
  void shouldDropCharactersXmlCannotHoldAndEscapeMarkup() {
    assertThat(Xml.text("a\u0000b\u0008c\uFFFEd\uD800e\tf\ng😀<&>\"'"))
        .isEqualTo("abcde\tf\ng😀&lt;&amp;&gt;\"'");
    assertThat(Xml.attribute("a\"b\nc\rd\te<")).isEqualTo("a&quot;b&#10;c&#13;d&#9;e&lt;");
  }

  @Test
  void shouldPrefixPathsWithTheFolderAsGiven() {
    assertThat(FormatOptions.plain(".").displayed("a.yaml")).isEqualTo("a.yaml");
    assertThat(FormatOptions.plain("./").displayed("a.yaml")).isEqualTo("a.yaml");
    assertThat(FormatOptions.plain("./plan").displayed("a.yaml")).isEqualTo("plan/a.yaml");
    assertThat(FormatOptions.plain("plan/").displayed("a.yaml")).isEqualTo("plan/a.yaml");
    assertThat(FormatOptions.plain("/abs/plan").displayed("a.yaml")).isEqualTo("/abs/plan/a.yaml");
  }
}
