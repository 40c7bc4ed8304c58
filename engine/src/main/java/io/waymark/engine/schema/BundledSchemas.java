package io.waymark.engine.schema;

import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.resource.ClasspathResourceLoader;
import com.networknt.schema.resource.InputStreamSource;
import io.waymark.engine.model.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas shipped inside Waymark (the top-level {@code schema/} folder). Only these are
 * ever loaded: the schema loader maps Waymark's schema ids to the class path and refuses every
 * other location, so a {@code $ref} to a URL or a file is an error and nothing is fetched.
 */
public final class BundledSchemas {

  /** The {@code $id} prefix of every bundled schema. */
  public static final String ID_PREFIX = "https://waymark.io/schema/v1/";

  /** Where the schema files are on the class path. */
  public static final String RESOURCE_DIR = "io/waymark/schema/";

  /** Every bundled schema file, in a stable order. */
  public static final List<String> FILES = files();

  private final String idPrefix;
  private final String classpathPrefix;

  /**
   * networknt's registry, made on first use: a run whose documents are all found valid by the quick
   * verdict never needs it.
   */
  private SchemaRegistry registry;

  private final Map<Kind, Schema> byKind = new EnumMap<>(Kind.class);

  /** Whether {@link #verdict} may compile the bundled files (not for a registry over others). */
  private final boolean bundled;

  private volatile SchemaVerdict verdict;

  /**
   * Guards the compiling of {@link #verdict}: a lock of its own, so that a thread loading
   * networknt's schemas ({@link #forKind}, on this object's lock) and one compiling the verdict can
   * work side by side.
   */
  private final Object verdictLock = new Object();

  /** Whether every kind's networknt schema is loaded (see {@link #prepareEveryKind()}). */
  private volatile boolean everyKind;

  /**
   * True from {@link #startLoading()} until {@link #prepareEveryKind()} returns or fails: one
   * thread loads them.
   */
  private final java.util.concurrent.atomic.AtomicBoolean loading =
      new java.util.concurrent.atomic.AtomicBoolean();

  public BundledSchemas() {
    this(ID_PREFIX, "classpath:" + RESOURCE_DIR, true);
  }

  BundledSchemas(String idPrefix, String classpathPrefix) {
    this(idPrefix, classpathPrefix, false);
  }

  /** A registry over other schema files; still only class-path resources under one folder. */
  private BundledSchemas(String idPrefix, String classpathPrefix, boolean bundled) {
    this.bundled = bundled;
    this.idPrefix = idPrefix;
    this.classpathPrefix = classpathPrefix;
  }

  private synchronized SchemaRegistry registry() {
    if (registry == null) {
      registry = newRegistry(idPrefix, classpathPrefix);
    }
    return registry;
  }

  private static SchemaRegistry newRegistry(String idPrefix, String classpathPrefix) {
    ClasspathResourceLoader classpath =
        new ClasspathResourceLoader(BundledSchemas.class::getClassLoader);
    return SchemaRegistry.withDialect(
        Dialects.getDraft202012(),
        b ->
            b.schemaLoader(
                l ->
                    l.fetchRemoteResources(false)
                        // networknt asks its own class-path loader before ours: only let
                        // Waymark's schema folder (and the bundled meta-schemas) through.
                        .allow(iri -> allowed(iri, idPrefix, classpathPrefix))
                        .schemaIdResolvers(r -> r.mapPrefix(idPrefix, classpathPrefix))
                        .resourceLoaders(
                            r ->
                                r.values(
                                    list -> {
                                      list.clear();
                                      list.add(iri -> onlyBundled(iri, classpathPrefix, classpath));
                                    }))));
  }

  private static boolean allowed(AbsoluteIri iri, String idPrefix, String classpathPrefix) {
    String text = iri.toString();
    return !text.contains("..")
        && (text.startsWith(idPrefix)
            || text.startsWith(classpathPrefix)
            || text.startsWith("https://json-schema.org/draft/2020-12/"));
  }

  private static InputStreamSource onlyBundled(
      AbsoluteIri iri, String classpathPrefix, ClasspathResourceLoader classpath) {
    String text = iri.toString();
    if (!text.startsWith(classpathPrefix) || text.contains("..")) {
      throw new SchemaRefusedException(
          "schema reference '" + text + "' refused: only Waymark's bundled schemas are loaded");
    }
    return classpath.getResource(iri);
  }

  /** The schema for one kind (cached; thread-safe after the first call per kind). */
  public synchronized Schema forKind(Kind kind) {
    return byKind.computeIfAbsent(
        kind, k -> registry().getSchema(SchemaLocation.of(ID_PREFIX + k.schemaFile())));
  }

  /**
   * The quick verdict on a document of {@code kind} (see {@link SchemaVerdict}), compiled from the
   * bundled files on first use; always {@link SchemaVerdict.Verdict#UNKNOWN} for a registry over
   * other files.
   */
  SchemaVerdict.Verdict verdict(Kind kind, io.waymark.engine.yaml.YamlNode root) {
    SchemaVerdict v = quickIfBundled();
    return v == null ? SchemaVerdict.Verdict.UNKNOWN : v.test(kind.schemaFile(), root);
  }

  /**
   * Every failure of a document of {@code kind} that the quick verdict found {@link
   * SchemaVerdict.Verdict#INVALID}, when it is sure of them all (see {@link
   * SchemaVerdict#failures}); empty when only the full validator can tell them.
   */
  Optional<List<SchemaFailure>> failures(Kind kind, io.waymark.engine.yaml.YamlNode root) {
    SchemaVerdict v = quickIfBundled();
    return v == null ? Optional.empty() : v.failures(kind.schemaFile(), root);
  }

  /** The quick verdict (made on first use), or null for a registry over other files. */
  private SchemaVerdict quickIfBundled() {
    SchemaVerdict v = verdict;
    return v != null || !bundled ? v : quick();
  }

  /**
   * The quick verdict, made on first use; it reads and compiles each schema file when a document
   * first needs it (see {@link SchemaVerdict#SchemaVerdict(java.util.Collection,
   * java.util.function.Function)}).
   */
  private SchemaVerdict quick() {
    synchronized (verdictLock) {
      if (verdict == null && bundled) {
        verdict = new SchemaVerdict(FILES, BundledSchemas::text);
      }
      return verdict;
    }
  }

  /**
   * Compiles the whole quick verdict now, if this registry has one and it is not compiled yet (what
   * checking a document of every kind would do): for a run that is about to check many documents,
   * on a thread of its own while the files are listed.
   */
  void prepareVerdict() {
    if (verdictPending()) {
      SchemaVerdict v = quick();
      v.compileAll();
      compiledAll = true;
    }
  }

  /** Whether {@link #prepareVerdict()} has compiled every file of the verdict. */
  private volatile boolean compiledAll;

  /** Whether {@link #prepareVerdict()} would have something to do. */
  boolean verdictPending() {
    return bundled && !compiledAll;
  }

  /**
   * Loads networknt's schema of every kind now (what the first {@link #forKind} call for each kind
   * would do).
   */
  void prepareEveryKind() {
    try {
      if (!everyKind) {
        for (Kind kind : Kind.values()) {
          forKind(kind);
        }
        everyKind = true;
      }
    } finally {
      loading.set(false);
    }
  }

  /**
   * Marks every kind's schema as being loaded, before {@link #prepareEveryKind()} runs on another
   * thread; false when that is under way already.
   */
  boolean startLoading() {
    return loading.compareAndSet(false, true);
  }

  /** Whether {@link #prepareEveryKind()} has loaded every kind's schema. */
  boolean everyKindLoaded() {
    return everyKind;
  }

  /** Whether {@link #prepareEveryKind()} would have something to do. */
  boolean everyKindPending() {
    return !everyKind;
  }

  /** A schema by its location, through the same locked-down loader (used by tests). */
  public Schema load(String location) {
    return registry().getSchema(SchemaLocation.of(location));
  }

  /**
   * The property names an object schema declares, given the location of one of its keywords (such
   * as {@code .../common.schema.json#/$defs/metadata/additionalProperties}); for "did you mean".
   */
  public List<String> declaredProperties(SchemaLocation keywordLocation) {
    String text = keywordLocation.toString();
    int hash = text.indexOf('#');
    int slash = text.lastIndexOf('/');
    if (hash < 0 || slash <= hash) {
      return List.of();
    }
    try {
      Schema parent = registry().getSchema(SchemaLocation.of(text.substring(0, slash)));
      JsonNode properties = parent.getSchemaNode().get("properties");
      List<String> names = new ArrayList<>();
      if (properties != null) {
        properties.propertyNames().forEach(names::add);
      }
      return names;
    } catch (RuntimeException e) {
      return List.of(); // only a hint: never fail validation for it
    }
  }

  /** The text of a bundled schema file, for {@code waymark schema}. */
  public static Optional<String> text(String file) {
    try (InputStream in =
        BundledSchemas.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + file)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled schema " + file, e);
    }
  }

  private static List<String> files() {
    List<String> files = new ArrayList<>();
    files.add("waymark.schema.json");
    files.add("common.schema.json");
    for (Kind k : Kind.values()) {
      files.add(k.schemaFile());
    }
    return List.copyOf(files);
  }
}
