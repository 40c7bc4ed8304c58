package io.waymark.engine.rules.governance;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Document;
import io.waymark.engine.model.Kind;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.List;

/** One Governance document per repository. */
public final class GovernanceDuplicateRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "governance-duplicate",
          Severity.ERROR,
          "governance",
          "The repository has more than one Governance document.",
          """
          Governance is one review board with one approval threshold and one cadence, and the
          decisions it took. With two Governance documents nobody can tell which board is in
          force: the rules take the review board (and its approval threshold) of the first one
          read, in file order, while the decisions of both count, so renaming a file can change
          which initiatives need an approved business case. A second document is usually a
          copy made to record new decisions; they belong in the first.""",
          """
          Move the extra document's decisions (and any members or cadence it changes) into the
          Governance document named in the message, then delete the extra one. `waymark new
          governance` refuses to add a second one.""",
          """
          # governance.yaml holds Governance 'northwind-governance'; another file adds:
          apiVersion: waymark/v1
          kind: Governance
          metadata: {id: board-2027, title: Review board 2027}
          spec:
            reviewBoard: {name: AI Review Board, members: [cto, cfo], approvalThreshold: 50000}
          """,
          """
          # the decision goes into governance.yaml, the one Governance document
          decisions:
            - {id: dec-2027-06-budget, date: 2027-05-10, title: Budget review, outcome: approved}
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads the Governance documents (also those that failed their schema) and nothing else. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.GOVERNANCE);
  }

  @Override
  public void check(RuleContext context) {
    List<Document> all = context.documents().ofKind(Kind.GOVERNANCE);
    if (all.size() < 2) {
      return;
    }
    Document first = all.get(0);
    for (Document extra : all.subList(1, all.size())) {
      context.report(
          extra.anchor().location("kind"),
          "a second Governance document ('"
              + extra.id()
              + "'); the first is '"
              + first.id()
              + "' at "
              + first.anchor().location("kind")
              + ", and only one review board and approval threshold can be in force",
          "Keep one Governance document per repository: move this one's decisions into "
              + first.file()
              + " and delete it.");
    }
  }
}
