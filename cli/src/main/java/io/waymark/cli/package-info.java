/**
 * The waymark command (picocli): thin commands that parse options, call the engine and the report
 * module, choose an output format and map results to exit codes 0, 1 and 2. Nothing depends on this
 * package.
 */
package io.waymark.cli;
