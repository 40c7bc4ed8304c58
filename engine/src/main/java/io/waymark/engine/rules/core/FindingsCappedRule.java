package io.waymark.engine.rules.core;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;

/**
 * Stands for the findings left out of a long list. The validator makes these findings once every
 * rule has run (it caps the list per rule and file and per file); this class gives them an id, a
 * rationale and a fix like every other rule.
 */
public final class FindingsCappedRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "findings-capped",
          Severity.ERROR,
          "syntax and schema",
          "More findings than the listing limit: the rest are counted, not listed.",
          """
          One mistake copied many times (a pasted block, a generated file, a hostile pull
          request) can cause hundreds of thousands of findings, and a report that lists them all
          is too large to read or even to write. Waymark lists at most spec.limits.findingsPerRule
          findings of one rule in one file (default 100) and spec.limits.findingsPerFile in one
          file (default 1000), and counts the rest here. This finding is as severe as the most
          severe finding it counts, so a capped run fails exactly when the full one would.""",
          """
          Fix the findings that are listed and run again; the next ones then show. To see all
          of them at once, raise spec.limits.findingsPerRule or findingsPerFile in
          waymark.yaml.""",
          """
          # use-cases/capped.yaml, with spec.limits.findingsPerRule: 1 in waymark.yaml
          apiVersion: waymark/v1
          kind: UseCase
          metadata: {id: uc-capped-1, title: One}
          spec: {status: live, businessOutcome: Faster answers.}
          ---
          apiVersion: waymark/v1
          kind: UseCase
          metadata: {id: uc-capped-2, title: Two}
          spec: {status: live, businessOutcome: Faster answers.}
          """,
          """
          # each mistake fixed (or findingsPerRule raised)
          apiVersion: waymark/v1
          kind: UseCase
          metadata: {id: uc-capped-1, title: One}
          spec: {status: pilot, businessOutcome: Faster answers.}
          ---
          apiVersion: waymark/v1
          kind: UseCase
          metadata: {id: uc-capped-2, title: Two}
          spec: {status: pilot, businessOutcome: Faster answers.}
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Findings on a file depend only on that file's documents. */
  @Override
  public RuleScope scope() {
    return RuleScope.perDocument();
  }

  @Override
  public void check(RuleContext context) {
    // The validator reports these findings after every other rule has run.
  }
}
