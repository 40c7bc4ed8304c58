package io.waymark.cli;

import io.waymark.engine.Waymark;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.report.text.TerminalText;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code waymark rules}: every rule with its default severity and a one-line summary. */
@Command(
    header = "List every rule with its default severity and summary.",
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "List every rule (built in and from rule packs on the class path).")
final class RulesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text, json or markdown (the rule catalogue, docs/rules.md) (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    List<RuleDescriptor> rules = Waymark.withoutHistory().rules();
    if (format.equals("json")) {
      ArrayNode list = JsonNodeFactory.instance.arrayNode();
      for (RuleDescriptor d : rules) {
        ObjectNode n = list.addObject();
        n.put("id", d.id());
        n.put("severity", d.severity().id());
        n.put("group", d.group());
        n.put("summary", d.summary());
      }
      out.println(
          JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(list));
    } else if (format.equals("text")) {
      int width = rules.stream().mapToInt(d -> d.id().length()).max().orElse(10);
      for (RuleDescriptor d : rules) {
        out.printf(
            "%-" + width + "s  %-7s  %s%n",
            TerminalText.escape(d.id()),
            d.severity().id(),
            TerminalText.escape(d.summary()));
      }
      out.println();
      out.println(
          rules.size()
              + " rules. 'waymark explain RULE' prints a rule's rationale, fix and examples.");
    } else if (format.equals("markdown")) {
      out.print(RuleText.markdown(rules));
    } else {
      throw new UserError("--format must be text, json or markdown, not '" + format + "'");
    }
    out.flush();
    return ExitCode.OK;
  }
}
