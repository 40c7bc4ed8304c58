/**
 * Rules on Metrics documents (SPEC §3, "Metrics"): the size of the executive dashboard, stale
 * series and targets of the well-known lagging metrics that fall short of the methodology. They
 * depend on the model and the rules API only.
 */
package io.waymark.engine.rules.metrics;
