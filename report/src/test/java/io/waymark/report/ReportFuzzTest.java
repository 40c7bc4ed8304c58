package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.waymark.engine.ValidationResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target (issue 11, docs/reliability.md): the reports of generated models are well-formed
 * XHTML, and no {@code <} from the data reaches them unescaped. The model is the example with text
 * fields replaced by fuzzed strings that carry a marker element; the marker must never appear as
 * markup in the HTML or the Markdown.
 */
class ReportFuzzTest {

  static final String MARK = "<x-fuzz a=\"1\">";

  /** Text fields of the example (titles, names, descriptions): any string is schema-valid there. */
  static final Pattern TEXT =
      Pattern.compile(
          "(?m)^(\\s*(?:- )?(?:title|name|description|summary|rationale|owner|notes|statement): )(.+)$");

  static final String ROADMAP = readExample("roadmap.yaml");

  /** Loads the validator's and the templates' classes before the fuzzing clock starts. */
  @BeforeAll
  static void warmUp() {
    Reports.render(ReportInput.of(Examples.example()).withPdf(false));
  }

  @FuzzTest(maxDuration = "8s")
  void reportsAreWellFormedAndEscaped(FuzzedDataProvider data) throws Exception {
    Matcher m = TEXT.matcher(ROADMAP);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(2), m.end(2)});
    }
    StringBuilder text = new StringBuilder(ROADMAP);
    int edits = data.consumeInt(1, 5);
    List<int[]> chosen = new ArrayList<>();
    for (int i = 0; i < edits && !spans.isEmpty(); i++) {
      chosen.add(spans.get(data.consumeInt(0, spans.size() - 1)));
    }
    chosen.sort(Comparator.comparingInt((int[] s) -> s[0]).reversed());
    int last = Integer.MAX_VALUE;
    for (int[] span : chosen) {
      if (span[1] > last) {
        continue;
      }
      String value = data.consumeString(60) + MARK + data.consumeString(20);
      text.replace(
          span[0],
          span[1],
          "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"");
      last = span[0];
    }

    Path dir = Files.createTempDirectory("waymark-report-fuzz");
    try {
      Examples.copyExample(dir.resolve("r"));
      Files.writeString(dir.resolve("r/roadmap.yaml"), text);
      ValidationResult result = Examples.validate(dir.resolve("r"), "r");
      RenderedReport report = Reports.render(ReportInput.of(result).withPdf(false));

      for (String name : report.files().keySet()) {
        String out = report.text(name);
        assertThat(out).as(name).doesNotContain("<x-fuzz");
        if (name.endsWith(".html")) {
          DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
          f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
          f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
          f.setExpandEntityReferences(false);
          f.newDocumentBuilder().parse(new ByteArrayInputStream(report.files().get(name)));
        }
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static String readExample(String name) {
    try {
      return Files.readString(Examples.EXAMPLE.resolve(name));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
