package io.waymark.engine.rules.core;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.IdIndex;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Ids are unique per kind across the repository. */
public final class DuplicateIdRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "duplicate-id",
          Severity.ERROR,
          "references",
          "Two documents of one kind, or two nested items of one kind, share an id.",
          """
          Ids are how documents refer to each other: an initiative names its business case, a
          gate criterion its metric, a waiver its decision. If two items share an id, a
          reference silently picks one of them, and a gate can pass on the wrong metric. Ids
          of a kind (documents per kind; phases, gates, milestones, initiatives, criteria,
          constraints, vendors, decisions and metrics each across the whole repository) must
          be unique. A constraint is one thing across assessments: a re-assessment re-ranks an
          earlier constraint by naming its id again with the same dimension, which is not a
          duplicate; naming it twice in one assessment, or for another dimension, is.""",
          """
          Rename one of the two (the message names the other's file and line) and update the
          references to it.""",
          """
          milestones:
            - {id: pilot-live, title: First pilot live, due: 2027-02-15, status: done}
            - {id: pilot-live, title: Second pilot live, due: 2027-03-20, status: planned}
          """,
          """
          milestones:
            - {id: pilot-live, title: First pilot live, due: 2027-02-15, status: done}
            - {id: second-pilot-live, title: Second pilot live, due: 2027-03-20, status: planned}
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(RuleContext context) {
    for (Map.Entry<String, List<IdIndex.Declaration>> space : context.ids().spaces().entrySet()) {
      Map<String, IdIndex.Declaration> first = new HashMap<>();
      for (IdIndex.Declaration d : space.getValue()) {
        IdIndex.Declaration earlier = first.putIfAbsent(d.id(), d);
        if (earlier != null) {
          context.report(
              d.location(),
              space.getKey() + " id '" + d.id() + "' is already used at " + earlier.location(),
              space.getKey().equals("constraint")
                  ? "A re-assessment may re-rank an earlier constraint by naming its id once,"
                      + " with the same dimension; otherwise give this constraint a new id."
                  : "Give this " + space.getKey() + " a different id and update references to it.");
        }
      }
    }
  }
}
