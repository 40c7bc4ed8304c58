package io.waymark.engine.analysis;

import io.waymark.engine.history.Commit;
import io.waymark.engine.history.HistoryGap;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.history.Snapshot;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Roadmap;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When each initiative joined the roadmap, as the Git history tells it: the first commit on the
 * first-parent line whose roadmap holds its id, in any phase (an initiative moved to another phase
 * did not join anew). The history gives no date it does not show: without Git history, without a
 * readable version of the roadmap, or when a history that ends early (a shallow clone) already
 * holds the initiative at its oldest commit, the arrival is {@link Unknown}. An initiative in no
 * commit at all is being added in uncommitted changes: it joined after the roadmap's latest commit.
 */
public final class InitiativeArrivals {

  /** What the history says of one initiative's arrival. */
  public sealed interface Arrival permits Committed, Uncommitted, Unknown {}

  /**
   * The initiative joined the roadmap in {@code commit}, the first commit whose roadmap holds it.
   */
  public record Committed(Commit commit) implements Arrival {
    public LocalDate date() {
      return commit.date();
    }
  }

  /**
   * The initiative is in no commit of the roadmap: it was added after {@code latest}, the roadmap's
   * latest commit, in changes not committed yet.
   */
  public record Uncommitted(Commit latest) implements Arrival {
    public LocalDate date() {
      return latest.date();
    }
  }

  /**
   * The history cannot tell when the initiative joined the roadmap; {@code why} says why ("not a
   * Git repository", "the history before 6 May 2027 is not available (the history is shallow)").
   */
  public record Unknown(String why) implements Arrival {}

  private final PlanHistory history;

  /** Per initiative id, the position of the oldest snapshot that holds it. */
  private final Map<String, Integer> first = new HashMap<>();

  private InitiativeArrivals(PlanHistory history) {
    this.history = history;
    List<Snapshot<Roadmap>> snapshots = history.roadmap();
    for (int n = 0; n < snapshots.size(); n++) {
      for (Initiative i : snapshots.get(n).model().initiatives()) {
        first.putIfAbsent(i.id(), n);
      }
    }
  }

  /**
   * The arrivals the history of the roadmap files tells (every Roadmap file read; initiative ids
   * are unique across the repository).
   */
  public static InitiativeArrivals of(PlanHistory history) {
    return new InitiativeArrivals(history);
  }

  /** When the initiative {@code id} joined the roadmap. */
  public Arrival of(String id) {
    if (!history.available()) {
      return new Unknown(history.limitation().orElse("no Git history"));
    }
    List<Snapshot<Roadmap>> snapshots = history.roadmap();
    if (snapshots.isEmpty()) {
      return new Unknown("the Git history holds no readable version of the roadmap");
    }
    Integer at = first.get(id);
    if (at == null) {
      return new Uncommitted(snapshots.get(snapshots.size() - 1).commit());
    }
    Optional<HistoryGap> gap = history.roadmapGap();
    if (gap.isPresent()) {
      // Known only when the oldest version read is the boundary itself and lacks the initiative:
      // then it joined after the boundary, where the history is complete.
      boolean atBoundary = snapshots.get(0).commit().id().equals(gap.get().from().id());
      if (at == 0 || !atBoundary) {
        return new Unknown(
            "the history before "
                + gap.get().knownSince()
                + " is not available: "
                + gap.get().what());
      }
    }
    return new Committed(snapshots.get(at).commit());
  }
}
