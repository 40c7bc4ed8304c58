/**
 * Gate evaluation as of a date: the facts a criterion may name ({@link
 * io.waymark.engine.gate.Facts}) and the verdict on each criterion of each phase gate ({@link
 * io.waymark.engine.gate.GateEvaluator}). Depends only on {@code model}; rules and reports read the
 * results, never the reverse.
 */
package io.waymark.engine.gate;
