/**
 * Pull-request rules: they compare the plan at the base revision ({@code --base REV}, {@code
 * rules.RuleContext#base()}) with the plan being validated, and stay silent without a base. A gate
 * must not be claimed in a change without its decision date and evidence, an approved business case
 * must not be edited without a new approval, and what is done must not be rewritten. What changed
 * in a business case is {@link io.waymark.engine.analysis.CaseEdits}, which {@code waymark diff}
 * reads too, so both name the same changes. No YAML, no I/O.
 */
package io.waymark.engine.rules.pullrequest;
