package io.waymark.engine.rules.core;

import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Governance;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Replan;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.model.UseCase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A record of something that happened (a delivery, a gate decision, a reading, spend, a board
 * decision, a re-plan) dated after the as-of date.
 */
public final class RecordedAfterAsOfRule implements Rule {

  private static final String HINT =
      "Check the date: a typo (2027-06-21 for 2027-04-21) is the usual cause. If the as-of date is"
          + " pinned (asOf in waymark.yaml, --as-of) to judge an earlier day, update it.";

  private static final RuleDescriptor DESCRIPTOR =
      new RuleDescriptor(
          "recorded-after-as-of",
          Severity.WARNING,
          "core",
          "Something that happened (a delivery, a gate decision, a reading, spend, a decision, a"
              + " re-plan) is dated after the as-of date.",
          """
          The as-of date is the day the repository speaks for: the commit's date unless
          `asOf` or `--as-of` pins it. A milestone's `completedOn`, a gate's `decidedOn`, a
          metric reading, an actual spend, a board decision, a re-plan's `on`, a business
          case's approval or realised figures and a use case's `since` or `pilotedOn` record
          what already happened, so none of them can be later than that day; such a date is
          nearly always a typo. It also splits the review: a reading or spend dated later is
          left out of every figure until its day comes, while a milestone marked done or a
          gate marked passed is counted as delivered or passed, so the quarterly review would
          report a delivery the numbers beside it do not show yet. The day after the as-of date
          is accepted: the as-of date is the commit's date in UTC, which is still yesterday
          for a team east of UTC in its morning.""",
          """
          Correct the date to the day it happened. If the repository pins `asOf` to an
          earlier day on purpose, move it to the day the records reach.""",
          """
          # as of 2027-05-14
          milestones:
            - id: ms-vector-db-pilot-tier
              due: 2027-04-23
              status: done
              completedOn: 2027-06-21
          """,
          """
          milestones:
            - id: ms-vector-db-pilot-tier
              due: 2027-04-23
              status: done
              completedOn: 2027-04-21
          """);

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Each finding is about one document's own dates and the as-of date. */
  @Override
  public RuleScope scope() {
    return RuleScope.perDocument();
  }

  @Override
  public void check(RuleContext context) {
    LocalDate asOf = context.asOf();
    // The day after is accepted (UTC's date against the team's own, east of UTC): "later" is
    // after it.
    LocalDate latest = asOf.plusDays(1);
    Check check = new Check(context, asOf, latest);
    for (Roadmap r : context.plan().roadmaps()) {
      for (Phase p : r.phases()) {
        check.replans(p.replanned(), "phase '" + p.id() + "'");
        Gate g = p.gate();
        // A gate a pull request opens is gate-transition's to judge, decidedOn included.
        if (g.status() != Gate.Status.PENDING && !openedInThisChange(context, g)) {
          g.decidedOn()
              .ifPresent(
                  d ->
                      check.date(
                          d,
                          () -> g.at().location("decidedOn"),
                          "gate '"
                              + g.id()
                              + "' is "
                              + g.status().name().toLowerCase(Locale.ROOT)
                              + " with decidedOn "));
        }
        check.replans(g.replanned(), "gate '" + g.id() + "'");
        for (Milestone m : p.milestones()) {
          if (m.status() == Milestone.Status.DONE) {
            m.completedOn()
                .ifPresent(
                    d ->
                        check.date(
                            d,
                            () -> m.at().location("completedOn"),
                            "milestone '" + m.id() + "' is done with completedOn "));
          }
          check.replans(m.replanned(), "milestone '" + m.id() + "'");
        }
        for (Initiative i : p.initiatives()) {
          check.series(
              i.actuals(),
              Initiative.Actual::date,
              a -> a.at().location("date"),
              "initiative '" + i.id() + "' records actual spend dated ",
              "amount",
              "; the spend counts only from that day on");
          i.stopped()
              .ifPresent(
                  s ->
                      check.date(
                          s.on(),
                          () -> s.at().location("on"),
                          "initiative '" + i.id() + "' is stopped on "));
        }
      }
    }
    for (Metrics file : context.plan().metricsFiles()) {
      for (Metrics.Metric m : file.metrics()) {
        check.series(
            m.series(),
            Metrics.DataPoint::date,
            d -> d.at().location("date"),
            "metric '" + m.id() + "' has a reading dated ",
            "reading",
            "; it is left out of every figure until that day");
      }
    }
    for (Governance g : context.plan().governance()) {
      for (Governance.Decision d : g.decisions()) {
        check.date(
            d.date(),
            () -> d.at().location("date"),
            "decision '" + d.id() + "' (" + d.outcome() + ") is dated ");
      }
    }
    for (BusinessCase bc : context.plan().businessCases()) {
      String name = "business case '" + bc.metadata().id() + "'";
      bc.approval()
          .ifPresent(
              a ->
                  a.date()
                      .ifPresent(
                          d ->
                              check.date(
                                  d,
                                  () -> a.at().location("date"),
                                  name + " records its approval on ")));
      bc.realised()
          .ifPresent(
              r ->
                  check.date(
                      r.asOf(),
                      () -> r.at().location("asOf"),
                      name + " records realised benefits and costs as of "));
    }
    for (UseCase u : context.plan().useCases()) {
      String name = "use case '" + u.metadata().id() + "'";
      u.since()
          .ifPresent(
              d ->
                  check.date(
                      d, () -> u.at().location("spec/since"), name + sinceWording(u.status())));
      u.pilotedOn()
          .ifPresent(
              d ->
                  check.date(
                      d, () -> u.at().location("spec/pilotedOn"), name + " was piloted on "));
    }
  }

  /** How a use case's {@code since} reads in its status: "in pilot since", "retired on". */
  static String sinceWording(UseCase.Status status) {
    return switch (status) {
      case IDEA -> " is an idea since ";
      case PILOT -> " is in pilot since ";
      case PRODUCTION -> " is in production since ";
      case RETIRED -> " was retired on ";
    };
  }

  /** True when the change judged against a base opens this gate (passed or waived only now). */
  private static boolean openedInThisChange(RuleContext context, Gate gate) {
    return gate.open()
        && context
            .base()
            .filter(
                base ->
                    base.roadmaps().stream()
                        .flatMap(r -> r.phases().stream())
                        .map(Phase::gate)
                        .noneMatch(b -> b.id().equals(gate.id()) && b.open()))
            .isPresent();
  }

  /** Reports the dates after as-of, each with the same ending and hint. */
  private record Check(RuleContext context, LocalDate asOf, LocalDate latest) {

    void date(LocalDate date, Supplier<Location> where, String what) {
      if (date.isAfter(latest)) {
        context.report(where.get(), what + date + ", after the as-of date " + asOf, HINT);
      }
    }

    /** One finding for the items of a dated series after as-of, at the first, with their count. */
    <T> void series(
        List<T> items,
        Function<T, LocalDate> date,
        Function<T, Location> where,
        String what,
        String unit,
        String effect) {
      List<T> later = items.stream().filter(x -> date.apply(x).isAfter(latest)).toList();
      if (later.isEmpty()) {
        return;
      }
      int count = later.size();
      context.report(
          where.apply(later.get(0)),
          what
              + date.apply(later.get(0))
              + ", after the as-of date "
              + asOf
              + (count > 1 ? " (" + count + " " + unit + "s in all dated later)" : "")
              + effect,
          HINT);
    }

    void replans(List<Replan> replans, String what) {
      Optional<Replan> later = replans.stream().filter(r -> r.on().isAfter(latest)).findFirst();
      later.ifPresent(
          r -> date(r.on(), () -> r.at().location("on"), what + " records a re-plan on "));
    }
  }
}
