/**
 * The reports of SPEC §6: the quarterly business review (HTML, PDF, Markdown) and the executive
 * dashboard, rendered from a {@link io.waymark.engine.ValidationResult}.
 *
 * <p>{@link io.waymark.report.Reports} is the entry point: it builds the view model ({@code view}),
 * renders the Freemarker templates ({@code template}) and, only when asked for, the PDF ({@code
 * pdf}, which alone loads openhtmltopdf). Depends on the engine; nothing in the engine depends on
 * this module, and it knows nothing of the command line.
 */
package io.waymark.report;
