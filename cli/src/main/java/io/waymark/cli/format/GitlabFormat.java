package io.waymark.cli.format;

import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * GitLab Code Quality JSON (a subset of the Code Climate issue format): an array with one issue per
 * finding, sorted like the findings. {@code severity} is {@code major} for errors, {@code minor}
 * for warnings and {@code info} for infos; {@code fingerprint} is {@link Finding#fingerprint()},
 * with {@code -2}, {@code -3} … appended to a repeat, since GitLab drops issues with the same
 * fingerprint. Paths are relative to the {@link SourceRoot}. Suppressed findings are left out.
 * Description and body are {@link FindingText#shown} (GitLab shows them); the path stays exact.
 */
final class GitlabFormat {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private GitlabFormat() {}

  static String write(ValidationResult result, SourceRoot root) {
    ArrayNode issues = NODES.arrayNode();
    Map<String, Integer> seen = new HashMap<>();
    for (Finding f : result.findings()) {
      ObjectNode issue = issues.addObject();
      issue.put("type", "issue");
      issue.put("engine_name", "waymark");
      issue.put("check_name", f.rule());
      issue.put("description", FindingText.shown(f.message()));
      if (!f.hint().isEmpty()) {
        issue.putObject("content").put("body", FindingText.shown(f.hint()));
      }
      issue.put("severity", severity(f));
      int n = seen.merge(f.fingerprint(), 1, Integer::sum);
      issue.put("fingerprint", n == 1 ? f.fingerprint() : f.fingerprint() + "-" + n);
      ObjectNode location = issue.putObject("location");
      location.put("path", root.path(f.file()));
      location.putObject("lines").put("begin", f.line());
    }
    return JsonWriters.PRETTY.writeValueAsString(issues) + "\n";
  }

  static String severity(Finding f) {
    return switch (f.severity()) {
      case ERROR -> "major";
      case WARNING -> "minor";
      case INFO -> "info";
    };
  }
}
