package io.waymark.engine;

import io.waymark.engine.diff.PlanDiff;
import io.waymark.engine.fix.FixPlan;
import io.waymark.engine.history.Commit;
import io.waymark.engine.history.FetchAdvice;
import io.waymark.engine.history.History;
import io.waymark.engine.history.Revision;
import io.waymark.engine.history.UnknownRevisionException;
import io.waymark.engine.load.ExcludeGlob;
import io.waymark.engine.load.GitBlobs;
import io.waymark.engine.load.Loader;
import io.waymark.engine.load.RepositorySource;
import io.waymark.engine.yaml.YamlDocument;
import io.waymark.engine.yaml.YamlLimits;
import io.waymark.engine.yaml.YamlMap;
import io.waymark.engine.yaml.YamlNode;
import io.waymark.engine.yaml.YamlReader;
import io.waymark.engine.yaml.YamlScalar;
import io.waymark.engine.yaml.YamlSeq;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A roadmap repository opened by {@link Waymark#open}: the folder or a revision, with the history
 * its history rules read and the base of its pull-request rules. {@link #validate()} judges it; the
 * result carries the plan, its history (read once, by the rules or on first use) and the analyses.
 * Close it when done: it holds the Git repository open.
 */
public final class Checkout implements AutoCloseable {

  /**
   * Which state of the repository a run judges: a commit, or the work tree (with uncommitted
   * changes to its Waymark files, or without, when it is that of its commit).
   *
   * @param commit the commit (for the work tree: {@code HEAD}); empty without Git
   * @param changed true for a work tree whose YAML files differ from the commit's
   */
  public record State(Optional<Commit> commit, boolean changed) {

    /** No Git: the work tree as it is. */
    public static final State NO_GIT = new State(Optional.empty(), true);

    /**
     * The work tree against {@code HEAD}: unchanged when its YAML files (but those {@code
     * spec.exclude} leaves out, which are never judged) are HEAD's, byte for byte or but for CR LF
     * line breaks where HEAD has LF (a checkout by Git for Windows, whose default {@code
     * core.autocrlf=true} writes every text file so: the plan is the commit's). Git's index decides
     * first, as {@code git status} does ({@link History#workTreeChanges}): a file whose stat data
     * match its index entry is not read, a file a sparse checkout leaves out is HEAD's, Git LFS
     * content matches its pointer. Where the index cannot tell, the two listings are compared first
     * (names, kinds; a work-tree file smaller than HEAD's differs); then each work-tree file with
     * the id in HEAD's tree ({@link RepositorySource#blobId}), so that HEAD's files are not read;
     * the first difference ends the comparison. Where the commit's source does not give ids, the
     * bytes of both are compared.
     */
    static State workTree(
        History history, RepositorySource folder, Optional<Loader.NamedBytes> config)
        throws IOException {
      Revision head;
      try {
        head = history.revision("HEAD");
      } catch (UnknownRevisionException e) {
        return NO_GIT;
      }
      List<RepositorySource.Entry> listed = folder.list();
      Predicate<String> excluded = excluded(folder, listed, config);
      Map<String, RepositorySource.Entry> mine = yamlFiles(listed, excluded);
      Optional<Set<String>> changes =
          history.workTreeChanges(
              head.commit().id(),
              folder,
              mine,
              path -> Loader.isYaml(path) && !excluded.test(path));
      if (changes.isPresent()) {
        return new State(Optional.of(head.commit()), !changes.get().isEmpty());
      }
      return new State(
          Optional.of(head.commit()), readAndHashDiffers(folder, mine, head, excluded));
    }

    /**
     * The work tree compared with {@code head} by reading and hashing every judged file: what
     * {@link #workTree} does where Git's index cannot tell ({@link History#workTreeChanges}).
     */
    private static boolean readAndHashDiffers(
        RepositorySource folder,
        Map<String, RepositorySource.Entry> mine,
        Revision head,
        Predicate<String> excluded)
        throws IOException {
      return !sameYaml(folder, mine, head.source(), yamlFiles(head.source().list(), excluded));
    }

    /**
     * The files Config {@code spec.exclude} leaves out (the Config file given on the command line,
     * else the folder's {@code waymark.yaml}): never judged, so an untracked draft or a local edit
     * of an excluded CI file is no change to the plan. Where {@code waymark.yaml} differs from
     * HEAD's, the two listings differ anyway: whenever these globs decide, they are the commit's
     * too. A glob that does not compile is left out, as the load leaves it out; a Config the schema
     * refuses gives its globs here as it does to the load, which applies them.
     */
    private static Predicate<String> excluded(
        RepositorySource work,
        List<RepositorySource.Entry> listed,
        Optional<Loader.NamedBytes> config)
        throws IOException {
      byte[] bytes;
      if (config.isPresent()) {
        bytes = config.get().bytes();
      } else if (listed.stream()
          .anyMatch(
              e ->
                  e.path().equals(Loader.CONFIG_FILE)
                      && e.type() == RepositorySource.Type.REGULAR)) {
        bytes = work.read(Loader.CONFIG_FILE);
      } else {
        return path -> false;
      }
      List<ExcludeGlob> globs = new ArrayList<>();
      for (YamlDocument d :
          new YamlReader(YamlLimits.DEFAULT).read(Loader.CONFIG_FILE, bytes).documents()) {
        if (d.root() instanceof YamlMap root
            && root.get("kind")
                .filter(k -> k instanceof YamlScalar s && "Config".equals(s.value()))
                .isPresent()) {
          if (root.get("spec").orElse(null) instanceof YamlMap spec
              && spec.get("exclude").orElse(null) instanceof YamlSeq exclude) {
            for (YamlNode item : exclude.items()) {
              if (item instanceof YamlScalar glob && glob.value() instanceof String text) {
                try {
                  globs.add(ExcludeGlob.compile(text));
                } catch (ExcludeGlob.InvalidGlobException e) {
                  // left out, as the load leaves it out
                }
              }
            }
          }
          break; // the first Config document is the one the load takes
        }
      }
      return path -> globs.stream().anyMatch(g -> g.matches(path));
    }

    private static boolean sameYaml(
        RepositorySource work,
        Map<String, RepositorySource.Entry> mine,
        RepositorySource commit,
        Map<String, RepositorySource.Entry> theirs)
        throws IOException {
      if (!mine.keySet().equals(theirs.keySet())) {
        return false;
      }
      for (RepositorySource.Entry e : mine.values()) {
        RepositorySource.Entry h = theirs.get(e.path());
        if (e.type() != h.type() || e.size() < h.size()) {
          return false; // a checkout only adds CRs
        }
        if (e.type() == RepositorySource.Type.REGULAR && !sameFile(work, commit, e.path())) {
          return false;
        }
      }
      return true;
    }

    private static boolean sameFile(RepositorySource work, RepositorySource commit, String path)
        throws IOException {
      byte[] bytes = work.read(path);
      Optional<String> id = commit.blobId(path);
      if (id.isPresent() && id.get().length() == GitBlobs.SHA1_HEX_LENGTH) {
        return id.get().equalsIgnoreCase(GitBlobs.sha1(bytes))
            || matchesWithLf(bytes, lf -> id.get().equalsIgnoreCase(GitBlobs.sha1(lf)));
      }
      byte[] committed = commit.read(path);
      return Arrays.equals(bytes, committed)
          || matchesWithLf(bytes, lf -> Arrays.equals(lf, committed));
    }

    /**
     * True when {@code bytes} have CR LF line breaks and, made LF, pass {@code same}: asked only
     * once the bytes as they are did not match (a checkout with LF, the usual case, is not scanned
     * twice).
     */
    private static boolean matchesWithLf(byte[] bytes, java.util.function.Predicate<byte[]> same) {
      byte[] lf = GitBlobs.withLf(bytes);
      return lf != bytes && same.test(lf);
    }

    /**
     * The YAML files of a listing by path, but those {@code excluded}; a regular file's size as
     * listed, others' as 0.
     */
    private static Map<String, RepositorySource.Entry> yamlFiles(
        List<RepositorySource.Entry> listed, Predicate<String> excluded) {
      Map<String, RepositorySource.Entry> files = new TreeMap<>();
      for (RepositorySource.Entry e : listed) {
        if (Loader.isYaml(e.path()) && !excluded.test(e.path())) {
          files.put(
              e.path(),
              e.type() == RepositorySource.Type.REGULAR
                  ? e
                  : new RepositorySource.Entry(e.path(), e.type(), 0));
        }
      }
      return files;
    }

    /**
     * The commit's date when what is judged is that commit's content (a revision, or a work tree
     * without changes): the revision date the as-of date falls back to. Empty otherwise.
     */
    public Optional<LocalDate> revisionDate() {
      return changed ? Optional.empty() : commit.map(Commit::date);
    }

    /** The date the as-of rule falls back to: the commit's, or today for a changed work tree. */
    public LocalDate date(Clock clock) {
      return revisionDate().orElseGet(() -> LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }
  }

  private final Waymark waymark;
  private final Waymark.Request request;
  private final RepositorySource source;
  private final ValidationOptions options;
  private final History history;
  private final java.util.function.Supplier<State> state;

  /** The base of the pull-request rules, still being resolved beside the load, or null. */
  private final LaterBase base;

  /**
   * The comparison of a work tree with {@code HEAD} still under way beside the load (with the
   * repository still opening), or null.
   */
  private final Pending opening;

  /** A work tree's state still being worked out on another thread. */
  interface Pending {
    /** The state, waited for; the comparison's failure as an unchecked exception. */
    State state();

    /** The comparison's failure, thrown: a run fails with it whether or not it needed the state. */
    void rethrowFailure() throws IOException;
  }

  /** A revision, with a pull request's base resolved beside the load ({@code base}; or null). */
  Checkout(
      Waymark waymark,
      Waymark.Request request,
      RepositorySource source,
      ValidationOptions options,
      History history,
      State state,
      LaterBase base) {
    this(waymark, request, source, options, history, base, () -> state, null);
  }

  /**
   * A work tree whose repository is opening beside the load ({@link OpeningRepository}), with a
   * pull request's base resolved from it meanwhile ({@code base}; or null).
   */
  Checkout(
      Waymark waymark,
      Waymark.Request request,
      RepositorySource source,
      ValidationOptions options,
      OpeningRepository opening,
      LaterBase base) {
    this(waymark, request, source, options, opening.history(), base, opening::state, opening);
  }

  private Checkout(
      Waymark waymark,
      Waymark.Request request,
      RepositorySource source,
      ValidationOptions options,
      History history,
      LaterBase base,
      java.util.function.Supplier<State> state,
      Pending opening) {
    this.waymark = waymark;
    this.request = request;
    this.source = source;
    this.options = options;
    this.history = history;
    this.base = base;
    this.state = state;
    this.opening = opening;
  }

  /**
   * Judges the opened state: load, schemas, rules, severities, suppressions and baseline. The
   * result keeps the history it was judged with, so that {@link ValidationResult#planHistory()} and
   * {@link ValidationResult#analyses()} read it once, whoever asks first.
   *
   * <p>A pull request's base that cannot be resolved fails the run with its own exception, also
   * when the head's load failed meanwhile: as when the base was resolved before the load began.
   */
  public ValidationResult validate() throws IOException {
    Optional<java.util.function.Supplier<String>> key = waymark.memoryKey(request, options);
    ValidationResult result;
    try {
      result =
          key.isPresent()
              ? waymark.validator().validate(source, options, request.cache(), key.get())
              : waymark.validator().validate(source, options, request.cache());
    } catch (IOException | RuntimeException | Error e) {
      awaitBase(); // the base's failure first (it may be this one: thrown once)
      if (opening != null && e instanceof java.io.UncheckedIOException) {
        opening.rethrowFailure(); // the work tree could not be compared with HEAD
      }
      throw e;
    }
    if (opening != null) {
      // As when the repository was opened first: a work tree that cannot be compared with its
      // commit fails the run, whether or not the as-of date needed the comparison.
      opening.rethrowFailure();
    }
    return result;
  }

  /**
   * Waits for the base of the pull-request rules to be resolved, and throws what its resolution
   * threw: a {@link RequestException} for a revision Git does not know or a base that cannot be
   * compared, an {@link IOException} for a repository that cannot be read. Nothing to wait for
   * without a base. {@link #validate()} waits for it only when the base's load needs it; a front
   * end that must know the base is sound before doing anything else calls this first.
   */
  public void awaitBase() throws IOException {
    if (base != null) {
      base.point();
    }
  }

  /**
   * The mechanical, safe fixes of {@code result} (this checkout's validation), planned on the files
   * as this checkout reads them (see {@link io.waymark.engine.fix.Fixes}). A file that cannot be
   * read again, or is no longer valid UTF-8, gets no fix.
   */
  public FixPlan fixes(ValidationResult result) {
    return result.fixes(this::text);
  }

  /** The text of a file of this checkout, as UTF-8; empty when it cannot be read. */
  public Optional<String> text(String file) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(source.read(file)))
              .toString());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The state judged: a commit, or the work tree with or without uncommitted changes. */
  public State state() {
    return state.get();
  }

  /** The as-of date asked for explicitly ({@code --as-of}), before the fallbacks. */
  public Optional<LocalDate> explicitAsOf() {
    return options.asOf();
  }

  /**
   * How the base of the pull-request rules was chosen, when the user should know; waits for the
   * base (call {@link #awaitBase()} first for its failure as thrown: here an {@link IOException}
   * comes unchecked).
   */
  public Optional<String> baseNote() {
    if (base == null) {
      return Optional.empty();
    }
    try {
      return base.point().note();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** True when Git history can be read. */
  public boolean historyAvailable() {
    return history.available();
  }

  /** Why the Git history is incomplete (a shallow clone, grafts), or empty when it is not. */
  public Optional<String> historyLimitation() {
    return history.available() ? history.limitation() : Optional.empty();
  }

  /** How to fetch the whole history of a shallow clone, for this CI system: one sentence. */
  public static String unshallowAdvice() {
    return FetchAdvice.unshallow(FetchAdvice.current());
  }

  /**
   * The newest commit on the first-parent line whose day is on or before {@code day}: the state of
   * the repository at the end of that day. Empty without history or when every commit is later.
   */
  public Optional<Commit> lastCommitOnOrBefore(LocalDate day) throws IOException {
    return history.available() ? history.lastCommitOnOrBefore(day) : Optional.empty();
  }

  /** The same request at another revision (a commit id), with the same options and base. */
  public Checkout reopenAt(String revision, ValidationOptions with) throws IOException {
    return waymark.open(request.at(revision), with);
  }

  /**
   * What changed in the plan since {@code commit} (the roadmap adjustments of a quarterly review).
   *
   * @param sinceBase the plan of {@code commit} compared with the judged state; for a work tree
   *     with uncommitted changes, with its commit ({@code HEAD}, judged as of {@code result}'s
   *     date)
   * @param uncommitted for a work tree with uncommitted changes, its commit compared with the work
   *     tree: the changes "not yet committed"
   */
  public record Adjustments(PlanDiff sinceBase, Optional<PlanDiff> uncommitted) {}

  /**
   * The plan of {@code result} (this state's validation) compared with the plan of {@code commit}
   * (judged as of its own date, without history, with the same Config file), each commit shown as
   * {@code label} names it ("commit 1a2b3c4 of 31 March 2027").
   *
   * @throws RequestException when a commit cannot be read
   */
  public Adjustments adjustmentsSince(
      Commit commit, ValidationResult result, Function<Commit, String> label) throws IOException {
    State state = state();
    if (state.changed() && state.commit().isPresent()) {
      // A work tree with changes: the adjustments up to HEAD, then what is not committed yet.
      ValidationResult head = validateAt(state.commit().get(), Optional.of(result.asOf()), label);
      return new Adjustments(
          PlanDiff.between(validateAt(commit, Optional.empty(), label), head),
          Optional.of(PlanDiff.between(head, result)));
    }
    return new Adjustments(
        PlanDiff.between(validateAt(commit, Optional.empty(), label), result), Optional.empty());
  }

  /** The plan of {@code commit}, judged at its commit date or at {@code asOf}, without history. */
  private ValidationResult validateAt(
      Commit commit, Optional<LocalDate> asOf, Function<Commit, String> label) throws IOException {
    Revision revision;
    try {
      revision = history.revision(commit.id());
    } catch (UnknownRevisionException e) {
      throw new RequestException("cannot read commit " + commit.shortId() + ": " + e.getMessage());
    }
    ValidationOptions at = ValidationOptions.defaults().withRevisionDate(commit.date());
    if (asOf.isPresent()) {
      at = at.withAsOf(asOf.get());
    }
    if (options.config().isPresent()) {
      at = at.withConfig(options.config().get());
    }
    return waymark
        .validator()
        .validate(Waymark.relabel(revision.source(), label.apply(commit)), at);
  }

  /** Closes the repository, once the base's resolution (which reads it) has ended. */
  @Override
  public void close() {
    if (base != null) {
      base.await();
    }
    history.close();
  }
}
