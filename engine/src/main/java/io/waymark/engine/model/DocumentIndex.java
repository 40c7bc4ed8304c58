package io.waymark.engine.model;

import java.util.List;

/**
 * What a repository holds, read-only, for the rules that ask about documents rather than the typed
 * plan (a kind that is missing, a document that failed its schema): every Waymark document, valid
 * or not, and every file read. Rules see this, never the loader's result.
 *
 * @param root how the repository is named in messages (its folder, or a revision)
 * @param files the files read, in the loader's order
 * @param documents every Waymark document of those files
 */
public record DocumentIndex(String root, List<String> files, List<Document> documents) {

  public DocumentIndex {
    files = List.copyOf(files);
    documents = List.copyOf(documents);
  }

  /** The documents of one kind (valid or not), in file order. */
  public List<Document> ofKind(Kind kind) {
    return documents.stream().filter(d -> d.kind() == kind).toList();
  }

  /** True when a document of the kind exists, even one that failed its schema. */
  public boolean present(Kind kind) {
    return documents.stream().anyMatch(d -> d.kind() == kind);
  }

  /**
   * The first file read, or {@code "."} when there is none: where a repository-wide finding goes.
   */
  public String firstFile() {
    return files.isEmpty() ? "." : files.get(0);
  }
}
