package io.waymark.cli;

import io.waymark.engine.fix.TextEdit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A unified diff of one file (three lines of context, as {@code diff -u} and {@code git diff} print
 * it) built from the text edits that change it, so that {@code patch -p1} and {@code git apply}
 * accept it. Only the lines the edits touch differ; no line matching is needed.
 */
final class UnifiedDiff {

  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The diff of {@code text} and {@code text} with {@code edits} applied; empty when equal. */
  static String of(String path, String text, List<TextEdit> edits) {
    List<int[]> lines = lines(text);
    List<Change> changes = changes(text, lines, edits);
    if (changes.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    // As Git writes it: a name with a space ends with a tab, where GNU patch ends a name.
    String end = path.contains(" ") ? "\t\n" : "\n";
    out.append("--- a/").append(path).append(end);
    out.append("+++ b/").append(path).append(end);
    int delta = 0;
    int i = 0;
    while (i < changes.size()) {
      int j = i;
      while (j + 1 < changes.size() && changes.get(j + 1).from - changes.get(j).to <= 2 * CONTEXT) {
        j++;
      }
      int from = Math.max(0, changes.get(i).from - CONTEXT);
      int to = Math.min(lines.size(), changes.get(j).to + CONTEXT);
      List<String> body = new ArrayList<>();
      int oldCount = 0;
      int newCount = 0;
      int at = from;
      for (int k = i; k <= j; k++) {
        Change c = changes.get(k);
        for (; at < c.from; at++, oldCount++, newCount++) {
          body.add(" " + line(text, lines.get(at)));
        }
        for (; at < c.to; at++, oldCount++) {
          body.add("-" + line(text, lines.get(at)));
        }
        for (String added : c.added) {
          body.add("+" + added);
          newCount++;
        }
      }
      for (; at < to; at++, oldCount++, newCount++) {
        body.add(" " + line(text, lines.get(at)));
      }
      int newFrom = from + delta;
      out.append("@@ -")
          .append(range(from, oldCount))
          .append(" +")
          .append(range(newFrom, newCount))
          .append(" @@\n");
      for (String b : body) {
        out.append(b).append('\n');
        if (b.endsWith(NO_NEWLINE_MARK)) {
          out.setLength(out.length() - NO_NEWLINE_MARK.length() - 1);
          out.append("\n\\ No newline at end of file\n");
        }
      }
      delta += newCount - oldCount;
      i = j + 1;
    }
    return out.toString();
  }

  /** Appended to a line that has no line break after it, replaced by diff's marker line. */
  private static final String NO_NEWLINE_MARK = "\u0000no-newline";

  /** One run of old lines [from, to) replaced by {@code added}. */
  private record Change(int from, int to, List<String> added) {}

  private static List<Change> changes(String text, List<int[]> lines, List<TextEdit> edits) {
    List<TextEdit> sorted =
        edits.stream().sorted(Comparator.comparingInt(TextEdit::start)).toList();
    List<Change> changes = new ArrayList<>();
    int k = 0;
    while (k < sorted.size()) {
      int from = lineIndex(lines, sorted.get(k).start());
      int to = touchedEnd(lines, sorted.get(k), from);
      List<TextEdit> group = new ArrayList<>(List.of(sorted.get(k)));
      while (k + 1 < sorted.size() && lineIndex(lines, sorted.get(k + 1).start()) < to) {
        k++;
        group.add(sorted.get(k));
        to =
            Math.max(to, touchedEnd(lines, sorted.get(k), lineIndex(lines, sorted.get(k).start())));
      }
      int start = from < lines.size() ? lines.get(from)[0] : text.length();
      int end = to > 0 && to <= lines.size() && to > from ? lines.get(to - 1)[1] : start;
      List<TextEdit> shifted = new ArrayList<>();
      for (TextEdit e : group) {
        shifted.add(
            new TextEdit(e.start() - start, e.end() - start, e.from(), e.to(), e.replacement()));
      }
      String after = TextEdit.applyAll(text.substring(start, end), shifted);
      List<String> added = new ArrayList<>();
      for (int[] l : lines(after)) {
        added.add(line(after, l));
      }
      changes.add(new Change(from, to, added));
      k++;
    }
    return changes;
  }

  /** The end (exclusive) of the old lines an edit touches; an insertion touches its own line. */
  private static int touchedEnd(List<int[]> lines, TextEdit e, int from) {
    if (e.end() > e.start()) {
      return lineIndex(lines, e.end() - 1) + 1;
    }
    return Math.min(from + 1, lines.size());
  }

  /** The index of the line that holds offset {@code offset} ({@code lines.size()} at the end). */
  private static int lineIndex(List<int[]> lines, int offset) {
    for (int i = 0; i < lines.size(); i++) {
      if (offset < lines.get(i)[1]) {
        return i;
      }
    }
    // At the very end: a last line without a line break is the one an insertion there changes.
    return !lines.isEmpty() && lines.get(lines.size() - 1)[2] == 0
        ? lines.size() - 1
        : lines.size();
  }

  /** Each line's start and end offsets (its line break included) and 1 if it has a line break. */
  private static List<int[]> lines(String text) {
    List<int[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        lines.add(new int[] {start, i + 1, 1});
        start = i + 1;
      }
    }
    if (start < text.length()) {
      lines.add(new int[] {start, text.length(), 0});
    }
    return lines;
  }

  /** A line's text without its '\n' ('\r' kept), marked when no line break follows it. */
  private static String line(String text, int[] range) {
    boolean broken = range[1] > range[0] && text.charAt(range[1] - 1) == '\n';
    String body = text.substring(range[0], broken ? range[1] - 1 : range[1]);
    return broken ? body : body + NO_NEWLINE_MARK;
  }

  private static String range(int from, int count) {
    return count == 0 ? from + ",0" : (from + 1) + "," + count;
  }
}
