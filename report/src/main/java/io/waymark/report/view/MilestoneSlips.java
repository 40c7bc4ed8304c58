package io.waymark.report.view;

import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.history.Snapshot;
import io.waymark.engine.model.Milestone;
import io.waymark.engine.model.Roadmap;
import io.waymark.report.text.Wording;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every milestone's due-date history read from the roadmap's commits: each move later ("slip") or
 * earlier, with the commit that made it.
 */
final class MilestoneSlips {

  /** One move of a due date. */
  record Move(LocalDate from, LocalDate to, LocalDate on, String commit) {
    boolean later() {
      return to.isAfter(from);
    }

    String describe() {
      long days = ChronoUnit.DAYS.between(from, to);
      return Wording.date(from)
          + " to "
          + Wording.date(to)
          + " ("
          + (days > 0 ? "+" : Wording.MINUS)
          + Wording.count(Math.abs(days), "day", "days")
          + "), commit "
          + commit
          + " of "
          + Wording.date(on);
    }
  }

  private final Map<String, List<Move>> moves;

  private MilestoneSlips(Map<String, List<Move>> moves) {
    this.moves = moves;
  }

  static MilestoneSlips of(PlanHistory history) {
    Map<String, List<Move>> moves = new HashMap<>();
    Map<String, LocalDate> last = new HashMap<>();
    for (Snapshot<Roadmap> s : history.roadmap()) {
      for (Milestone m : s.model().milestones()) {
        if (m.due() == null) {
          continue;
        }
        LocalDate before = last.put(m.id(), m.due());
        if (before != null && !before.equals(m.due())) {
          moves
              .computeIfAbsent(m.id(), k -> new ArrayList<>())
              .add(new Move(before, m.due(), s.commit().date(), s.commit().shortId()));
        }
      }
    }
    return new MilestoneSlips(moves);
  }

  List<Move> of(String milestoneId) {
    return moves.getOrDefault(milestoneId, List.of());
  }

  long slips(String milestoneId) {
    return of(milestoneId).stream().filter(Move::later).count();
  }
}
