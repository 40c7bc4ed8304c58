/**
 * The view model of the quarterly business review and the executive dashboard: immutable records of
 * display-ready text (money with its currency, dates in words, RAG) and finished SVG charts, built
 * from a validation result by {@link io.waymark.report.view.ReviewBuilder}. Templates read these
 * records and nothing else; no engine type reaches a template.
 *
 * <p>Depends on the engine (model, insights, history) and on {@code chart} and {@code text}.
 */
package io.waymark.report.view;
