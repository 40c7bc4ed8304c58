package io.waymark.engine.rules.core;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.RuleDescriptor;

/** A JSON Schema violation. */
public final class SchemaRule extends LoadStageRule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "schema",
          Severity.ERROR,
          "syntax and schema",
          "The document does not match the JSON Schema of its kind.",
          """
          Every kind has a bundled JSON Schema (`waymark schema` prints them). The schemas are
          strict: an unknown field is an error, because a typo such as `stauts: passed` would
          otherwise make a gate look decided while nothing checks it. When every error of a
          document sits inside a list item under `spec` (a phase with an enum typo, one
          malformed initiative), that item is left out and the other rules still run on the
          rest of the document, so one commit shows all the mistakes; otherwise the whole
          document is left out of the plan rules. An unknown field inside a one-line
          `{...}` mapping right after a text value usually means an unquoted comma split the
          value: the hint says how to quote it.""",
          """
          Follow the message: rename or remove the unknown field (the hint suggests the closest
          name), add the missing field, or use one of the allowed values. A value that does
          not match a pattern is told in words what the pattern asks for, with an example: an id (lower-case
          words joined by '-', also where an id is referred to, such as a use case's `metrics`
          or a criterion's `metric`), a date, a rule id, a currency code, a JSON Pointer or a
          fact. Point your editor at the schemas (see docs/editors.md) to get completion and errors while typing.""",
          """
          spec:
            phases:
              - id: assess
                nmae: Assess and Stabilise    # typo: unknown field
          """,
          """
          spec:
            phases:
              - id: assess
                name: Assess and Stabilise
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }
}
