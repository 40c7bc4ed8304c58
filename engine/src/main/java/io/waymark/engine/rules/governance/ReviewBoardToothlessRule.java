package io.waymark.engine.rules.governance;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Governance;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;

/**
 * The architecture review board can review something: it has at least two members, and its approval
 * threshold is not set above every initiative of a programme large enough to need one.
 */
public final class ReviewBoardToothlessRule implements Rule {

  /** A board of one is a person, not a review. */
  static final int MIN_MEMBERS = 2;

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "review-board-toothless",
          Severity.WARNING,
          "governance",
          "The review board has fewer than two members, or its approval threshold is above every"
              + " initiative while the programme budget exceeds it.",
          """
          Pitfall 8 is skipping architecture review: "Without governance, every team makes
          different decisions. You end up with fragmented infrastructure. Fix: Governance
          process for all major decisions." The guide also says to "use an architecture review
          board to escalate decisions and unblock teams". A board whose approval threshold is
          above every initiative of a programme that is itself over the threshold reviews
          nothing (the budget was split so that nothing needs review), and a board of one
          member is one opinion, not a review.""",
          """
          Lower `reviewBoard.approvalThreshold` so that the major initiatives reach it, and
          name at least two members.""",
          """
          reviewBoard: {name: ARB, members: [cto], approvalThreshold: 5000000}
          # programme total 1,800,000; largest initiative 310,000
          """,
          """
          reviewBoard: {name: ARB, members: [cto, cfo, head-of-data], approvalThreshold: 150000}
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.GOVERNANCE, Kind.ROADMAP);
  }

  @Override
  public void check(RuleContext context) {
    Optional<Roadmap> roadmap = context.plan().roadmap();
    for (Governance g : context.plan().governance()) {
      Governance.ReviewBoard board = g.reviewBoard();
      long members = board.members().stream().filter(m -> !m.isBlank()).distinct().count();
      if (members < MIN_MEMBERS) {
        context.report(
            board.at().location("members"),
            "review board '"
                + board.name()
                + "' has "
                + members
                + " member(s); a review needs at"
                + " least "
                + MIN_MEMBERS,
            "Name at least "
                + MIN_MEMBERS
                + " members (for example the CTO, the CFO and the"
                + " lead architect).");
      }
      BigDecimal threshold = board.approvalThreshold();
      Optional<BigDecimal> total = roadmap.flatMap(Roadmap::budget).map(Roadmap.Budget::total);
      Optional<Initiative> largest =
          roadmap.flatMap(
              r -> r.initiatives().stream().max(Comparator.comparing(Initiative::budget)));
      if (total.isEmpty()
          || largest.isEmpty()
          || total.get().compareTo(threshold) <= 0
          || largest.get().budget().compareTo(threshold) > 0) {
        continue;
      }
      context.report(
          board.at().location("approvalThreshold"),
          "review board '"
              + board.name()
              + "' approval threshold "
              + Numbers.plain(threshold)
              + " is above every initiative (largest: "
              + largest.get().id()
              + ", "
              + Numbers.plain(largest.get().budget())
              + ") while the programme budget is "
              + Numbers.plain(total.get())
              + ": the board reviews nothing",
          "Lower approvalThreshold below the major initiatives (at most "
              + Numbers.plain(largest.get().budget())
              + ") so that they need an approved business case.");
    }
  }
}
