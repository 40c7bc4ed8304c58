package io.waymark.engine;

import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.Loader;
import io.waymark.engine.load.RepositorySource;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleRegistry;
import io.waymark.engine.schema.BundledSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Small roadmap repositories for tests. The usual shape: copy the example roadmap (which validates
 * clean) into a {@code @TempDir}, change one thing with {@link #replaceOnce}, validate, and assert
 * on the one finding that change causes.
 */
public final class Fixtures {

  /** The as-of date the example roadmap pins in its waymark.yaml. */
  public static final LocalDate AS_OF = LocalDate.of(2027, 5, 14);

  /** Every discovered rule. */
  private static final RuleRegistry ALL_RULES = RuleRegistry.discover();

  /**
   * The rules whose findings come from the loader (syntax, envelope, schema): always part of {@link
   * #only}, so that a fixture that breaks the schema still says so.
   */
  private static final List<String> LOAD_STAGE =
      List.of(
          "config-ignored", "file-skipped", "not-waymark", "schema", "unknown-kind", "yaml-syntax");

  /** Schemas are compiled once and shared: compiling them is most of a validator's start-up. */
  private static final BundledSchemas SCHEMAS = new BundledSchemas();

  /**
   * The loader of the one-rule validators ({@link #only}): it reads again only the files whose
   * bytes changed since it last saw them under that name (the language server's loader), so a rule
   * test pays for the few files it edits and the unchanged example files are parsed and checked
   * once per JVM. A mutation test (PIT) reruns a rule's tests for each of that rule's mutants, and
   * then judges only the rule, as it should. Validations with every rule use a fresh loader each
   * time.
   */
  private static final Loader REMEMBERING = Loader.remembering(SCHEMAS);

  private static final Rules EVERY_RULE = new Rules(ALL_RULES, new Loader(SCHEMAS));

  private Fixtures() {}

  /** A 1-based position in a text file. */
  public record Position(int line, int column) {}

  /** The top-level {@code example-roadmap/} folder of this project. */
  public static Path exampleRoadmap() {
    return projectFolder("example-roadmap");
  }

  /**
   * The final state of an example repository under {@code examples/} (e.g. {@code ashdown-health});
   * {@code examples/build.sh} builds it with its dated Git history.
   */
  public static Path example(String name) {
    return projectFolder("examples/" + name);
  }

  private static Path projectFolder(String relative) {
    Path base = Path.of(System.getProperty("basedir", "."));
    for (Path candidate : List.of(base.resolve("..").resolve(relative), base.resolve(relative))) {
      if (Files.isRegularFile(candidate.resolve("roadmap.yaml"))) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException(relative + " not found from " + base.toAbsolutePath());
  }

  /**
   * Dates every regular file below {@code root} long ago and returns {@code root}: a file's stamp
   * then tells whether it changed (one written in the last two seconds has none), as in a checkout.
   */
  public static Path age(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return root;
  }

  /** Copies the example roadmap into {@code target} and returns {@code target}. */
  public static Path copyExample(Path target) {
    return copy(exampleRoadmap(), target);
  }

  /** Copies the example repository {@code name} of {@code examples/} into {@code target}. */
  public static Path copyExample(String name, Path target) {
    return copy(example(name), target);
  }

  private static Path copy(Path source, Path target) {
    try {
      Files.walkFileTree(
          source,
          new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(
                Path dir, java.nio.file.attribute.BasicFileAttributes attrs) throws IOException {
              Path rel = source.relativize(dir);
              // The cache a run of the example keeps there, maybe being written now: not entered.
              if (rel.getNameCount() > 0 && rel.getFileName().toString().equals(".waymark")) {
                return java.nio.file.FileVisitResult.SKIP_SUBTREE;
              }
              Files.createDirectories(target.resolve(rel.toString()));
              return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(
                Path f, java.nio.file.attribute.BasicFileAttributes attrs) throws IOException {
              Files.copy(f, target.resolve(source.relativize(f).toString()));
              return java.nio.file.FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
    }
    return target;
  }

  /** Writes a UTF-8 text file below {@code root}, creating folders as needed. */
  public static Path write(Path root, String relative, String text) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + relative, e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Replaces the single occurrence of {@code from} in a file. Fails when {@code from} is missing or
   * appears more than once, so a test notices when the example roadmap changes under it.
   */
  public static void replaceOnce(Path file, String from, String to) {
    String text = read(file);
    int first = text.indexOf(from);
    if (first < 0 || text.indexOf(from, first + 1) >= 0) {
      throw new IllegalStateException(
          "expected exactly one '" + from + "' in " + file + (first < 0 ? ", found none" : ""));
    }
    write(file.getParent(), file.getFileName().toString(), text.replace(from, to));
  }

  /** Where the single occurrence of {@code marker} starts in a file (1-based line and column). */
  public static Position positionOf(Path file, String marker) {
    String text = read(file);
    int offset = text.indexOf(marker);
    if (offset < 0 || text.indexOf(marker, offset + 1) >= 0) {
      throw new IllegalStateException("expected exactly one '" + marker + "' in " + file);
    }
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new Position(line, offset - lineStart + 1);
  }

  /** Validates a folder with every discovered rule, as of {@link #AS_OF}. */
  public static ValidationResult validate(Path root) {
    return EVERY_RULE.validate(root);
  }

  /** Validates a folder with every discovered rule, as of {@code asOf}. */
  public static ValidationResult validate(Path root, LocalDate asOf) {
    return EVERY_RULE.validate(root, asOf);
  }

  /** Validation with every discovered rule (with options: a history, a pull request's base). */
  public static Rules every() {
    return EVERY_RULE;
  }

  /**
   * Validation with only the rules {@code ids} (and the loader-stage rules). A rule's own tests use
   * it: each test then runs only the rule it is about, which is what it asserts on, and a mutation
   * test (PIT) of that rule runs only the tests that run it, instead of every test that validates
   * the example.
   */
  public static Rules only(String... ids) {
    List<Rule> rules = new ArrayList<>();
    for (String id : ids) {
      rules.add(
          ALL_RULES
              .rule(id)
              .orElseThrow(() -> new IllegalArgumentException("no rule '" + id + "'")));
    }
    for (String id : LOAD_STAGE) {
      ALL_RULES.rule(id).ifPresent(rules::add);
    }
    return new Rules(new RuleRegistry(rules), REMEMBERING);
  }

  /** A validator over a set of rules, with the fixtures' as-of date. */
  public static final class Rules {

    private final RuleRegistry registry;
    private final Validator validator;

    private Rules(RuleRegistry registry, Loader loader) {
      this(registry, new Validator(registry, loader, Clock.systemUTC()));
    }

    private Rules(RuleRegistry registry, Validator validator) {
      this.registry = registry;
      this.validator = validator;
    }

    /**
     * The same rules judging each file as it is read and keeping of its business cases what the
     * other rules read, on a repository of any size (as a large one's run that prints findings only
     * does): with {@link ValidationOptions.Models#FINDINGS} or {@code INSIGHTS}.
     */
    public Rules judgingAsRead() {
      return new Rules(
          registry,
          new Validator(registry, new Loader(SCHEMAS), Clock.systemUTC()).judgingAsReadAlways());
    }

    /**
     * The same rules with a loader that forgets where every valid document's values are written and
     * reads a file again when a finding points into it, as a large repository's load does ({@link
     * Loader#forgettingPositions}).
     */
    public Rules forgettingPositions() {
      return new Rules(registry, Loader.forgettingPositions(SCHEMAS));
    }

    /** Validates a folder as of {@link #AS_OF}. */
    public ValidationResult validate(Path root) {
      return validate(root, AS_OF);
    }

    /** Validates a folder as of {@code asOf}. */
    public ValidationResult validate(Path root, LocalDate asOf) {
      return validate(root, ValidationOptions.defaults().withAsOf(asOf));
    }

    /** Validates a folder with other options (a history, a pull request's base). */
    public ValidationResult validate(Path root, ValidationOptions options) {
      try {
        return validator.validate(new FolderSource(root, "x"), options);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot validate " + root, e);
      }
    }

    /** Validates what a source lists (a folder that refuses a file, say), with options. */
    public ValidationResult validate(RepositorySource source, ValidationOptions options) {
      try {
        return validator.validate(source, options);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot validate " + source.label(), e);
      }
    }

    /** Validates a folder with other options, with the per-file results cached in {@code cache}. */
    public ValidationResult validate(
        Path root, ValidationOptions options, io.waymark.engine.load.LoadCache cache) {
      try {
        return validator.validate(new FolderSource(root, "x"), options, cache);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot validate " + root, e);
      }
    }
  }
}
