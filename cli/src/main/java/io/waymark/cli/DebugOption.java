package io.waymark.cli;

import picocli.CommandLine.Option;

/**
 * {@code --debug}, declared once for every command that offers it. The value is read from the
 * arguments before parsing ({@code Main}, {@code Failures}), so that a failure while parsing can
 * show its stack trace too.
 */
final class DebugOption {

  @Option(names = "--debug", description = "Print stack traces of internal errors.")
  boolean debug;
}
