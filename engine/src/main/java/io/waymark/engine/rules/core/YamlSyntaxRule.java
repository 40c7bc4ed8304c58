package io.waymark.engine.rules.core;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.RuleDescriptor;

/** Unparseable or unsafe YAML. */
public final class YamlSyntaxRule extends LoadStageRule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "yaml-syntax",
          Severity.ERROR,
          "syntax and schema",
          "The file is not safe, well-formed YAML.",
          """
          Roadmap files arrive through pull requests, so Waymark reads them as untrusted input:
          no tags that construct objects, bounded aliases, nesting and file size, no duplicate
          keys (a second `status:` silently wins in most parsers and hides a change), strict
          UTF-8 and no tab indentation. A file that breaks one of these is reported here and
          left out; every other file is still validated. The kinds and ids its lines still show
          count as there, so one typo is this one finding, not a missing roadmap and a dangling
          reference at every id the file declares.""",
          """
          Fix what the message names at the given line and column: indent with spaces, quote
          values that contain ': ' or start with a special character, remove the duplicate key,
          the custom tag or the alias, or save the file as UTF-8. Limits can be raised in
          waymark.yaml under spec.limits.""",
          """
          metadata:
            id: ai-infra-2027
            id: ai-infra-2028      # duplicate key
          """,
          """
          metadata:
            id: ai-infra-2027
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }
}
