package io.waymark.report.text;

/** The other half of {@code view.DeliberateViolation}'s cycle, for {@code ArchitectureTest}. */
public final class DeliberateViolation {
  io.waymark.report.view.DeliberateViolation view;
}
