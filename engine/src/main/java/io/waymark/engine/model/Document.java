package io.waymark.engine.model;

import java.util.List;
import java.util.Set;

/**
 * One Waymark document of a file: its kind, {@code metadata.id} and the tree it was read from (a
 * {@link SourceNode}: the loader adapts the YAML reader's nodes). A file may hold several
 * documents; {@code index} is the 0-based position in the file.
 */
public record Document(
    String file, int index, Kind kind, String id, SourceNode root, boolean valid) {

  /** The same document, marked as having passed (or failed) its schema. */
  public Document withValid(boolean isValid) {
    return new Document(file, index, kind, id, root, isValid);
  }

  public Anchor anchor() {
    return new Anchor(file, "", root);
  }

  /**
   * Reads the typed model of this document (the switch over {@link Kind} is exhaustive: a new kind
   * does not compile until it is read here). Never throws: a value of the wrong type reads as
   * absent; impossible dates are added to {@code problems}.
   */
  public DocumentModel read(List<ModelProblem> problems) {
    return read(problems, Set.of());
  }

  /**
   * Reads the typed model of this document without the sequence items at {@code excluded} (JSON
   * Pointers of items that failed their schema), so the rules still see the rest of it.
   */
  public DocumentModel read(List<ModelProblem> problems, Set<String> excluded) {
    return read(new Fields(root, anchor(), problems, excluded));
  }

  /**
   * Reads the typed model of this document as it was at an older commit: its values point at the
   * file only and share their text with the other versions (see {@link Anchor#detached}), so the
   * model keeps neither the node tree nor a copy of every string.
   */
  public DocumentModel readDetached(List<ModelProblem> problems) {
    return read(new Fields(root, Anchor.detached(file), problems, Set.of()));
  }

  private DocumentModel read(Fields f) {
    return switch (kind) {
      case CONFIG -> Config.read(f);
      case ROADMAP -> Roadmap.read(f);
      case ASSESSMENT -> Assessment.read(f);
      case BUSINESS_CASE -> BusinessCase.read(f);
      case VENDOR_EVALUATION -> VendorEvaluation.read(f);
      case USE_CASE -> UseCase.read(f);
      case METRICS -> Metrics.read(f);
      case GOVERNANCE -> Governance.read(f);
    };
  }
}
