/**
 * Freemarker, locked down (SPEC §8): the bundled templates of the top-level {@code templates/}
 * folder, overridable file by file by a roadmap repository's own {@code templates/} folder (never
 * through a symbolic link, never outside it); HTML auto-escaping for {@code .ftlh}, Markdown
 * escaping for {@code .ftlmd}; {@code ?new} and {@code ?api} blocked; errors rethrown, never
 * written into a report. The only package that imports Freemarker.
 */
package io.waymark.report.template;
