package io.waymark.cli.format;

import io.waymark.engine.fix.Fixes;
import io.waymark.engine.model.Kebab;
import java.util.Set;

/**
 * A deliberate violation, read only by {@code ArchitectureTest} to prove its rules can fail: an
 * output format calling the commands' package (with {@code cli.DeliberateViolation}, the former cli
 * ⇄ cli.format cycle), and reaching past the engine's facade into helpers of the packages whose
 * result types it may read ({@code Kebab} of the model, {@code Fixes} of the fixes).
 */
public final class DeliberateViolation {
  io.waymark.cli.DeliberateViolation command;

  String status(Enum<?> status) {
    return Kebab.of(status);
  }

  Set<String> fixable() {
    return Fixes.RULES;
  }
}
