package io.waymark.engine.history;

import io.waymark.engine.model.Document;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.model.ModelProblem;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.yaml.YamlDocument;
import io.waymark.engine.yaml.YamlLimits;
import io.waymark.engine.yaml.YamlMap;
import io.waymark.engine.yaml.YamlReader;
import io.waymark.engine.yaml.YamlScalar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The roadmap and metrics documents as they were at every commit that changed them, oldest first.
 * Versions that cannot be read (invalid YAML in an old commit, the document missing) are skipped
 * and listed in {@link #notes()}; nothing here ever fails validation.
 *
 * @param roadmap the Roadmap document at each commit that changed its file
 * @param metrics per Metrics file, the document at each commit that changed it
 * @param notes what was skipped, for the {@code history} command and the reports
 * @param limitation why the history is missing or incomplete (no Git, shallow clone)
 * @param available true when commits could be read at all (a limitation then means incomplete)
 */
public record PlanHistory(
    List<Snapshot<Roadmap>> roadmap,
    Map<String, List<Snapshot<Metrics>>> metrics,
    List<String> notes,
    Optional<String> limitation,
    boolean available) {

  public PlanHistory {
    roadmap = List.copyOf(roadmap);
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    notes = List.copyOf(notes);
  }

  public static PlanHistory empty(Optional<String> limitation) {
    return new PlanHistory(List.of(), Map.of(), List.of(), limitation, false);
  }

  /**
   * Reads the history of the files that hold the current Roadmap and Metrics documents.
   *
   * @param documents the current documents (they say which files to follow)
   */
  public static PlanHistory read(History history, List<Document> documents, YamlLimits limits) {
    if (!history.available()) {
      return empty(history.limitation());
    }
    List<String> notes = Collections.synchronizedList(new ArrayList<>());
    List<Snapshot<Roadmap>> roadmap = new ArrayList<>();
    Map<String, List<Snapshot<Metrics>>> metrics = new LinkedHashMap<>();
    List<String> roadmapFiles = files(documents, Kind.ROADMAP);
    Map<String, Integer> depths = new HashMap<>();
    for (String file : roadmapFiles) {
      roadmap.addAll(versions(history, file, Kind.ROADMAP, Roadmap.class, limits, notes, depths));
    }
    if (roadmapFiles.size() > 1) {
      // The order of the first-parent line, never the commit dates: a rebased commit or a skewed
      // clock can date a commit before its parent (stable, so one file keeps its own order).
      roadmap.sort(
          java.util.Comparator.comparingInt(
              (Snapshot<Roadmap> s) -> -depths.getOrDefault(s.commit().id(), 0)));
    }
    for (String file : files(documents, Kind.METRICS)) {
      metrics.put(
          file,
          versions(history, file, Kind.METRICS, Metrics.class, limits, notes, new HashMap<>()));
    }
    List<String> sortedNotes = new ArrayList<>(notes);
    Collections.sort(sortedNotes);
    return new PlanHistory(roadmap, metrics, sortedNotes, history.limitation(), true);
  }

  private static List<String> files(List<Document> documents, Kind kind) {
    return documents.stream()
        .filter(d -> d.kind() == kind)
        .map(Document::file)
        .distinct()
        .sorted()
        .toList();
  }

  private static <T> List<Snapshot<T>> versions(
      History history,
      String file,
      Kind kind,
      Class<T> type,
      YamlLimits limits,
      List<String> notes,
      Map<String, Integer> depths) {
    List<FileVersion> versions;
    try {
      versions = history.versions(file);
    } catch (IOException e) {
      notes.add(file + ": history cannot be read: " + e.getMessage());
      return List.of();
    }
    // Parsing is the cost of a long history: spread it over the cores, keep commit order.
    List<Optional<Snapshot<T>>> parsed =
        versions.parallelStream().map(v -> parse(v, kind, type, limits, notes)).toList();
    List<Snapshot<T>> out = new ArrayList<>();
    versions.forEach(v -> depths.put(v.commit().id(), v.depth()));
    for (int i = parsed.size() - 1; i >= 0; i--) {
      parsed.get(i).ifPresent(out::add);
    }
    return out;
  }

  private static <T> Optional<Snapshot<T>> parse(
      FileVersion version, Kind kind, Class<T> type, YamlLimits limits, List<String> notes) {
    YamlReader.Result result = new YamlReader(limits).read(version.path(), version.bytes());
    if (result.problem().isPresent()) {
      notes.add(
          "commit "
              + version.commit().shortId()
              + " "
              + version.path()
              + ": skipped, unreadable YAML at line "
              + result.problem().get().line()
              + " ("
              + result.problem().get().getMessage()
              + ")");
      return Optional.empty();
    }
    for (YamlDocument doc : result.documents()) {
      if (doc.root() instanceof YamlMap map
          && map.get("kind")
              .filter(k -> k instanceof YamlScalar s && kind.id().equals(s.value()))
              .isPresent()) {
        try {
          Object model =
              new Document(version.path(), doc.index(), kind, "", doc.root(), true)
                  .read(new ArrayList<ModelProblem>());
          return Optional.of(new Snapshot<>(version.commit(), version.path(), type.cast(model)));
        } catch (RuntimeException e) {
          notes.add(
              "commit "
                  + version.commit().shortId()
                  + " "
                  + version.path()
                  + ": skipped, "
                  + e.getMessage());
          return Optional.empty();
        }
      }
    }
    notes.add(
        "commit "
            + version.commit().shortId()
            + " "
            + version.path()
            + ": skipped, no "
            + kind.id()
            + " document");
    return Optional.empty();
  }
}
