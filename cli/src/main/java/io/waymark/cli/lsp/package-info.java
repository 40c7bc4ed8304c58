/**
 * The language server ({@code waymark lsp}): LSP over JSON-RPC with Eclipse LSP4J, the only package
 * that may use it. Judges the open files' repository through the engine's facade ({@code
 * Waymark.edit}, an {@code EditSession} with the unsaved buffers over the disk), reads the bundled
 * schemas for hover and completion, and never calls the commands of {@code io.waymark.cli}.
 */
package io.waymark.cli.lsp;
