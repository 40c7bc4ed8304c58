package io.waymark.report.view;

import io.waymark.engine.history.Coverage;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.history.Snapshot;
import io.waymark.engine.model.Roadmap;
import io.waymark.report.text.Wording;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The roadmap adjustments since the end of the previous quarter, read from the roadmap's Git
 * history.
 */
final class HistoryAdjustments {

  private final Context c;

  private HistoryAdjustments(Context c) {
    this.c = c;
  }

  static QuarterlyReview.Adjustments of(Context c) {
    return new HistoryAdjustments(c).adjustmentsFromHistory();
  }

  private QuarterlyReview.Adjustments adjustmentsFromHistory() {
    PlanHistory h = c.history();
    LocalDate cutOff = c.quarter().previous().end();
    String since =
        "the end of " + c.quarter().previous().label() + " (" + Wording.date(cutOff) + ")";
    if (h.roadmap().isEmpty() || c.roadmap().isEmpty()) {
      String why = h.limitation().map(l -> " (" + l + ")").orElse("");
      return new QuarterlyReview.Adjustments(
          false,
          "",
          List.of(),
          "No Git history available"
              + why
              + ": roadmap adjustments since "
              + since
              + " cannot be shown.");
    }
    List<Snapshot<Roadmap>> snapshots = h.roadmap();
    Optional<String> limited = Optional.empty();
    Optional<Snapshot<Roadmap>> base =
        snapshots.stream().filter(s -> !s.commit().date().isAfter(cutOff)).reduce((a, b) -> b);
    String basis;
    Roadmap previous;
    int from;
    if (base.isPresent()) {
      previous = base.get().model();
      from = snapshots.indexOf(base.get()) + 1;
      basis =
          "Compared with commit "
              + base.get().commit().shortId()
              + " of "
              + Wording.date(base.get().commit().date())
              + ", the last change to the roadmap before "
              + since
              + ".";
    } else if (h.roadmapSince(cutOff, "roadmap changes since " + since).extent()
        == Coverage.Extent.PARTIAL) {
      // The history ends early (shallow clone, missing objects): say what cannot be told.
      Coverage coverage = h.roadmapSince(cutOff, "roadmap changes since " + since);
      previous = snapshots.get(0).model();
      from = 1;
      limited = coverage.statement();
      basis =
          "The roadmap's Git history is incomplete: "
              + coverage.statement().orElseThrow()
              + ". Listed below: the changes since commit "
              + snapshots.get(0).commit().shortId()
              + " of "
              + Wording.date(snapshots.get(0).commit().date())
              + ". "
              + coverage.gap().orElseThrow().remedy();
    } else {
      previous = snapshots.get(0).model();
      from = 1;
      basis =
          "The roadmap's Git history starts after "
              + since
              + ", with commit "
              + snapshots.get(0).commit().shortId()
              + " of "
              + Wording.date(snapshots.get(0).commit().date())
              + "; changes since then.";
    }
    List<QuarterlyReview.Change> changes = new ArrayList<>();
    for (int i = from; i < snapshots.size(); i++) {
      Snapshot<Roadmap> s = snapshots.get(i);
      String when =
          Wording.date(s.commit().date())
              + ", commit "
              + s.commit().shortId()
              + " ("
              + s.commit().subject()
              + ")";
      for (RoadmapComparison.Difference d :
          RoadmapComparison.compare(previous, s.model(), c.currency())) {
        changes.add(new QuarterlyReview.Change(d.area(), d.subject(), d.description(), when));
      }
      previous = s.model();
    }
    for (RoadmapComparison.Difference d :
        RoadmapComparison.compare(previous, c.roadmap().get(), c.currency())) {
      changes.add(
          new QuarterlyReview.Change(d.area(), d.subject(), d.description(), "not yet committed"));
    }
    String note =
        !changes.isEmpty()
            ? ""
            : limited.isPresent()
                ? "The available history shows no changes to phases, gates, milestones,"
                    + " initiatives or budget after commit "
                    + snapshots.get(0).commit().shortId()
                    + "; earlier changes since "
                    + since
                    + " cannot be shown."
                : "No changes to phases, gates, milestones, initiatives or budget since "
                    + since
                    + ".";
    return new QuarterlyReview.Adjustments(true, basis, changes, note);
  }
}
