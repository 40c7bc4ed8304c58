/**
 * The plan and history analyses, in one place: the roadmap's states over its Git history ({@link
 * io.waymark.engine.analysis.RoadmapStates}), each milestone's re-plans ({@link
 * io.waymark.engine.analysis.MilestoneSlips}), plan churn and the update windows ({@link
 * io.waymark.engine.analysis.PlanChurn}, {@link io.waymark.engine.analysis.UpdateWindows}), the
 * adjustments since a date ({@link io.waymark.engine.analysis.RoadmapSince}), when each initiative
 * joined the roadmap ({@link io.waymark.engine.analysis.InitiativeArrivals}) and where a milestone
 * stands against its due date ({@link io.waymark.engine.analysis.Schedule}). Gate readiness is
 * {@code gate.GateEvaluator}'s, read from {@code Insights#gates()}.
 *
 * <p>The rules, the quarterly review, {@code waymark diff} and {@code waymark history} all read
 * these answers, so they never count the same thing twice in two ways. Pure: no I/O, no rules, no
 * rendering.
 */
package io.waymark.engine.analysis;
