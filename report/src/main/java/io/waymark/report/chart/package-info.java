/**
 * Inline SVG charts drawn with presentation attributes only (no {@code style} attribute, no script,
 * no external reference), so they render the same in a browser under Jenkins' Content Security
 * Policy and in the PDF: trend lines, RAG chips, the timeline, the budget split against 70-20-10,
 * the impact/effort matrix and vendor score bars. Every text that goes into a chart is XML-escaped
 * here; the templates insert the finished markup as is. Depends on {@code text} only.
 */
package io.waymark.report.chart;
