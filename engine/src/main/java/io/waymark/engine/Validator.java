package io.waymark.engine;

import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.history.History;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.load.HeldWrites;
import io.waymark.engine.load.InlineIgnore;
import io.waymark.engine.load.LoadCache;
import io.waymark.engine.load.LoadResult;
import io.waymark.engine.load.Loader;
import io.waymark.engine.load.RepositorySource;
import io.waymark.engine.load.StoredRun;
import io.waymark.engine.model.Config;
import io.waymark.engine.model.DocumentIndex;
import io.waymark.engine.model.IdIndex;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.UnreadableFile;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleRegistry;
import io.waymark.engine.rules.RuleScope;
import io.waymark.engine.schema.BundledSchemas;
import io.waymark.engine.vendor.VendorSensitivity;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's facade: load → schema → rules → severities and suppressions → findings. Knows
 * nothing of the command line, CI servers or report templates.
 */
public final class Validator {

  public static final String RULE_FAILED = "rule-failed";

  private final RuleRegistry registry;
  private final Loader loader;
  private final Clock clock;
  private final HistoryReader historyReader;

  /**
   * Reads the plan's Git history for the history rules: {@link PlanHistory#read} for a command; an
   * editor session remembers what it read, since the commits do not change while one types.
   */
  @FunctionalInterface
  interface HistoryReader {
    PlanHistory read(History history, DocumentIndex current, Config.Limits limits);
  }

  public Validator(RuleRegistry registry, BundledSchemas schemas, Clock clock) {
    this(registry, new Loader(schemas), clock);
  }

  /** With a loader of one's own (an editor session's, which remembers unchanged files). */
  Validator(RuleRegistry registry, Loader loader, Clock clock) {
    this(
        registry,
        loader,
        clock,
        (history, current, limits) -> PlanHistory.read(history, current, limits));
  }

  Validator(RuleRegistry registry, Loader loader, Clock clock, HistoryReader historyReader) {
    this(registry, loader, clock, historyReader, true);
  }

  private Validator(
      RuleRegistry registry,
      Loader loader,
      Clock clock,
      HistoryReader historyReader,
      boolean shareWithBase) {
    this.registry = registry;
    this.loader = loader;
    this.clock = clock;
    this.historyReader = historyReader;
    this.shareWithBase = shareWithBase;
  }

  /**
   * Whether a pull request's base takes the head's unchanged files as read ({@link
   * io.waymark.engine.load.Shared}); only the differential test turns it off.
   */
  private final boolean shareWithBase;

  /**
   * Whether files are judged as read ({@link AsReadJudging}) whatever the repository's size; else
   * on a large repository only. Only the differential test turns it on.
   */
  private boolean judgeAsReadAlways;

  /** The same validator judging files as read on a repository of any size (see above). */
  Validator judgingAsReadAlways() {
    Validator v = new Validator(registry, loader, clock, historyReader, shareWithBase);
    v.judgeAsReadAlways = true;
    return v;
  }

  /** The same validator reading the base's every file itself: the reference for that sharing. */
  Validator readingTheBaseWhole() {
    return new Validator(registry, loader, clock, historyReader, false);
  }

  public Validator(RuleRegistry registry) {
    this(registry, new BundledSchemas(), Clock.systemUTC());
  }

  public RuleRegistry registry() {
    return registry;
  }

  public ValidationResult validate(RepositorySource source, ValidationOptions options)
      throws IOException {
    return validate(source, options, LoadCache.NONE);
  }

  /**
   * As {@link #validate(RepositorySource, ValidationOptions)}, taking the per-file results of
   * unchanged files from {@code cache} (and keeping this run's there): the same result, faster.
   */
  public ValidationResult validate(
      RepositorySource source, ValidationOptions options, LoadCache cache) throws IOException {
    return judge(source, options, cache, Optional.empty(), Optional::empty, () -> null).result();
  }

  /**
   * As {@link #validate(RepositorySource, ValidationOptions, LoadCache)}, with the rule memory of
   * the last run kept in {@code cache}'s {@link LoadCache#memoryStore()}: when it was made with the
   * same shared inputs ({@code key}: the Waymark build, rule packs, Config given on the command
   * line, Git state...) and the same as-of date, and without a pull request's base (with one,
   * nothing is kept or read), only the rules the changed files reach run again (a per-document rule
   * on the changed files alone, a rule of some kinds when a file of those kinds changed; whole-plan
   * rules and those reading the Git history always run). The findings are exactly those of a full
   * run. A memory that does not check out is ignored and replaced. The key is asked for once the
   * files are loaded: it holds the Git history's availability, and the repository may still be
   * opening beside the load ({@link Waymark#open}).
   */
  ValidationResult validate(
      RepositorySource source,
      ValidationOptions options,
      LoadCache cache,
      java.util.function.Supplier<String> key)
      throws IOException {
    return remembering(source, options, cache, key).result();
  }

  /**
   * As {@link #validate(RepositorySource, ValidationOptions, LoadCache,
   * java.util.function.Supplier)}: the whole run.
   */
  Incremental remembering(
      RepositorySource source,
      ValidationOptions options,
      LoadCache cache,
      java.util.function.Supplier<String> key)
      throws IOException {
    LoadCache store = cache.memoryStore();
    if (store == LoadCache.NONE || options.base().isPresent()) {
      // A memory on disk does not say which base (if any) its findings were made with: a run with
      // a pull request's base neither reads one nor keeps one (as Waymark#memoryKey gives none).
      return judge(source, options, cache, Optional.empty(), Optional::empty, () -> null);
    }
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    KeptMemory kept = new KeptMemory(store, key, today, options);
    RuleMemory.Recording recording = new RuleMemory.Recording(source);
    Incremental run =
        judge(recording, options, cache, Optional.of(recording), kept::previous, kept::key);
    if (Recall.settled(run.result())) {
      LocalDate now = LocalDate.now(clock.withZone(ZoneOffset.UTC));
      HeldWrites.run(
          () ->
              kept.stored()
                  .keep(io.waymark.engine.load.Printed.of(run.memory().encode()), false, now));
    }
    return run;
  }

  /**
   * The rule memory kept in the cache for a key, opened on first use: after the files are loaded,
   * when the key (which waits for the Git repository) is first asked for.
   */
  private static final class KeptMemory {
    private final LoadCache store;
    private final java.util.function.Supplier<String> keys;
    private final LocalDate today;
    private final ValidationOptions options;
    private String key;
    private StoredRun stored;
    private Optional<RuleMemory> previous;

    KeptMemory(
        LoadCache store,
        java.util.function.Supplier<String> keys,
        LocalDate today,
        ValidationOptions options) {
      this.store = store;
      this.keys = keys;
      this.today = today;
      this.options = options;
    }

    String key() {
      if (key == null) {
        key = keys.get();
      }
      return key;
    }

    StoredRun stored() {
      if (stored == null) {
        stored = StoredRun.open(store, key(), today);
      }
      return stored;
    }

    Optional<RuleMemory> previous() {
      if (previous == null) {
        previous = stored().outcome().flatMap(bytes -> RuleMemory.decode(options, key(), bytes));
      }
      return previous;
    }
  }

  /**
   * One run of an incremental validation: its result (the same as a full run's), what the next run
   * needs to re-run only what depends on the files changed since ({@link RuleMemory}; null only for
   * a plain {@link #validate(RepositorySource, ValidationOptions, LoadCache)}, which keeps
   * nothing), and which rules this run ran on the whole plan (all of them on a full run) and which
   * per-document rules it ran on the changed files only.
   */
  record Incremental(
      ValidationResult result, RuleMemory memory, Set<String> wholeRuns, Set<String> partRuns) {}

  /**
   * As {@link #validate(RepositorySource, ValidationOptions, LoadCache)}, re-running after {@code
   * previous} only the rules whose inputs changed (by their {@link RuleScope}): a per-document rule
   * on the changed files only, a rule of some kinds when a document of those kinds changed, any
   * other rule when anything changed. The findings are exactly those of a full run.
   */
  Incremental validate(
      RepositorySource source,
      ValidationOptions options,
      LoadCache cache,
      Optional<RuleMemory> previous)
      throws IOException {
    RuleMemory.Recording recording = new RuleMemory.Recording(source);
    return judge(recording, options, cache, Optional.of(recording), () -> previous, () -> null);
  }

  /**
   * A validation of {@code source}; when {@code recording} (the source itself, noting its listing
   * and the digest the loader tells of each file) is given, also what the next run needs,
   * re-running after {@code previous} only what changed. Without it (the command line's run)
   * nothing is digested or kept for a next run.
   */
  private Incremental judge(
      RepositorySource source,
      ValidationOptions options,
      LoadCache cache,
      Optional<RuleMemory.Recording> recording,
      java.util.function.Supplier<Optional<RuleMemory>> previousRun,
      java.util.function.Supplier<String> keys)
      throws IOException {
    // With a pull request's base, the head's files are kept for the base's load: the files the
    // change did not touch are taken as read (the same models), not read a second time.
    io.waymark.engine.load.Shared shared =
        options.base().isPresent() && shareWithBase ? new io.waymark.engine.load.Shared() : null;
    AsReadJudging asRead =
        options.models() != ValidationOptions.Models.WHOLE
                && options.base().isEmpty()
                && registry.rules().stream().allMatch(Validator::builtIn)
            ? new AsReadJudging(options)
            : null;
    LoadResult load =
        loader.load(
            source,
            options.config(),
            cache,
            recording
                .<java.util.function.BiConsumer<String, byte[]>>map(r -> r::digested)
                .orElse(null),
            shared == null ? null : shared.keeping(source),
            asRead);
    Config config = load.config();
    LocalDate asOf = asOf(options, config);
    Plan plan = Plan.of(config, load.models());
    boolean judgedAsRead = asRead != null && asRead.began();
    if (judgedAsRead) {
      plan = plan.withPositiveRoi(asRead.positiveRoi);
    }
    IdIndex ids = new IdIndex(load.documents(), load.unreadable(), load.notRead(), plan);
    Optional<Plan> base = Optional.empty();
    // A pull request's base may still be being resolved beside the head's load: waited for only
    // now, when its own load needs it (LaterBase); a resolution that failed fails the run here.
    ValidationOptions judged = options.withBaseResolved();
    // What the base's files were, for the next run to tell whether it judges with the same base.
    Optional<RuleMemory.Recording> baseRecording =
        recording.isPresent() ? judged.base().map(RuleMemory.Recording::new) : Optional.empty();
    if (judged.base().isPresent()) {
      LoadResult baseLoad =
          loader.load(
              baseRecording.<RepositorySource>map(r -> r).orElse(judged.base().get()),
              options.config(),
              LoadCache.NONE,
              baseRecording
                  .<java.util.function.BiConsumer<String, byte[]>>map(r -> r::digested)
                  .orElse(null),
              shared == null ? null : shared.taking());
      base = Optional.of(Plan.of(baseLoad.config(), baseLoad.models()));
    }
    // Files judged as read bring the figures worked out while they were read.
    Scope scope =
        new Scope(
            load,
            plan,
            () -> ids,
            () -> asOf,
            base,
            judged.history(),
            judged.baseLimitations(),
            historyReader,
            judgedAsRead ? asRead.financials : Scope.figures(),
            judgedAsRead ? asRead.vendorSensitivities : Scope.figures());
    // The key and the last run's memory are asked for only now, with the files loaded: the key
    // holds the Git history's availability, and the repository may have been opening meanwhile.
    String key = recording.isPresent() ? keys.get() : null;
    Optional<RuleMemory> previous = recording.isPresent() ? previousRun.get() : Optional.empty();
    Optional<RuleMemory> now =
        recording.map(
            r ->
                new RuleMemory(
                    judged,
                    key,
                    asOf,
                    r.stamps(),
                    baseRecording.map(RuleMemory.Recording::stamps).orElse(Map.of()),
                    RuleMemory.kinds(load)));
    // Files judged as read were judged whole: nothing of a last run's memory is taken.
    Optional<RuleMemory.Changes> changes =
        judgedAsRead
            ? Optional.empty()
            : previous.flatMap(p -> now.flatMap(p::changesTo)).filter(c -> !c.touchesConfig());
    // Without its configuration a repository cannot be judged: its yaml-syntax finding says so.
    List<Rule> rules = load.configUnreadable().isPresent() ? List.of() : registry.rules();
    Map<String, List<Finding>> byRule = new java.util.concurrent.ConcurrentHashMap<>();
    Set<String> whole = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Set<String> part = java.util.concurrent.ConcurrentHashMap.newKeySet();
    // One rule at a time to whichever thread is free: a few rules take most of the time.
    io.waymark.engine.load.Parallel.forEach(
        rules,
        rule -> {
          String id = rule.descriptor().id();
          if (judgedAsRead && rule.scope() instanceof RuleScope.PerDocument) {
            // Judged file by file as the files were read.
            byRule.put(id, List.copyOf(asRead.found.getOrDefault(id, List.of())));
            whole.add(id);
            return;
          }
          Optional<List<Finding>> kept =
              changes.flatMap(c -> reuse(rule, previous.get().findings(id), c, scope, part));
          if (kept.isPresent()) {
            byRule.put(id, kept.get());
          } else {
            List<Finding> found = new ArrayList<>();
            run(rule, scope, found);
            byRule.put(id, List.copyOf(found));
            whole.add(id);
          }
        });
    List<Finding> raw = new ArrayList<>();
    for (Rule rule : rules) {
      raw.addAll(byRule.get(rule.descriptor().id()));
    }
    raw.addAll(loadStageFindings(load));
    raw.addAll(unknownRuleSettings(config));
    ValidationResult result =
        settle(source.label(), asOf, load, plan, config, raw, options.baseline());
    result.readFrom(options.history());
    Optional<PlanHistory> history = scope.read();
    if (history.isEmpty() && changes.isPresent()) {
      // The history rules were not re-run: what they read last time still holds.
      history = previous.get().history();
    }
    history.ifPresent(result::keepHistory);
    // The business cases' figures the rules worked out, for the JSON's and the QBR's insights.
    result.keepFinancials(scope.financials, scope.vendorSensitivities);
    if (judgedAsRead) {
      result.released(
          asRead.caseSensitivities, options.models() == ValidationOptions.Models.INSIGHTS);
    }
    part.removeAll(whole);
    Optional<PlanHistory> read = history;
    return new Incremental(
        result,
        now.map(n -> n.with(byRule, read)).orElse(null),
        Set.copyOf(whole),
        Set.copyOf(part));
  }

  /** The as-of date of a run: the one asked for, else the configuration's, else the revision's. */
  private LocalDate asOf(ValidationOptions options, Config config) {
    return options
        .asOf()
        .or(config::asOf)
        .or(options::fallbackDate)
        .orElseGet(() -> LocalDate.now(clock.withZone(ZoneOffset.UTC)));
  }

  /**
   * Whether {@code rule} is one of Waymark's own, whose reading of released models is tested: a
   * class of the engine's rule packages, loaded from where the engine itself was (a rule pack on
   * the class path comes from a jar of its own, whatever its package).
   */
  private static boolean builtIn(Rule rule) {
    Class<?> type = rule.getClass();
    return type.getClassLoader() == Validator.class.getClassLoader()
        && type.getName().startsWith("io.waymark.engine.rules.")
        && java.util.Objects.equals(location(type), location(Validator.class));
  }

  /** Where a class was loaded from (its jar or folder), or null when the JVM does not say. */
  private static java.net.URL location(Class<?> type) {
    java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
    return source == null ? null : source.getLocation();
  }

  /**
   * On a large repository whose caller reads only the findings (and the insights), without a cache
   * that holds its files (none, or a fresh checkout's empty one) or a pull request's base, and with
   * Waymark's own rules only: the files judged as they are read, a run of them at a time
   * (docs/streaming.md). The per-document rules run on each run of files there, exactly as on
   * changed files alone ({@link Scope#restrictedTo}: {@code RuleScopeHonestyTest} proves it the
   * same); its business cases' figures are worked out, and of each case only what the other rules
   * and the insights read is kept ({@link io.waymark.engine.model.BusinessCase#released}; of its
   * figures, all but the years, {@link CaseFinancials#withoutYears}), so the whole cases, their
   * cost and benefit lines and texts, are never all held at once; of the other kinds, what {@link
   * io.waymark.engine.model.DocumentModel#released} keeps (assessments and use cases without their
   * long texts). The other rules then judge the plan of what was kept. {@code JudgedAsReadTest} and
   * {@code RuleExamplesTest} compare every finding and the insights with a run that keeps every
   * model whole.
   *
   * <p>A per-document rule that fails on a run of files reports {@link #RULE_FAILED} in the run's
   * first file, and its findings in the other runs stand.
   */
  private final class AsReadJudging implements io.waymark.engine.load.AsRead {
    private final ValidationOptions options;
    private final List<Rule> perDocument;
    final Map<String, List<Finding>> found = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<io.waymark.engine.model.BusinessCase, CaseFinancials> financials = Scope.figures();
    final Map<io.waymark.engine.model.VendorEvaluation, VendorSensitivity> vendorSensitivities =
        Scope.figures();
    final Map<io.waymark.engine.model.BusinessCase, io.waymark.engine.finance.CaseSensitivity>
        caseSensitivities = Scope.figures();
    final Map<io.waymark.engine.model.BusinessCase, Boolean> positiveRoi = Scope.figures();
    private volatile java.util.function.Supplier<LocalDate> asOf;

    AsReadJudging(ValidationOptions options) {
      this.options = options;
      this.perDocument =
          registry.rules().stream()
              .filter(r -> r.scope() instanceof RuleScope.PerDocument)
              .toList();
    }

    boolean began() {
      return asOf != null;
    }

    @Override
    public Judge begin(Config config, boolean large) {
      if (!large && !judgeAsReadAlways) {
        return null;
      }
      LocalDate[] known = new LocalDate[1];
      asOf =
          () -> {
            synchronized (known) {
              if (known[0] == null) {
                known[0] = Validator.this.asOf(options, config);
              }
              return known[0];
            }
          };
      return this::judge;
    }

    private List<io.waymark.engine.model.DocumentModel> judge(LoadResult file) {
      Plan plan = Plan.of(file.config(), file.models());
      Scope scope =
          new Scope(
              file,
              plan,
              () -> new IdIndex(file.documents(), file.unreadable(), plan),
              asOf,
              Optional.empty(),
              options.history(),
              List.of(),
              historyReader,
              Scope.figures(),
              Scope.figures());
      for (Rule rule : perDocument) {
        List<Finding> out = new ArrayList<>();
        run(rule, scope, out);
        if (!out.isEmpty()) {
          found
              .computeIfAbsent(
                  rule.descriptor().id(), k -> Collections.synchronizedList(new ArrayList<>()))
              .addAll(out);
        }
      }
      List<io.waymark.engine.model.DocumentModel> kept = new ArrayList<>(file.models().size());
      for (io.waymark.engine.model.DocumentModel m : file.models()) {
        if (m instanceof io.waymark.engine.model.BusinessCase bc) {
          CaseFinancials figures = scope.financials(bc);
          io.waymark.engine.model.BusinessCase released = bc.released();
          financials.put(released, figures.withoutYears());
          positiveRoi.put(released, figures.positiveRoi());
          if (options.models() == ValidationOptions.Models.INSIGHTS && Insights.open(bc)) {
            caseSensitivities.put(released, io.waymark.engine.finance.CaseSensitivity.of(bc));
          }
          kept.add(released);
        } else {
          if (m instanceof io.waymark.engine.model.VendorEvaluation e) {
            VendorSensitivity worked = scope.vendorSensitivities.get(e);
            if (worked != null) {
              vendorSensitivities.put(e, worked);
            }
          }
          kept.add(m.released());
        }
      }
      return kept;
    }
  }

  /**
   * The findings of {@code rule} after {@code changes}, from its previous findings and, for a
   * per-document rule, a run on the changed files alone; empty when the rule must run on the whole
   * plan again (its inputs changed, it failed last time, or it failed on the changed files).
   */
  private Optional<List<Finding>> reuse(
      Rule rule, List<Finding> before, RuleMemory.Changes changes, Scope scope, Set<String> ran) {
    if (before.stream().anyMatch(f -> f.rule().equals(RULE_FAILED))) {
      return Optional.empty();
    }
    RuleScope declared = rule.scope();
    if (declared instanceof RuleScope.WholePlan) {
      // A memory from disk cannot tell what else such a rule read (the history, say).
      return changes.none() && !changes.fromDisk() ? Optional.of(before) : Optional.empty();
    }
    if (declared instanceof RuleScope.Kinds k) {
      if (k.history() && changes.fromDisk()) {
        // Run again, so that the result carries the history read (and where it ends early).
        return Optional.empty();
      }
      return changes.touchesAny(k.kinds()) ? Optional.empty() : Optional.of(before);
    }
    // Per document: the findings in unchanged files stay; the changed files are judged alone.
    Set<String> changed = changes.files();
    List<Finding> after = new ArrayList<>();
    for (Finding f : before) {
      if (!changed.contains(f.file())) {
        after.add(f);
      }
    }
    if (changed.isEmpty()) {
      return Optional.of(before);
    }
    Scope part = scope.restrictedTo(changed);
    if (part.load.files().isEmpty()) {
      return Optional.of(List.copyOf(after));
    }
    ran.add(rule.descriptor().id());
    List<Finding> found = new ArrayList<>();
    if (!run(rule, part, found)) {
      return Optional.empty();
    }
    for (Finding f : found) {
      if (changed.contains(f.file())) {
        after.add(f);
      }
    }
    return Optional.of(List.copyOf(after));
  }

  /** What every rule of one validation shares; the history is read once, on first use. */
  static final class Scope {
    final LoadResult load;
    final DocumentIndex documents;
    final Plan plan;

    /** The id index, or null until {@link #ids()} builds it from {@link #idsLater}. */
    private IdIndex ids;

    private final java.util.function.Supplier<IdIndex> idsLater;

    /** The as-of date, worked out on first use (a file judged as it is read may not need it). */
    private final java.util.function.Supplier<LocalDate> asOf;

    final Optional<Plan> base;
    final History history;
    final List<String> baseLimitations;
    final HistoryReader historyReader;
    private PlanHistory planHistory;

    /** Financials per business case (by identity), worked out once for all rules. */
    private final Map<io.waymark.engine.model.BusinessCase, CaseFinancials> financials;

    /** Sensitivity per vendor evaluation (by identity), worked out once for all rules. */
    private final Map<io.waymark.engine.model.VendorEvaluation, VendorSensitivity>
        vendorSensitivities;

    private Scope restricted;
    private Set<String> restrictedFiles = Set.of();

    Scope(
        LoadResult load,
        Plan plan,
        IdIndex ids,
        LocalDate asOf,
        Optional<Plan> base,
        History history,
        List<String> baseLimitations,
        HistoryReader historyReader) {
      this(
          load,
          plan,
          () -> ids,
          () -> asOf,
          base,
          history,
          baseLimitations,
          historyReader,
          figures(),
          figures());
    }

    /** An empty map of figures by model (by identity), for several threads at once. */
    static <K, V> Map<K, V> figures() {
      return Collections.synchronizedMap(new java.util.IdentityHashMap<>());
    }

    /** With the figures already worked out (those of files judged as read). */
    Scope(
        LoadResult load,
        Plan plan,
        java.util.function.Supplier<IdIndex> ids,
        java.util.function.Supplier<LocalDate> asOf,
        Optional<Plan> base,
        History history,
        List<String> baseLimitations,
        HistoryReader historyReader,
        Map<io.waymark.engine.model.BusinessCase, CaseFinancials> financials,
        Map<io.waymark.engine.model.VendorEvaluation, VendorSensitivity> vendorSensitivities) {
      this.load = load;
      this.documents = load.index();
      this.plan = plan;
      this.idsLater = ids;
      this.asOf = asOf;
      this.base = base;
      this.history = history;
      this.baseLimitations = baseLimitations;
      this.historyReader = historyReader;
      this.financials = financials;
      this.vendorSensitivities = vendorSensitivities;
    }

    LocalDate asOf() {
      return asOf.get();
    }

    /** The id index, built on first use (files judged as read seldom need theirs). */
    synchronized IdIndex ids() {
      if (ids == null) {
        ids = idsLater.get();
      }
      return ids;
    }

    /**
     * The same run seen through {@code files} only: their documents, models and ids (the other
     * files' are left out), for a per-document rule judging the files that changed.
     */
    synchronized Scope restrictedTo(Set<String> files) {
      // Built once per run: every per-document rule judges the same changed files.
      if (restricted == null || !restrictedFiles.equals(files)) {
        restricted = restrict(files);
        restrictedFiles = Set.copyOf(files);
      }
      return restricted;
    }

    private Scope restrict(Set<String> files) {
      List<String> kept = load.files().stream().filter(files::contains).toList();
      List<io.waymark.engine.model.Document> docs =
          load.documents().stream().filter(d -> files.contains(d.file())).toList();
      List<io.waymark.engine.model.DocumentModel> models =
          load.models().stream().filter(m -> files.contains(m.at().file())).toList();
      List<UnreadableFile> unreadable =
          load.unreadable().stream().filter(u -> files.contains(u.file())).toList();
      LoadResult part =
          new LoadResult(
              load.root(), load.config(), kept, docs, models, List.of(), Map.of(), unreadable);
      Plan partPlan = Plan.of(load.config(), models);
      return new Scope(
          part,
          partPlan,
          new IdIndex(docs, unreadable, partPlan),
          asOf(),
          base,
          history,
          baseLimitations,
          historyReader);
    }

    synchronized Optional<PlanHistory> read() {
      return Optional.ofNullable(planHistory);
    }

    /** {@link CaseFinancials#of}, once per case (see {@link #once}). */
    CaseFinancials financials(io.waymark.engine.model.BusinessCase bc) {
      return once(financials, bc, CaseFinancials::of);
    }

    /** {@link VendorSensitivity#of}, once per evaluation (see {@link #once}). */
    VendorSensitivity vendorSensitivity(io.waymark.engine.model.VendorEvaluation evaluation) {
      return once(vendorSensitivities, evaluation, VendorSensitivity::of);
    }

    /**
     * What {@code compute} gives for {@code key}, kept in {@code known} for every later rule:
     * computed outside the lock (two rules asking at once may both compute it; the result is the
     * same), the first kept.
     */
    private static <K, V> V once(
        Map<K, V> known, K key, java.util.function.Function<? super K, ? extends V> compute) {
      V kept = known.get(key);
      if (kept != null) {
        return kept;
      }
      V computed = compute.apply(key);
      V first = known.putIfAbsent(key, computed);
      return first == null ? computed : first;
    }

    synchronized PlanHistory planHistory() {
      if (planHistory == null) {
        planHistory = historyReader.read(history, load.index(), load.config().limits());
      }
      return planHistory;
    }
  }

  /** Runs one rule; false (with a {@link #RULE_FAILED} finding) when it threw. */
  private boolean run(Rule rule, Scope scope, List<Finding> out) {
    RuleDescriptor d = rule.descriptor();
    LoadResult load = scope.load;
    RuleContext context =
        new RuleContext() {
          @Override
          public Plan plan() {
            return scope.plan;
          }

          @Override
          public DocumentIndex documents() {
            return scope.documents;
          }

          @Override
          public IdIndex ids() {
            return scope.ids();
          }

          @Override
          public Optional<Plan> base() {
            return scope.base;
          }

          @Override
          public List<String> baseLimitations() {
            return scope.base.isPresent() ? scope.baseLimitations : List.of();
          }

          @Override
          public PlanHistory history() {
            return scope.planHistory();
          }

          @Override
          public LocalDate asOf() {
            return scope.asOf();
          }

          @Override
          public CaseFinancials financials(io.waymark.engine.model.BusinessCase bc) {
            return scope.financials(bc);
          }

          @Override
          public VendorSensitivity vendorSensitivity(
              io.waymark.engine.model.VendorEvaluation evaluation) {
            return scope.vendorSensitivity(evaluation);
          }

          @Override
          public void report(Location location, String message, String hint) {
            out.add(new Finding(d.id(), d.severity(), location, message, hint));
          }

          @Override
          public void report(Severity severity, Location location, String message, String hint) {
            out.add(new Finding(d.id(), severity, location, message, hint));
          }
        };
    try {
      rule.check(context);
      return true;
    } catch (RuntimeException e) {
      // A broken rule pack must not hide the other rules' findings.
      out.add(
          new Finding(
              RULE_FAILED,
              Severity.ERROR,
              Location.ofFile(load.files().isEmpty() ? "." : load.files().get(0)),
              "rule '" + d.id() + "' failed: " + e,
              "Report this to the rule's authors; run with --debug for details."));
      return false;
    }
  }

  /**
   * The problems the loader found while reading files (syntax, envelope, schema), as findings of
   * the loader-stage rules with those rules' default severities; a problem whose rule is not
   * registered is not reported.
   */
  private List<Finding> loadStageFindings(LoadResult load) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : load.problems()) {
      registry
          .rule(f.rule())
          .ifPresent(
              rule ->
                  out.add(
                      new Finding(
                          f.rule(),
                          rule.descriptor().severity(),
                          f.location(),
                          f.message(),
                          f.hint())));
    }
    return out;
  }

  private List<Finding> unknownRuleSettings(Config config) {
    List<Finding> out = new ArrayList<>();
    for (Map.Entry<String, Config.RuleSetting> e : config.rules().entrySet()) {
      if (registry.rule(e.getKey()).isEmpty()) {
        out.add(
            new Finding(
                "schema",
                Severity.ERROR,
                e.getValue().at().location(),
                "Config spec.rules names an unknown rule '" + e.getKey() + "'",
                "Run `waymark rules` for the list of rule ids."));
      }
    }
    return out;
  }

  /** Applies configured severities, inline ignores and Config suppressions. */
  private ValidationResult settle(
      String root,
      LocalDate asOf,
      LoadResult load,
      Plan plan,
      Config config,
      List<Finding> raw,
      Set<String> baseline) {
    List<Finding> kept = new ArrayList<>();
    List<ValidationResult.Suppressed> suppressed = new ArrayList<>();
    List<Config.Suppression> active = new ArrayList<>();
    Set<String> baselined = new java.util.HashSet<>();
    for (Config.Suppression s : config.suppressions()) {
      // An expired suppression stops working; the suppression-expired rule reports it.
      if (s.expires().isEmpty() || !s.expires().get().isBefore(asOf)) {
        active.add(s);
      }
    }
    Set<String> partly = partlyJudgedFiles(load);
    Set<String> loadStage = new java.util.HashSet<>();
    load.problems().forEach(p -> loadStage.add(p.rule()));
    for (Finding found : raw) {
      Finding f = found;
      if (!partly.isEmpty()
          && partly.contains(f.location().file())
          && !loadStage.contains(f.rule())) {
        // Judged on the rest of a document whose failing list items were left out: a total or a
        // computed figure may be wrong until they are fixed, and the hint must not be followed
        // blindly ("Declare 'roi: 258.7'" computed without a cost).
        f =
            new Finding(
                f.rule(), f.severity(), f.location(), f.message(), f.hint() + PARTLY_JUDGED);
      }
      // A configured severity wins; otherwise the one the rule reported (its default, or the
      // graded severity a rule such as vendor-no-go-selected chose for this finding).
      Optional<Severity> severity = severityOf(f.rule(), f.severity(), config);
      if (severity.isEmpty()) {
        continue; // turned off with a justification
      }
      Finding finding = f.withSeverity(severity.get());
      // Without a baseline, no key (a SHA-256) is worked out for each finding.
      if (!baseline.isEmpty() && baseline.contains(finding.baselineKey())) {
        // Known when the baseline was taken: still shown, never failing the build.
        finding = finding.withSeverity(Severity.INFO);
        baselined.add(finding.baselineKey());
      }
      Optional<ValidationResult.Suppressed> why = suppression(finding, load, active);
      if (why.isPresent()) {
        suppressed.add(why.get());
      } else {
        kept.add(finding);
      }
    }
    Collections.sort(kept);
    kept = FindingBudget.apply(kept, config.findingCaps());
    suppressed.sort((a, b) -> a.finding().compareTo(b.finding()));
    return new ValidationResult(
        root, asOf, load, plan, kept, suppressed, baselined, registry.descriptors());
  }

  /** What the hint of a finding in a file judged without its failing list items adds. */
  static final String PARTLY_JUDGED =
      " (This file was judged without its list items that fail the schema: fix its schema"
          + " errors first; this finding may change with them.)";

  /** The files with a document that failed its schema in list items only, judged without them. */
  private static Set<String> partlyJudgedFiles(LoadResult load) {
    Set<String> files = new java.util.HashSet<>();
    for (String key : load.partlyInvalid()) {
      files.add(key.substring(0, key.lastIndexOf('\n')));
    }
    return files;
  }

  /** The severity in force for a finding of a rule; empty when the rule is turned off. */
  private Optional<Severity> severityOf(String rule, Severity fallback, Config config) {
    Config.RuleSetting setting = config.rules().get(rule);
    if (setting != null && !setting.justification().isBlank()) {
      if ("off".equals(setting.severity())) {
        return Optional.empty();
      }
      Optional<Severity> configured = Severity.parse(setting.severity());
      if (configured.isPresent()) {
        return configured;
      }
    }
    return Optional.of(fallback);
  }

  private static Optional<ValidationResult.Suppressed> suppression(
      Finding f, LoadResult load, List<Config.Suppression> active) {
    List<InlineIgnore> inline =
        load.ignores().getOrDefault(f.file(), Map.of()).getOrDefault(f.line(), List.of());
    for (InlineIgnore ignore : inline) {
      if (ignore.rule().equals(f.rule())) {
        return Optional.of(new ValidationResult.Suppressed(f, "inline", ignore.reason()));
      }
    }
    for (Config.Suppression s : active) {
      if (s.rule().equals(f.rule())
          && s.file().equals(f.file())
          && s.path().map(p -> f.path().equals(p) || f.path().startsWith(p + "/")).orElse(true)) {
        return Optional.of(
            new ValidationResult.Suppressed(
                f, "config", s.reason() + " (owner " + s.owner() + ")"));
      }
    }
    return Optional.empty();
  }
}
