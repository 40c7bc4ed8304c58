/**
 * Rules on the shape of the roadmap itself: horizon, phase months, 90-day milestone cadence,
 * milestone dates and the five roadmap components. They read only the typed {@code model} and
 * report through {@code rules.RuleContext}; no YAML, no I/O.
 */
package io.waymark.engine.rules.roadmap;
