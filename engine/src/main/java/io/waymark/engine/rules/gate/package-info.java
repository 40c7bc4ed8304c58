/**
 * Rules on phase gates: a passed gate must be met by the data at its decision date and carry
 * evidence, a waiver must rest on an approved decision taken in time, a phase must not start before
 * the previous gate opens, and every criterion must be measurable. They use {@code
 * gate.GateEvaluator} for the verdicts and report through {@code rules.RuleContext}; no YAML, no
 * I/O.
 */
package io.waymark.engine.rules.gate;
