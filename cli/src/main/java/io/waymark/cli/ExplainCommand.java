package io.waymark.cli;

import io.waymark.engine.Waymark;
import io.waymark.engine.finding.Suggestion;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.report.text.TerminalText;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code waymark explain RULE}: rationale, fix, and a failing and a passing example. */
@Command(
    header = "Explain a rule: why it exists, how to fix a finding, examples.",
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Explain a rule: why it exists, how to fix a finding, and examples.")
final class ExplainCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "RULE",
      description = "A rule id, as printed by 'waymark rules'.")
  String rule;

  @Override
  public Integer call() {
    Waymark waymark = Waymark.withoutHistory();
    RuleDescriptor d =
        waymark
            .rule(rule)
            .or(() -> waymark.rule(asCopied(rule)))
            .orElseThrow(
                () ->
                    new UserError(
                        "no rule '"
                            + rule
                            + "'"
                            + suggest(waymark.rules())
                            + "; 'waymark rules' lists them all"));
    PrintWriter out = spec.commandLine().getOut();
    out.print(TerminalText.escapeKeepingLines(RuleText.explain(d)));
    out.flush();
    return ExitCode.OK;
  }

  /**
   * A rule id as a user copies it from the text output ("[bc-financials-mismatch]") or types it in
   * capitals: ids are lower-case kebab, so no other rule can be meant.
   */
  private static String asCopied(String written) {
    String id = written.strip();
    if (id.startsWith("[") && id.endsWith("]")) {
      id = id.substring(1, id.length() - 1).strip();
    }
    return id.toLowerCase(java.util.Locale.ROOT);
  }

  private String suggest(List<RuleDescriptor> rules) {
    List<String> near =
        rules.stream()
            .map(RuleDescriptor::id)
            .filter(
                id -> id.contains(rule) || rule.contains(id) || Suggestion.distance(id, rule) <= 3)
            .sorted(Comparator.comparingInt(id -> Suggestion.distance(id, rule)))
            .limit(3)
            .toList();
    return near.isEmpty() ? "" : " (did you mean " + String.join(", ", near) + "?)";
  }
}
