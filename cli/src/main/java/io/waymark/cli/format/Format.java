package io.waymark.cli.format;

/** Output formats of {@code validate} (SPEC §5). */
public enum Format {
  text,
  json
}
