package io.waymark.cli.format;

/**
 * A deliberate violation, read only by {@code ArchitectureTest} to prove its rules can fail: an
 * output format calling the commands' package (with {@code cli.DeliberateViolation}, the former cli
 * ⇄ cli.format cycle).
 */
public final class DeliberateViolation {
  io.waymark.cli.DeliberateViolation command;
}
