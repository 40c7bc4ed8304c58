/**
 * What a change does to the plan, for people: {@link io.waymark.engine.diff.PlanDiff} compares two
 * validation results (the base of a pull request and its head) — milestones moved, gates, budgets,
 * business-case figures with the computed NPV before and after, vendor bands, new and fixed
 * findings — and {@link io.waymark.engine.diff.HistoryReport} tells the roadmap's story from its
 * Git history: re-plans per milestone, churn months, metric series as they were recorded, gate
 * decisions. Both are values; the command line and the reports render them. Depends on the model,
 * the finance and vendor packages and the history rules' computations; no I/O.
 */
package io.waymark.engine.diff;
