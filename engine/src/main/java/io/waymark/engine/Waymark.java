package io.waymark.engine;

import io.waymark.engine.history.History;
import io.waymark.engine.history.Revision;
import io.waymark.engine.history.UnknownRevisionException;
import io.waymark.engine.load.AnswerCheck;
import io.waymark.engine.load.FolderCache;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.InputBytes;
import io.waymark.engine.load.LoadCache;
import io.waymark.engine.load.LoadResult;
import io.waymark.engine.load.Loader;
import io.waymark.engine.load.RepositorySource;
import io.waymark.engine.load.StoredRun;
import io.waymark.engine.model.Assessment;
import io.waymark.engine.model.Config;
import io.waymark.engine.model.Document;
import io.waymark.engine.model.DocumentIndex;
import io.waymark.engine.model.Kind;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleRegistry;
import io.waymark.engine.schema.BundledSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The engine's one entry point for a front end (the command line, a build plugin): open a roadmap
 * repository's folder or one of its revisions ({@link #open}), judge it ({@link
 * Checkout#validate()}: the findings with the plan, its history and the analyses), compare two
 * revisions ({@link #compare}), list the rules ({@link #rules()}) and the bundled schemas. Loading,
 * the rule registry and the reading of Git history stay behind it.
 *
 * <p>Git is reached through the {@link History} port only: the front end hands in the adapter's
 * factory ({@link Histories}), so the engine never depends on a Git library.
 */
public final class Waymark {

  /**
   * Opens the history of a roadmap folder from a start revision ({@code HEAD}, a branch, a tag, a
   * commit id): the Git adapter's factory. It returns {@link History#none} for a folder outside Git
   * and throws {@link UnknownRevisionException} for a revision Git does not know.
   */
  @FunctionalInterface
  public interface Histories {
    History open(Path folder, String start) throws IOException;
  }

  /**
   * A text that names the state of the Git repository containing a roadmap folder as far as the
   * history rules and the as-of date can see it (its {@code HEAD}, refs, shallow and graft files,
   * configuration...), read cheaply without opening the repository: the Git adapter's. Empty when
   * it cannot tell (an unusual layout): then no stored outcome is used.
   */
  @FunctionalInterface
  public interface RepositoryStates {
    /**
     * The state's text; {@code seen} is told of every path whose attributes (or absence) the text
     * was made from, so that a launcher can check them again without a JVM ({@link
     * io.waymark.engine.load.AnswerCheck}): a file whose content was read changes its attributes
     * when it is written.
     */
    Optional<String> state(Path folder, java.util.function.Consumer<Path> seen);
  }

  /**
   * What a command judges: the repository folder, and optionally a revision instead of the work
   * tree and a base revision for the pull-request rules.
   *
   * @param dir the roadmap repository folder
   * @param display the folder as the user wrote it (messages, file prefixes)
   * @param revision the revision to judge instead of the work tree ({@code --rev})
   * @param base the base revision of a pull request ({@code --base})
   * @param tip compare with the tip of the base instead of the merge-base
   * @param cache where the per-file results of the judged state are kept between runs ({@link
   *     LoadCache#NONE}: nowhere); the result is the same with or without it
   */
  public record Request(
      Path dir,
      String display,
      Optional<String> revision,
      Optional<String> base,
      boolean tip,
      LoadCache cache) {

    public Request {
      Objects.requireNonNull(dir, "dir");
      Objects.requireNonNull(display, "display");
      Objects.requireNonNull(revision, "revision");
      Objects.requireNonNull(base, "base");
      Objects.requireNonNull(cache, "cache");
    }

    /** Without a cache. */
    public Request(
        Path dir, String display, Optional<String> revision, Optional<String> base, boolean tip) {
      this(dir, display, revision, base, tip, LoadCache.NONE);
    }

    /** The work tree of {@code dir}. */
    public static Request folder(Path dir, String display) {
      return new Request(dir, display, Optional.empty(), Optional.empty(), false);
    }

    /** This revision instead of the work tree (null: the work tree). */
    public Request at(String name) {
      return new Request(dir, display, Optional.ofNullable(name), base, tip, cache);
    }

    /** With a base revision (null: none), compared at its merge-base or, with {@code tip}, tip. */
    public Request against(String name, boolean atTip) {
      return new Request(dir, display, revision, Optional.ofNullable(name), atTip, cache);
    }

    /**
     * With a cache of per-file results: unchanged files are taken from it instead of being read,
     * parsed and checked again; the result is the same.
     */
    public Request withCache(LoadCache store) {
      return new Request(dir, display, revision, base, tip, store);
    }

    /**
     * With the on-disk cache in {@code DIR/.waymark/cache/} (safe to delete, ignored by Git): no
     * folder on the way may be a symbolic link (see {@link FolderCache} for what it refuses).
     */
    public Request cached() {
      return withCache(new FolderCache(dir.resolve(FolderCache.DEFAULT), dir));
    }

    /** With the on-disk cache in a folder the user chose ({@code --cache-dir}). */
    public Request cachedIn(Path folder) {
      return withCache(new FolderCache(folder));
    }
  }

  /**
   * What a repository folder holds, without judging it: its Config (or the defaults), its YAML
   * files, the ids its documents declare, the files that hold a Roadmap or a Governance document
   * (for {@code waymark new}: a repository keeps one of each) and its assessments with their dates
   * (one per date), in file order.
   */
  public record Contents(
      Config config,
      List<String> files,
      Set<String> documentIds,
      List<String> roadmapFiles,
      List<String> governanceFiles,
      List<DatedAssessment> assessments) {
    public Contents {
      files = List.copyOf(files);
      documentIds = Set.copyOf(documentIds);
      roadmapFiles = List.copyOf(roadmapFiles);
      governanceFiles = List.copyOf(governanceFiles);
      assessments = List.copyOf(assessments);
    }

    /** The first assessment dated {@code date}, if any. */
    public Optional<DatedAssessment> assessmentOn(LocalDate date) {
      return assessments.stream().filter(a -> a.date().equals(date)).findFirst();
    }
  }

  /** An Assessment document of a folder: its id (null when it has none), date and file. */
  public record DatedAssessment(String id, LocalDate date, String file) {
    public DatedAssessment {
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(file, "file");
    }
  }

  private final java.util.function.Supplier<Validator> validators;
  private Validator validator;
  private final Histories histories;
  private final RepositoryStates states;

  /**
   * The rules on the class path, with Git history from {@code histories}; no stored outcome is used
   * (see {@link #Waymark(Histories, RepositoryStates)}).
   */
  public Waymark(Histories histories) {
    this(histories, (folder, seen) -> Optional.empty());
  }

  /**
   * The rules on the class path (found on first use), with Git history from {@code histories} and
   * the state of a repository from {@code states} (for {@link #recall}).
   */
  public Waymark(Histories histories, RepositoryStates states) {
    this(() -> new Validator(RuleRegistry.discover()), histories, states);
  }

  Waymark(Validator validator, Histories histories) {
    this(() -> validator, histories, (folder, seen) -> Optional.empty());
    Objects.requireNonNull(validator, "validator");
  }

  private Waymark(
      java.util.function.Supplier<Validator> validators,
      Histories histories,
      RepositoryStates states) {
    this.validators = validators;
    this.histories = Objects.requireNonNull(histories, "histories");
    this.states = Objects.requireNonNull(states, "states");
  }

  /** Without Git: the history rules stay silent, a revision cannot be named. */
  public static Waymark withoutHistory() {
    return new Waymark(
        (folder, start) -> History.notRequested(), (folder, seen) -> Optional.of("no Git"));
  }

  /**
   * The outcome a front end kept of the last run of {@code request} with {@code options}, when
   * every input of that run is as it was: the Waymark build, {@code key} (what else the front end's
   * outcome depends on: its options, the output format, the terminal), the options, every file
   * below the folder (name, kind, size, modification time and file key), the state of its Git
   * repository and the rule packs on the class path. Nothing is read but file attributes and the
   * stored outcome. Only a work tree with a cache has one ({@code --rev} and {@code --base} have
   * none); a store that cannot be read is no stored outcome.
   */
  public Recall recall(Request request, ValidationOptions options, String key) {
    if (request.revision().isPresent()
        || request.base().isPresent()
        || options.base().isPresent()
        || options.revisionDate().isPresent()) {
      return Recall.NONE;
    }
    LoadCache store = request.cache().outcomeStore();
    if (store == LoadCache.NONE) {
      return Recall.NONE;
    }
    long since = System.currentTimeMillis();
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
    try {
      if (!Files.isDirectory(request.dir(), LinkOption.NOFOLLOW_LINKS)) {
        return Recall.NONE;
      }
      List<Path> gitPaths = new ArrayList<>();
      Optional<String> git = states.state(request.dir(), gitPaths::add);
      if (git.isEmpty()) {
        return Recall.NONE;
      }
      FolderSource folder = new FolderSource(request.dir(), request.display());
      // Sized for the walk of a few thousand files; grown by doubling beyond.
      InputBytes inputs = new InputBytes(1 << 18);
      inputs.text(key).text(request.display());
      if (!folder.snapshot(inputs)) {
        // Something changed a moment ago: no outcome, but the load takes the walk's listing.
        return new Recall(StoredRun.NONE, java.time.Clock.systemUTC(), folder, null);
      }
      StringBuilder rest = new StringBuilder(1024);
      rest.append("git ").append(git.get()).append('\n');
      rest.append("asOf ").append(options.asOf()).append('\n');
      configLine(rest, options);
      rest.append("baseline ").append(new java.util.TreeSet<>(options.baseline())).append('\n');
      Inputs.runtime(rest);
      inputs.text(rest.toString());
      StoredRun run = StoredRun.open(store, inputs, today);
      return new Recall(
          run,
          java.time.Clock.systemUTC(),
          folder,
          answerCheck(request, options, since, folder, gitPaths, inputs).orElse(null));
    } catch (RuntimeException e) {
      return Recall.NONE; // cannot tell: judged as without a stored outcome
    }
  }

  /**
   * Every path a recall's inputs were read from, for an answer a launcher checks without a JVM;
   * empty when they cannot all be named: options that read other files (a Config or a baseline
   * given on the command line), a walk a watch gave, an entry that could not be read.
   */
  private static Optional<AnswerCheck> answerCheck(
      Request request,
      ValidationOptions options,
      long since,
      FolderSource folder,
      List<Path> gitPaths,
      InputBytes inputs) {
    LoadCache answers = request.cache().answerStore();
    if (answers == LoadCache.NONE
        || options.config().isPresent()
        || !options.baseline().isEmpty()) {
      return Optional.empty();
    }
    Optional<FolderSource.SnapshotPaths> walked = folder.snapshotPaths();
    if (walked.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AnswerCheck(
            answers, since, folder.root(), walked.get(), gitPaths, Inputs::runtimePaths, inputs));
  }

  /**
   * What the rules' findings share besides the files and the as-of date, for the rule memory kept
   * in the cache ({@link Validator#validate(RepositorySource, ValidationOptions, LoadCache,
   * String)}): the folder as shown, the Config given on the command line, the history's
   * availability, the state of the Git repository, the Java runtime and class path (rule packs
   * included); the Waymark build is added by the store. Empty when there is no memory to keep: no
   * cache, a revision or a base ({@code --rev}, {@code --base}), or a Git state that cannot be
   * told.
   */
  Optional<java.util.function.Supplier<String>> memoryKey(
      Request request, ValidationOptions options) {
    if (request.revision().isPresent()
        || request.base().isPresent()
        || options.base().isPresent()
        || request.cache().memoryStore() == LoadCache.NONE) {
      return Optional.empty();
    }
    try {
      Optional<String> git = states.state(request.dir(), p -> {});
      if (git.isEmpty()) {
        return Optional.empty();
      }
      StringBuilder head = new StringBuilder(256);
      head.append("rules\n");
      head.append("display ").append(request.display()).append('\n');
      head.append("git ").append(git.get()).append('\n');
      StringBuilder tail = new StringBuilder(4096);
      configLine(tail, options);
      Inputs.runtime(tail);
      // The history's line is written when the key is first asked for (after the load): the
      // repository may still be opening (see open).
      History history = options.history();
      return Optional.of(
          () ->
              new StringBuilder(head.length() + tail.length() + 64)
                  .append(head)
                  .append("history ")
                  .append(history.available())
                  .append(' ')
                  .append(history.limitation().orElse(""))
                  .append('\n')
                  .append(tail)
                  .toString());
    } catch (RuntimeException e) {
      return Optional.empty(); // cannot tell: every rule runs
    }
  }

  /** The Config given on the command line, by name and content, for a stored run's key. */
  private static void configLine(StringBuilder key, ValidationOptions options) {
    options
        .config()
        .ifPresent(
            config ->
                key.append("config ")
                    .append(config.name())
                    .append(' ')
                    .append(Inputs.sha256(config.bytes()))
                    .append('\n'));
  }

  /** Every registered rule's descriptor, in the registry's order. */
  public List<RuleDescriptor> rules() {
    return validator().registry().descriptors();
  }

  /** The descriptor of one rule. */
  public Optional<RuleDescriptor> rule(String id) {
    return validator().registry().rule(id).map(Rule::descriptor);
  }

  /** The file names of the bundled JSON Schemas ({@code waymark.schema.json} and one per kind). */
  public static List<String> schemaFiles() {
    return BundledSchemas.FILES;
  }

  /** The text of a bundled JSON Schema. */
  public static Optional<String> schemaText(String file) {
    return BundledSchemas.text(file);
  }

  /**
   * Opens what {@code request} names: the folder, or a revision of the Git repository containing
   * it, with the history the history rules read and the base of the pull-request rules. The as-of
   * rule of SPEC §3 is applied here: an explicit date or {@code Config.spec.asOf} first, else the
   * commit date of the revision (a work tree whose YAML files are those of {@code HEAD} counts as
   * {@code HEAD}), else today. Close the result when done: it holds the repository open.
   *
   * <p>A work tree's repository is opened, and a base ({@link Request#base()}) resolved, on threads
   * of their own while the files are loaded: a base that cannot be resolved fails {@link
   * Checkout#validate()} (or {@link Checkout#awaitBase()}, asked first) with the {@link
   * RequestException} this method threw when it resolved the base before returning.
   *
   * @throws RequestException when the folder or a revision cannot be read as asked
   */
  public Checkout open(Request request, ValidationOptions options) throws IOException {
    return open(request, options, Recall.NONE);
  }

  /**
   * As {@link #open(Request, ValidationOptions)} after {@code recall} found no stored outcome: the
   * work tree is listed as the recall walked it, not walked again (the files are read as usual).
   */
  public Checkout open(Request request, ValidationOptions options, Recall recall)
      throws IOException {
    RepositorySource folder =
        request.revision().isEmpty()
            ? recall
                .walked(request.dir(), request.display())
                .<RepositorySource>map(
                    walked -> {
                      requireFolder(request.dir());
                      return walked;
                    })
                .orElseGet(() -> folder(request.dir(), request.display()))
            : folder(request.dir(), request.display());
    Optional<String> revisionName = request.revision();
    String start = revisionName.orElse("HEAD");
    if (revisionName.isEmpty()) {
      // The work tree: its repository is opened beside the load (see OpeningRepository), and a
      // pull request's base is resolved from it meanwhile (see LaterBase).
      OpeningRepository repository =
          OpeningRepository.start(
              () -> history(request.dir(), start, false, "--rev"), folder, options.config());
      ValidationOptions result =
          options.withHistory(repository.history()).withLaterRevisionDate(repository::revisionDate);
      if (request.base().isEmpty()) {
        return new Checkout(this, request, folder, result, repository, null);
      }
      LaterBase base = resolving(repository.history(), request, start);
      return new Checkout(this, request, folder, result.withLaterBase(base), repository, base);
    }
    History history = history(request.dir(), start, true, "--rev");
    try {
      Revision revision = revision(history, revisionName.get(), "--rev", request.dir());
      RepositorySource source = relabel(revision.source(), request.display());
      ValidationOptions result =
          options.withHistory(history).withRevisionDate(revision.commit().date());
      Checkout.State state = new Checkout.State(Optional.of(revision.commit()), false);
      LaterBase base = null;
      if (request.base().isPresent()) {
        base = resolving(history, request, start);
        result = result.withLaterBase(base);
      }
      return new Checkout(this, request, source, result, history, state, base);
    } catch (RuntimeException | IOException e) {
      history.close();
      throw e;
    }
  }

  /**
   * The base of {@code request}'s pull-request rules, resolved from {@code history} on a thread of
   * its own while the head is loaded: what is compared with, as {@link BasePoint#of} chooses it.
   */
  private static LaterBase resolving(History history, Request request, String head) {
    return LaterBase.start(
        () ->
            BasePoint.of(
                history, request.base().get(), "--base", head, request.dir(), request.tip()));
  }

  /**
   * What a change does to the plan: {@code head} (empty: the work tree) compared with {@code base}
   * (its merge-base with the head, or with {@code tip} its tip), with the pull-request rules run on
   * the head against the base. The base is judged twice: as of the head's date for what the change
   * adds (time alone makes no finding new), and as of its own date for what it fixes.
   *
   * @throws RequestException for an unknown revision or a folder outside Git
   */
  public Comparison compare(
      Path dir,
      String display,
      String base,
      Optional<String> head,
      boolean tip,
      ValidationOptions options)
      throws IOException {
    RepositorySource folder = folder(dir, display);
    String headName = head.orElse("HEAD");
    try (History headHistory = history(dir, headName, true, "HEAD")) {
      BasePoint point = BasePoint.of(headHistory, base, "BASE", headName, dir, tip);
      Revision baseRevision = point.revision();
      RepositorySource headSource = folder;
      ValidationOptions headOptions = options.withHistory(headHistory);
      Comparison.Side headSide = Comparison.Side.workTree();
      if (head.isEmpty()) {
        Optional<LocalDate> date =
            Checkout.State.workTree(headHistory, folder, options.config()).revisionDate();
        if (date.isPresent()) {
          headOptions = headOptions.withRevisionDate(date.get());
        }
      } else {
        Revision revision = revision(headHistory, head.get(), "HEAD", dir);
        headSource = relabel(revision.source(), display);
        headOptions = headOptions.withRevisionDate(revision.commit().date());
        headSide = new Comparison.Side(head, Optional.of(revision.commit()));
      }
      Comparison.Side baseSide =
          new Comparison.Side(
              Optional.of(base),
              Optional.of(baseRevision.commit()),
              point.mergeBase() && !point.tip().id().equals(baseRevision.commit().id())
                  ? Optional.of(point.tip())
                  : Optional.empty(),
              point.mergeBase(),
              point.mergeBase() && point.revision().folder().isEmpty()
                  ? Optional.empty()
                  : point.note());
      ValidationResult after =
          validator()
              .validate(
                  headSource,
                  headOptions.withBase(baseRevision.source(), baseRevision.limitations()));
      ValidationResult before;
      ValidationResult beforeAtOwnDate;
      try (History baseHistory = baseHistory(headHistory, dir, baseRevision.commit().id())) {
        RepositorySource baseSource = relabel(baseRevision.source(), display);
        before =
            validator()
                .validate(baseSource, options.withHistory(baseHistory).withAsOf(after.asOf()));
        ValidationOptions atBase =
            options.withHistory(baseHistory).withRevisionDate(baseRevision.commit().date());
        beforeAtOwnDate =
            validator()
                .validate(
                    baseSource,
                    new ValidationOptions(
                        Optional.empty(),
                        atBase.config(),
                        atBase.revisionDate(),
                        atBase.baseline(),
                        atBase.history(),
                        atBase.base(),
                        atBase.baseLimitations()));
      }
      return new Comparison(
          io.waymark.engine.diff.PlanDiff.between(before, beforeAtOwnDate, after),
          after,
          baseSide,
          headSide);
    }
  }

  /**
   * The history from the base commit: from the repository already open when the adapter can start
   * it elsewhere (the repository is opened once per comparison), else opened anew.
   */
  private History baseHistory(History head, Path dir, String commit) throws IOException {
    Optional<History> shared;
    try {
      shared = head.from(commit);
    } catch (UnknownRevisionException e) {
      throw new RequestException("BASE " + commit + ": " + e.getMessage());
    }
    return shared.isPresent() ? shared.get() : history(dir, commit, true, "BASE");
  }

  /**
   * Opens a repository folder for an editor (the language server): judged again on every change
   * with the unsaved buffers over the files on disk, re-reading only the files that changed. The
   * Git history the history rules read is opened once, from {@code HEAD}; outside Git they stay
   * silent. Close the session when done.
   *
   * @throws RequestException when the folder cannot be read
   */
  public EditSession edit(Path dir, String display, ValidationOptions options) throws IOException {
    requireFolder(dir);
    FolderSource folder = new FolderSource(dir, display);
    History history = history(dir, "HEAD", false, "--rev");
    try {
      Checkout.State state =
          history.available()
              ? Checkout.State.workTree(history, folder, options.config())
              : Checkout.State.NO_GIT;
      return new EditSession(folder, validator().registry(), options, history, state);
    } catch (RuntimeException | IOException e) {
      history.close();
      throw e;
    }
  }

  /**
   * What the folder holds: its Config, its YAML files, the ids its documents declare, the files of
   * its Roadmap and Governance documents and its assessments' dates (also of documents that failed
   * their schema, when the date itself reads as one).
   */
  public Contents contents(Path dir, String display) throws IOException {
    LoadResult loaded =
        new Loader(new BundledSchemas()).load(new FolderSource(dir, display), Optional.empty());
    Set<String> ids =
        loaded.documents().stream()
            .map(Document::id)
            .filter(Objects::nonNull)
            .collect(Collectors.toSet());
    // A valid document's tree is released once read: its date is in its model. One that failed
    // its schema keeps its tree, and its date counts when it reads as one.
    DocumentIndex index = loaded.index();
    List<Assessment> planned = new ArrayList<>();
    for (Object model : loaded.models()) {
      if (model instanceof Assessment a) {
        planned.add(a);
      }
    }
    List<DatedAssessment> assessments = new ArrayList<>();
    for (Assessment a : index.datedAssessments(planned)) {
      assessments.add(new DatedAssessment(a.metadata().id(), a.date(), a.at().file()));
    }
    assessments.sort(java.util.Comparator.comparing(DatedAssessment::file));
    return new Contents(
        loaded.config(),
        loaded.files(),
        ids,
        filesOf(index, Kind.ROADMAP),
        filesOf(index, Kind.GOVERNANCE),
        assessments);
  }

  private static List<String> filesOf(DocumentIndex index, Kind kind) {
    return index.ofKind(kind).stream().map(Document::file).distinct().toList();
  }

  synchronized Validator validator() {
    if (validator == null) {
      validator = Objects.requireNonNull(validators.get(), "validator");
    }
    return validator;
  }

  /** The repository folder a command names, or a {@link RequestException} that says why not. */
  static RepositorySource folder(Path dir, String display) {
    requireFolder(dir);
    return new FolderSource(dir, display);
  }

  /**
   * Why a file given in place of {@code waymark.yaml} ({@code --config}) cannot be the Config, or
   * empty when it can: it must hold a Config document.
   */
  public static Optional<String> notAConfig(byte[] bytes) {
    return Loader.notAConfig(bytes);
  }

  /**
   * Checks that {@code dir} is a readable folder and not a symbolic link.
   *
   * @throws RequestException that says what is wrong and what to give instead
   */
  public static void requireFolder(Path dir) {
    if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new RequestException("cannot read '" + dir + "': no such folder");
    }
    if (Files.isSymbolicLink(dir)) {
      throw new RequestException("'" + dir + "' is a symbolic link; give the folder it points to");
    }
    if (!Files.isDirectory(dir)) {
      throw new RequestException(
          "'" + dir + "' is not a folder; give the roadmap repository's folder");
    }
    if (!Files.isReadable(dir)) {
      throw new RequestException("cannot read '" + dir + "': permission denied");
    }
  }

  /**
   * The history of the repository containing {@code dir} from {@code start}.
   *
   * @param required when true, no repository is a usage error (the user asked for a revision)
   * @param what how the user named {@code start} ("--rev", "BASE"), for messages
   */
  History history(Path dir, String start, boolean required, String what) throws IOException {
    History history;
    try {
      history = histories.open(dir, start);
    } catch (UnknownRevisionException e) {
      if (!required) {
        // A work-tree run on an unborn branch: judge the files, skip the history rules.
        return History.none(e.getMessage());
      }
      throw new RequestException(what + " " + start + ": " + e.getMessage());
    } catch (IOException | RuntimeException e) {
      if (!required) {
        // History is an extra: a repository the adapter cannot read never fails a work-tree run.
        return History.none("the Git repository cannot be read: " + e.getMessage());
      }
      throw new RequestException(
          "cannot read the Git repository of '" + display(dir) + "': " + e.getMessage());
    }
    if (required && !history.available()) {
      throw new RequestException(
          "'"
              + display(dir)
              + "' is not in a Git repository with commits ("
              + history.limitation().orElse("no history")
              + "): revisions cannot be read");
    }
    return history;
  }

  /** A revision, or a {@link RequestException} that names the option and the repository. */
  static Revision revision(History history, String name, String option, Path dir)
      throws IOException {
    if (!history.available()) {
      throw new RequestException(
          option
              + " "
              + name
              + ": '"
              + display(dir)
              + "' is not in a Git repository ("
              + history.limitation().orElse("no history")
              + ")");
    }
    try {
      return history.revision(name);
    } catch (UnknownRevisionException e) {
      throw new RequestException(option + " " + name + ": " + e.getMessage());
    }
  }

  /** The folder as the user wrote it, with '/' separators. */
  static String display(Path dir) {
    String text = dir.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }

  /**
   * The same files under another label: a revision is shown as the folder the user named, so its
   * paths and root read exactly as in a work-tree run.
   */
  static RepositorySource relabel(RepositorySource source, String label) {
    return new RepositorySource() {
      @Override
      public String label() {
        return label;
      }

      @Override
      public List<Entry> list() throws IOException {
        return source.list();
      }

      @Override
      public byte[] read(String path) throws IOException {
        return source.read(path);
      }

      @Override
      public String stamp(String path) {
        return source.stamp(path);
      }
    };
  }
}
