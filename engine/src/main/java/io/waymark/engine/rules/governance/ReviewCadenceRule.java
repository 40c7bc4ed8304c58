package io.waymark.engine.rules.governance;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Governance;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.util.List;

/** Governance reviews at least quarterly and updates the roadmap at least semi-annually. */
public final class ReviewCadenceRule implements Rule {

  /** Cadences at least as frequent as the guide's quarterly review. */
  static final List<String> REVIEW_OK = List.of("monthly", "quarterly");

  /** Cadences at least as frequent as the guide's semi-annual update. */
  static final List<String> UPDATE_OK = List.of("monthly", "quarterly", "semi-annual");

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "review-cadence",
          Severity.WARNING,
          "governance",
          "Governance reviews the roadmap less often than quarterly, or updates it less often"
              + " than semi-annually.",
          """
          The guide: "Review quarterly, update semi-annually. Quarterly reviews assess
          progress, identify obstacles, and celebrate wins ... Semi-annual updates incorporate
          new learning, market changes, and technology advances." A 12-18 month roadmap
          reviewed once or twice in its life drifts unnoticed; one updated only once a year is
          obsolete as the AI landscape moves.""",
          """
          Set `cadence: {review: quarterly, update: semi-annual}` (or more often) in the
          Governance document.""",
          """
          cadence: {review: semi-annual, update: annual}
          """,
          """
          cadence: {review: quarterly, update: semi-annual}
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
    for (Governance g : context.plan().governance()) {
      if (!REVIEW_OK.contains(g.review())) {
        context.report(
            g.at().location("spec/cadence/review"),
            "governance '"
                + g.metadata().id()
                + "' reviews the roadmap "
                + g.review()
                + ", less often than quarterly",
            "Set cadence.review: quarterly and hold a quarterly business review.");
      }
      if (!UPDATE_OK.contains(g.update())) {
        context.report(
            g.at().location("spec/cadence/update"),
            "governance '"
                + g.metadata().id()
                + "' updates the roadmap "
                + g.update()
                + ", less often than semi-annually",
            "Set cadence.update: semi-annual.");
      }
    }
  }
}
