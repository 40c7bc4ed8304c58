package io.waymark.cli;

/**
 * Whether the run's output is a terminal ({@code System.console()}), which decides colours and the
 * screen clearing of {@code --watch}. A local run asks the JVM; the resident server ({@link
 * DaemonServer}) answers for the client that sent the request, whose terminal it is.
 */
final class Terminal {

  /** Null: ask the JVM; else the answer of the request being served. */
  private static volatile Boolean attached;

  private Terminal() {}

  static boolean attached() {
    Boolean given = attached;
    return given != null ? given : System.console() != null;
  }

  /** For the request being served; {@link #ask} again afterwards. */
  static void given(boolean console) {
    attached = console;
  }

  /** The JVM's own answer again. */
  static void ask() {
    attached = null;
  }
}
