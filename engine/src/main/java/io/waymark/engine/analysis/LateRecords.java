package io.waymark.engine.analysis;

import io.waymark.engine.finding.Location;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Governance;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.Replan;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.model.UseCase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The records of something that happened (a delivery, a gate decision, a reading, spend, a board
 * decision, a re-plan, a business case's approval or realised figures, a use case's {@code since}
 * or {@code pilotedOn}) dated after the as-of date. The day after is not "after": the as-of date is
 * the commit's date in UTC, which is still yesterday for a team east of UTC in its morning.
 *
 * <p>{@code recorded-after-as-of} reports them; the quarterly review's summary counts them. Both
 * read this one list of the plan's facts, so the review says the same whether the rule is on, off
 * or suppressed.
 */
public final class LateRecords {

  /**
   * One record dated after the as-of date: its date, where it is written, what it is ("milestone
   * 'x' is done with completedOn ", ended by the date), and, for a reading, an actual spend or a
   * re-plan, the list it is one of.
   */
  public record Late(LocalDate date, Location where, String what, Series series) {

    /** True when it is one of a list's records (a series of readings, spend or re-plans). */
    public boolean inSeries() {
      return series != null;
    }
  }

  /**
   * A list of dated records (a metric's readings, an initiative's spend, an item's re-plans): its
   * records are counted in it ("3 readings in all"), and what a later one means. Compared by
   * identity: two lists of one name are two lists.
   */
  public static final class Series {

    private final String unit;
    private final String effect;

    Series(String unit, String effect) {
      this.unit = unit;
      this.effect = effect;
    }

    /** What one record of it is called: "reading", "amount", "re-plan". */
    public String unit() {
      return unit;
    }

    /** What a later record means ("; it is left out of every figure until that day"), or "". */
    public String effect() {
      return effect;
    }
  }

  private final LocalDate latest;
  private final List<Late> late = new ArrayList<>();

  private LateRecords(LocalDate asOf) {
    this.latest = asOf.plusDays(1);
  }

  /** The plan's records dated after {@code asOf}, in the order of the plan's files. */
  public static List<Late> of(Plan plan, LocalDate asOf) {
    return of(plan, asOf, g -> false);
  }

  /**
   * As {@link #of(Plan, LocalDate)}, without the decision dates of the gates {@code
   * judgedElsewhere} (a gate a pull request opens is {@code gate-transition}'s to judge).
   */
  public static List<Late> of(Plan plan, LocalDate asOf, Predicate<Gate> judgedElsewhere) {
    LateRecords records = new LateRecords(asOf);
    records.walk(plan, judgedElsewhere);
    return List.copyOf(records.late);
  }

  private void walk(Plan plan, Predicate<Gate> judgedElsewhere) {
    for (Roadmap r : plan.roadmaps()) {
      for (Phase p : r.phases()) {
        replans(p.replanned(), "phase '" + p.id() + "'");
        Gate g = p.gate();
        if (g.status() != Gate.Status.PENDING && !judgedElsewhere.test(g)) {
          g.decidedOn()
              .ifPresent(
                  d ->
                      date(
                          d,
                          () -> g.at().location("decidedOn"),
                          "gate '"
                              + g.id()
                              + "' is "
                              + g.status().name().toLowerCase(Locale.ROOT)
                              + " with decidedOn "));
        }
        replans(g.replanned(), "gate '" + g.id() + "'");
        for (Milestone m : p.milestones()) {
          if (m.status() == Milestone.Status.DONE) {
            m.completedOn()
                .ifPresent(
                    d ->
                        date(
                            d,
                            () -> m.at().location("completedOn"),
                            "milestone '" + m.id() + "' is done with completedOn "));
          }
          replans(m.replanned(), "milestone '" + m.id() + "'");
        }
        for (Initiative i : p.initiatives()) {
          series(
              i.actuals(),
              Initiative.Actual::date,
              a -> a.at().location("date"),
              "initiative '" + i.id() + "' records actual spend dated ",
              new Series("amount", "; the spend counts only from that day on"));
          i.stopped()
              .ifPresent(
                  s ->
                      date(
                          s.on(),
                          () -> s.at().location("on"),
                          "initiative '" + i.id() + "' is stopped on "));
        }
      }
    }
    for (Metrics file : plan.metricsFiles()) {
      for (Metrics.Metric m : file.metrics()) {
        series(
            m.series(),
            Metrics.DataPoint::date,
            d -> d.at().location("date"),
            "metric '" + m.id() + "' has a reading dated ",
            new Series("reading", "; it is left out of every figure until that day"));
      }
    }
    for (Governance g : plan.governance()) {
      for (Governance.Decision d : g.decisions()) {
        date(
            d.date(),
            () -> d.at().location("date"),
            "decision '" + d.id() + "' (" + d.outcome() + ") is dated ");
      }
    }
    for (BusinessCase bc : plan.businessCases()) {
      String name = "business case '" + bc.metadata().id() + "'";
      bc.approval()
          .ifPresent(
              a ->
                  a.date()
                      .ifPresent(
                          d ->
                              date(
                                  d,
                                  () -> a.at().location("date"),
                                  name + " records its approval on ")));
      bc.realised()
          .ifPresent(
              r ->
                  date(
                      r.asOf(),
                      () -> r.at().location("asOf"),
                      name + " records realised benefits and costs as of "));
    }
    for (UseCase u : plan.useCases()) {
      String name = "use case '" + u.metadata().id() + "'";
      u.since()
          .ifPresent(
              d -> date(d, () -> u.at().location("spec/since"), name + sinceWording(u.status())));
      u.pilotedOn()
          .ifPresent(
              d -> date(d, () -> u.at().location("spec/pilotedOn"), name + " was piloted on "));
    }
  }

  /** How a use case's {@code since} reads in its status: "in pilot since", "retired on". */
  private static String sinceWording(UseCase.Status status) {
    return switch (status) {
      case IDEA -> " is an idea since ";
      case PILOT -> " is in pilot since ";
      case PRODUCTION -> " is in production since ";
      case RETIRED -> " was retired on ";
    };
  }

  /** The location is made only for a record that is late. */
  private void date(LocalDate date, Supplier<Location> where, String what) {
    if (date.isAfter(latest)) {
      late.add(new Late(date, where.get(), what, null));
    }
  }

  private <T> void series(
      List<T> items,
      Function<T, LocalDate> date,
      Function<T, Location> where,
      String what,
      Series series) {
    for (T item : items) {
      LocalDate d = date.apply(item);
      if (d.isAfter(latest)) {
        late.add(new Late(d, where.apply(item), what, series));
      }
    }
  }

  private void replans(List<Replan> replans, String what) {
    series(
        replans,
        Replan::on,
        r -> r.at().location("on"),
        what + " records a re-plan on ",
        new Series("re-plan", ""));
  }
}
