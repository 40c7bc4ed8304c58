package io.waymark.engine.analysis;

import io.waymark.engine.finding.Numbers;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Roadmap churn: in which months the plan changed outside its {@link UpdateWindows}.
 *
 * <p>A commit changed the plan when its plan (see {@link PlanChange}) differs from the previous
 * commit's on the first-parent line (a merged branch counts once, at its merge). The uncommitted
 * state is not a commit and is left out.
 *
 * @param windows the update windows of the current roadmap
 * @param changes every plan change in the history, oldest first
 * @param months the last six calendar months up to the as-of date (the month of as-of and the five
 *     before), each with the plan changes dated in it outside the update windows; months without
 *     such a change are left out
 */
public record PlanChurn(
    UpdateWindows windows, List<PlanChange> changes, Map<YearMonth, List<PlanChange>> months) {

  /** More churn months than this in the last six is a warning sign. */
  public static final int ALLOWED_MONTHS = 2;

  public PlanChurn {
    changes = List.copyOf(changes);
    months = java.util.Collections.unmodifiableMap(new TreeMap<>(months));
  }

  /** How many calendar months churn is counted over: the month of as-of and the five before. */
  public static final int MONTHS = 6;

  /**
   * The first day of the months churn is counted over: the first of the month five months before
   * the as-of date's (1 November 2026 for any as-of date in April 2027). The churn rule, {@code
   * waymark history}, {@code waymark diff} and the JSON output all ask the history from this day.
   */
  public static LocalDate windowStart(LocalDate asOf) {
    return asOf.withDayOfMonth(1).minusMonths(MONTHS - 1);
  }

  public static PlanChurn of(List<RoadmapState> states, LocalDate asOf) {
    Roadmap current = states.get(states.size() - 1).roadmap();
    UpdateWindows windows = new UpdateWindows(current.start());
    List<PlanChange> changes = changes(states);
    YearMonth first = YearMonth.from(windowStart(asOf));
    Map<YearMonth, List<PlanChange>> months = new TreeMap<>();
    for (PlanChange change : changes) {
      LocalDate date = change.state().commit().orElseThrow().date();
      YearMonth month = YearMonth.from(date);
      if (month.isBefore(first) || date.isAfter(asOf) || windows.contains(date)) {
        continue;
      }
      months.computeIfAbsent(month, m -> new ArrayList<>()).add(change);
    }
    return new PlanChurn(windows, changes, months);
  }

  /** True when the plan changed outside the update windows in too many recent months. */
  public boolean churning() {
    return months.size() > ALLOWED_MONTHS;
  }

  /** The plan changes between consecutive commits, oldest first. */
  public static List<PlanChange> changes(List<RoadmapState> states) {
    List<PlanChange> out = new ArrayList<>();
    Roadmap previous = null;
    for (RoadmapState state : states) {
      if (state.commit().isEmpty()) {
        continue;
      }
      if (previous != null) {
        List<String> what = differences(previous, state.roadmap());
        if (!what.isEmpty()) {
          out.add(new PlanChange(state, what));
        }
      }
      previous = state.roadmap();
    }
    return out;
  }

  /** What changed in the plan between two versions of the roadmap, in words. */
  public static List<String> differences(Roadmap before, Roadmap after) {
    List<String> what = new ArrayList<>();
    if (!Objects.equals(before.start(), after.start())) {
      what.add("start " + before.start() + " → " + after.start());
    }
    if (before.horizonMonths() != after.horizonMonths()) {
      what.add("horizon " + before.horizonMonths() + " → " + after.horizonMonths() + " months");
    }
    Map<String, Phase> old = phases(before);
    Map<String, Phase> now = phases(after);
    for (Phase p : old.values()) {
      if (!now.containsKey(p.id())) {
        what.add("phase " + p.id() + " removed");
      }
    }
    for (Phase p : now.values()) {
      Phase o = old.get(p.id());
      if (o == null) {
        what.add("phase " + p.id() + " added");
        continue;
      }
      if (!o.name().equals(p.name())) {
        what.add("phase " + p.id() + " renamed '" + o.name() + "' → '" + p.name() + "'");
      }
      if (o.firstMonth() != p.firstMonth() || o.lastMonth() != p.lastMonth()) {
        what.add("phase " + p.id() + " months " + months(o) + " → " + months(p));
      }
      criteria(o.gate(), p.gate(), what);
    }
    return what;
  }

  private static void criteria(Gate before, Gate after, List<String> what) {
    String gate = after.id().isBlank() ? "gate" : "gate " + after.id();
    Map<String, Gate.Criterion> old = criteria(before);
    Map<String, Gate.Criterion> now = criteria(after);
    for (String id : old.keySet()) {
      if (!now.containsKey(id)) {
        what.add(gate + " criterion " + id + " removed");
      }
    }
    for (Gate.Criterion c : now.values()) {
      Gate.Criterion o = old.get(c.id());
      if (o == null) {
        what.add(gate + " criterion " + c.id() + " added");
      } else if (!measure(o).equals(measure(c))) {
        what.add(gate + " criterion " + c.id() + " " + measure(o) + " → " + measure(c));
      }
    }
  }

  private static Map<String, Phase> phases(Roadmap roadmap) {
    Map<String, Phase> out = new LinkedHashMap<>();
    for (Phase p : roadmap.phases()) {
      out.putIfAbsent(p.id(), p);
    }
    return out;
  }

  private static Map<String, Gate.Criterion> criteria(Gate gate) {
    Map<String, Gate.Criterion> out = new LinkedHashMap<>();
    for (Gate.Criterion c : gate.criteria()) {
      out.putIfAbsent(c.id(), c);
    }
    return out;
  }

  private static String months(Phase p) {
    return "[" + p.firstMonth() + ", " + p.lastMonth() + "]";
  }

  /** "metric cost-per-inference <= -40" or "fact useCases.production >= 3". */
  private static String measure(Gate.Criterion c) {
    String subject =
        c.metric()
            .map(m -> "metric " + m)
            .or(() -> c.fact().map(f -> "fact " + f))
            .orElse("(no metric or fact)");
    return subject + " " + c.operator() + c.target().map(t -> " " + Numbers.plain(t)).orElse("");
  }

  /** The months, for messages: "2027-02 (a1b2c3d: …), 2027-03 (…)". */
  public String describeMonths() {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<YearMonth, List<PlanChange>> e : months.entrySet()) {
      List<String> commits = new ArrayList<>();
      for (PlanChange c : e.getValue()) {
        commits.add(
            c.state().commit().map(x -> x.shortId() + " " + x.date()).orElse("working tree")
                + ": "
                + c.what().get(0)
                + (c.what().size() > 1 ? " and " + (c.what().size() - 1) + " more" : ""));
      }
      parts.add(e.getKey() + " (" + String.join("; ", commits) + ")");
    }
    return String.join(", ", parts);
  }
}
