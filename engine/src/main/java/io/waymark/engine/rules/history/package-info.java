/**
 * Rules that read the roadmap's Git history through {@code rules.RuleContext#history()}: milestones
 * slipping repeatedly, roadmap churn outside the semi-annual update windows, and the two info
 * findings that say when the history is incomplete or missing. The history computations ({@link
 * io.waymark.engine.rules.history.RoadmapStates}, {@link
 * io.waymark.engine.rules.history.MilestoneSlips}, {@link
 * io.waymark.engine.rules.history.PlanChurn}) are public so that {@code waymark history} shows the
 * same numbers the rules judge. No JGit, no I/O: {@code history.PlanHistory} has already read and
 * parsed the commits.
 */
package io.waymark.engine.rules.history;
