/**
 * Rules on the readiness assessment and what depends on it: ratings no greener than the red flags
 * allow, a fresh assessment, the top constraints addressed in phase 1, and agentic use cases only
 * on ready infrastructure. "The latest assessment" is {@code Plan.latestAssessment(asOf)}, which
 * needs one assessment per date. They read only the typed {@code model} and report through {@code
 * rules.RuleContext}; no YAML, no I/O.
 */
package io.waymark.engine.rules.assessment;
