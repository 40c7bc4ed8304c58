package io.waymark.engine.load;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Config;
import io.waymark.engine.model.Document;
import io.waymark.engine.model.DocumentModel;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.ModelProblem;
import io.waymark.engine.model.UnreadableFile;
import io.waymark.engine.schema.BundledSchemas;
import io.waymark.engine.schema.SchemaCheck;
import io.waymark.engine.yaml.YamlDocument;
import io.waymark.engine.yaml.YamlLimits;
import io.waymark.engine.yaml.YamlMap;
import io.waymark.engine.yaml.YamlNode;
import io.waymark.engine.yaml.YamlProblem;
import io.waymark.engine.yaml.YamlPruning;
import io.waymark.engine.yaml.YamlReader;
import io.waymark.engine.yaml.YamlScalar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Reads a roadmap repository: finds the YAML files, parses them safely, checks each document's
 * envelope and schema, and builds the typed model of the valid ones. A bad file yields findings for
 * that file only; every other file is still read.
 */
public final class Loader {

  public static final String CONFIG_FILE = "waymark.yaml";
  public static final String API_VERSION = "waymark/v1";

  private final SchemaCheck schemaCheck;

  /**
   * From this many entries listed, a load compiles the whole quick schema verdict on another thread
   * while the files are listed (see {@link SchemaCheck#prepareVerdict()}): on fewer, a kind's
   * schema is compiled when a document of that kind is first checked. The full validator
   * (networknt) is loaded, on another thread, only once a document needs it: one whose failures the
   * quick verdict cannot word ({@link SchemaCheck#check(io.waymark.engine.model.Document,
   * io.waymark.engine.yaml.YamlNode, boolean)}).
   */
  static final int LARGE_REPOSITORY = 500;

  /**
   * For an editor that validates again on every keystroke: each file's last outcome (parse,
   * envelope, schema, model) by name, with the digest of the bytes and the limits it was read with.
   * Null for an ordinary one-shot loader.
   */
  private final Map<String, Remembered> remembered;

  /**
   * Whether every load forgets the positions of its valid documents, whatever the repository's size
   * (see {@link #forgettingPositions}); else only a large repository's load does.
   */
  private final boolean forgetAlways;

  public Loader(BundledSchemas schemas) {
    this(schemas, false, false);
  }

  private Loader(BundledSchemas schemas, boolean remember, boolean forgetAlways) {
    this.schemaCheck = new SchemaCheck(schemas);
    this.remembered = remember ? new java.util.concurrent.ConcurrentHashMap<>() : null;
    this.forgetAlways = forgetAlways;
  }

  /**
   * A loader that forgets where the values of every valid document are written once its model is
   * read, as the load of a large repository ({@link #LARGE_REPOSITORY} entries or more) does: the
   * positions are laid out again from the file for the few documents a finding points into. The
   * differential tests compare what it finds with an ordinary loader on every rule's examples.
   */
  public static Loader forgettingPositions(BundledSchemas schemas) {
    return new Loader(schemas, false, true);
  }

  /**
   * A loader that reads again only the files whose bytes changed since its last {@link #load}: the
   * others' documents, schema findings and models are reused (the language server's incremental
   * validation). It keeps one outcome per file name.
   */
  public static Loader remembering(BundledSchemas schemas) {
    return new Loader(schemas, true, false);
  }

  /**
   * Loads everything below the source's root.
   *
   * @param configOverride a Config file given on the command line, used instead of {@code
   *     waymark.yaml}: its display name and bytes
   */
  public LoadResult load(RepositorySource source, Optional<NamedBytes> configOverride)
      throws IOException {
    return load(source, configOverride, LoadCache.NONE);
  }

  /**
   * Loads everything below the source's root, taking what {@code cache} kept of files that have not
   * changed since it was written (the result is the same as without it), and keeping there what
   * this run read.
   */
  public LoadResult load(
      RepositorySource source, Optional<NamedBytes> configOverride, LoadCache cache)
      throws IOException {
    return load(source, configOverride, cache, null);
  }

  /**
   * As {@link #load(RepositorySource, Optional, LoadCache)}, telling {@code digests} the SHA-256 of
   * the content of every file it read or took from the cache (null: nobody asks), so that a caller
   * knows what each file was without reading it again. Files are read on several threads: {@code
   * digests} is told from them at once.
   */
  public LoadResult load(
      RepositorySource source,
      Optional<NamedBytes> configOverride,
      LoadCache cache,
      BiConsumer<String, byte[]> digests)
      throws IOException {
    return load(source, configOverride, cache, digests, null);
  }

  /**
   * As {@link #load(RepositorySource, Optional, LoadCache, BiConsumer)}, keeping what it read in
   * {@code shared} ({@link Shared#keeping}) or taking from it the outcome of every file that the
   * load which kept them read with the same path, bytes and limits ({@link Shared#taking}): a pull
   * request's base is mostly the head's files, which need not be parsed, checked and modelled
   * twice. Null: nothing is kept or taken.
   */
  public LoadResult load(
      RepositorySource source,
      Optional<NamedBytes> configOverride,
      LoadCache cache,
      BiConsumer<String, byte[]> digests,
      Shared.Use shared)
      throws IOException {
    return load(source, configOverride, cache, digests, shared, null);
  }

  /**
   * As {@link #load(RepositorySource, Optional, LoadCache, BiConsumer, Shared.Use)}, handing each
   * file to {@code asRead} as soon as it is read (null: nothing is done with it) and keeping the
   * models it gives back instead of the file's own; not when {@code cache} holds files (a cache
   * that holds none, a fresh checkout's, stores each file as read), nor by a loader that remembers
   * files for its next load. Not with a shared load, whose outcomes another load takes as read:
   * refused.
   */
  public LoadResult load(
      RepositorySource source,
      Optional<NamedBytes> configOverride,
      LoadCache cache,
      BiConsumer<String, byte[]> digests,
      Shared.Use shared,
      AsRead asRead)
      throws IOException {
    if (asRead != null && shared != null) {
      throw new IllegalArgumentException("files judged as read are kept for no other load");
    }
    // On a large repository without a cache, while the files are still listed: the whole quick
    // verdict compiled on another core; with an empty cache, once it is known to be empty (below).
    // With a cache that holds files, most files are taken from it and never checked: the verdict
    // compiles the schema of a kind when a file of that kind is first checked (one changed file:
    // its kind's schema alone), as on a small repository.
    boolean[] large = new boolean[1];
    List<RepositorySource.Entry> entries =
        source.list(
            LARGE_REPOSITORY,
            () -> {
              large[0] = true;
              if (cache == LoadCache.NONE) {
                schemaCheck.prepareVerdict();
              }
            });
    Config config = Config.defaults();
    FileOutcome configOutcome = null;
    if (configOverride.isPresent()) {
      configOutcome =
          readFile(
              configOverride.get().name(), configOverride.get().bytes(), YamlLimits.DEFAULT, true);
    } else {
      Optional<RepositorySource.Entry> entry =
          entries.stream().filter(e -> e.path().equals(CONFIG_FILE)).findFirst();
      if (entry.isPresent()) {
        configOutcome =
            readEntry(source, entry.get(), YamlLimits.DEFAULT, null, digests, true, false, shared);
      }
    }
    List<Finding> configProblems = new ArrayList<>();
    if (configOutcome != null) {
      for (int i = 0; i < configOutcome.documents.size(); i++) {
        Document d = configOutcome.documents.get(i);
        if (d.kind() != Kind.CONFIG) {
          continue;
        }
        if (configOutcome.models.get(i) != null) {
          // Valid (or valid but for list items, which its model leaves out).
          config = (Config) configOutcome.models.get(i);
        } else {
          List<ModelProblem> unusable = new ArrayList<>();
          config = withoutRelaxations((Config) d.read(unusable));
          // An impossible asOf is not applied either: say so now, not once the schema passes (a
          // Config that passes it said so already).
          for (Finding problem : withProblems(List.of(), unusable)) {
            if (!configOutcome.problems.contains(problem)) {
              configProblems.add(problem);
            }
          }
          configProblems.add(
              finding(
                  "schema",
                  d.anchor().location(),
                  d.file()
                      + " fails its schema: until it is fixed, its rule settings, suppressions and"
                      + " tolerance are not applied (its other settings are)",
                  "Fix the schema findings of this file; an invalid configuration relaxes"
                      + " nothing."));
        }
        break;
      }
      if (configOutcome.unreadable != null && configOutcome.unreadable.declares(Kind.CONFIG)) {
        configProblems.add(
            finding(
                "yaml-syntax",
                Location.ofFile(configOutcome.file),
                "no rule ran: "
                    + configOutcome.file
                    + " could not be read, and its as-of date, currency, exclusions and rule"
                    + " settings decide what every rule finds",
                "Fix the syntax error in this file; then every rule runs."));
      }
    }
    List<ExcludeGlob> excludes = new ArrayList<>();
    for (int i = 0; i < config.exclude().size(); i++) {
      String glob = config.exclude().get(i);
      try {
        excludes.add(ExcludeGlob.compile(glob));
      } catch (ExcludeGlob.InvalidGlobException e) {
        // One bad pattern must not stop the run: it is reported and left out.
        configProblems.add(
            finding(
                "schema",
                config.at().location("spec/exclude/" + i),
                "/spec/exclude/"
                    + i
                    + ": '"
                    + glob
                    + "' is not a valid glob: "
                    + e.getMessage()
                    + "; the pattern is ignored",
                "Close the bracket or brace, or escape the character with '\\' (e.g. '\\[');"
                    + " see docs/configuration.md for the glob syntax."));
      }
    }
    YamlLimits limits = yamlLimits(config.limits());
    String root = source.label();
    Config configured = config;
    CacheRun run =
        cache == LoadCache.NONE
            ? null
            : CacheRun.open(
                cache, settings(source, entries, configOverride, limits), limits.depth());
    // Not where a cache holds files: their outcomes are decoded as they were stored (and kept
    // for the next load in this JVM), and a warm run judges only what changed.
    // Nor where this loader remembers files for its next load (an editor's): its models stay whole.
    AsRead.Judge judge =
        asRead == null || remembered != null || (run != null && !run.storesNothing())
            ? null
            : asRead.begin(config, large[0]);
    if (run != null && large[0] && run.storesNothing()) {
      schemaCheck.prepareVerdict();
    }
    List<RepositorySource.Entry> yamlEntries = new ArrayList<>();
    for (RepositorySource.Entry e : entries) {
      if (isYaml(e.path())
          && !(configOverride.isEmpty() && e.path().equals(CONFIG_FILE))
          && !excluded(excludes, e.path())) {
        yamlEntries.add(e);
      } else if (e.type() == RepositorySource.Type.UNREADABLE
          && !e.path().isEmpty()
          && !excluded(excludes, e.path())
          && !excluded(excludes, e.path() + "/file.yaml")) {
        // A folder that could not be listed may hold roadmap files: told, whatever its name.
        yamlEntries.add(e);
      }
    }
    // In the order of the entries: no map of ten thousand outcomes to build and sort; sorted by
    // name below, as a map by name would be.
    // A file that needs the full schema validator before it is loaded (the first such file starts
    // loading it on another thread) is put aside and read again once the others are read, instead
    // of every thread waiting for the validator. Without a cache only: nothing of such a file is
    // kept or stored.
    boolean patient = run != null;
    List<FileOutcome> read;
    try {
      read =
          readInBatches(
              yamlEntries,
              judge,
              e -> readEntryQuietly(source, e, limits, run, digests, patient, large[0], shared),
              root,
              configured);
      List<RepositorySource.Entry> asideEntries = new ArrayList<>();
      List<Integer> putAside = new ArrayList<>();
      for (int i = 0; i < read.size(); i++) {
        if (read.get(i) == PUT_ASIDE) {
          putAside.add(i);
          asideEntries.add(yamlEntries.get(i));
        }
      }
      if (!putAside.isEmpty()) {
        List<FileOutcome> again =
            readInBatches(
                asideEntries,
                judge,
                e -> readEntryQuietly(source, e, limits, run, digests, true, large[0], shared),
                root,
                configured);
        for (int k = 0; k < putAside.size(); k++) {
          read.set(putAside.get(k), again.get(k));
        }
      }
    } catch (RuntimeException | Error stopped) {
      if (run != null) {
        run.abandon(); // its scratch file is closed: nothing is stored
      }
      throw stopped;
    }
    if (run != null) {
      HeldWrites.run(run::finish);
    }
    List<FileOutcome> outcomes = new ArrayList<>(read.size() + 1);
    if (configOutcome != null) {
      configOutcome.addProblems(configProblems);
      String name = configOutcome.file;
      if (read.stream().noneMatch(o -> o.file.equals(name))) {
        // A file of the folder with the same name as the Config given replaces it, as before.
        judged(judge, root, configured, List.of(configOutcome));
        outcomes.add(configOutcome);
      }
    }
    outcomes.addAll(read);
    if (!sortedByFile(outcomes)) {
      outcomes.sort((a, b) -> a.file.compareTo(b.file));
    }

    List<String> files = new ArrayList<>();
    List<Document> documents = new ArrayList<>();
    List<DocumentModel> models = new ArrayList<>();
    List<Finding> problems = new ArrayList<>();
    List<UnreadableFile> unreadable = new ArrayList<>();
    List<String> notRead = new ArrayList<>();
    Map<String, Map<Integer, List<InlineIgnore>>> ignores = new HashMap<>();
    for (FileOutcome o : outcomes) {
      files.add(o.file);
      if (o.unreadable != null) {
        unreadable.add(o.unreadable);
      }
      if (o.notRead) {
        notRead.add(o.file);
      }
      documents.addAll(o.documents);
      for (int i = 0; i < o.documents.size(); i++) {
        // Valid documents, and the schema-valid rest of documents whose errors sit in items.
        if (o.models.get(i) != null) {
          models.add(o.models.get(i));
        }
      }
      problems.addAll(o.problems);
      // The Config given on the command line may lie in the folder: the file read there is it.
      boolean inForce =
          o == configOutcome || (configOverride.isPresent() && o.file.equals(configOutcome.file));
      notApplied(o, inForce, configOverride.map(NamedBytes::name), problems);
      if (!o.ignores.isEmpty()) {
        Map<Integer, List<InlineIgnore>> byLine = new HashMap<>();
        for (InlineIgnore ignore : o.ignores) {
          byLine.computeIfAbsent(ignore.line(), k -> new ArrayList<>()).add(ignore);
        }
        ignores.put(o.file, byLine);
      }
    }
    Collections.sort(problems);
    return new LoadResult(
        source.label(), config, files, documents, models, problems, ignores, unreadable, notRead);
  }

  /**
   * A config-ignored finding for each Config document of {@code o} that is not the configuration in
   * force: all of them in any file but the configuration's, the ones after the first in it.
   */
  private static void notApplied(
      FileOutcome o, boolean isConfig, Optional<String> given, List<Finding> problems) {
    boolean first = isConfig;
    for (Document d : o.documents) {
      if (d.kind() != Kind.CONFIG) {
        continue;
      }
      if (first) {
        first = false;
        continue;
      }
      problems.add(
          finding(
              "config-ignored",
              d.anchor().location("kind"),
              isConfig
                  ? "a second Config document in "
                      + d.file()
                      + " is not applied: only the first one is"
                  : given.isPresent()
                      ? "Config in "
                          + d.file()
                          + " is not applied: --config "
                          + given.get()
                          + " is applied instead"
                      : "Config in "
                          + d.file()
                          + " is not applied: only "
                          + CONFIG_FILE
                          + " at the top of the folder validated (or the file --config names) is, so"
                          + " the documents beside it are judged with that one (or the defaults)",
              isConfig
                  ? "Merge its settings into the first Config document and delete this one."
                  : given.isPresent()
                      ? "Nothing to do if --config is meant to replace it; otherwise run without"
                          + " --config."
                      : d.file().contains("/") && d.file().endsWith("/" + CONFIG_FILE)
                          ? "Validate that roadmap on its own (waymark validate "
                              + d.file().substring(0, d.file().length() - CONFIG_FILE.length() - 1)
                              + "), or list its folder under spec.exclude."
                          : "Move these settings into the top "
                              + CONFIG_FILE
                              + " and delete this"
                              + " document."));
    }
  }

  /**
   * A configuration that failed its schema, read for what it sets without relaxing a rule: its
   * as-of date, currency, organisation, exclusions and (bounded) limits count, its rule settings,
   * suppressions and tolerance do not (the schema is what makes those safe: a justification, an
   * owner, a reason, a tolerance within bounds).
   */
  private static Config withoutRelaxations(Config read) {
    Config defaults = Config.defaults();
    return new Config(
        read.organisation(),
        read.currency(),
        read.asOf(),
        read.exclude(),
        read.limits(),
        read.findingCaps(),
        defaults.tolerancePct(),
        defaults.rules(),
        defaults.suppressions(),
        read.at());
  }

  /** A file given by name with its content (for {@code --config}). */
  public record NamedBytes(String name, byte[] bytes) {}

  private static boolean excluded(List<ExcludeGlob> excludes, String path) {
    for (ExcludeGlob glob : excludes) {
      if (glob.matches(path)) {
        return true;
      }
    }
    return false;
  }

  /** True when every outcome's file name comes after the one before (no two the same). */
  private static boolean sortedByFile(List<FileOutcome> outcomes) {
    for (int i = 1; i < outcomes.size(); i++) {
      if (outcomes.get(i - 1).file.compareTo(outcomes.get(i).file) >= 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a file is one Waymark reads: its name ends in {@code .yaml} or {@code .yml}, as
   * written. The one definition for the load and for the comparison of the work tree with {@code
   * HEAD} ({@link io.waymark.engine.Checkout}), so that a file is never judged by one and ignored
   * by the other. Case-sensitive, as the documentation's {@code *.yaml}/{@code *.yml}, the
   * pre-commit hook's Git pathspecs and the pre-commit framework's {@code files} pattern match:
   * {@code ROADMAP.YAML} is not read.
   */
  public static boolean isYaml(String path) {
    return path.endsWith(".yaml") || path.endsWith(".yml");
  }

  /**
   * What the per-file results of a load depend on besides each file's content: the YAML limits and
   * the Config file in force (its content, or the one given on the command line).
   */
  private static String settings(
      RepositorySource source,
      List<RepositorySource.Entry> entries,
      Optional<NamedBytes> configOverride,
      YamlLimits limits) {
    byte[] config = new byte[0];
    String name = "";
    try {
      if (configOverride.isPresent()) {
        config = configOverride.get().bytes();
        name = "override " + configOverride.get().name();
      } else if (entries.stream()
          .anyMatch(
              e -> e.path().equals(CONFIG_FILE) && e.type() == RepositorySource.Type.REGULAR)) {
        config = source.read(CONFIG_FILE);
        name = CONFIG_FILE;
      }
    } catch (IOException e) {
      name = "unreadable " + System.nanoTime(); // never matches: nothing is taken from the cache
    }
    return "limits "
        + limits
        + " config "
        + name
        + " "
        + java.util.HexFormat.of().formatHex(CacheRun.sha256(config));
  }

  private FileOutcome readEntryQuietly(
      RepositorySource source,
      RepositorySource.Entry e,
      YamlLimits limits,
      CacheRun run,
      BiConsumer<String, byte[]> digests,
      boolean patient,
      boolean large,
      Shared.Use shared) {
    try {
      return readEntry(source, e, limits, run, digests, patient, large, shared);
    } catch (SchemaCheck.NotReady notReady) {
      return PUT_ASIDE;
    } catch (IOException ex) {
      return notRead(
          e.path(), "file cannot be read (" + FolderSource.reason(ex) + "): it was not validated");
    }
  }

  private FileOutcome readEntry(
      RepositorySource source,
      RepositorySource.Entry e,
      YamlLimits limits,
      CacheRun run,
      BiConsumer<String, byte[]> digests,
      boolean patient,
      boolean large,
      Shared.Use shared)
      throws IOException {
    boolean forget = (large || forgetAlways) && remembered == null;
    if (e.type() == RepositorySource.Type.UNREADABLE) {
      return notRead(e.path(), e.problem().isEmpty() ? "could not be read" : e.problem());
    }
    if (e.type() == RepositorySource.Type.SYMLINK) {
      return skipped(
          e.path(),
          "symbolic link not followed: Waymark reads only regular files inside the repository",
          "Replace the link with the file itself.");
    }
    if (e.type() == RepositorySource.Type.SUBMODULE) {
      return skipped(
          e.path(),
          "a Git submodule, not a file: skipped (Waymark does not read other repositories)",
          "Validate the submodule's repository on its own, or rename the submodule so its"
              + " name does not end in .yaml or .yml, or leave it out with spec.exclude in"
              + " waymark.yaml.");
    }
    if (e.type() != RepositorySource.Type.REGULAR) {
      return skipped(
          e.path(),
          "not a regular file (a named pipe, socket or device): not read",
          "Move it out of the roadmap folder, or leave it out with spec.exclude in"
              + " waymark.yaml; only regular files are read.");
    }
    if (e.size() > limits.fileBytes()) {
      FileOutcome o = new FileOutcome(e.path());
      o.problems.add(
          finding(
              "yaml-syntax",
              Location.ofFile(e.path()),
              "file has " + e.size() + " bytes, more than the limit of " + limits.fileBytes(),
              "Split the file, or raise Config spec.limits.fileBytes."));
      return o;
    }
    if (run == null) {
      // A remembering loader (the language server's) takes a file whose stamp is the one it was
      // read with without reading it again: ten thousand files are not read and hashed again on
      // every keystroke. A source that cannot tell (an editor's buffer) gives no stamp.
      String stamp = remembered == null ? "" : source.stamp(e.path());
      Remembered same = sameStamp(e.path(), stamp, limits);
      if (same != null) {
        if (digests != null) {
          digests.accept(e.path(), same.sha256());
        }
        return same.outcome().copy().withoutTrees();
      }
      byte[] bytes = source.read(e.path());
      byte[] sha256 = digests != null || remembered != null ? CacheRun.sha256(bytes) : null;
      if (digests != null) {
        digests.accept(e.path(), sha256);
      }
      FileOutcome taken = shared == null ? null : shared.take(e.path(), bytes, limits);
      if (taken != null) {
        return taken;
      }
      FileOutcome o = readFile(e.path(), bytes, sha256, stamp, limits, patient).withoutTrees();
      o = forget ? forgetPositions(o, source, limits, SameBytes.of(bytes, sha256)) : o;
      return shared == null ? o : shared.keep(e.path(), bytes, limits, o);
    }
    String stamp = source.stamp(e.path());
    Optional<FileOutcome> kept = run.byStamp(e.path(), stamp);
    if (kept.isPresent()) {
      byte[] hash = run.hash(e.path());
      if (digests != null) {
        digests.accept(e.path(), hash);
      }
      // Not kept for a second load: its bytes were not read (a base reads this file itself).
      return forget
          ? forgetPositions(kept.get(), source, limits, SameBytes.of(null, hash))
          : kept.get();
    }
    byte[] bytes = source.read(e.path());
    byte[] hash = CacheRun.sha256(bytes);
    if (digests != null) {
      digests.accept(e.path(), hash);
    }
    FileOutcome taken = shared == null ? null : shared.take(e.path(), bytes, limits);
    if (taken != null) {
      return taken;
    }
    kept = run.byContent(e.path(), stamp, hash);
    FileOutcome o;
    if (kept.isPresent()) {
      o = kept.get();
    } else {
      o = readFile(e.path(), bytes, limits, patient);
      run.store(e.path(), stamp, hash, o);
      o = o.withoutTrees();
    }
    o = forget ? forgetPositions(o, source, limits, SameBytes.of(null, hash)) : o;
    return shared == null ? o : shared.keep(e.path(), bytes, limits, o);
  }

  /**
   * The outcome of a file (or folder) that could not be read at all: any id may be declared in it
   * ({@link LoadResult#notRead}).
   */
  private static FileOutcome notRead(String file, String message) {
    FileOutcome o =
        skipped(
            file,
            message,
            "Make it readable for the user that runs Waymark, or leave it out with spec.exclude"
                + " in waymark.yaml.");
    o.notRead = true;
    return o;
  }

  /** The outcome of a file not read: one {@code file-skipped} finding that says why. */
  private static FileOutcome skipped(String file, String message, String hint) {
    FileOutcome o = new FileOutcome(file);
    o.problems.add(finding("file-skipped", Location.ofFile(file), message, hint));
    return o;
  }

  /**
   * {@code o} with the positions of its valid documents forgotten: a large repository keeps every
   * valid document's model to the end of the run, and where its values are written is read only for
   * the few documents a finding points into (about a third of what such a load kept). A document's
   * positions are laid out again from its file when first asked for, if the file still holds the
   * {@code same} bytes; else every value of the document points at its start.
   */
  private static FileOutcome forgetPositions(
      FileOutcome o, RepositorySource source, YamlLimits limits, SameBytes same) {
    for (Document d : o.documents) {
      if (d.valid() && d.root().positions() instanceof NodePositions p) {
        int index = d.index();
        String file = d.file();
        p.forget(() -> layOutAgain(source, file, index, limits, same));
      }
    }
    return o;
  }

  /** The positions of document {@code index} of {@code file}, read again; null if it changed. */
  private static NodePositions layOutAgain(
      RepositorySource source, String file, int index, YamlLimits limits, SameBytes same) {
    byte[] bytes;
    try {
      bytes = source.read(file);
    } catch (IOException gone) {
      return null;
    }
    if (!same.test(bytes)) {
      return null;
    }
    for (YamlDocument doc : new YamlReader(limits).read(file, bytes).documents()) {
      if (doc.index() == index) {
        return NodePositions.of(doc.root());
      }
    }
    return null;
  }

  /**
   * What a file's bytes were when its documents were read: their SHA-256 when it was worked out,
   * else their length and CRC-32C (cheap beside the parse, for a load without a cache).
   */
  private record SameBytes(byte[] sha256, int length, int crc) {
    static SameBytes of(byte[] bytes, byte[] sha256) {
      if (sha256 != null) {
        return new SameBytes(sha256, 0, 0);
      }
      java.util.zip.CRC32C c = new java.util.zip.CRC32C();
      c.update(bytes);
      return new SameBytes(null, bytes.length, (int) c.getValue());
    }

    boolean test(byte[] bytes) {
      if (sha256 != null) {
        return Arrays.equals(sha256, CacheRun.sha256(bytes));
      }
      java.util.zip.CRC32C c = new java.util.zip.CRC32C();
      c.update(bytes);
      return bytes.length == length && (int) c.getValue() == crc;
    }
  }

  /**
   * Why a file given in place of {@code waymark.yaml} cannot be the Config, or empty when it holds
   * a Config document or cannot be parsed (its syntax error is then a finding of its own): a CI
   * file or the roadmap named by a slip would otherwise be judged as one more document of the
   * repository while the defaults apply.
   */
  public static Optional<String> notAConfig(byte[] bytes) {
    YamlReader.Result read = new YamlReader(YamlLimits.DEFAULT).read("config", bytes);
    if (read.problem().isPresent()) {
      return Optional.empty();
    }
    Set<String> kinds = new java.util.LinkedHashSet<>();
    for (YamlDocument d : read.documents()) {
      if (d.root() instanceof YamlMap map
          && map.get("kind").orElse(null) instanceof YamlScalar kind
          && kind.value() instanceof String name) {
        if (name.equals(Kind.CONFIG.id())) {
          // Without its apiVersion the document is skipped as not Waymark's: the defaults apply.
          return map.get("apiVersion").orElse(null) instanceof YamlScalar api
                  && api.value() instanceof String version
                  && version.startsWith("waymark/")
              ? Optional.empty()
              : Optional.of(
                  "holds a Config document without 'apiVersion: "
                      + API_VERSION
                      + "', which is skipped as not Waymark's: add that line");
        }
        kinds.add(name);
      }
    }
    return Optional.of(
        (kinds.isEmpty()
                ? "holds no Waymark document"
                : "holds a " + String.join(", ", kinds) + " document, not a Config")
            + ": give a file with 'apiVersion: waymark/v1' and 'kind: Config' (as waymark.yaml)");
  }

  /**
   * @param patient whether a document that needs the full schema validator waits while it is being
   *     loaded; else {@link SchemaCheck.NotReady} is thrown (see {@link SchemaCheck#check(Document,
   *     YamlNode, boolean)})
   */
  private FileOutcome readFile(String file, byte[] bytes, YamlLimits limits, boolean patient) {
    return readFile(file, bytes, null, "", limits, patient);
  }

  /**
   * As {@link #readFile(String, byte[], YamlLimits, boolean)}; a remembering loader takes the
   * outcome it remembers for bytes of this SHA-256 and remembers {@code stamp} with it.
   *
   * @param sha256 the bytes' SHA-256, or null to work it out here when needed
   * @param stamp what the source says the file is ({@link RepositorySource#stamp}), or empty
   */
  private FileOutcome readFile(
      String file, byte[] bytes, byte[] sha256, String stamp, YamlLimits limits, boolean patient) {
    if (remembered == null) {
      return readFresh(file, bytes, limits, patient);
    }
    byte[] digest = sha256 != null ? sha256 : CacheRun.sha256(bytes);
    Remembered last = remembered.get(file);
    if (last != null && Arrays.equals(last.sha256(), digest) && last.limits().equals(limits)) {
      if (!last.stamp().equals(stamp)) {
        remembered.put(file, new Remembered(digest, stamp, limits, last.outcome()));
      }
      return last.outcome().copy();
    }
    FileOutcome o = readFresh(file, bytes, limits, patient);
    remembered.put(file, new Remembered(digest, stamp, limits, o.copy()));
    return o;
  }

  /**
   * What a remembering loader remembers of {@code file} when {@code stamp} is the one it was read
   * with (a stamp changes whenever the content does: {@link RepositorySource#stamp}); null when the
   * loader remembers nothing, the source gives no stamp, or the file is not as it was.
   */
  private Remembered sameStamp(String file, String stamp, YamlLimits limits) {
    if (remembered == null || stamp.isEmpty()) {
      return null;
    }
    Remembered last = remembered.get(file);
    return last != null && last.stamp().equals(stamp) && last.limits().equals(limits) ? last : null;
  }

  /**
   * One file's outcome as last read: the SHA-256 of its bytes, the source's stamp of it then
   * (empty: none), the limits it was read with.
   */
  private record Remembered(byte[] sha256, String stamp, YamlLimits limits, FileOutcome outcome) {}

  private FileOutcome readFresh(String file, byte[] bytes, YamlLimits limits, boolean patient) {
    FileOutcome o = new FileOutcome(file);
    YamlReader.Result parsed = new YamlReader(limits).read(file, bytes);
    for (YamlDocument doc : parsed.documents()) {
      envelope(o, doc, patient);
    }
    if (parsed.documents().isEmpty() && parsed.problem().isEmpty()) {
      // An empty or comment-only file: a YAML file without apiVersion like any other, and most
      // often one truncated by a failed merge or checkout, whose documents the rules then miss.
      o.problems.add(
          finding(
              "not-waymark",
              new Location(file, 1, 1, ""),
              "not a Waymark document: the file holds no YAML document (it is empty or only"
                  + " comments); ignored",
              "Write its document (apiVersion: "
                  + API_VERSION
                  + ", kind, metadata, spec) or delete the file; if it was emptied by mistake,"
                  + " restore it from Git."));
    }
    if (parsed.problem().isPresent()) {
      YamlProblem p = parsed.problem().get();
      o.problems.add(
          finding(
              "yaml-syntax",
              new Location(file, p.line(), p.column(), ""),
              p.getMessage(),
              p.hint()));
      int lastRead =
          parsed.documents().isEmpty()
              ? 0
              : parsed.documents().get(parsed.documents().size() - 1).root().line();
      o.unreadable = UnreadableLines.scan(file, bytes, lastRead).orElse(null);
    }
    if (parsed.problem().isEmpty() || !parsed.documents().isEmpty()) {
      o.ignores.addAll(InlineIgnore.scan(bytes));
    }
    return o;
  }

  private void envelope(FileOutcome o, YamlDocument doc, boolean patient) {
    YamlNode root = doc.root();
    String where = doc.index() == 0 ? "" : " (document " + (doc.index() + 1) + ")";
    Optional<String> apiVersion = text(root, "apiVersion");
    if (!(root instanceof YamlMap)
        || apiVersion.isEmpty()
        || !apiVersion.get().startsWith("waymark/")) {
      o.problems.add(
          finding(
              "not-waymark",
              new Location(o.file, root.line(), root.column(), ""),
              "not a Waymark document" + where + ": no 'apiVersion: " + API_VERSION + "'; ignored",
              "Add 'apiVersion: "
                  + API_VERSION
                  + "' if this file is part of the roadmap, or list it"
                  + " under Config spec.exclude."));
      return;
    }
    YamlMap map = (YamlMap) root;
    Optional<String> kindText = text(root, "kind");
    Optional<Kind> kind = kindText.flatMap(Kind::of);
    if (kind.isEmpty()) {
      YamlNode at = map.get("kind").orElse(root);
      o.problems.add(
          finding(
              "unknown-kind",
              new Location(
                  o.file, at.line(), at.column(), map.get("kind").isPresent() ? "/kind" : ""),
              kindText
                  .map(k -> "unknown kind '" + k + "'" + where)
                  .orElse("document has no 'kind'" + where),
              "Use one of: "
                  + String.join(", ", java.util.Arrays.stream(Kind.values()).map(Kind::id).toList())
                  + "."));
      return;
    }
    String id =
        root.at("/metadata/id")
            .filter(n -> n instanceof YamlScalar s && s.isString())
            .map(n -> (String) ((YamlScalar) n).value())
            .orElse("");
    Document document =
        new Document(o.file, doc.index(), kind.get(), id, YamlSource.of(root), false);
    List<Finding> schemaFindings;
    if (!apiVersion.get().equals(API_VERSION)) {
      YamlNode at = map.get("apiVersion").orElse(root);
      schemaFindings =
          List.of(
              finding(
                  "schema",
                  new Location(o.file, at.line(), at.column(), "/apiVersion"),
                  "apiVersion '"
                      + apiVersion.get()
                      + "' is not supported; this Waymark reads "
                      + API_VERSION,
                  "Write 'apiVersion: " + API_VERSION + "'."));
    } else {
      schemaFindings = schemaCheck.check(document, root, patient);
    }
    DocumentModel model = null;
    Set<String> exclusions = null;
    boolean valid = schemaFindings.isEmpty();
    if (valid) {
      List<ModelProblem> modelProblems = new ArrayList<>();
      model = document.read(modelProblems);
      exclusions = Set.of();
      schemaFindings = withProblems(schemaFindings, modelProblems);
      valid = schemaFindings.isEmpty();
      if (!valid && kind.get() == Kind.CONFIG) {
        // As a Config that fails its schema: it relaxes nothing (a suppression that "expires" on
        // 2027-02-30 would never expire).
        model = null;
        exclusions = null;
      } else if (!valid) {
        // A value the model cannot use (2027-02-30) reads as a stand-in (1970-01-01): judge the
        // document as one with a schema error there, without its list item or not at all.
        Set<String> excluded = new HashSet<>();
        model = partialModel(document, root, schemaFindings, excluded, new ArrayList<>());
        exclusions = model == null ? null : excluded;
      }
    } else if (apiVersion.get().equals(API_VERSION) && kind.get() != Kind.CONFIG) {
      Set<String> excluded = new HashSet<>();
      List<ModelProblem> modelProblems = new ArrayList<>();
      model = partialModel(document, root, schemaFindings, excluded, modelProblems);
      exclusions = model == null ? null : excluded;
      // Reported with the schema errors, not after they are fixed: one commit shows them all.
      schemaFindings = withProblems(schemaFindings, modelProblems);
    }
    // A valid document's values live in its model now: keep where they were written, not the
    // YAML tree (the invalid ones keep their values, packed: the id index reads their loose ids).
    o.documents.add(
        valid
            ? new Document(
                document.file(),
                document.index(),
                document.kind(),
                document.id(),
                YamlSource.released(document.root()),
                true)
            : new Document(
                document.file(),
                document.index(),
                document.kind(),
                document.id(),
                YamlSource.packed(document.root()),
                false));
    o.valid.add(valid);
    o.models.add(model);
    o.roots.add(root);
    o.modelExclusions.add(exclusions);
    o.problems.addAll(schemaFindings);
  }

  /** {@code findings} and a {@code schema} finding for each value the model could not use. */
  private static List<Finding> withProblems(List<Finding> findings, List<ModelProblem> problems) {
    if (problems.isEmpty()) {
      return findings;
    }
    List<Finding> all = new ArrayList<>(findings);
    for (ModelProblem p : problems) {
      all.add(finding("schema", p.location(), p.message(), p.hint()));
    }
    return all;
  }

  /**
   * The model of the schema-valid rest of a document whose errors all sit inside sequence items
   * under {@code spec} (a phase with an enum typo, one malformed initiative): those items are left
   * out, and when what remains passes the schema, the rules run on it, so one commit shows all the
   * mistakes rather than only the first layer. Null when an error is outside such an item or the
   * rest is not valid on its own (a required list left empty, say), or when the rest holds a value
   * the model cannot use (an impossible date), which is added to {@code problems}.
   */
  private DocumentModel partialModel(
      Document document,
      YamlNode root,
      List<Finding> schemaFindings,
      Set<String> excluded,
      List<ModelProblem> problems) {
    for (Finding f : schemaFindings) {
      Optional<String> item = enclosingItem(f.location().path());
      if (item.isEmpty()) {
        return null;
      }
      excluded.add(item.get());
    }
    if (!schemaCheck.check(document, YamlPruning.without(root, excluded)).isEmpty()) {
      return null;
    }
    DocumentModel model = document.read(problems, excluded);
    return problems.isEmpty() ? model : null;
  }

  /** The deepest sequence item under {@code /spec} that holds {@code pointer}, if any. */
  static Optional<String> enclosingItem(String pointer) {
    if (!pointer.startsWith("/spec/")) {
      return Optional.empty();
    }
    String[] tokens = pointer.substring(1).split("/", -1);
    int last = -1;
    for (int i = 1; i < tokens.length; i++) {
      if (!tokens[i].isEmpty() && tokens[i].chars().allMatch(Character::isDigit)) {
        last = i;
      }
    }
    if (last < 0) {
      return Optional.empty();
    }
    return Optional.of("/" + String.join("/", Arrays.copyOfRange(tokens, 0, last + 1)));
  }

  private static Optional<String> text(YamlNode root, String key) {
    if (root instanceof YamlMap map) {
      return map.get(key)
          .filter(n -> n instanceof YamlScalar s && s.isString())
          .map(n -> (String) ((YamlScalar) n).value());
    }
    return Optional.empty();
  }

  /**
   * The YAML reader's bounds for the limits of Config {@code spec.limits} (the model keeps them as
   * plain numbers, knowing no YAML reader).
   */
  public static YamlLimits yamlLimits(Config.Limits limits) {
    return new YamlLimits(
        limits.aliases(),
        limits.depth(),
        limits.fileBytes(),
        limits.expandedNodes(),
        limits.expandedBytes());
  }

  static Finding finding(String rule, Location location, String message, String hint) {
    return new Finding(rule, Severity.ERROR, location, message, hint);
  }

  /** How many files a judge judges at once (see {@link #readInBatches}). */
  private static final int JUDGED_TOGETHER = 32;

  /**
   * {@code read} of every entry, in the entries' order, on every core. With a judge, the entries
   * are read in runs of {@link #JUDGED_TOGETHER}, each run judged as soon as it is read: a run of
   * files judged together is judged as each alone would be (the judge's rules are per document),
   * and a rule runs once per run instead of once per file.
   */
  private static List<FileOutcome> readInBatches(
      List<RepositorySource.Entry> entries,
      AsRead.Judge judge,
      Function<RepositorySource.Entry, FileOutcome> read,
      String root,
      Config config) {
    if (judge == null) {
      return new ArrayList<>(Parallel.map(entries, read));
    }
    List<List<RepositorySource.Entry>> runs = new ArrayList<>();
    for (int i = 0; i < entries.size(); i += JUDGED_TOGETHER) {
      runs.add(entries.subList(i, Math.min(entries.size(), i + JUDGED_TOGETHER)));
    }
    List<List<FileOutcome>> judged =
        Parallel.map(
            runs,
            run -> {
              List<FileOutcome> outcomes = new ArrayList<>(run.size());
              for (RepositorySource.Entry e : run) {
                outcomes.add(read.apply(e));
              }
              judged(judge, root, config, outcomes);
              return outcomes;
            });
    List<FileOutcome> out = new ArrayList<>(entries.size());
    judged.forEach(out::addAll);
    return out;
  }

  /**
   * Hands the files of {@code read} (those not put aside) to {@code judge} together, and keeps of
   * each file the models the judge keeps (see {@link AsRead}).
   */
  private static void judged(
      AsRead.Judge judge, String root, Config config, List<FileOutcome> read) {
    if (judge == null) {
      return;
    }
    List<String> files = new ArrayList<>();
    List<Document> documents = new ArrayList<>();
    List<DocumentModel> models = new ArrayList<>();
    List<UnreadableFile> unreadable = new ArrayList<>();
    for (FileOutcome o : read) {
      if (o == PUT_ASIDE) {
        continue;
      }
      files.add(o.file);
      documents.addAll(o.documents);
      for (DocumentModel m : o.models) {
        if (m != null) {
          models.add(m);
        }
      }
      if (o.unreadable != null) {
        unreadable.add(o.unreadable);
      }
    }
    if (files.isEmpty()) {
      return;
    }
    List<DocumentModel> kept =
        judge.judge(
            new LoadResult(
                root, config, files, documents, models, List.of(), Map.of(), unreadable));
    if (kept.size() != models.size()) {
      throw new IllegalStateException(
          "judged " + models.size() + " models of " + files + ", kept " + kept.size());
    }
    int next = 0;
    for (FileOutcome o : read) {
      if (o == PUT_ASIDE) {
        continue;
      }
      List<DocumentModel> replaced = new ArrayList<>(o.models.size());
      for (DocumentModel m : o.models) {
        replaced.add(m == null ? null : kept.get(next++));
      }
      o.models = replaced;
    }
  }

  /** The outcome of a file put aside, to be read again (see {@link #load}). */
  private static final FileOutcome PUT_ASIDE = new FileOutcome("");

  /** What one file yielded. */
  static final class FileOutcome {
    final String file;
    // Lists filled while the file is read, then made compact (see withoutTrees).
    List<Document> documents = new ArrayList<>();
    List<Boolean> valid = new ArrayList<>();
    List<DocumentModel> models = new ArrayList<>();

    /** The parsed tree of each document (null when it came from the cache), for the cache. */
    List<YamlNode> roots = new ArrayList<>();

    /**
     * Per document: null when it has no model, else the sequence items its model leaves out (none
     * for a valid document), so that the cache can read the same model again.
     */
    List<Set<String>> modelExclusions = new ArrayList<>();

    List<Finding> problems = new ArrayList<>();
    List<InlineIgnore> ignores = new ArrayList<>();

    /**
     * What the lines show of the documents the YAML reader could not read, or null when it read
     * them all (or they show no Waymark document).
     */
    UnreadableFile unreadable;

    /**
     * True when the file could not be read at all, or is a folder that could not be listed in full:
     * nothing is known of the ids it may declare.
     */
    boolean notRead;

    FileOutcome(String file) {
      this.file = file;
    }

    /** A copy whose lists can be added to (the Config file's outcome is) without harm. */
    FileOutcome copy() {
      FileOutcome c = new FileOutcome(file);
      c.documents.addAll(documents);
      c.valid.addAll(valid);
      c.models.addAll(models);
      c.roots.addAll(roots);
      c.modelExclusions.addAll(modelExclusions);
      c.problems.addAll(problems);
      c.ignores.addAll(ignores);
      c.unreadable = unreadable;
      c.notRead = notRead;
      return c;
    }

    /**
     * This outcome without the parsed trees once the cache has encoded them, its lists made compact
     * ({@link #compact}): every file's outcome is held until the load ends, and the trees are most
     * of a file's weight (the documents keep what they need).
     */
    FileOutcome withoutTrees() {
      roots.replaceAll(root -> null);
      return compact();
    }

    /**
     * This outcome with lists that hold no spare room and cannot be added to: an empty list is the
     * shared one, a one-item list (a file of one document) one small object. A large repository
     * holds every file's outcome until its load ends; seven growable lists per file were about a
     * tenth of the objects its young collections copied.
     */
    FileOutcome compact() {
      documents = compact(documents);
      valid = compact(valid);
      models = compact(models);
      roots = compact(roots);
      modelExclusions = compact(modelExclusions);
      problems = compact(problems);
      ignores = compact(ignores);
      return this;
    }

    /** {@code more} added to this outcome's problems (the Config file's, once it is read). */
    void addProblems(List<Finding> more) {
      List<Finding> all = new ArrayList<>(problems);
      all.addAll(more);
      problems = all;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> compact(List<T> list) {
      return switch (list.size()) {
        case 0 -> List.of();
        case 1 -> Collections.singletonList(list.get(0));
        // Items may be null (a document without a model): no List.copyOf.
        default -> Collections.unmodifiableList(Arrays.asList((T[]) list.toArray()));
      };
    }
  }
}
