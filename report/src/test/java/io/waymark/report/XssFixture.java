package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The example roadmap with script, image and {@code javascript:} payloads in titles, descriptions,
 * deliverables, evidence, the organisation name and a file name: every one must come out of a
 * report as text.
 */
final class XssFixture {

  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "<img src=x onerror=alert(1)>";
  static final String JS_LINK = "javascript:alert(1)";
  static final String MD_LINK = "[x](javascript:alert(1))";

  /** A right-to-left override: what follows it, the report's own words too, shows reversed. */
  static final String BIDI = "invoice-\u202Efdp.exe";

  /** Every payload as the report must show it, literally. */
  static final List<String> PAYLOADS = List.of(SCRIPT, IMG, JS_LINK, MD_LINK);

  private XssFixture() {}

  static Path create(Path folder) throws IOException {
    Examples.copyExample(folder);
    replace(
        folder.resolve("roadmap.yaml"),
        "          title: Readiness scorecard and top-three constraint plan published",
        "          title: \"" + SCRIPT + " Readiness scorecard\"");
    replace(
        folder.resolve("roadmap.yaml"),
        "          title: Vector database deployed (pilot tier)",
        "          title: \"" + IMG + " Vector database\"");
    replace(
        folder.resolve("roadmap.yaml"),
        "          - assessment/2027-01-assessment.yaml\n",
        "          - assessment/2027-01-assessment.yaml\n"
            + "          - \""
            + JS_LINK
            + "\"\n"
            + "          - \""
            + SCRIPT
            + "\"\n"
            + "          - \"https://example.com/gate?a=1&b=2\"\n");
    replace(
        folder.resolve("roadmap.yaml"),
        "            description: Three or more use cases running in production",
        "            description: \"" + SCRIPT + " Three or more use cases\"");
    replace(
        folder.resolve("roadmap.yaml"),
        "          title: Cut retrieval latency on the ETA path",
        "          title: \"" + MD_LINK + " Cut retrieval latency\"");
    replace(
        folder.resolve("roadmap.yaml"),
        "            - Gate evidence pack",
        "            - \"" + IMG + "\"");
    replace(
        folder.resolve("business-cases/pipeline-automation.yaml"),
        "  title: Automate the shipment and telematics data pipelines",
        "  title: \"" + IMG + " Pipeline automation\"");
    replace(
        folder.resolve("roadmap.yaml"),
        "  title: AI Infrastructure Modernisation 2027-2028",
        "  title: \"AI Infrastructure " + BIDI + "\"");
    replace(
        folder.resolve("waymark.yaml"),
        "  organisation: Northwind Logistics",
        "  organisation: \"Northwind <b onmouseover=alert(1)>Logistics</b>\"");
    // Not a Waymark document: an info finding names the file, so its name reaches the appendix.
    Files.writeString(
        folder.resolve("use-cases").resolve(IMG + ".yaml"), "notes: not a roadmap file\n");
    return folder;
  }

  private static void replace(Path file, String from, String to) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).as("fixture anchor in %s", file).contains(from);
    Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
  }
}
