package io.waymark.cli.format;

import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * JUnit XML as Jenkins' JUnit plugin, Ant and Surefire read it: one {@code <testsuite>} per file
 * (named by the file as seen from where the command ran), one {@code <testcase>} per rule with
 * findings in that file ({@code classname} = the file, {@code name} = the rule id), and a passing
 * test case {@code valid} for a file without findings, so the test count shows every file.
 *
 * <p>A test case fails when one of its findings is at or above {@code --fail-on}, so the test
 * result agrees with the exit code: its single {@code <failure>} carries the first such finding as
 * {@code file:line:column message} and lists all of them, each with rule, hint and JSON path, in
 * its body (Jenkins shows only the first {@code <failure>} of a test case, hence one). Findings
 * below the threshold leave the test case passing and are listed in its {@code <system-out>}. A
 * rule whose findings in a file were all suppressed is a {@code <skipped>} test case with the
 * reasons.
 *
 * <p>Every text is one Jenkins or GitLab shows to people, file names included (no tool resolves a
 * test suite's name or a class name to a file): each is {@link FindingText#shown}, a
 * bidirectional-text control in it U+FFFD.
 */
final class JunitFormat {

  private JunitFormat() {}

  static String write(ValidationResult result, FormatOptions options) {
    StringWriter head = new StringWriter();
    StringWriter body = new StringWriter();
    write(result, options, head, body);
    return head.append(body.getBuffer()).toString();
  }

  /**
   * As {@link #write(ValidationResult, FormatOptions)}: the test suites to {@code body} as each is
   * made, then the opening {@code <testsuites>} with their totals to {@code head}; the output is
   * {@code head} then {@code body}. Closes neither.
   */
  static void write(ValidationResult result, FormatOptions options, Writer head, Writer body) {
    try {
      writeSuites(result, options, head, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeSuites(
      ValidationResult result, FormatOptions options, Writer head, Writer body) throws IOException {
    Map<String, Map<String, List<Finding>>> active = new TreeMap<>();
    Map<String, Map<String, List<ValidationResult.Suppressed>>> suppressed = new TreeMap<>();
    SortedSet<String> files = new TreeSet<>(result.files());
    for (Finding f : result.findings()) {
      files.add(f.file());
      active
          .computeIfAbsent(f.file(), k -> new TreeMap<>())
          .computeIfAbsent(f.rule(), k -> new ArrayList<>())
          .add(f);
    }
    for (ValidationResult.Suppressed s : result.suppressed()) {
      files.add(s.finding().file());
      suppressed
          .computeIfAbsent(s.finding().file(), k -> new TreeMap<>())
          .computeIfAbsent(s.finding().rule(), k -> new ArrayList<>())
          .add(s);
    }

    int tests = 0;
    int failures = 0;
    int skipped = 0;
    for (String file : files) {
      Map<String, List<Finding>> byRule = active.getOrDefault(file, Map.of());
      Map<String, List<ValidationResult.Suppressed>> quiet =
          suppressed.getOrDefault(file, Map.of());
      SortedSet<String> rules = new TreeSet<>(byRule.keySet());
      rules.addAll(quiet.keySet());
      String shown = FindingText.shown(options.displayed(file));
      StringBuilder cases = new StringBuilder();
      int suiteTests = 0;
      int suiteFailures = 0;
      int suiteSkipped = 0;
      if (byRule.isEmpty()) {
        cases.append("    <testcase").append(Xml.attribute("name", "valid"));
        cases.append(Xml.attribute("classname", shown)).append(Xml.attribute("time", "0"));
        cases.append("/>\n");
        suiteTests++;
      }
      for (String rule : rules) {
        List<Finding> findings = byRule.getOrDefault(rule, List.of());
        List<ValidationResult.Suppressed> hidden = quiet.getOrDefault(rule, List.of());
        List<Finding> failing = findings.stream().filter(f -> options.fails(f.severity())).toList();
        List<String> notes = new ArrayList<>();
        findings.stream()
            .filter(f -> !options.fails(f.severity()))
            .forEach(f -> notes.add(block(shown, f, result.isBaselined(f) ? "(baseline)" : "")));
        hidden.forEach(
            s ->
                notes.add(
                    block(shown, s.finding(), "(suppressed " + s.how() + ": " + s.reason() + ")")));

        cases.append("    <testcase").append(Xml.attribute("name", FindingText.shown(rule)));
        cases.append(Xml.attribute("classname", shown)).append(Xml.attribute("time", "0"));
        cases.append(">\n");
        if (!failing.isEmpty()) {
          Finding first = failing.get(0);
          String message =
              FindingText.shown(
                  FindingText.position(shown, first)
                      + " "
                      + first.message()
                      + more(failing.size() - 1));
          Severity worst =
              failing.stream().map(Finding::severity).min(Enum::compareTo).orElseThrow();
          List<String> blocks = new ArrayList<>();
          failing.forEach(f -> blocks.add(block(shown, f, "")));
          cases.append("      <failure").append(Xml.attribute("message", message));
          cases.append(Xml.attribute("type", worst.id())).append(">");
          cases.append(Xml.text(String.join("\n\n", blocks))).append("</failure>\n");
          suiteFailures++;
        } else if (findings.isEmpty()) {
          ValidationResult.Suppressed first = hidden.get(0);
          cases.append("      <skipped");
          cases.append(
              Xml.attribute(
                  "message",
                  FindingText.shown(
                      "suppressed ("
                          + first.how()
                          + "): "
                          + first.reason()
                          + more(hidden.size() - 1))));
          cases.append("/>\n");
          suiteSkipped++;
        }
        if (!notes.isEmpty()) {
          cases.append("      <system-out>");
          cases.append(Xml.text(String.join("\n\n", notes))).append("</system-out>\n");
        }
        cases.append("    </testcase>\n");
        suiteTests++;
      }
      body.append("  <testsuite").append(Xml.attribute("name", shown));
      body.append(Xml.attribute("tests", suiteTests));
      body.append(Xml.attribute("failures", suiteFailures));
      body.append(Xml.attribute("errors", 0));
      body.append(Xml.attribute("skipped", suiteSkipped));
      body.append(Xml.attribute("time", "0")).append(">\n");
      body.append(cases).append("  </testsuite>\n");
      tests += suiteTests;
      failures += suiteFailures;
      skipped += suiteSkipped;
    }
    body.append("</testsuites>\n");
    head.append(Xml.DECLARATION)
        .append("<testsuites")
        .append(Xml.attribute("name", "waymark"))
        .append(Xml.attribute("tests", tests))
        .append(Xml.attribute("failures", failures))
        .append(Xml.attribute("errors", 0))
        .append(Xml.attribute("skipped", skipped))
        .append(Xml.attribute("time", "0"))
        .append(">\n");
  }

  private static String more(int n) {
    return n <= 0 ? "" : " (and " + n + " more)";
  }

  /**
   * One finding: position, severity and message, then rule, hint and JSON path; {@link
   * FindingText#shown}.
   */
  private static String block(String file, Finding f, String note) {
    StringBuilder b = new StringBuilder();
    b.append(FindingText.position(file, f)).append(' ').append(f.severity().id()).append(' ');
    b.append(f.message());
    if (!note.isEmpty()) {
      b.append(' ').append(note);
    }
    b.append("\nrule: ").append(f.rule());
    if (!f.hint().isEmpty()) {
      b.append("\nhint: ").append(f.hint());
    }
    b.append("\npath: ").append(f.path().isEmpty() ? "(the whole document)" : f.path());
    return FindingText.shown(b.toString());
  }
}
