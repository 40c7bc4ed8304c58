package io.waymark.cli.format;

import io.waymark.cli.Version;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The JSON output of SPEC §5: tool, asOf, root, summary, findings (sorted), suppressed. */
public final class JsonFormat {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonFormat() {}

  public static String write(ValidationResult result) {
    return JsonMapper.builder()
            .build()
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(tree(result))
        + System.lineSeparator();
  }

  public static ObjectNode tree(ValidationResult result) {
    ObjectNode root = NODES.objectNode();
    ObjectNode tool = root.putObject("tool");
    tool.put("name", "waymark");
    tool.put("version", Version.current());
    root.put("asOf", result.asOf().toString());
    root.put("root", result.root());
    ObjectNode summary = root.putObject("summary");
    summary.put("documents", result.documents());
    summary.put("errors", result.count(Severity.ERROR));
    summary.put("warnings", result.count(Severity.WARNING));
    summary.put("infos", result.count(Severity.INFO));
    summary.put("suppressed", result.suppressed().size());
    ArrayNode findings = root.putArray("findings");
    result.findings().forEach(f -> findings.add(finding(f)));
    ArrayNode suppressed = root.putArray("suppressed");
    for (ValidationResult.Suppressed s : result.suppressed()) {
      ObjectNode node = finding(s.finding());
      node.put("suppressedBy", s.how());
      node.put("reason", s.reason());
      suppressed.add(node);
    }
    return root;
  }

  static ObjectNode finding(Finding f) {
    ObjectNode node = NODES.objectNode();
    node.put("rule", f.rule());
    node.put("severity", f.severity().id());
    node.put("file", f.file());
    node.put("line", f.line());
    node.put("column", f.column());
    node.put("path", f.path());
    node.put("message", f.message());
    node.put("hint", f.hint());
    node.put("fingerprint", f.fingerprint());
    return node;
  }
}
