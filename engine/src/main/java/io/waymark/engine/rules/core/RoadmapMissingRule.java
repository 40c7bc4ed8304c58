package io.waymark.engine.rules.core;

import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Document;
import io.waymark.engine.model.Kind;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import java.util.List;

/** Exactly one Roadmap per repository. */
public final class RoadmapMissingRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "roadmap-missing",
          Severity.ERROR,
          "roadmap",
          "The repository has no Roadmap document, or more than one.",
          """
          Everything else hangs off the roadmap: phases, gates, milestones and the initiatives
          the business cases fund. Without one there is no plan to check; with two, gates and
          budgets would be judged against whichever happened to be read first.""",
          """
          Add a `roadmap.yaml` with `kind: Roadmap` (`waymark init` scaffolds one), or merge the
          extra Roadmap documents into one and keep alternatives on a branch.""",
          """
          # a repository with business cases and metrics but no kind: Roadmap
          """,
          """
          apiVersion: waymark/v1
          kind: Roadmap
          metadata: {id: ai-infra-2027, title: AI Infrastructure 2027}
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext context) {
    List<Document> roadmaps = context.documents().ofKind(Kind.ROADMAP);
    if (roadmaps.isEmpty() && context.documents().present(Kind.ROADMAP)) {
      return; // in a file the YAML reader could not read: its yaml-syntax finding says so
    }
    if (roadmaps.isEmpty()) {
      context.report(
          Location.ofFolder(),
          // The folder is the finding's location; named in the message too, it would make the
          // fingerprint depend on how the folder was given (a baseline made with '.' not known
          // to a CI run that names the folder).
          "no Roadmap document in the folder",
          "Add roadmap.yaml with 'kind: Roadmap' (waymark init scaffolds one).");
      return;
    }
    Document first = roadmaps.get(0);
    for (Document extra : roadmaps.subList(1, roadmaps.size())) {
      context.report(
          extra.anchor().location("kind"),
          "a second Roadmap ('"
              + extra.id()
              + "'); the first is '"
              + first.id()
              + "' in "
              + first.file(),
          "Keep exactly one Roadmap per repository: merge them or move one out.");
    }
  }
}
