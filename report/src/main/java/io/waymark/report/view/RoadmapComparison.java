package io.waymark.report.view;

import io.waymark.engine.diff.ChangeReasons;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Replan;
import io.waymark.engine.model.Roadmap;
import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What changed between two versions of a roadmap, in words: plan dates and budget, phases, gates
 * and their criteria, milestones, initiatives. Ordered as the roadmap is written.
 */
final class RoadmapComparison {

  /**
   * One difference: which area, which item, what happened, and why when the element gained a {@code
   * replanned} reason (else empty).
   */
  record Difference(String area, String subject, String description, String why) {
    Difference(String area, String subject, String description) {
      this(area, subject, description, "");
    }
  }

  private final String currency;
  private final List<Difference> out = new ArrayList<>();

  private RoadmapComparison(String currency) {
    this.currency = currency;
  }

  static List<Difference> compare(Roadmap before, Roadmap after, String currency) {
    RoadmapComparison c = new RoadmapComparison(currency);
    c.plan(before, after);
    c.phases(before, after);
    return List.copyOf(c.out);
  }

  private void plan(Roadmap before, Roadmap after) {
    String title = after.metadata().title().isBlank() ? "Roadmap" : after.metadata().title();
    if (!Objects.equals(before.start(), after.start())) {
      add("Plan", title, "start moved from " + date(before.start()) + " to " + date(after.start()));
    }
    if (before.horizonMonths() != after.horizonMonths()) {
      add(
          "Plan",
          title,
          "horizon changed from "
              + before.horizonMonths()
              + " to "
              + after.horizonMonths()
              + " months");
    }
    Optional<BigDecimal> tb = before.budget().map(Roadmap.Budget::total);
    Optional<BigDecimal> ta = after.budget().map(Roadmap.Budget::total);
    if (!sameNumber(tb, ta)) {
      add("Budget", "Total budget", "changed from " + money(tb) + " to " + money(ta));
    }
    Optional<BigDecimal> cb = before.budget().map(Roadmap.Budget::contingency);
    Optional<BigDecimal> ca = after.budget().map(Roadmap.Budget::contingency);
    if (!sameNumber(cb, ca)) {
      add("Budget", "Contingency reserve", "changed from " + money(cb) + " to " + money(ca));
    }
  }

  private void phases(Roadmap before, Roadmap after) {
    Map<String, Phase> old = index(before.phases(), Phase::id);
    Map<String, Phase> now = index(after.phases(), Phase::id);
    for (Phase p : after.phases()) {
      Phase q = old.get(p.id());
      if (q == null) {
        add("Phase", p.name(), "added (months " + p.firstMonth() + " to " + p.lastMonth() + ")");
        continue;
      }
      if (q.firstMonth() != p.firstMonth() || q.lastMonth() != p.lastMonth()) {
        add(
            "Phase",
            p.name(),
            why(q.replanned(), p.replanned()),
            "months changed from "
                + q.firstMonth()
                + "–"
                + q.lastMonth()
                + " to "
                + p.firstMonth()
                + "–"
                + p.lastMonth());
      }
      if (q.status() != p.status()) {
        add(
            "Phase",
            p.name(),
            "status changed from "
                + Wording.words(q.status().name())
                + " to "
                + Wording.words(p.status().name()));
      }
      gate(p.name(), q.gate(), p.gate());
      milestones(p.name(), q.milestones(), p.milestones());
      initiatives(p.name(), q.initiatives(), p.initiatives());
    }
    for (Phase q : before.phases()) {
      if (!now.containsKey(q.id())) {
        add("Phase", q.name(), "removed");
      }
    }
    // Milestones and initiatives that moved between phases show as removed in one and added in
    // the other; say "moved" instead.
    relabelMoves();
  }

  private void gate(String phase, Gate before, Gate after) {
    String subject = "Gate of " + phase;
    if (before.status() != after.status()) {
      add(
          "Gate",
          subject,
          "status changed from "
              + Wording.words(before.status().name())
              + " to "
              + Wording.words(after.status().name()));
    }
    if (!before.decidedOn().equals(after.decidedOn())) {
      add(
          "Gate",
          subject,
          "decision date changed from "
              + before.decidedOn().map(Wording::date).orElse("none")
              + " to "
              + after.decidedOn().map(Wording::date).orElse("none"));
    }
    Map<String, Gate.Criterion> old = index(before.criteria(), Gate.Criterion::id);
    Map<String, Gate.Criterion> now = index(after.criteria(), Gate.Criterion::id);
    for (Gate.Criterion c : after.criteria()) {
      Gate.Criterion o = old.get(c.id());
      if (o == null) {
        add("Gate criterion", c.description(), "added to the gate of " + phase);
      } else if (!o.operator().equals(c.operator()) || !sameNumber(o.target(), c.target())) {
        add(
            "Gate criterion",
            c.description(),
            "target changed from "
                + o.operator()
                + " "
                + o.target().map(t -> Wording.number(t, 2)).orElse("")
                + " to "
                + c.operator()
                + " "
                + c.target().map(t -> Wording.number(t, 2)).orElse(""));
      }
    }
    for (Gate.Criterion o : before.criteria()) {
      if (!now.containsKey(o.id())) {
        add("Gate criterion", o.description(), "removed from the gate of " + phase);
      }
    }
  }

  private void milestones(String phase, List<Milestone> before, List<Milestone> after) {
    Map<String, Milestone> old = index(before, Milestone::id);
    Map<String, Milestone> now = index(after, Milestone::id);
    for (Milestone m : after) {
      Milestone o = old.get(m.id());
      if (o == null) {
        add("Milestone", m.title(), "added to " + phase + ", due " + date(m.due()));
        continue;
      }
      if (!o.due().equals(m.due())) {
        long days = ChronoUnit.DAYS.between(o.due(), m.due());
        add(
            "Milestone",
            m.title(),
            why(o.replanned(), m.replanned()),
            (days > 0 ? "slipped" : "brought forward")
                + " from "
                + date(o.due())
                + " to "
                + date(m.due())
                + " ("
                + (days > 0 ? "+" : Wording.MINUS)
                + Wording.count(Math.abs(days), "day", "days")
                + ")");
      }
      if (o.status() != m.status()) {
        add(
            "Milestone",
            m.title(),
            "status changed from "
                + Wording.words(o.status().name())
                + " to "
                + Wording.words(m.status().name()));
      }
    }
    for (Milestone o : before) {
      if (!now.containsKey(o.id())) {
        add("Milestone", o.title(), "removed from " + phase);
      }
    }
  }

  private void initiatives(String phase, List<Initiative> before, List<Initiative> after) {
    Map<String, Initiative> old = index(before, Initiative::id);
    Map<String, Initiative> now = index(after, Initiative::id);
    for (Initiative i : after) {
      Initiative o = old.get(i.id());
      if (o == null) {
        add(
            "Initiative",
            i.title(),
            "added to " + phase + " with " + money(Optional.of(i.budget())));
        continue;
      }
      if (o.budget().compareTo(i.budget()) != 0) {
        add(
            "Initiative",
            i.title(),
            "budget changed from "
                + money(Optional.of(o.budget()))
                + " to "
                + money(Optional.of(i.budget())));
      }
      if (o.category() != i.category()) {
        add(
            "Initiative",
            i.title(),
            "category changed from "
                + Wording.words(o.category().name())
                + " to "
                + Wording.words(i.category().name()));
      }
      if (o.impact() != i.impact() || o.effort() != i.effort()) {
        add(
            "Initiative",
            i.title(),
            "impact/effort changed from "
                + o.impact()
                + "/"
                + o.effort()
                + " to "
                + i.impact()
                + "/"
                + i.effort());
      }
    }
    for (Initiative o : before) {
      if (!now.containsKey(o.id())) {
        add("Initiative", o.title(), "removed from " + phase);
      }
    }
  }

  private void relabelMoves() {
    List<Difference> result = new ArrayList<>();
    for (Difference d : out) {
      if (d.description().startsWith("removed from ")) {
        Optional<Difference> added =
            out.stream()
                .filter(a -> a.area().equals(d.area()) && a.subject().equals(d.subject()))
                .filter(a -> a.description().startsWith("added to "))
                .findFirst();
        if (added.isPresent()) {
          continue;
        }
      }
      if (d.description().startsWith("added to ")) {
        Optional<Difference> removed =
            out.stream()
                .filter(a -> a.area().equals(d.area()) && a.subject().equals(d.subject()))
                .filter(a -> a.description().startsWith("removed from "))
                .findFirst();
        if (removed.isPresent()) {
          String from = removed.get().description().substring("removed from ".length());
          String to = d.description().substring("added to ".length());
          result.add(
              new Difference(d.area(), d.subject(), "moved from " + from + " to " + to, d.why()));
          continue;
        }
      }
      result.add(d);
    }
    out.clear();
    out.addAll(result);
  }

  private void add(String area, String subject, String description) {
    out.add(new Difference(area, subject, description));
  }

  private void add(String area, String subject, String why, String description) {
    out.add(new Difference(area, subject, description, why));
  }

  /** The reason the element gained between the two revisions, in words; empty without one. */
  private static String why(List<Replan> before, List<Replan> after) {
    return ChangeReasons.added(before, after).map(ChangeReasons::describe).orElse("");
  }

  private String money(Optional<BigDecimal> amount) {
    return amount.map(a -> Wording.money(a, currency)).orElse("none");
  }

  private static String date(java.time.LocalDate d) {
    return d == null ? "none" : Wording.date(d);
  }

  private static boolean sameNumber(Optional<BigDecimal> a, Optional<BigDecimal> b) {
    if (a.isPresent() != b.isPresent()) {
      return false;
    }
    return a.isEmpty() || a.get().compareTo(b.get()) == 0;
  }

  private static <T> Map<String, T> index(
      List<T> items, java.util.function.Function<T, String> id) {
    Map<String, T> map = new LinkedHashMap<>();
    for (T t : items) {
      map.putIfAbsent(id.apply(t), t);
    }
    return map;
  }
}
