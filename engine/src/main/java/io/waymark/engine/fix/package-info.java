/**
 * {@code waymark fix}'s engine: the mechanical, safe fixes of a validation's findings as text edits
 * on the files' original characters ({@link io.waymark.engine.fix.Fixes}, {@link
 * io.waymark.engine.fix.FixPlan}, {@link io.waymark.engine.fix.Fix}, {@link
 * io.waymark.engine.fix.TextEdit}), for the command line to apply and a language server to offer as
 * code actions. It reads the typed model, the computations (finance, vendor scores) and the YAML
 * spans of the yaml package; reached through the facade ({@code ValidationResult.fixes}, {@code
 * Checkout.fixes}).
 */
package io.waymark.engine.fix;
