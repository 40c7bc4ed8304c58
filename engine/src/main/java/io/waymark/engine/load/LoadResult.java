package io.waymark.engine.load;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.model.Config;
import io.waymark.engine.model.Document;
import io.waymark.engine.model.DocumentIndex;
import io.waymark.engine.model.DocumentModel;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.UnreadableFile;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What loading a repository produced: the configuration in force, every Waymark document (valid or
 * not), the typed models of the documents that passed their schema, the problems found while
 * reading (as findings of the loader-stage rules), and the inline ignore comments per file.
 *
 * @param models typed model of each schema-valid document (or of the schema-valid rest of one whose
 *     errors all sit in list items), in document order
 * @param ignores file → line → inline {@code # waymark:ignore} comments on that line
 * @param unreadable what the lines show of the files the YAML reader could not read, in file order
 * @param notRead the files that could not be read at all (permission denied, an input/output error)
 *     and the folders that could not be listed in full, in file order: any id may be declared in
 *     them
 */
public record LoadResult(
    String root,
    Config config,
    List<String> files,
    List<Document> documents,
    List<DocumentModel> models,
    List<Finding> problems,
    Map<String, Map<Integer, List<InlineIgnore>>> ignores,
    List<UnreadableFile> unreadable,
    List<String> notRead) {

  public LoadResult {
    unreadable = List.copyOf(unreadable);
    notRead = List.copyOf(notRead);
    files = List.copyOf(files);
    documents = List.copyOf(documents);
    models = List.copyOf(models);
    problems = List.copyOf(problems);
    ignores = Map.copyOf(ignores);
  }

  /** A load in which every file and folder could be read. */
  public LoadResult(
      String root,
      Config config,
      List<String> files,
      List<Document> documents,
      List<DocumentModel> models,
      List<Finding> problems,
      Map<String, Map<Integer, List<InlineIgnore>>> ignores,
      List<UnreadableFile> unreadable) {
    this(root, config, files, documents, models, problems, ignores, unreadable, List.of());
  }

  /** The documents and files, read-only, as the rules see them. */
  public DocumentIndex index() {
    return new DocumentIndex(root, files, documents, unreadable);
  }

  /**
   * The documents that failed their schema in list items only, the plan holding the valid rest of
   * each, as {@code file + "\n" + kind} keys. Made from the invalid documents' files, so it costs
   * what they cost, not what the whole repository does.
   */
  public Set<String> partlyInvalid() {
    Set<String> invalidFiles = new HashSet<>();
    for (Document d : documents) {
      if (!d.valid()) {
        invalidFiles.add(d.file());
      }
    }
    if (invalidFiles.isEmpty()) {
      return Set.of();
    }
    Set<String> modelled = new HashSet<>();
    for (DocumentModel m : models) {
      if (invalidFiles.contains(m.at().file())) {
        modelled.add(m.at().file() + "\n" + m.kind());
      }
    }
    Set<String> partly = new HashSet<>();
    for (Document d : documents) {
      if (d.valid()) {
        continue; // no key made: a large repository's documents are nearly all valid
      }
      String key = d.file() + "\n" + d.kind();
      if (modelled.contains(key)) {
        partly.add(key);
      }
    }
    return partly;
  }

  /**
   * The configuration file when the YAML reader could not read it (its lines show a Config
   * document): nothing can be judged without its as-of date, currency, exclusions and rule
   * settings, so no rule runs.
   */
  public Optional<String> configUnreadable() {
    return unreadable.stream()
        .filter(u -> u.declares(Kind.CONFIG))
        .map(UnreadableFile::file)
        .findFirst();
  }

  /** The problems recorded for one loader-stage rule id. */
  public List<Finding> problems(String rule) {
    return problems.stream().filter(f -> f.rule().equals(rule)).toList();
  }
}
