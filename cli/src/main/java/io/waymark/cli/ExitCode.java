package io.waymark.cli;

/** The exit codes of SPEC §5. */
public final class ExitCode {

  /** No finding at or above --fail-on. */
  public static final int OK = 0;

  /** Findings at or above --fail-on. */
  public static final int FINDINGS = 1;

  /** Usage error, unreadable input folder, or internal failure. */
  public static final int USAGE = 2;

  private ExitCode() {}
}
