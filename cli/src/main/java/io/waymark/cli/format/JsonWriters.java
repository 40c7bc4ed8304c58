package io.waymark.cli.format;

import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one pretty-printing JSON writer of the JSON, SARIF and GitLab formats: a mapper is made once
 * per JVM (about 60 ms of CPU in a fresh one), not once per format ({@code ci} writes all three).
 */
final class JsonWriters {

  /** Immutable and thread-safe: every format writes through it. */
  static final ObjectWriter PRETTY = JsonMapper.builder().build().writerWithDefaultPrettyPrinter();

  private JsonWriters() {}
}
