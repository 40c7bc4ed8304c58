package io.waymark.engine;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.load.LoadResult;
import io.waymark.engine.load.Loader;
import io.waymark.engine.load.MemoryCodec;
import io.waymark.engine.load.RepositorySource;
import io.waymark.engine.model.Document;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.UnreadableFile;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one validation keeps for the next in an editor session: what each file was (its listing and
 * the digest of the bytes read), the kinds of document each file held, the inputs every rule shares
 * (the options that reach the rules and the as-of date), and every rule's findings. {@link
 * #changesTo} tells the next run what changed, so that it re-runs only the rules whose inputs did
 * ({@link io.waymark.engine.rules.RuleScope}). Immutable.
 */
final class RuleMemory {

  private final ValidationOptions options;

  /**
   * For a memory kept on disk between runs: what the rules' shared inputs were (the Waymark build,
   * the rule packs, the Config given on the command line, the Git state...), compared instead of
   * the options; null for an editor session's memory, which compares the options themselves.
   */
  private final String key;

  private final LocalDate asOf;
  private final Map<String, String> stamps;

  /**
   * What each file of the pull request's base was (listing and digest), as {@link #stamps} for the
   * files judged; empty without a base, and in a memory read from disk (none is kept there). The
   * options name the base by its source only: a source whose files changed (a folder) is another
   * base, and no rule's findings made with the old one are reused.
   */
  private final Map<String, String> baseStamps;

  private final Map<String, Set<Kind>> kinds;
  private final Map<String, List<Finding>> findings;
  private final Optional<PlanHistory> history;

  RuleMemory(
      ValidationOptions options,
      String key,
      LocalDate asOf,
      Map<String, String> stamps,
      Map<String, String> baseStamps,
      Map<String, Set<Kind>> kinds) {
    this(options, key, asOf, stamps, baseStamps, kinds, Map.of(), Optional.empty());
  }

  private RuleMemory(
      ValidationOptions options,
      String key,
      LocalDate asOf,
      Map<String, String> stamps,
      Map<String, String> baseStamps,
      Map<String, Set<Kind>> kinds,
      Map<String, List<Finding>> findings,
      Optional<PlanHistory> history) {
    this.options = options;
    this.key = key;
    this.asOf = asOf;
    // Every caller hands over maps made for this memory and never changed again (a run's stamps
    // are ten thousand entries, not to be copied once more): kept as they are, read only.
    this.stamps = Collections.unmodifiableMap(stamps);
    this.baseStamps = Collections.unmodifiableMap(baseStamps);
    this.kinds = Collections.unmodifiableMap(kinds);
    this.findings = Map.copyOf(findings);
    this.history = history;
  }

  /** The same, with the findings of every rule (by id) and the history the rules read. */
  RuleMemory with(Map<String, List<Finding>> byRule, Optional<PlanHistory> read) {
    Map<String, List<Finding>> copy = new HashMap<>();
    byRule.forEach((id, list) -> copy.put(id, List.copyOf(list)));
    return new RuleMemory(options, key, asOf, stamps, baseStamps, kinds, copy, read);
  }

  /**
   * The same, as if {@code file} had not been read: the next run sees it as changed (a test that a
   * rule's declared scope is honest judges each file alone this way).
   */
  RuleMemory forgetting(String file) {
    Map<String, String> without = new LinkedHashMap<>(stamps);
    without.remove(file);
    return new RuleMemory(options, key, asOf, without, baseStamps, kinds, findings, history);
  }

  /** The findings one rule reported (none for a rule unknown to that run). */
  List<Finding> findings(String rule) {
    return findings.getOrDefault(rule, List.of());
  }

  Optional<PlanHistory> history() {
    return history;
  }

  /**
   * The kinds of document each file holds (valid or not, or shown by its lines when unreadable).
   */
  static Map<String, Set<Kind>> kinds(LoadResult load) {
    List<Document> documents = load.documents();
    // In load order (sorted); sized for one document a file, the common case, which shares its
    // kind's one set instead of making an EnumSet and a copy of it per file.
    Map<String, Set<Kind>> byFile = new LinkedHashMap<>(documents.size() * 4 / 3 + 16);
    for (Document d : documents) {
      Set<Kind> was = byFile.putIfAbsent(d.file(), ONE_KIND.get(d.kind()));
      if (was != null && !was.contains(d.kind())) {
        Set<Kind> more = EnumSet.copyOf(was);
        more.add(d.kind());
        byFile.put(d.file(), Set.copyOf(more));
      }
    }
    // A file the YAML reader stopped in holds the kinds its lines show (its ids resolve).
    for (UnreadableFile u : load.unreadable()) {
      Set<Kind> more = EnumSet.noneOf(Kind.class);
      more.addAll(byFile.getOrDefault(u.file(), Set.of()));
      u.documents().forEach(d -> more.add(d.kind()));
      byFile.put(u.file(), Set.copyOf(more));
    }
    return byFile;
  }

  /** Each kind's set of that kind alone. */
  private static final Map<Kind, Set<Kind>> ONE_KIND = oneKind();

  private static Map<Kind, Set<Kind>> oneKind() {
    Map<Kind, Set<Kind>> sets = new java.util.EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      sets.put(k, Set.of(k));
    }
    return sets;
  }

  /**
   * What changed from this run to {@code next}; empty when a rule's shared input did (the options
   * that reach the rules, the as-of date, the files of the pull request's base), so that every rule
   * must run again.
   */
  Optional<Changes> changesTo(RuleMemory next) {
    if (!baseStamps.equals(next.baseStamps)) {
      return Optional.empty();
    }
    if (key != null || next.key != null) {
      if (!Objects.equals(key, next.key) || !asOf.equals(next.asOf)) {
        return Optional.empty();
      }
    } else if (!asOf.equals(next.asOf)
        || !options.config().equals(next.options.config())
        || options.history() != next.options.history()
        || !options.base().equals(next.options.base())
        || !options.baseLimitations().equals(next.options.baseLimitations())) {
      return Optional.empty();
    }
    Set<String> files = new HashSet<>();
    for (Map.Entry<String, String> e : stamps.entrySet()) {
      if (!e.getValue().equals(next.stamps.get(e.getKey()))) {
        files.add(e.getKey()); // changed or gone
      }
    }
    for (String path : next.stamps.keySet()) {
      if (!stamps.containsKey(path)) {
        files.add(path); // new
      }
    }
    Set<Kind> touched = EnumSet.noneOf(Kind.class);
    for (String path : files) {
      touched.addAll(kinds.getOrDefault(path, Set.of()));
      touched.addAll(next.kinds.getOrDefault(path, Set.of()));
    }
    return Optional.of(new Changes(Set.copyOf(files), Set.copyOf(touched), key != null));
  }

  /**
   * The bytes of this memory for the disk cache ({@link io.waymark.engine.load.MemoryCodec}): the
   * as-of date, the stamps, the kinds and the findings; the key is kept by the store around them.
   */
  byte[] encode() {
    return MemoryCodec.encode(new MemoryCodec.Memory(asOf.toString(), stamps, kinds, findings));
  }

  /**
   * The memory a run with these shared inputs ({@code key}) kept on disk, or empty when {@code
   * bytes} do not decode. It has no history: the rules that read it run again.
   */
  static Optional<RuleMemory> decode(ValidationOptions options, String key, byte[] bytes) {
    Objects.requireNonNull(key, "key");
    return MemoryCodec.decode(bytes)
        .flatMap(
            m -> {
              try {
                return Optional.of(
                    new RuleMemory(
                        options,
                        key,
                        LocalDate.parse(m.asOf()),
                        m.stamps(),
                        Map.of(),
                        m.kinds(),
                        m.findings(),
                        Optional.empty()));
              } catch (java.time.format.DateTimeParseException e) {
                return Optional.empty();
              }
            });
  }

  /**
   * The files whose listing or bytes changed (added and deleted ones included), and the kinds of
   * document they held before or hold now.
   */
  record Changes(Set<String> files, Set<Kind> kinds, boolean fromDisk) {

    Changes(Set<String> files, Set<Kind> kinds) {
      this(files, kinds, false);
    }

    boolean none() {
      return files.isEmpty();
    }

    /** True when the change reaches a rule of one of {@code of}. */
    boolean touchesAny(Set<Kind> of) {
      return of.stream().anyMatch(kinds::contains);
    }

    /** True when the Config file changed: every rule reads the configuration in force. */
    boolean touchesConfig() {
      return files.contains(Loader.CONFIG_FILE) || kinds.contains(Kind.CONFIG);
    }
  }

  /**
   * A source that notes, for every path, its listing and the digest of its bytes (told by the
   * loader, {@link #digested}, for every file it read or took as it was): what the next run
   * compares to find the changed files.
   */
  static final class Recording implements RepositorySource {
    private final RepositorySource source;

    /**
     * In the order first noted: the listing's (sorted) for a folder, so that the memory is encoded
     * without sorting ten thousand paths again.
     */
    private final Map<String, String> stamps = Collections.synchronizedMap(new LinkedHashMap<>());

    Recording(RepositorySource source) {
      this.source = source;
    }

    /** Notes the SHA-256 of the content of {@code path}. */
    void digested(String path, byte[] sha256) {
      stamps.put(path, "read:" + java.util.HexFormat.of().formatHex(sha256));
    }

    @Override
    public String label() {
      return source.label();
    }

    @Override
    public List<Entry> list() throws IOException {
      List<Entry> entries = source.list();
      for (Entry e : entries) {
        stamps.putIfAbsent(e.path(), e.type() + ":" + e.size());
      }
      return entries;
    }

    @Override
    public byte[] read(String path) throws IOException {
      return source.read(path);
    }

    @Override
    public String stamp(String path) {
      return source.stamp(path);
    }

    /** Path to listing or digest, as noted so far. */
    Map<String, String> stamps() {
      synchronized (stamps) {
        return new LinkedHashMap<>(stamps);
      }
    }
  }
}
