package io.waymark.engine;

import io.waymark.engine.history.History;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.FolderWatch;
import io.waymark.engine.load.Loader;
import io.waymark.engine.load.RepositorySource;
import io.waymark.engine.model.Config;
import io.waymark.engine.model.DocumentIndex;
import io.waymark.engine.model.IdIndex;
import io.waymark.engine.model.Kind;
import io.waymark.engine.rules.RuleRegistry;
import io.waymark.engine.schema.BundledSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A roadmap folder open in an editor ({@link Waymark#edit}): judged again and again with the
 * editor's unsaved buffers laid over the files on disk. The whole repository is judged each time,
 * with exactly the findings {@code waymark validate} gives (schemas, every rule, severities,
 * suppressions); what makes it quick is that a file whose bytes did not change since the last run
 * is not parsed or schema-checked again (one whose stamp, its size, times and inode, did not change
 * is not even read), the folder is not walked again while the file system notifies no change below
 * it (Linux), only the rules whose inputs changed run again (a per-document rule on the changed
 * files alone; see {@link io.waymark.engine.rules.RuleScope}), and the Git history is opened once.
 * Close it when done.
 */
public final class EditSession implements AutoCloseable {

  private final FolderSource folder;
  private final Validator validator;
  private final ValidationOptions options;
  private final History history;
  private final Checkout.State state;

  /** What the last run kept, so that the next re-runs only the rules whose inputs changed. */
  private Optional<RuleMemory> memory = Optional.empty();

  private final Map<List<String>, PlanHistory> histories =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The file system's change notifications on the folder, where the platform gives them in order
   * (Linux): a judgement with nothing changed on disk since the last takes that walk again instead
   * of an {@code lstat} per file (see {@link FolderWatch}); empty elsewhere, and every judgement
   * walks.
   */
  private final Optional<FolderWatch> watch = FolderWatch.start();

  EditSession(
      FolderSource folder,
      RuleRegistry rules,
      ValidationOptions options,
      History history,
      Checkout.State state) {
    this.folder = folder;
    this.validator =
        new Validator(
            rules, Loader.remembering(new BundledSchemas()), Clock.systemUTC(), this::planHistory);
    this.options = options.withHistory(history);
    this.history = history;
    this.state = state;
  }

  /** The repository folder (absolute, real path). */
  public Path root() {
    return folder.root();
  }

  /**
   * Judges the repository with {@code unsaved} (path relative to the root, with {@code /}, to the
   * buffer's text) in place of those files on disk; a path not on disk is judged as a new file. The
   * as-of date falls back as for the work tree: the {@code HEAD} commit's date while the files are
   * those of {@code HEAD}, else today.
   */
  @SuppressWarnings("try") // the scope is held, not used
  public synchronized ValidationResult validate(Map<String, String> unsaved) throws IOException {
    Map<String, byte[]> buffers = new TreeMap<>();
    unsaved.forEach((path, text) -> buffers.put(path, text.getBytes(StandardCharsets.UTF_8)));
    Overlay source = new Overlay(folder, buffers);
    ValidationOptions run = options;
    Optional<LocalDate> date = state.revisionDate();
    if (date.isPresent() && source.sameAsDisk()) {
      run = run.withRevisionDate(date.get());
    }
    Validator.Incremental judged;
    try (FolderWatch.Scope watching = watch.map(FolderWatch::enter).orElse(() -> {})) {
      judged = validator.validate(source, run, io.waymark.engine.load.LoadCache.NONE, memory);
    }
    memory = Optional.of(judged.memory());
    return judged.result();
  }

  /**
   * The plan's history, read once per set of Roadmap and Metrics files (the files whose past
   * versions the history rules read) and limits: the commits do not change while one types, and
   * reading them again on every keystroke would cost seconds on a long history.
   */
  private PlanHistory planHistory(History from, DocumentIndex current, Config.Limits limits) {
    List<String> key = new ArrayList<>();
    for (Kind kind : List.of(Kind.ROADMAP, Kind.METRICS)) {
      PlanHistory.followedFiles(current, kind).forEach(f -> key.add(kind.id() + ":" + f));
    }
    key.add(limits.toString());
    if (histories.size() > 16) {
      histories.clear();
    }
    return histories.computeIfAbsent(key, k -> PlanHistory.read(from, current, limits));
  }

  /** Every id the judged documents declare, by id space, with where it is declared. */
  public static IdIndex ids(ValidationResult result) {
    return new IdIndex(
        result.load().documents(),
        result.load().unreadable(),
        result.load().notRead(),
        result.plan());
  }

  @Override
  public void close() {
    watch.ifPresent(FolderWatch::close);
    history.close();
  }

  /** The folder with some files' bytes replaced by the editor's buffers. */
  private static final class Overlay implements RepositorySource {
    private final FolderSource folder;
    private final Map<String, byte[]> buffers;
    private volatile boolean sameAsDisk = true;

    Overlay(FolderSource folder, Map<String, byte[]> buffers) {
      this.folder = folder;
      this.buffers = buffers;
    }

    @Override
    public String label() {
      return folder.label();
    }

    @Override
    public List<Entry> list() throws IOException {
      List<Entry> entries = new ArrayList<>();
      Map<String, byte[]> unlisted = new TreeMap<>(buffers);
      for (Entry e : folder.list()) {
        byte[] buffer = unlisted.remove(e.path());
        if (buffer != null && e.type() == Type.REGULAR) {
          entries.add(new Entry(e.path(), Type.REGULAR, buffer.length));
        } else {
          entries.add(e);
        }
      }
      unlisted.forEach((path, bytes) -> entries.add(new Entry(path, Type.REGULAR, bytes.length)));
      if (!unlisted.isEmpty()) {
        sameAsDisk = false;
        entries.sort(java.util.Comparator.comparing(Entry::path));
      }
      return entries;
    }

    @Override
    public byte[] read(String path) throws IOException {
      byte[] buffer = buffers.get(path);
      if (buffer == null) {
        return folder.read(path);
      }
      if (sameAsDisk && !Arrays.equals(buffer, diskBytes(path))) {
        sameAsDisk = false;
      }
      return buffer;
    }

    /**
     * The folder's stamp of a file on disk (the loader then takes the file as it was while the
     * stamp is the same); none for an editor's buffer, which is read from memory.
     */
    @Override
    public String stamp(String path) {
      return buffers.containsKey(path) ? "" : folder.stamp(path);
    }

    private Optional<byte[]> diskOrEmpty(String path) {
      try {
        return Optional.of(folder.read(path));
      } catch (IOException e) {
        return Optional.empty();
      }
    }

    private byte[] diskBytes(String path) {
      return diskOrEmpty(path).orElse(new byte[0]);
    }

    /** True when no buffer differs from its file on disk (as far as the last run read). */
    boolean sameAsDisk() {
      return sameAsDisk;
    }
  }
}
