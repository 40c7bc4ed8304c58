package io.waymark.engine.analysis;

import java.util.List;

/**
 * A commit that changed the plan itself: phases added, removed or renamed, phase months, the
 * roadmap's start or horizon, gate criteria added or removed or their metric, fact, operator or
 * target. Status, decision dates, evidence, milestones and initiatives are progress, not
 * re-planning, and are not listed.
 *
 * @param what the changes, in words ("phase phase-build months [4, 9] → [4, 10]")
 */
public record PlanChange(RoadmapState state, List<String> what) {

  public PlanChange {
    what = List.copyOf(what);
  }
}
