package io.waymark.engine.rules.core;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.RuleDescriptor;

/** A Waymark document whose kind is missing or not one of the eight kinds. */
public final class UnknownKindRule extends LoadStageRule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "unknown-kind",
          Severity.ERROR,
          "syntax and schema",
          "A Waymark document has no kind, or a kind Waymark does not know.",
          """
          The kind decides which schema and which rules apply. A document that declares
          `apiVersion: waymark/v1` but a misspelt kind would otherwise be skipped silently, and
          the plan would be judged without it.""",
          """
          Set `kind:` to one of Config, Roadmap, Assessment, BusinessCase, VendorEvaluation,
          UseCase, Metrics or Governance (case-sensitive).""",
          """
          apiVersion: waymark/v1
          kind: BusinessCases
          """,
          """
          apiVersion: waymark/v1
          kind: BusinessCase
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }
}
