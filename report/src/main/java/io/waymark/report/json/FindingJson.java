package io.waymark.report.json;

import io.waymark.engine.finding.Finding;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A finding as JSON, the one writer behind every JSON output that lists findings ({@code validate
 * --format json}, {@code diff --format json}): rule, severity, file, line, column, path, message,
 * hint and fingerprint, in that order (SPEC §5).
 */
public final class FindingJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private FindingJson() {}

  public static ObjectNode of(Finding f) {
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
