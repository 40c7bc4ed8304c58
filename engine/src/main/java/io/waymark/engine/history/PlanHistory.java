package io.waymark.engine.history;

import io.waymark.engine.load.Loader;
import io.waymark.engine.load.YamlSource;
import io.waymark.engine.model.Config;
import io.waymark.engine.model.Document;
import io.waymark.engine.model.DocumentIndex;
import io.waymark.engine.model.DocumentModel;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Metrics;
import io.waymark.engine.model.ModelProblem;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.model.UnreadableFile;
import io.waymark.engine.yaml.YamlDocument;
import io.waymark.engine.yaml.YamlLimits;
import io.waymark.engine.yaml.YamlMap;
import io.waymark.engine.yaml.YamlReader;
import io.waymark.engine.yaml.YamlScalar;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

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
 * @param gaps per file whose history ends early, where and why (see {@link Coverage})
 */
public record PlanHistory(
    List<Snapshot<Roadmap>> roadmap,
    Map<String, List<Snapshot<Metrics>>> metrics,
    List<String> notes,
    Optional<String> limitation,
    boolean available,
    List<HistoryGap> gaps) {

  public PlanHistory {
    roadmap = List.copyOf(roadmap);
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    notes = List.copyOf(notes);
    gaps = List.copyOf(gaps);
  }

  public PlanHistory(
      List<Snapshot<Roadmap>> roadmap,
      Map<String, List<Snapshot<Metrics>>> metrics,
      List<String> notes,
      Optional<String> limitation,
      boolean available) {
    this(roadmap, metrics, notes, limitation, available, List.of());
  }

  /** Where the roadmap's history ends early; empty when it is complete (or missing). */
  public Optional<HistoryGap> roadmapGap() {
    return gaps.stream().filter(g -> !metrics.containsKey(g.file())).findFirst();
  }

  /** Where the history of a metrics file ends early. */
  public Optional<HistoryGap> metricsGap(String file) {
    return gaps.stream().filter(g -> g.file().equals(file)).findFirst();
  }

  /**
   * How far the history answers a question about the roadmap's changes since {@code since}
   * ("roadmap changes since 31 March 2027"): full when the history reaches back to that day.
   */
  public Coverage roadmapSince(LocalDate since, String question) {
    if (!available) {
      return Coverage.none(question, limitation.orElse("no Git history"));
    }
    Optional<HistoryGap> gap = roadmapGap();
    if (gap.isEmpty() || !gap.get().knownSince().isAfter(since)) {
      return Coverage.full(question);
    }
    return Coverage.partial(question, gap.get(), Optional.of(since));
  }

  /** How far the history answers a question about the roadmap's whole history. */
  public Coverage roadmapAll(String question) {
    if (!available) {
      return Coverage.none(question, limitation.orElse("no Git history"));
    }
    return roadmapGap()
        .map(g -> Coverage.partial(question, g, Optional.empty()))
        .orElseGet(() -> Coverage.full(question));
  }

  /**
   * How far the history answers "the re-plans of milestone {@code id}": full when the history is
   * complete, or when the milestone was added after the point where it ends (its whole life is
   * there).
   */
  public Coverage milestone(String id, String question) {
    Coverage all = roadmapAll(question);
    if (all.extent() != Coverage.Extent.PARTIAL || roadmap.isEmpty()) {
      return all;
    }
    HistoryGap gap = all.gap().orElseThrow();
    Snapshot<Roadmap> oldest = roadmap.get(0);
    boolean atBoundary = oldest.commit().id().equals(gap.from().id());
    boolean present = oldest.model().milestones().stream().anyMatch(m -> m.id().equals(id));
    return atBoundary && !present ? Coverage.full(question) : all;
  }

  public static PlanHistory empty(Optional<String> limitation) {
    return new PlanHistory(List.of(), Map.of(), List.of(), limitation, false, List.of());
  }

  /**
   * Reads the history of the files that hold the current Roadmap and Metrics documents.
   *
   * @param documents the current documents (they say which files to follow)
   * @param bounds the limits of Config {@code spec.limits}, applied to every version read
   */
  public static PlanHistory read(History history, List<Document> documents, Config.Limits bounds) {
    return read(history, new DocumentIndex("", List.of(), documents), bounds);
  }

  /**
   * Reads the history of the files that hold the current Roadmap and Metrics documents, and of the
   * files the YAML reader could not read whose lines show one (a typo in today's roadmap.yaml does
   * not erase its past).
   *
   * @param current the current documents and unreadable files (they say which files to follow)
   * @param bounds the limits of Config {@code spec.limits}, applied to every version read
   */
  public static PlanHistory read(History history, DocumentIndex current, Config.Limits bounds) {
    YamlLimits limits = Loader.yamlLimits(bounds);
    if (!history.available()) {
      return empty(history.limitation());
    }
    // One pool of parser threads for every file followed (a portfolio follows hundreds of
    // metrics files: a pool each was two threads started and stopped per file).
    List<String> notes = Collections.synchronizedList(new ArrayList<>());
    List<Snapshot<Roadmap>> roadmap = new ArrayList<>();
    List<HistoryGap> gaps = Collections.synchronizedList(new ArrayList<>());
    Map<String, List<Snapshot<Metrics>>> metrics = new LinkedHashMap<>();
    List<String> roadmapFiles = followedFiles(current, Kind.ROADMAP);
    Map<String, Integer> depths = new HashMap<>();
    ExecutorService parsers = parsers();
    try {
      for (String file : roadmapFiles) {
        roadmap.addAll(
            versions(
                history, file, Kind.ROADMAP, Roadmap.class, limits, notes, depths, gaps, parsers));
      }
      if (roadmapFiles.size() > 1) {
        // The order of the first-parent line, never the commit dates: a rebased commit or a skewed
        // clock can date a commit before its parent (stable, so one file keeps its own order).
        roadmap.sort(
            java.util.Comparator.comparingInt(
                (Snapshot<Roadmap> s) -> -depths.getOrDefault(s.commit().id(), 0)));
      }
      for (String file : followedFiles(current, Kind.METRICS)) {
        metrics.put(
            file,
            versions(
                history,
                file,
                Kind.METRICS,
                Metrics.class,
                limits,
                notes,
                new HashMap<>(),
                gaps,
                parsers));
      }
    } finally {
      parsers.shutdownNow();
    }
    List<String> sortedNotes = new ArrayList<>(notes);
    Collections.sort(sortedNotes);
    return new PlanHistory(roadmap, metrics, sortedNotes, history.limitation(), true, gaps);
  }

  /**
   * The files whose history {@link #read(History, DocumentIndex, Config.Limits)} follows for {@code
   * kind} (Roadmap or Metrics), sorted: those holding such a document today, and those the YAML
   * reader could not read whose lines show one.
   */
  public static List<String> followedFiles(DocumentIndex current, Kind kind) {
    return Stream.concat(
            current.documents().stream().filter(d -> d.kind() == kind).map(Document::file),
            current.unreadable().stream().filter(u -> u.declares(kind)).map(UnreadableFile::file))
        .distinct()
        .sorted()
        .toList();
  }

  /**
   * How many versions are read before they are parsed together. Small, so that little content is in
   * flight when a young collection comes: what is still held then is moved to the old generation,
   * where only a full collection frees it (64 held up to 256 versions, and a 10,000-commit history
   * peaked 90 MiB higher; see docs/performance.md, session 16).
   */
  private static final int BATCH = 4;

  private static <T> List<Snapshot<T>> versions(
      History history,
      String file,
      Kind kind,
      Class<T> type,
      YamlLimits limits,
      List<String> notes,
      Map<String, Integer> depths,
      List<HistoryGap> gaps,
      ExecutorService parsers) {
    // Newest first, as read. Git is read on this thread while earlier batches are parsed on the
    // others; at most one batch per core waits.
    List<Optional<Snapshot<T>>> parsed = new ArrayList<>();
    Deque<Future<List<Optional<Snapshot<T>>>>> pending = new ArrayDeque<>();
    List<List<FileVersion>> batch = new ArrayList<>(List.of(new ArrayList<>(BATCH)));
    int cores = Runtime.getRuntime().availableProcessors();
    try {
      history
          .eachVersion(
              file,
              v -> {
                depths.put(v.commit().id(), v.depth());
                batch.get(0).add(v);
                if (batch.get(0).size() == BATCH) {
                  List<FileVersion> full = batch.set(0, new ArrayList<>(BATCH));
                  pending.add(parsers.submit(() -> parse(full, kind, type, limits, notes)));
                  while (pending.size() > cores) {
                    parsed.addAll(done(pending.removeFirst()));
                  }
                }
              })
          .ifPresent(gaps::add);
      List<FileVersion> last = batch.get(0);
      pending.add(parsers.submit(() -> parse(last, kind, type, limits, notes)));
      while (!pending.isEmpty()) {
        parsed.addAll(done(pending.removeFirst()));
      }
    } catch (IOException | RuntimeException e) {
      // This file's versions still waiting are not parsed: the pool goes on to the next file.
      pending.forEach(task -> task.cancel(true));
      // Never an internal error: what cannot be read is a limitation, said as such.
      notes.add(file + ": history cannot be read: " + e.getMessage());
      gaps.add(
          new HistoryGap(
              HistoryGap.Kind.CORRUPT_OBJECT,
              file,
              new Commit("", java.time.Instant.now(), "", "", 0),
              "the history of " + file + " cannot be read: " + e.getMessage()));
      return List.of();
    }
    List<Snapshot<T>> out = new ArrayList<>();
    for (int i = parsed.size() - 1; i >= 0; i--) {
      parsed.get(i).ifPresent(out::add);
    }
    return out;
  }

  /** Threads of their own, never the common pool: the history may be read inside a rule there. */
  private static ExecutorService parsers() {
    return Executors.newFixedThreadPool(
        Runtime.getRuntime().availableProcessors(),
        r -> {
          Thread t = new Thread(r, "waymark-history-parse");
          t.setDaemon(true);
          return t;
        });
  }

  private static <R> R done(Future<R> task) {
    try {
      return task.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the history", e);
    }
  }

  /**
   * Parses a batch of versions, in order. A content already parsed (a revert, a merge that kept one
   * side, an earlier read in this JVM) is not parsed again: its model is shared ({@link #PARSED}).
   */
  private static <T> List<Optional<Snapshot<T>>> parse(
      List<FileVersion> batch, Kind kind, Class<T> type, YamlLimits limits, List<String> notes) {
    return batch.stream().map(v -> parse(v, kind, type, limits, notes)).toList();
  }

  /**
   * The versions this JVM has parsed, by kind, YAML limits, path, content id and a checksum of the
   * content: a long-lived process (the resident validate server answering a pre-commit hook, the
   * language server) reads the same history for every request, and a version's model depends on
   * nothing else. The models of older versions are detached (they keep no node tree), so holding
   * them is cheap; the table is emptied once it holds {@link #MAX_PARSED}.
   */
  private static final Map<ParsedKey, Parsed> PARSED = new ConcurrentHashMap<>();

  private static final int MAX_PARSED = 4_096;

  private record ParsedKey(
      Kind kind, YamlLimits limits, String path, String contentId, int length, long checksum) {}

  /** A version's model, or why it was skipped (what follows "skipped, " in its note). */
  private record Parsed(DocumentModel model, String skipped) {}

  private static <T> Optional<Snapshot<T>> parse(
      FileVersion version, Kind kind, Class<T> type, YamlLimits limits, List<String> notes) {
    Parsed parsed;
    if (version.contentId().isEmpty()) {
      parsed = parse(version.path(), version.bytes(), kind, limits);
    } else {
      java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
      crc.update(version.bytes());
      ParsedKey key =
          new ParsedKey(
              kind,
              limits,
              version.path(),
              version.contentId(),
              version.bytes().length,
              crc.getValue());
      parsed = PARSED.get(key);
      if (parsed == null) {
        parsed = parse(version.path(), version.bytes(), kind, limits);
        if (PARSED.size() >= MAX_PARSED) {
          PARSED.clear();
        }
        PARSED.putIfAbsent(key, parsed);
      }
    }
    if (parsed.model() == null) {
      notes.add(
          "commit "
              + version.commit().shortId()
              + " "
              + version.path()
              + ": skipped, "
              + parsed.skipped());
      return Optional.empty();
    }
    return Optional.of(new Snapshot<>(version.commit(), version.path(), type.cast(parsed.model())));
  }

  /** Parses one version's content: its model of {@code kind}, or why there is none. */
  private static Parsed parse(String path, byte[] bytes, Kind kind, YamlLimits limits) {
    YamlReader.Result result = new YamlReader(limits).read(path, bytes);
    if (result.problem().isPresent()) {
      return new Parsed(
          null,
          "unreadable YAML at line "
              + result.problem().get().line()
              + " ("
              + result.problem().get().getMessage()
              + ")");
    }
    for (YamlDocument doc : result.documents()) {
      if (doc.root() instanceof YamlMap map
          && map.get("kind")
              .filter(k -> k instanceof YamlScalar s && kind.id().equals(s.value()))
              .isPresent()) {
        try {
          DocumentModel model =
              new Document(path, doc.index(), kind, "", YamlSource.of(doc.root()), true)
                  .readDetached(new ArrayList<ModelProblem>());
          return new Parsed(model, "");
        } catch (RuntimeException e) {
          return new Parsed(null, String.valueOf(e.getMessage()));
        }
      }
    }
    return new Parsed(null, "no " + kind.id() + " document");
  }
}
