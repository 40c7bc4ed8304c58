package io.waymark.engine.rules.core;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.RuleDescriptor;

/** A YAML file that is not a Waymark document; ignored. */
public final class NotWaymarkRule extends LoadStageRule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "not-waymark",
          Severity.INFO,
          "syntax and schema",
          "A YAML document without 'apiVersion: waymark/v1' was ignored.",
          """
          A roadmap can live inside a larger repository next to CI files, Helm charts and other
          YAML. Waymark reads only documents that declare its apiVersion and says which others
          it skipped, so a roadmap file that lost its header does not vanish unnoticed. An
          empty or comment-only file is named too: a file emptied by a failed merge would
          otherwise show only as the documents the rules then miss.""",
          """
          Add `apiVersion: waymark/v1` and a kind if the file belongs to the roadmap; otherwise
          list it under `spec.exclude` in waymark.yaml to silence this note.""",
          """
          kind: Roadmap          # no apiVersion: ignored
          """,
          """
          apiVersion: waymark/v1
          kind: Roadmap
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }
}
