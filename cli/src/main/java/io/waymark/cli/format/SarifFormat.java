package io.waymark.cli.format;

import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.RuleDescriptor;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0: one run of the tool {@code waymark} that describes every registered rule (summary,
 * rationale, how to fix, default level, group) and one result per finding, with its file relative
 * to the {@link SourceRoot} ({@code %SRCROOT%}), line and column, the JSON Pointer as logical
 * location and {@link Finding#fingerprint()} as partial fingerprint, so that code-scanning tools
 * follow a finding across line moves. Suppressed findings are results too, with the suppression and
 * its justification.
 *
 * <p>Every text code scanning and Warnings NG show (messages, justifications, rule descriptions,
 * the description of {@code %SRCROOT%}) is {@link FindingText#shown}; {@code artifactLocation.uri}
 * (percent-encoded) and the JSON Pointer stay exact, so that they still lead to the file and node.
 */
final class SarifFormat {

  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  static final String SOURCE_ROOT = "%SRCROOT%";
  static final String FINGERPRINT = "waymark/v1";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final ObjectWriter PRETTY = JsonWriters.PRETTY;

  private SarifFormat() {}

  static String write(ValidationResult result, List<RuleDescriptor> rules, SourceRoot root) {
    StringWriter text = new StringWriter();
    write(result, rules, root, text);
    return text.toString();
  }

  /**
   * As {@link #write(ValidationResult, List, SourceRoot)}, to {@code out}, which it closes: each
   * result built, written and dropped in turn.
   */
  static void write(
      ValidationResult result, List<RuleDescriptor> registered, SourceRoot sources, Writer out) {
    try (JsonGenerator json = PRETTY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringProperty("$schema", SCHEMA);
      json.writeStringProperty("version", "2.1.0");
      json.writeArrayPropertyStart("runs");
      json.writeStartObject();

      ObjectNode tool = NODES.objectNode();
      ObjectNode driver = tool.putObject("driver");
      driver.put("name", "waymark");
      driver.put("version", Version.current());
      driver.put("informationUri", "https://waymark.io");
      Map<String, Integer> index = new LinkedHashMap<>();
      ArrayNode rules = driver.putArray("rules");
      for (RuleDescriptor d : registered) {
        index.put(d.id(), index.size());
        rules.add(rule(d));
      }
      // A finding of a rule that is not registered (none today) still gets a rule entry.
      TreeSet<String> unknown = new TreeSet<>();
      result.findings().forEach(f -> unknown.add(f.rule()));
      result.suppressed().forEach(s -> unknown.add(s.finding().rule()));
      unknown.removeAll(index.keySet());
      for (String id : unknown) {
        index.put(id, index.size());
        ObjectNode r = rules.addObject();
        r.put("id", id);
        r.put("name", name(id));
        r.putObject("shortDescription").put("text", FindingText.shown(id));
      }
      json.writeName("tool");
      json.writeTree(tool);

      json.writeStringProperty("columnKind", "unicodeCodePoints");
      ObjectNode bases = NODES.objectNode();
      bases
          .putObject(SOURCE_ROOT)
          .putObject("description")
          .put("text", FindingText.shown(sources.describe(result.root())));
      json.writeName("originalUriBaseIds");
      json.writeTree(bases);

      json.writeArrayPropertyStart("results");
      List<Entry> entries = new ArrayList<>();
      result
          .findings()
          .forEach(f -> entries.add(new Entry(f, Optional.empty(), result.isBaselined(f))));
      result.suppressed().forEach(s -> entries.add(new Entry(s.finding(), Optional.of(s), false)));
      entries.sort(Comparator.comparing(Entry::finding));
      for (Entry e : entries) {
        json.writeTree(result(e, index.get(e.finding().rule()), sources));
      }
      json.writeEndArray();
      json.writeObjectPropertyStart("properties");
      json.writeStringProperty("asOf", result.asOf().toString());
      json.writeNumberProperty("documents", result.documents());
      json.writeEndObject();

      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
      json.writeRaw("\n");
    }
  }

  private record Entry(
      Finding finding, Optional<ValidationResult.Suppressed> suppressed, boolean baselined) {}

  private static ObjectNode rule(RuleDescriptor d) {
    ObjectNode r = NODES.objectNode();
    r.put("id", d.id());
    r.put("name", name(d.id()));
    r.putObject("shortDescription").put("text", FindingText.shown(d.summary()));
    r.putObject("fullDescription").put("text", FindingText.shown(d.rationale()));
    ObjectNode help = r.putObject("help");
    help.put("text", FindingText.shown(d.fix()));
    help.put("markdown", FindingText.shown(markdown(d)));
    r.putObject("defaultConfiguration").put("level", level(d.severity()));
    ObjectNode properties = r.putObject("properties");
    properties.put("group", d.group());
    properties.putArray("tags").add("waymark").add(d.group());
    return r;
  }

  private static String markdown(RuleDescriptor d) {
    StringBuilder b = new StringBuilder();
    b.append("**").append(d.summary()).append("**\n\n");
    b.append(d.rationale()).append("\n\n");
    b.append("**How to fix:** ").append(d.fix()).append('\n');
    if (!d.failingExample().isEmpty()) {
      b.append("\nFails:\n\n```yaml\n").append(d.failingExample()).append("\n```\n");
    }
    if (!d.passingExample().isEmpty()) {
      b.append("\nPasses:\n\n```yaml\n").append(d.passingExample()).append("\n```\n");
    }
    b.append("\nRun `waymark explain ").append(d.id()).append("` for more.");
    return b.toString();
  }

  private static ObjectNode result(Entry e, int ruleIndex, SourceRoot root) {
    Finding f = e.finding();
    ObjectNode r = NODES.objectNode();
    r.put("ruleId", f.rule());
    r.put("ruleIndex", ruleIndex);
    r.put("level", level(f.severity()));
    r.putObject("message").put("text", FindingText.withHint(f));
    ObjectNode location = r.putArray("locations").addObject();
    ObjectNode physical = location.putObject("physicalLocation");
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", uri(root.path(f.file())));
    artifact.put("uriBaseId", SOURCE_ROOT);
    ObjectNode region = physical.putObject("region");
    region.put("startLine", f.line());
    region.put("startColumn", f.column());
    if (!f.path().isEmpty()) {
      ObjectNode logical = location.putArray("logicalLocations").addObject();
      logical.put("fullyQualifiedName", f.path());
      logical.put("kind", "element");
    }
    r.putObject("partialFingerprints").put(FINGERPRINT, f.fingerprint());
    e.suppressed()
        .ifPresent(
            s -> {
              ObjectNode suppression = r.putArray("suppressions").addObject();
              suppression.put("kind", s.how().equals("inline") ? "inSource" : "external");
              suppression.put("justification", FindingText.shown(s.reason()));
            });
    if (e.baselined()) {
      r.putObject("properties").put("baseline", true);
    }
    return r;
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  /** {@code vendor-decision-mismatch} → {@code VendorDecisionMismatch}. */
  static String name(String id) {
    StringBuilder b = new StringBuilder();
    for (String part : id.split("-")) {
      if (!part.isEmpty()) {
        b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return b.toString();
  }

  /**
   * A relative path as a relative URI reference: every byte outside the unreserved set and a few
   * safe delimiters is percent-encoded ({@code :} too, so the first segment never reads as a
   * scheme).
   */
  static String uri(String path) {
    StringBuilder b = new StringBuilder();
    for (byte raw : path.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return b.toString();
  }
}
