/**
 * Output formats of validation results (text, JSON and the machine formats CI servers read),
 * deterministic and sorted.
 */
package io.waymark.cli.format;
