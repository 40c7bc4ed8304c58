package io.waymark.engine.model;

import java.util.Locale;

/** Maps kebab-case YAML values ("in-progress") to enum constants (IN_PROGRESS) and back. */
public final class Kebab {

  private Kebab() {}

  public static <E extends Enum<E>> E parse(Class<E> type, String text, E fallback) {
    String name = text.toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    return fallback;
  }

  public static String of(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
