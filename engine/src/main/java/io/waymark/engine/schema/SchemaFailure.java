package io.waymark.engine.schema;

import java.util.List;
import java.util.function.Supplier;

/**
 * One way a document fails its schema, what {@link SchemaCheck} words a finding from: a failure the
 * full validator (networknt) reported, or one the quick {@link SchemaVerdict} is sure of because it
 * is sure of every failure of the document ({@link SchemaVerdict#failures}).
 *
 * @param pointer where in the document (a JSON Pointer, as Waymark writes one)
 * @param keyword the schema keyword that failed ({@code required}, {@code enum}, {@code type}...)
 * @param property the property a {@code required} or {@code additionalProperties} failure names,
 *     else null
 * @param shown the failing value as a message shows it: a text in quotes, anything else as JSON,
 *     shortened to 60 characters; {@code value} when not known
 * @param text the failing value when it is a text, else null
 * @param schemaJson the failing keyword's value in the schema, as JSON (a type's {@code "string"}),
 *     or null
 * @param schemaText the failing keyword's value as text (a pattern, a length), or null
 * @param allowed the values an {@code enum} allows, or null
 * @param message the full validator's own words for it (used for a wrong type)
 * @param declared the property names of the object schema an unknown field failed, for "did you
 *     mean"; asked only for such a failure
 */
record SchemaFailure(
    String pointer,
    String keyword,
    String property,
    String shown,
    String text,
    String schemaJson,
    String schemaText,
    List<String> allowed,
    String message,
    Supplier<List<String>> declared) {

  /** The longest value a message shows whole. */
  static final int SHOWN = 60;

  /** {@code text} as a message shows it: in quotes, shortened. */
  static String quoted(String text) {
    return shortened("'" + text + "'");
  }

  static String shortened(String text) {
    return text.length() > SHOWN ? text.substring(0, SHOWN - 3) + "..." : text;
  }
}
