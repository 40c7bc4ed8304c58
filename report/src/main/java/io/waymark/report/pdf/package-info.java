/**
 * The QBR as an A4 PDF, through openhtmltopdf (PDFBox, Batik for the inline SVG charts) with the
 * DejaVu Sans font shipped in the jar. The only package that loads the renderer, and only when a
 * PDF is written: validation and the HTML and Markdown reports never pay for it.
 *
 * <p>The renderer reads nothing from outside: the stylesheet is served from memory under the {@code
 * waymark:} scheme, and every other URL (http, file, data) is refused.
 */
package io.waymark.report.pdf;
