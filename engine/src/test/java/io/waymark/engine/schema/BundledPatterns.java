package io.waymark.engine.schema;

import io.waymark.engine.Fixtures;
import io.waymark.engine.finding.Finding;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The patterns of the bundled schemas, and the schema findings of a folder, for their tests. */
final class BundledPatterns {

  private BundledPatterns() {}

  /** Every {@code pattern} the bundled schemas hold, as often as they hold it. */
  static List<String> all() {
    List<String> patterns = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (String file : BundledSchemas.FILES) {
      collect(json.readTree(BundledSchemas.text(file).orElseThrow()), patterns);
    }
    return patterns;
  }

  private static void collect(JsonNode node, List<String> patterns) {
    if (node.isObject() && node.path("pattern").isString()) {
      patterns.add(node.get("pattern").asString());
    }
    node.forEach(child -> collect(child, patterns));
  }

  /** The findings of the schema check, validating {@code root} with every rule. */
  static List<Finding> schemaFindings(Path root) {
    return Fixtures.validate(root).findings().stream()
        .filter(f -> f.rule().equals("schema"))
        .toList();
  }
}
