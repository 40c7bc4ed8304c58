package io.waymark.cli;

import static io.waymark.cli.MachineFormats.children;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JunitOutputTest {

  @TempDir Path tmp;

  KnownFindings repo;

  @BeforeEach
  void breakTheExample() {
    repo = KnownFindings.create(tmp);
  }

  private Cli junit(String... extra) {
    String[] args = new String[3 + extra.length];
    args[0] = "validate";
    args[1] = repo.dir().toString();
    args[2] = "--format=junit";
    System.arraycopy(extra, 0, args, 3, extra.length);
    return Cli.run(args);
  }

  /** testsuite name → (testcase name → testcase), from the output. */
  private static Map<String, Map<String, Element>> cases(Document doc) {
    Map<String, Map<String, Element>> suites = new TreeMap<>();
    for (Element suite : children(doc.getDocumentElement(), "testsuite")) {
      Map<String, Element> byName = new TreeMap<>();
      for (Element c : children(suite, "testcase")) {
        assertThat(byName.put(c.getAttribute("name"), c)).as("one test case per rule").isNull();
      }
      suites.put(suite.getAttribute("name"), byName);
    }
    return suites;
  }

  @Test
  void shouldValidateAgainstTheJunitSchemaThatJenkinsReads() {
    Cli cli = junit();

    assertThat(cli.code()).isEqualTo(1);
    assertThat(cli.out()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites");
    assertThat(MachineFormats.junitProblems(cli.out())).isEmpty();
  }

  @Test
  void shouldRejectAJunitFileThatBreaksTheSchema() {
    // The schema is strict enough to catch what Jenkins would misread.
    assertThat(
            MachineFormats.junitProblems(
                "<testsuites><testsuite name=\"a\" tests=\"x\"><testcase/></testsuite></testsuites>"))
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void shouldHaveOneSuitePerFileAndOneCasePerRuleWithFindings() {
    Document doc = MachineFormats.xml(junit().out());
    Element root = doc.getDocumentElement();
    Map<String, Map<String, Element>> suites = cases(doc);
    String p = repo.prefix();

    assertThat(root.getAttribute("name")).isEqualTo("waymark");
    assertThat(suites).hasSize(KnownFindings.FILES);
    assertThat(suites.get(p + KnownFindings.GOVERNANCE)).containsOnlyKeys("schema");
    assertThat(suites.get(p + KnownFindings.GPU))
        .containsOnlyKeys("vendor-decision-mismatch", "vendor-red-flag");
    assertThat(suites.get(p + KnownFindings.EDGE)).containsOnlyKeys("pitfall-no-metrics");
    assertThat(suites.get(p + KnownFindings.OTHER)).containsOnlyKeys("not-waymark");
    assertThat(suites.get(p + KnownFindings.ROADMAP)).containsOnlyKeys("history-unavailable");
    assertThat(suites.get(p + KnownFindings.SCRATCH)).containsOnlyKeys("valid", "not-waymark");
    assertThat(suites.get(p + "waymark.yaml")).containsOnlyKeys("valid");
    // 21 clean files (scratch included) with a "valid" case, and 7 rule cases.
    assertThat(root.getAttribute("tests")).isEqualTo("28");
    assertThat(root.getAttribute("failures")).isEqualTo("3");
    assertThat(root.getAttribute("errors")).isEqualTo("0");
    assertThat(root.getAttribute("skipped")).isEqualTo("1");
    Element schema = suites.get(p + KnownFindings.GOVERNANCE).get("schema");
    assertThat(schema.getAttribute("classname")).isEqualTo(p + KnownFindings.GOVERNANCE);
    Element suite = (Element) schema.getParentNode();
    assertThat(suite.getAttribute("tests")).isEqualTo("1");
    assertThat(suite.getAttribute("failures")).isEqualTo("1");
  }

  @Test
  void shouldCarryFileLineColumnAndMessageInEachFailure() {
    Map<String, Map<String, Element>> suites = cases(MachineFormats.xml(junit().out()));
    String p = repo.prefix();

    Element mismatch = suites.get(p + KnownFindings.GPU).get("vendor-decision-mismatch");
    List<Element> failures = children(mismatch, "failure");
    assertThat(failures).hasSize(1);
    assertThat(failures.get(0).getAttribute("type")).isEqualTo("error");
    assertThat(failures.get(0).getAttribute("message"))
        .startsWith(
            p
                + KnownFindings.GPU
                + ":"
                + repo.decisionLine()
                + ":17 vendor 'v-helio-cloud' is declared go but scores 69.33%");
    assertThat(failures.get(0).getTextContent())
        .contains("rule: vendor-decision-mismatch")
        .contains("hint: Set 'decision: diligence'")
        .contains("path: /spec/vendors/1/decision");

    // Two schema findings in one file: one failure, the first in its message, both in its body.
    Element schema =
        children(suites.get(p + KnownFindings.GOVERNANCE).get("schema"), "failure").get(0);
    assertThat(schema.getAttribute("message"))
        .isEqualTo(
            p
                + KnownFindings.GOVERNANCE
                + ":"
                + repo.governanceMetadataLine()
                + ":3 missing required field 'title' in /metadata (and 1 more)");
    assertThat(schema.getTextContent())
        .contains(
            p
                + KnownFindings.GOVERNANCE
                + ":"
                + repo.titelLine()
                + ":3 error unknown field 'titel' in /metadata")
        .contains("hint: Did you mean 'title'?");
  }

  @Test
  void shouldPassWarningsAndInfosBelowFailOnAndListThemInSystemOut() {
    Map<String, Map<String, Element>> suites = cases(MachineFormats.xml(junit().out()));
    String p = repo.prefix();

    Element kpi = suites.get(p + KnownFindings.EDGE).get("pitfall-no-metrics");
    assertThat(children(kpi, "failure")).isEmpty();
    assertThat(children(kpi, "system-out").get(0).getTextContent())
        .startsWith(p + KnownFindings.EDGE + ":" + repo.edgeLine() + ":7 warning benefit ")
        .contains("names no kpi");
    Element history = suites.get(p + KnownFindings.ROADMAP).get("history-unavailable");
    assertThat(children(history, "failure")).isEmpty();
    assertThat(children(history, "system-out").get(0).getTextContent()).contains("1:1 info");
  }

  @Test
  void shouldSkipARuleWhoseFindingsWereSuppressedWithTheReason() {
    Map<String, Map<String, Element>> suites = cases(MachineFormats.xml(junit().out()));

    Element scratch = suites.get(repo.prefix() + KnownFindings.SCRATCH).get("not-waymark");
    assertThat(children(scratch, "skipped").get(0).getAttribute("message"))
        .isEqualTo("suppressed (inline): " + KnownFindings.SUPPRESSION_REASON);
  }

  @Test
  void shouldFollowFailOnSoThatTheTestResultMatchesTheExitCode() {
    Cli warning = junit("--fail-on", "warning");
    Cli never = junit("--fail-on", "never");

    assertThat(warning.code()).isEqualTo(1);
    Element warningRoot = MachineFormats.xml(warning.out()).getDocumentElement();
    assertThat(warningRoot.getAttribute("failures")).isEqualTo("4");
    Element kpi =
        cases(MachineFormats.xml(warning.out()))
            .get(repo.prefix() + KnownFindings.EDGE)
            .get("pitfall-no-metrics");
    assertThat(children(kpi, "failure").get(0).getAttribute("type")).isEqualTo("warning");
    assertThat(never.code()).isZero();
    assertThat(MachineFormats.xml(never.out()).getDocumentElement().getAttribute("failures"))
        .isEqualTo("0");
    assertThat(MachineFormats.junitProblems(warning.out())).isEmpty();
  }

  @Test
  void shouldGiveEveryFileAPassingCaseOnTheCleanExample() {
    Cli cli = Cli.run("validate", GitWorkTree.EXAMPLE.toString(), "--format", "junit");

    assertThat(cli.code()).isZero();
    Document doc = MachineFormats.xml(cli.out());
    assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
    List<Element> suites = children(doc.getDocumentElement(), "testsuite");
    assertThat(suites).hasSize(24);
    assertThat(suites)
        .allSatisfy(
            s ->
                assertThat(children(s, "testcase"))
                    .extracting(c -> c.getAttribute("name"))
                    .containsExactly("valid"));
  }

  @Test
  void shouldBeByteIdenticalOnTheSameInput() {
    assertThat(junit().out()).isEqualTo(junit().out());
  }
}
