package io.waymark.cli;

import io.waymark.engine.model.Kind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A kind of document as the command line names it ({@code waymark new KIND}, {@code waymark schema
 * --kind KIND}): its YAML name or the name of its schema file, in any case, with or without dashes
 * and underscores ({@code business-case}, {@code BusinessCase}, {@code business_case}).
 */
final class KindNames {

  private KindNames() {}

  /** The kind {@code name} stands for, if any (Config included). */
  static Optional<Kind> of(String name) {
    String wanted = squash(name);
    return Arrays.stream(Kind.values()).filter(k -> squash(k.id()).equals(wanted)).findFirst();
  }

  private static String squash(String text) {
    return text.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }
}
