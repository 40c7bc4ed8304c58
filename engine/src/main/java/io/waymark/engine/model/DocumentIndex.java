package io.waymark.engine.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a repository holds, read-only, for the rules that ask about documents rather than the typed
 * plan (a kind that is missing, a document that failed its schema): every Waymark document, valid
 * or not, and every file read. Rules see this, never the loader's result.
 *
 * @param root how the repository is named in messages (its folder, or a revision)
 * @param files the files read, in the loader's order
 * @param documents every Waymark document of those files
 * @param unreadable what the lines show of the files the YAML reader could not read
 */
public record DocumentIndex(
    String root, List<String> files, List<Document> documents, List<UnreadableFile> unreadable) {

  public DocumentIndex {
    files = List.copyOf(files);
    documents = List.copyOf(documents);
    unreadable = List.copyOf(unreadable);
  }

  /** An index of files that were all read. */
  public DocumentIndex(String root, List<String> files, List<Document> documents) {
    this(root, files, documents, List.of());
  }

  /** The documents of one kind (valid or not), in file order. */
  public List<Document> ofKind(Kind kind) {
    return documents.stream().filter(d -> d.kind() == kind).toList();
  }

  /**
   * True when a document of the kind exists, even one that failed its schema or one in a file the
   * YAML reader could not read (its {@code yaml-syntax} finding is the one to fix).
   */
  public boolean present(Kind kind) {
    return documents.stream().anyMatch(d -> d.kind() == kind)
        || unreadable.stream().anyMatch(u -> u.declares(kind));
  }

  /** True when every document of the kind passed its schema and none is in an unreadable file. */
  public boolean allValid(Kind kind) {
    return documents.stream().filter(d -> d.kind() == kind).allMatch(Document::valid)
        && unreadable.stream().noneMatch(u -> u.declares(kind));
  }

  /**
   * What counts for "one assessment per date" ({@code assessment-date-duplicate}, {@code waymark
   * new assessment}): {@code planned} (the plan's assessments), then those that failed their schema
   * whose {@code spec.date} still reads as a date, so that fixing a schema error does not bring a
   * duplicate to light only then. One that failed only in some items is in the plan and among the
   * failed ones: it counts once, told apart by file, id and date (a large repository's valid
   * documents keep no positions, so where they are written cannot tell them apart).
   */
  public List<Assessment> datedAssessments(List<Assessment> planned) {
    List<Assessment> invalid = invalidAssessments();
    if (invalid.isEmpty()) {
      return planned;
    }
    List<Assessment> all = new ArrayList<>(planned);
    Set<List<Object>> seen = new HashSet<>();
    all.forEach(a -> seen.add(key(a)));
    for (Assessment a : invalid) {
      if (seen.add(key(a))) {
        all.add(a);
      }
    }
    return all;
  }

  private static List<Object> key(Assessment a) {
    return List.of(a.at().file(), a.metadata().id(), a.date());
  }

  /**
   * The assessments that failed their schema, read as far as they go, whose {@code spec.date} reads
   * as a date, in file order.
   */
  private List<Assessment> invalidAssessments() {
    List<Assessment> out = new ArrayList<>();
    for (Document d : documents) {
      if (d.kind() == Kind.ASSESSMENT
          && !d.valid()
          && d.read(new ArrayList<>()) instanceof Assessment a
          && !a.date().equals(LocalDate.EPOCH)) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * The first file read, or {@code "."} when there is none: where a repository-wide finding goes.
   */
  public String firstFile() {
    return files.isEmpty() ? "." : files.get(0);
  }
}
