package io.waymark.engine.fix;

import io.waymark.engine.finding.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fixes of one validation: what can be corrected mechanically ({@link #fixes()}), the
 * fixable-looking findings that were left alone and why ({@link #skipped()}), and, with {@link
 * #remaining}, what is left for a person to decide.
 */
public record FixPlan(List<Fix> fixes, List<Skipped> skipped) {

  /** A finding of a fixable rule that was not fixed, and why ("the mapping is in flow style"). */
  public record Skipped(Finding finding, String reason) {}

  public FixPlan {
    fixes = List.copyOf(fixes);
    skipped = List.copyOf(skipped);
  }

  /** The files the fixes edit, sorted. */
  public Set<String> files() {
    Set<String> files = new TreeSet<>();
    fixes.forEach(f -> files.add(f.file()));
    return files;
  }

  /** The fixes of one file, in text order. */
  public List<Fix> fixes(String file) {
    return fixes.stream()
        .filter(f -> f.file().equals(file))
        .sorted(Comparator.comparingInt(f -> f.edits().get(0).start()))
        .toList();
  }

  /** The findings of {@code findings} that no fix resolves: what a person has to look at. */
  public List<Finding> remaining(List<Finding> findings) {
    Set<Finding> fixed = new HashSet<>();
    fixes.forEach(f -> fixed.add(f.finding()));
    return findings.stream().filter(f -> !fixed.contains(f)).toList();
  }

  /**
   * {@code text} (the text of {@code file} the fixes were planned on) with every fix of that file
   * applied.
   */
  public String apply(String file, String text) {
    List<TextEdit> edits = new ArrayList<>();
    fixes(file).forEach(f -> edits.addAll(f.edits()));
    return TextEdit.applyAll(text, edits);
  }
}
