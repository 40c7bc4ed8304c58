package io.waymark.report.view;

/**
 * A deliberate violation, read only by {@code ArchitectureTest} to prove its rules can fail: a view
 * model reading the loader's result and discovering the rule registry itself, counting slips from
 * the history itself instead of taking the engine's analyses, and (with {@code
 * text.DeliberateViolation}) a view ⇄ text cycle.
 */
public final class DeliberateViolation {
  io.waymark.engine.load.LoadResult load;
  io.waymark.engine.rules.RuleRegistry registry;
  io.waymark.report.text.DeliberateViolation text;

  int slips(io.waymark.engine.history.PlanHistory history, io.waymark.engine.model.Roadmap r) {
    return io.waymark.engine.analysis.MilestoneSlips.of(
            io.waymark.engine.analysis.RoadmapStates.of(history, r))
        .size();
  }
}
