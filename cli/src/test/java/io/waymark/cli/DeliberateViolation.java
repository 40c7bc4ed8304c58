package io.waymark.cli;

/** The other half of {@code format.DeliberateViolation}'s cycle, for {@code ArchitectureTest}. */
public final class DeliberateViolation {
  io.waymark.cli.format.DeliberateViolation format;
}
