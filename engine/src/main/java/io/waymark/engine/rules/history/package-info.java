/**
 * Rules that read the roadmap's Git history through {@code rules.RuleContext#history()}: milestones
 * slipping repeatedly, roadmap churn outside the semi-annual update windows, and the two info
 * findings that say when the history is incomplete or missing. The rules only judge: what they
 * count ({@link io.waymark.engine.analysis.MilestoneSlips}, {@link
 * io.waymark.engine.analysis.PlanChurn}) is computed in {@link io.waymark.engine.analysis}, where
 * {@code waymark history} and the quarterly review read the same numbers. No JGit, no I/O: {@code
 * history.PlanHistory} has already read and parsed the commits.
 */
package io.waymark.engine.rules.history;
