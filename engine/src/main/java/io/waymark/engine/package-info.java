/**
 * The engine's facade: {@link io.waymark.engine.Validator} loads a repository, checks schemas, runs
 * the rules and settles severities, suppressions and baselines into a {@link
 * io.waymark.engine.ValidationResult}. The engine is pure: it knows nothing of the command line, CI
 * servers or report templates (ArchitectureTest holds it to that).
 */
package io.waymark.engine;
