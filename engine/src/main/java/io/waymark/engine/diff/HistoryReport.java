package io.waymark.engine.diff;

import io.waymark.engine.analysis.MilestoneSlips;
import io.waymark.engine.analysis.PlanChurn;
import io.waymark.engine.analysis.RoadmapState;
import io.waymark.engine.analysis.RoadmapStates;
import io.waymark.engine.history.Commit;
import io.waymark.engine.history.Coverage;
import io.waymark.engine.history.HistoryGap;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.history.Snapshot;
import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Kebab;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.Roadmap;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The roadmap's story from its Git history, for {@code waymark history} and the reports: each
 * milestone's re-plans, the months the plan churned, each metric's series as it was recorded, and
 * when each gate's status changed. The same computations as the history rules, so the numbers
 * agree.
 *
 * @param commits how many commits changed the roadmap file (and could be read)
 * @param milestones every milestone of the current roadmap, in plan order
 * @param churn plan changes and churn months; empty without a roadmap
 * @param metrics every metric of the current metrics files, in file order
 * @param gates every gate of the current roadmap, in plan order
 * @param notes commits that were skipped (unreadable YAML, no document), from {@link PlanHistory}
 * @param limitation why the history is missing or incomplete
 * @param coverage per section ("milestones", "planChanges", "gates", "metrics"), how far the
 *     available history answers it
 */
public record HistoryReport(
    LocalDate asOf,
    int commits,
    List<MilestoneSlips.MilestoneHistory> milestones,
    Optional<PlanChurn> churn,
    List<MetricHistory> metrics,
    List<GateHistory> gates,
    List<String> notes,
    Optional<String> limitation,
    Map<String, Coverage> coverage) {

  public HistoryReport(
      LocalDate asOf,
      int commits,
      List<MilestoneSlips.MilestoneHistory> milestones,
      Optional<PlanChurn> churn,
      List<MetricHistory> metrics,
      List<GateHistory> gates,
      List<String> notes,
      Optional<String> limitation) {
    this(asOf, commits, milestones, churn, metrics, gates, notes, limitation, Map.of());
  }

  public HistoryReport {
    coverage = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(coverage));
    milestones = List.copyOf(milestones);
    metrics = List.copyOf(metrics);
    gates = List.copyOf(gates);
    notes = List.copyOf(notes);
  }

  /** A data point as recorded. */
  public record Point(LocalDate date, BigDecimal value) {}

  /** A data point whose value was changed after it had been recorded. */
  public record Revision(LocalDate date, BigDecimal from, BigDecimal to) {}

  /**
   * What one commit (or the working tree: {@code commit} empty) did to a metric's series.
   *
   * @param added data points for dates the series did not have
   * @param revised data points whose value changed
   * @param removed dates whose data point was deleted
   */
  public record Recording(
      Optional<Commit> commit, List<Point> added, List<Revision> revised, List<LocalDate> removed) {
    public Recording {
      added = List.copyOf(added);
      revised = List.copyOf(revised);
      removed = List.copyOf(removed);
    }
  }

  /** One metric's series over time. */
  public record MetricHistory(
      String file, String id, String name, String unit, List<Recording> recordings) {
    public MetricHistory {
      recordings = List.copyOf(recordings);
    }
  }

  /** One change of a gate's status. */
  public record GateStatusChange(
      String from, String to, Optional<LocalDate> decidedOn, RoadmapState state) {}

  /**
   * One gate's decisions over time.
   *
   * @param initialStatus the status in the first state that has the gate
   * @param firstSeen that state
   */
  public record GateHistory(
      String phase,
      String gate,
      String initialStatus,
      RoadmapState firstSeen,
      List<GateStatusChange> changes) {
    public GateHistory {
      changes = List.copyOf(changes);
    }
  }

  /**
   * @param history the roadmap and metrics at every commit that changed them
   * @param current the plan being validated: the final state of every series
   */
  public static HistoryReport of(PlanHistory history, Plan current, LocalDate asOf) {
    List<MilestoneSlips.MilestoneHistory> milestones = List.of();
    Optional<PlanChurn> churn = Optional.empty();
    List<GateHistory> gates = List.of();
    if (current.roadmap().isPresent()) {
      List<RoadmapState> states = RoadmapStates.of(history, current.roadmap().get());
      milestones = MilestoneSlips.of(states);
      churn = Optional.of(PlanChurn.of(states, asOf));
      gates = gates(states);
    }
    return new HistoryReport(
        asOf,
        history.roadmap().size(),
        milestones,
        churn,
        metrics(history, current),
        gates,
        history.notes(),
        history.limitation(),
        coverage(history, asOf));
  }

  private static Map<String, Coverage> coverage(PlanHistory history, LocalDate asOf) {
    Map<String, Coverage> out = new LinkedHashMap<>();
    out.put("milestones", history.roadmapAll("the re-plans of the milestones"));
    LocalDate from = PlanChurn.windowStart(asOf);
    out.put(
        "planChanges", history.roadmapSince(from, "the plan changes since " + Coverage.day(from)));
    out.put("gates", history.roadmapAll("the gates' changes of status"));
    Coverage metrics = Coverage.full("the metric readings as recorded");
    if (!history.available()) {
      metrics =
          Coverage.none(
              "the metric readings as recorded", history.limitation().orElse("no Git history"));
    } else {
      for (String file : history.metrics().keySet()) {
        Optional<HistoryGap> gap = history.metricsGap(file);
        if (gap.isPresent()) {
          metrics =
              Coverage.partial(
                  "the metric readings of " + file + " as recorded", gap.get(), Optional.empty());
          break;
        }
      }
    }
    out.put("metrics", metrics);
    return out;
  }

  private static List<GateHistory> gates(List<RoadmapState> states) {
    Roadmap current = states.get(states.size() - 1).roadmap();
    List<GateHistory> out = new ArrayList<>();
    for (Phase phase : current.phases()) {
      String id = phase.gate().id();
      if (id.isBlank()) {
        continue;
      }
      String status = null;
      String initial = null;
      RoadmapState first = null;
      List<GateStatusChange> changes = new ArrayList<>();
      for (RoadmapState state : states) {
        Optional<Gate> gate =
            state.roadmap().phases().stream()
                .map(Phase::gate)
                .filter(g -> g.id().equals(id))
                .findFirst();
        if (gate.isEmpty()) {
          continue;
        }
        String now = Kebab.of(gate.get().status());
        if (status == null) {
          first = state;
          initial = now;
        } else if (!status.equals(now)) {
          changes.add(new GateStatusChange(status, now, gate.get().decidedOn(), state));
        }
        status = now;
      }
      out.add(new GateHistory(phase.id(), id, initial, first, changes));
    }
    return out;
  }

  private static List<MetricHistory> metrics(PlanHistory history, Plan current) {
    List<MetricHistory> out = new ArrayList<>();
    for (Metrics file : current.metricsFiles()) {
      String path = file.at().file();
      List<Snapshot<Metrics>> snapshots = history.metrics().getOrDefault(path, List.of());
      for (Metrics.Metric metric : file.metrics()) {
        if (metric.id().isBlank()) {
          continue;
        }
        List<Recording> recordings = new ArrayList<>();
        Map<LocalDate, BigDecimal> previous = null;
        for (Snapshot<Metrics> s : snapshots) {
          Optional<Metrics.Metric> then = find(s.model(), metric.id());
          if (then.isPresent()) {
            previous = record(Optional.of(s.commit()), previous, then.get(), recordings);
          }
        }
        record(Optional.empty(), previous, metric, recordings);
        out.add(new MetricHistory(path, metric.id(), metric.name(), metric.unit(), recordings));
      }
    }
    return out;
  }

  private static Optional<Metrics.Metric> find(Metrics file, String id) {
    return file.metrics().stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** Adds what changed since {@code previous} and returns the series now. */
  private static Map<LocalDate, BigDecimal> record(
      Optional<Commit> commit,
      Map<LocalDate, BigDecimal> previous,
      Metrics.Metric metric,
      List<Recording> out) {
    Map<LocalDate, BigDecimal> now = new LinkedHashMap<>();
    for (Metrics.DataPoint p : metric.series()) {
      if (p.date() != null && !p.date().equals(LocalDate.EPOCH)) {
        now.putIfAbsent(p.date(), p.value());
      }
    }
    Map<LocalDate, BigDecimal> before = previous == null ? Map.of() : previous;
    List<Point> added = new ArrayList<>();
    List<Revision> revised = new ArrayList<>();
    List<LocalDate> removed = new ArrayList<>();
    for (Map.Entry<LocalDate, BigDecimal> e : now.entrySet()) {
      BigDecimal old = before.get(e.getKey());
      if (old == null) {
        added.add(new Point(e.getKey(), e.getValue()));
      } else if (old.compareTo(e.getValue()) != 0) {
        revised.add(new Revision(e.getKey(), old, e.getValue()));
      }
    }
    for (LocalDate date : before.keySet()) {
      if (!now.containsKey(date)) {
        removed.add(date);
      }
    }
    if (!added.isEmpty() || !revised.isEmpty() || !removed.isEmpty()) {
      added.sort((a, b) -> a.date().compareTo(b.date()));
      revised.sort((a, b) -> a.date().compareTo(b.date()));
      removed.sort(LocalDate::compareTo);
      out.add(new Recording(commit, added, revised, removed));
    }
    return now;
  }
}
