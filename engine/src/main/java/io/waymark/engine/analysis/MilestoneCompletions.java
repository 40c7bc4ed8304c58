package io.waymark.engine.analysis;

import io.waymark.engine.history.Commit;
import io.waymark.engine.model.Milestone;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * When each milestone was marked done, as the roadmap's history tells it: the first commit in which
 * its status became {@code done} after a state where the milestone was there and not done. The
 * states follow the first-parent line (a milestone marked done on a merged branch counts at the
 * merge). A milestone that is done from its first state on has no such commit (the history does not
 * show when it was delivered), nor has one marked done only in uncommitted changes.
 */
public final class MilestoneCompletions {

  private MilestoneCompletions() {}

  /**
   * The commit that first marked each milestone done, by milestone id.
   *
   * @param states oldest first; the last one is the current plan
   */
  public static Map<String, Commit> of(List<RoadmapState> states) {
    Map<String, Milestone.Status> previous = new HashMap<>();
    Map<String, Commit> markedDone = new LinkedHashMap<>();
    for (RoadmapState state : states) {
      Map<String, Milestone.Status> now = new HashMap<>();
      for (Milestone m : state.roadmap().milestones()) {
        now.putIfAbsent(m.id(), m.status());
      }
      for (Map.Entry<String, Milestone.Status> e : now.entrySet()) {
        Milestone.Status before = previous.get(e.getKey());
        Optional<Commit> commit = state.commit();
        if (e.getValue() == Milestone.Status.DONE
            && before != null
            && before != Milestone.Status.DONE
            && commit.isPresent()) {
          markedDone.putIfAbsent(e.getKey(), commit.get());
        }
      }
      // A milestone missing from one state keeps its last known status (a file that failed to
      // parse at one commit is left out of the states already).
      previous.putAll(now);
    }
    return markedDone;
  }
}
