package io.waymark.engine.rules.core;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.RuleDescriptor;

/** A Config document that is not the configuration in force; not applied. */
public final class ConfigIgnoredRule extends LoadStageRule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "config-ignored",
          Severity.WARNING,
          "syntax and schema",
          "A Config document other than the validated folder's waymark.yaml was not applied.",
          """
          One configuration is in force for a run: the first Config document of
          `waymark.yaml` at the top of the folder validated (or the file `--config` names).
          Its as-of date, currency, exclusions, rule settings and suppressions decide what
          every rule finds. A Config anywhere else, most often the `waymark.yaml` of another
          roadmap repository in a sub-folder of a portfolio, is read and schema-checked but
          not applied: that sub-folder's documents are judged with the top folder's settings
          (its pinned as-of date and its currency do not count) and their ids meet those of
          every other roadmap in the folder. Saying so is the difference between a portfolio
          that validates each roadmap on its own terms and a wall of duplicate-id findings
          nobody can explain.""",
          """
          Validate each roadmap repository on its own (`waymark validate programmes/northwind`),
          or, if the folder is one roadmap, merge the settings into the top `waymark.yaml` and
          delete this document. To validate the top folder without the sub-folder, list it
          under `spec.exclude`.""",
          """
          # programmes/northwind/waymark.yaml, validated from the top folder
          apiVersion: waymark/v1
          kind: Config
          metadata:
            id: northwind-config
            title: Waymark settings
            owner: ai-programme-office
          spec:
            asOf: 2027-05-14
          """,
          """
          # waymark.yaml, at the top of the folder validated
          apiVersion: waymark/v1
          kind: Config
          metadata:
            id: northwind-config
            title: Waymark settings
            owner: ai-programme-office
          spec:
            asOf: 2027-05-14
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }
}
