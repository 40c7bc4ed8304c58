package io.waymark.engine.rules.businesscase;

import io.waymark.engine.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Edits of the example's business cases that {@link Fixtures#replaceOnce} cannot express. */
final class CaseFiles {

  static final String PIPELINE = "business-cases/pipeline-automation.yaml";

  private CaseFiles() {}

  /**
   * Replaces the line that starts with {@code keyLine} (after its indentation) and every following
   * line indented deeper — a folded scalar or a block list — with {@code replacement}, indented
   * like the key.
   */
  static void replaceBlock(Path file, String keyLine, String replacement) {
    List<String> lines = new ArrayList<>(List.of(Fixtures.read(file).split("\n", -1)));
    int at = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).stripLeading().startsWith(keyLine)) {
        if (at >= 0) {
          throw new IllegalStateException("more than one '" + keyLine + "' in " + file);
        }
        at = i;
      }
    }
    if (at < 0) {
      throw new IllegalStateException("no '" + keyLine + "' in " + file);
    }
    int indent = indentOf(lines.get(at));
    int end = at + 1;
    while (end < lines.size() && (lines.get(end).isBlank() || indentOf(lines.get(end)) > indent)) {
      end++;
    }
    lines.subList(at, end).clear();
    lines.add(at, " ".repeat(indent) + replacement);
    Fixtures.write(file.getParent(), file.getFileName().toString(), String.join("\n", lines));
  }

  private static int indentOf(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }
}
