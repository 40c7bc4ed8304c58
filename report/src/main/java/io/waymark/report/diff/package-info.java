/**
 * The output of {@code waymark diff} and {@code waymark history}: the text a reviewer reads in a
 * terminal or a pull request, and the same content as JSON for reports and pipeline steps. Next to
 * the QBR, so every rendering of a plan lives in the report module; the CLI only picks the format.
 */
package io.waymark.report.diff;
