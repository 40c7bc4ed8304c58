package io.waymark.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * A Waymark file the YAML reader could not read (a {@code yaml-syntax} finding), and what its lines
 * still show: the kind and {@code metadata.id} of each document the reader stopped at or never
 * reached, and every id written under an {@code id} key in them. The rules use it to say what is
 * true: a reference to an id this file declares is not dangling, and a repository whose only
 * Roadmap is in this file does have one; the syntax finding is the one to fix.
 *
 * @param file the file, as findings name it
 * @param documents the documents the lines show, in file order
 * @param ids every id written under an {@code id} key in those documents, in file order
 */
public record UnreadableFile(String file, List<Declared> documents, List<String> ids) {

  public UnreadableFile {
    Objects.requireNonNull(file, "file");
    documents = List.copyOf(documents);
    ids = List.copyOf(ids);
  }

  /** One document of the file: its kind and its {@code metadata.id} (empty when none is seen). */
  public record Declared(Kind kind, String id) {
    public Declared {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(id, "id");
    }
  }

  /** True when the lines show a document of {@code kind}. */
  public boolean declares(Kind kind) {
    return documents.stream().anyMatch(d -> d.kind() == kind);
  }
}
