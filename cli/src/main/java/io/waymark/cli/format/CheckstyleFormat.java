package io.waymark.cli.format;

import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checkstyle XML, which Warnings NG ({@code checkStyle(pattern: ...)}) and most CI servers read:
 * one {@code <file>} per file with findings (path relative to the {@link SourceRoot}), one {@code
 * <error>} per finding with line, column, severity ({@code error}, {@code warning}, {@code info}),
 * message and {@code source="waymark.<rule>"}. Suppressed findings are left out. The message is
 * {@link FindingText#shown} (Warnings NG shows it); the file name stays exact, to open the file.
 */
final class CheckstyleFormat {

  private CheckstyleFormat() {}

  static String write(ValidationResult result, SourceRoot root) {
    Map<String, List<Finding>> byFile = new TreeMap<>();
    for (Finding f : result.findings()) {
      byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f);
    }
    StringBuilder out = new StringBuilder(Xml.DECLARATION);
    out.append("<checkstyle").append(Xml.attribute("version", "4.3")).append(">\n");
    for (Map.Entry<String, List<Finding>> file : byFile.entrySet()) {
      out.append("  <file").append(Xml.attribute("name", root.path(file.getKey()))).append(">\n");
      for (Finding f : file.getValue()) {
        out.append("    <error");
        out.append(Xml.attribute("line", f.line()));
        out.append(Xml.attribute("column", f.column()));
        out.append(Xml.attribute("severity", f.severity().id()));
        out.append(Xml.attribute("message", FindingText.withHint(f)));
        out.append(Xml.attribute("source", "waymark." + f.rule()));
        out.append("/>\n");
      }
      out.append("  </file>\n");
    }
    out.append("</checkstyle>\n");
    return out.toString();
  }
}
