package io.waymark.cli;

import io.waymark.engine.rules.RuleDescriptor;
import java.util.List;

/** The text of {@code waymark explain} and of {@code docs/rules.md}, from the rule registry. */
public final class RuleText {

  private RuleText() {}

  static String explain(RuleDescriptor d) {
    StringBuilder out = new StringBuilder();
    out.append(d.id())
        .append("  (")
        .append(d.severity().id())
        .append(", ")
        .append(d.group())
        .append(")\n\n");
    out.append(d.summary()).append("\n\n");
    out.append("Why\n").append(indent(d.rationale())).append("\n\n");
    out.append("How to fix\n").append(indent(d.fix())).append("\n");
    if (!d.failingExample().isEmpty()) {
      out.append("\nFails\n").append(indent(d.failingExample())).append("\n");
    }
    if (!d.passingExample().isEmpty()) {
      out.append("\nPasses\n").append(indent(d.passingExample())).append("\n");
    }
    out.append("\nChange its severity or turn it off in waymark.yaml (spec.rules.")
        .append(d.id())
        .append(
            ": {severity: ..., justification: ...}),\nor suppress one finding with '# waymark:ignore ")
        .append(d.id())
        .append(" -- reason' on its line.\n");
    return out.toString();
  }

  /** The Markdown rule catalogue, {@code docs/rules.md}. */
  public static String markdown(List<RuleDescriptor> rules) {
    StringBuilder out = new StringBuilder();
    out.append("# Waymark rules\n\n");
    out.append(
        "Generated from the rule registry by `waymark rules --format markdown`; a test fails when this file\n");
    out.append("is out of date. `waymark explain RULE` prints the same text.\n\n");
    out.append("| rule | severity | group | summary |\n|---|---|---|---|\n");
    for (RuleDescriptor d : rules) {
      out.append("| [`")
          .append(d.id())
          .append("`](#")
          .append(d.id())
          .append(") | ")
          .append(d.severity().id())
          .append(" | ")
          .append(d.group())
          .append(" | ")
          .append(d.summary().replace("|", "\\|"))
          .append(" |\n");
    }
    for (RuleDescriptor d : rules) {
      out.append("\n## ").append(d.id()).append("\n\n");
      out.append("Default severity: **")
          .append(d.severity().id())
          .append("** · group: ")
          .append(d.group())
          .append("\n\n");
      out.append(d.summary()).append("\n\n");
      out.append("**Why.** ").append(flow(d.rationale())).append("\n\n");
      out.append("**How to fix.** ").append(flow(d.fix())).append("\n");
      if (!d.failingExample().isEmpty()) {
        out.append("\nFails:\n\n```yaml\n").append(d.failingExample()).append("\n```\n");
      }
      if (!d.passingExample().isEmpty()) {
        out.append("\nPasses:\n\n```yaml\n").append(d.passingExample()).append("\n```\n");
      }
    }
    return out.toString();
  }

  private static String flow(String text) {
    return text.strip().replaceAll("\\s*\\n\\s*", " ");
  }

  private static String indent(String text) {
    return "  " + text.strip().replace("\n", "\n  ");
  }
}
