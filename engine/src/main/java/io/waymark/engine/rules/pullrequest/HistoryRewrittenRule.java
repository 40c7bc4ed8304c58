package io.waymark.engine.rules.pullrequest;

import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A done milestone's completion date or a passed gate's decision date is changed. */
public final class HistoryRewrittenRule implements Rule {

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "history-rewritten",
          Severity.WARNING,
          "pull-request",
          "A done milestone's completedOn or a passed gate's decidedOn changes in this change"
              + " (only with --base).",
          """
          The dates on which milestones were completed and gates were decided are the roadmap's
          record: milestone completion is the first leading indicator at every quarterly
          review, and a gate's criteria are checked against the data of its decision date.
          Moving those dates afterwards makes a late delivery look on time, or lets a gate be
          judged against better data than it had. A milestone that was done at the base and is
          still done must keep its `completedOn`; a gate that was passed at the base and is still
          passed must keep its `decidedOn`. Re-opening a milestone or a gate is not reported:
          that is a new decision, not a rewrite.""",
          """
          Restore the recorded date. If it was wrong, correct it with a note (a YAML comment or
          the review minutes) and accept the finding for this pull request with a suppression
          that names the reason.""",
          """
          # base: completedOn: 2027-03-26
          - id: ms-core-pipelines-automated
            due: 2027-03-19
            status: done
            completedOn: 2027-03-19
          """,
          """
          # base: completedOn: 2027-03-26
          - id: ms-core-pipelines-automated
            due: 2027-03-19
            status: done
            completedOn: 2027-03-26   # one week late
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Reads only the documents of these kinds. */
  @Override
  public RuleScope scope() {
    return RuleScope.kinds(Kind.ROADMAP);
  }

  @Override
  public void check(RuleContext context) {
    if (context.base().isEmpty()) {
      return;
    }
    Plan base = context.base().get();
    Map<String, Milestone> milestones = new HashMap<>();
    Map<String, Gate> gates = new HashMap<>();
    for (Roadmap r : base.roadmaps()) {
      r.milestones().forEach(m -> milestones.putIfAbsent(m.id(), m));
      r.phases().forEach(p -> gates.putIfAbsent(p.gate().id(), p.gate()));
    }
    for (Roadmap roadmap : context.plan().roadmaps()) {
      for (Milestone m : roadmap.milestones()) {
        Milestone before = milestones.get(m.id());
        if (before == null
            || before.status() != Milestone.Status.DONE
            || m.status() != Milestone.Status.DONE
            || before.completedOn().equals(m.completedOn())) {
          continue;
        }
        context.report(
            m.at().location("completedOn"),
            "milestone '"
                + m.id()
                + "' was done at the base with completedOn "
                + text(before.completedOn())
                + "; this change makes it "
                + text(m.completedOn()),
            "Keep the recorded completion date " + text(before.completedOn()) + ".");
      }
      for (Phase phase : roadmap.phases()) {
        Gate g = phase.gate();
        Gate before = gates.get(g.id());
        if (g.id().isBlank()
            || before == null
            || before.status() != Gate.Status.PASSED
            || g.status() != Gate.Status.PASSED
            || before.decidedOn().equals(g.decidedOn())) {
          continue;
        }
        context.report(
            g.at().location("decidedOn"),
            "gate "
                + g.id()
                + " of "
                + phase.id()
                + " was passed at the base with decidedOn "
                + text(before.decidedOn())
                + "; this change makes it "
                + text(g.decidedOn()),
            "Keep the recorded decision date " + text(before.decidedOn()) + ".");
      }
    }
  }

  private static String text(Optional<LocalDate> date) {
    return date.map(LocalDate::toString).orElse("(none)");
  }
}
