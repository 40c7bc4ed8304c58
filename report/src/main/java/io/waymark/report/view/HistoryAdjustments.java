package io.waymark.report.view;

import io.waymark.engine.analysis.RoadmapSince;
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
    RoadmapSince adjustments =
        c.analyses().since(cutOff, "roadmap changes since " + since).orElseThrow();
    Snapshot<Roadmap> first = adjustments.from();
    Optional<String> limited = Optional.empty();
    String basis;
    if (adjustments.base().isPresent()) {
      basis =
          "Compared with commit "
              + first.commit().shortId()
              + " of "
              + Wording.date(first.commit().date())
              + ", the last change to the roadmap before "
              + since
              + ".";
    } else if (adjustments.partial()) {
      // The history ends early (shallow clone, missing objects): say what cannot be told.
      Coverage coverage = adjustments.coverage();
      limited = coverage.statement();
      basis =
          "The roadmap's Git history is incomplete: "
              + coverage.statement().orElseThrow()
              + ". Listed below: the changes since commit "
              + first.commit().shortId()
              + " of "
              + Wording.date(first.commit().date())
              + ". "
              + coverage.gap().orElseThrow().remedy();
    } else {
      basis =
          "The roadmap's Git history starts after "
              + since
              + ", with commit "
              + first.commit().shortId()
              + " of "
              + Wording.date(first.commit().date())
              + "; changes since then.";
    }
    Roadmap previous = first.model();
    List<QuarterlyReview.Change> changes = new ArrayList<>();
    for (Snapshot<Roadmap> s : adjustments.after()) {
      String commitMessage = "commit message: " + s.commit().subject().strip();
      String when =
          Wording.date(s.commit().date())
              + ", commit "
              + s.commit().shortId()
              + " ("
              + s.commit().subject()
              + ")";
      for (RoadmapComparison.Difference d :
          RoadmapComparison.compare(previous, s.model(), c.currency())) {
        changes.add(
            new QuarterlyReview.Change(
                d.area(),
                d.subject(),
                d.description(),
                d.why().isEmpty() ? commitMessage : d.why(),
                when));
      }
      previous = s.model();
    }
    for (RoadmapComparison.Difference d :
        RoadmapComparison.compare(previous, c.roadmap().get(), c.currency())) {
      changes.add(
          new QuarterlyReview.Change(
              d.area(), d.subject(), d.description(), d.why(), "not yet committed"));
    }
    String note =
        !changes.isEmpty()
            ? ""
            : limited.isPresent()
                ? "The available history shows no changes to phases, gates, milestones,"
                    + " initiatives or budget after commit "
                    + first.commit().shortId()
                    + "; earlier changes since "
                    + since
                    + " cannot be shown."
                : "No changes to phases, gates, milestones, initiatives or budget since "
                    + since
                    + ".";
    return new QuarterlyReview.Adjustments(true, basis, changes, note);
  }
}
