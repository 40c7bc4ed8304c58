/**
 * The eight pitfalls of the methodology: big bang, premature GPU purchase, ignoring data readiness,
 * missing success metrics, inference economics, single-vendor lock-in and skipped architecture
 * review (no interim milestones is milestone-cadence, in rules.roadmap).
 */
package io.waymark.engine.rules.pitfall;
