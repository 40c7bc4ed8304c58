package io.waymark.engine.analysis;

import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.history.Snapshot;
import io.waymark.engine.model.Roadmap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The roadmap's states over time: every commit that changed it, oldest first, then the plan now.
 */
public final class RoadmapStates {

  private RoadmapStates() {}

  /**
   * @param history the commits, oldest first (snapshots PlanHistory could not read are already left
   *     out and noted there)
   * @param current the roadmap being validated: the final state
   */
  public static List<RoadmapState> of(PlanHistory history, Roadmap current) {
    List<RoadmapState> states = new ArrayList<>();
    for (Snapshot<Roadmap> s : history.roadmap()) {
      states.add(new RoadmapState(Optional.of(s.commit()), s.model()));
    }
    states.add(new RoadmapState(Optional.empty(), current));
    return states;
  }
}
