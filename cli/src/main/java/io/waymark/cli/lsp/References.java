package io.waymark.cli.lsp;

import io.waymark.engine.model.Kind;
import java.util.Optional;

/**
 * Which fields name another document or item (SPEC §2, the references {@code ref-unresolved}
 * checks), and the id space their value lives in: completion offers the ids of that space, go to
 * definition jumps to where the id is declared.
 */
final class References {

  /** Any document or nested id ({@code relatesTo}). */
  static final String ANY = "*";

  /** A repository path with an optional {@code #id} anchor ({@code evidence}). */
  static final String EVIDENCE = "#";

  private References() {}

  /** The id space the value at the cursor refers to, if it is a reference. */
  static Optional<String> space(Kind kind, YamlCursor cursor) {
    if (cursor.place() != YamlCursor.Place.VALUE && cursor.place() != YamlCursor.Place.ITEM) {
      return Optional.empty();
    }
    boolean item = cursor.place() == YamlCursor.Place.ITEM;
    String field = cursor.fieldName();
    String space =
        switch (kind) {
          case ROADMAP ->
              switch (field) {
                case "businessCase" -> Kind.BUSINESS_CASE.id();
                case "constraint" -> "constraint";
                case "vendor" -> "vendor";
                case "metric" -> "metric";
                case "decision" -> "decision";
                case "useCases" -> item ? Kind.USE_CASE.id() : null;
                case "dependsOn" -> item ? "initiative" : null;
                case "evidence" -> item ? EVIDENCE : null;
                default -> null;
              };
          case BUSINESS_CASE ->
              switch (field) {
                case "kpi" -> "metric";
                case "vendor" -> "vendor";
                case "decision" -> "decision";
                default -> null;
              };
          case USE_CASE -> field.equals("metrics") && item ? "metric" : null;
          case METRICS -> field.equals("dashboard") && item ? "metric" : null;
          case GOVERNANCE ->
              switch (field) {
                case "relatesTo" -> item ? ANY : null;
                case "selects" -> item ? "vendor" : null;
                default -> null;
              };
          default -> null;
        };
    return Optional.ofNullable(space);
  }
}
