package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.load.FolderCache;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.LoadCache;
import io.waymark.engine.load.Loader;
import io.waymark.engine.model.Kind;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleFixtures;
import io.waymark.engine.rules.RuleRegistry;
import io.waymark.engine.rules.RuleScope;
import io.waymark.engine.schema.BundledSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The incremental re-run of an editor session ({@link Validator#validate(
 * io.waymark.engine.load.RepositorySource, ValidationOptions, LoadCache, Optional)}) against a full
 * validation: after every edit of a random sequence (a value changed, a reference broken, a
 * document deleted or added, a YAML syntax error introduced and fixed, the Config edited) over the
 * example roadmap and every rule-example fixture, the findings are exactly a full run's: ids,
 * severities, positions, messages, hints and order, suppressed ones included.
 */
class IncrementalRunTest {

  private static final RuleRegistry RULES = RuleRegistry.discover();
  private static final BundledSchemas SCHEMAS = new BundledSchemas();
  private static final Pattern SCALAR =
      Pattern.compile("(?m)^(\\s*(?:- )?[A-Za-z][\\w-]*: )([^\\s#{\\[|>&*!][^#\\n]*)$");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final Pattern DATE = Pattern.compile("(\\d{4})(-\\d\\d-\\d\\d)");
  private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)+");

  /** An incremental session over one folder: the validator keeps its loader, the run its memory. */
  static class Session {
    final Path root;
    final ValidationOptions options;
    final Validator validator;
    Optional<RuleMemory> memory = Optional.empty();
    Validator.Incremental last;

    Session(Path root, LocalDate asOf, RuleRegistry rules) {
      this(root, ValidationOptions.defaults().withAsOf(asOf), rules);
    }

    /** With options of one's own: a pull request's base, say. */
    Session(Path root, ValidationOptions options, RuleRegistry rules) {
      this.root = root;
      this.options = options;
      this.validator = new Validator(rules, Loader.remembering(SCHEMAS), Clock.systemUTC());
    }

    Validator.Incremental judge() {
      try {
        last = validator.validate(new FolderSource(root, "x"), options, LoadCache.NONE, memory);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      memory = Optional.of(last.memory());
      return last;
    }

    /** What a fresh `waymark validate` gives for the folder as it is now. */
    ValidationResult full() {
      try {
        return new Validator(validator.registry(), SCHEMAS, Clock.systemUTC())
            .validate(new FolderSource(root, "x"), options);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * The same runs as separate processes would make them (the command line's): a new validator each
   * time, the rule memory and the per-file results kept only in the on-disk cache.
   */
  static final class DiskSession extends Session {
    final FolderCache cache;
    final Path cacheDir;

    /** Runs after which the pack had a changes file beside it (a few entries written alone). */
    int withChanges;

    DiskSession(Path root, Path cacheDir, LocalDate asOf, RuleRegistry rules) {
      this(root, cacheDir, ValidationOptions.defaults().withAsOf(asOf), rules);
    }

    DiskSession(Path root, Path cacheDir, ValidationOptions options, RuleRegistry rules) {
      super(root, options, rules);
      this.cache = new FolderCache(cacheDir);
      this.cacheDir = cacheDir;
    }

    @Override
    Validator.Incremental judge() {
      try {
        last =
            new Validator(validator.registry(), SCHEMAS, Clock.systemUTC())
                .remembering(new FolderSource(root, "x"), options, cache, () -> KEY);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (Files.isRegularFile(cacheDir.resolve(FolderCache.CHANGES))) {
        withChanges++;
      }
      return last;
    }
  }

  static final String KEY = "test key\n";

  /** The fixtures where a rule fires: the failing example of every rule. */
  static Stream<String> fixtures() {
    return RuleFixtures.names().filter(n -> n.endsWith(" failing"));
  }

  @ParameterizedTest(name = "example roadmap, seed {0}")
  @ValueSource(longs = {1, 2, 3, 4})
  void shouldGiveAFullRunsFindingsAfterEveryEditOfTheExample(long seed, @TempDir Path dir) {
    Path root = Fixtures.copyExample(dir.resolve("repo"));
    replay(root, Fixtures.AS_OF, seed, 25);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void shouldGiveAFullRunsFindingsAfterEveryEditOfARuleFixture(String name, @TempDir Path dir) {
    Path root = dir.resolve("repo");
    LocalDate asOf = RuleFixtures.place(name, root);
    replay(root, asOf, name.hashCode(), 3);
  }

  @ParameterizedTest(name = "example roadmap, seed {0}, memory on disk")
  @ValueSource(longs = {1, 2, 3})
  void shouldGiveAFullRunsFindingsAfterEveryEditWithTheMemoryOnDisk(long seed, @TempDir Path dir) {
    Path root = Fixtures.copyExample(dir.resolve("repo"));
    DiskSession session = new DiskSession(root, dir.resolve("cache"), Fixtures.AS_OF, RULES);
    replay(session, seed, 25);
    assertThat(session.withChanges).as("runs with the pack's changes file beside it").isPositive();
  }

  @ParameterizedTest(name = "{0}, memory on disk")
  @MethodSource("fixtures")
  void shouldGiveAFullRunsFindingsAfterEveryEditOfARuleFixtureWithTheMemoryOnDisk(
      String name, @TempDir Path dir) {
    Path root = dir.resolve("repo");
    LocalDate asOf = RuleFixtures.place(name, root);
    replay(new DiskSession(root, dir.resolve("cache"), asOf, RULES), name.hashCode(), 3);
  }

  private static void replay(Path root, LocalDate asOf, long seed, int edits) {
    replay(new Session(root, asOf, RULES), seed, edits);
  }

  private static void replay(Session session, long seed, int edits) {
    Path root = session.root;
    assertSameAsFull(session, "before any edit");
    Random random = new Random(seed);
    Map<Path, String> broken = new HashMap<>();
    int partial = 0;
    for (int i = 0; i < edits; i++) {
      String what = edit(root, random, broken);
      Validator.Incremental run = assertSameAsFull(session, "edit " + (i + 1) + ": " + what);
      if (run.wholeRuns().size() < RULES.rules().size()) {
        partial++;
      }
    }
    assertThat(partial).as("edits that did not re-run every rule").isPositive();
  }

  private static Validator.Incremental assertSameAsFull(Session session, String step) {
    Validator.Incremental run = session.judge();
    ValidationResult full = session.full();
    assertThat(text(run.result().findings())).as(step).isEqualTo(text(full.findings()));
    assertThat(run.result().findings()).as(step).isEqualTo(full.findings());
    assertThat(run.result().suppressed()).as(step).isEqualTo(full.suppressed());
    return run;
  }

  private static String text(List<Finding> findings) {
    return findings.stream().map(Finding::toString).collect(Collectors.joining("\n"));
  }

  /** An edit that reaches the business-case rules and no others of a per-document scope. */
  private static void changeOwnerOfABusinessCase(Path root) throws IOException {
    Path file = root.resolve("business-cases/pipeline-automation.yaml");
    Files.writeString(
        file, Files.readString(file).replaceFirst("owner: .*", "owner: someone-else"));
  }

  @Test
  void shouldReRunOnlyWhatDependsOnAnEditedBusinessCase(@TempDir Path dir) throws IOException {
    Path root = Fixtures.copyExample(dir.resolve("repo"));
    Session session = new Session(root, Fixtures.AS_OF, RULES);
    assertThat(session.judge().wholeRuns()).hasSize(RULES.rules().size());
    assertThat(session.judge().wholeRuns()).as("nothing changed").isEmpty();

    changeOwnerOfABusinessCase(root);
    Validator.Incremental run = assertSameAsFull(session, "owner changed");

    for (Rule rule : RULES.rules()) {
      String id = rule.descriptor().id();
      RuleScope scope = rule.scope();
      if (scope instanceof RuleScope.PerDocument) {
        assertThat(run.wholeRuns()).as(id).doesNotContain(id);
        assertThat(run.partRuns()).as(id).contains(id);
      } else if (scope instanceof RuleScope.Kinds k && !k.kinds().contains(Kind.BUSINESS_CASE)) {
        assertThat(run.wholeRuns()).as(id).doesNotContain(id);
      } else {
        assertThat(run.wholeRuns()).as(id).contains(id);
      }
    }
  }

  @Test
  void shouldReRunFromTheMemoryOnDiskOnlyWhatAnEditedBusinessCaseReaches(@TempDir Path dir)
      throws IOException {
    Path root = Fixtures.copyExample(dir.resolve("repo"));
    DiskSession session = new DiskSession(root, dir.resolve("cache"), Fixtures.AS_OF, RULES);
    assertThat(session.judge().wholeRuns()).hasSize(RULES.rules().size());
    assertThat(dir.resolve("cache").resolve(FolderCache.RULES)).isRegularFile();

    changeOwnerOfABusinessCase(root);
    Validator.Incremental run = assertSameAsFull(session, "owner changed");
    for (Rule rule : RULES.rules()) {
      String id = rule.descriptor().id();
      RuleScope scope = rule.scope();
      if (scope instanceof RuleScope.PerDocument) {
        assertThat(run.wholeRuns()).as(id).doesNotContain(id);
      } else if (scope instanceof RuleScope.Kinds k
          && !k.history()
          && !k.kinds().contains(Kind.BUSINESS_CASE)) {
        assertThat(run.wholeRuns()).as(id).doesNotContain(id);
      } else {
        // Whole-plan rules and those reading the Git history always run from a disk memory.
        assertThat(run.wholeRuns()).as(id).contains(id);
      }
    }
  }

  @Test
  void shouldIgnoreAndReplaceADamagedOrForeignMemoryOnDisk(@TempDir Path dir) throws IOException {
    Path root = Fixtures.copyExample(dir.resolve("repo"));
    Path cache = dir.resolve("cache");
    DiskSession session = new DiskSession(root, cache, Fixtures.AS_OF, RULES);
    session.judge();
    Path memory = cache.resolve(FolderCache.RULES);
    byte[] written = Files.readAllBytes(memory);
    assertThat(session.judge().wholeRuns()).as("kept").hasSizeLessThan(RULES.rules().size());

    byte[] damaged = written.clone();
    damaged[damaged.length / 2] ^= 0x01;
    Files.write(memory, damaged);
    assertThat(assertSameAsFull(session, "one bit changed").wholeRuns())
        .hasSize(RULES.rules().size());
    assertThat(session.judge().wholeRuns()).as("rebuilt").hasSizeLessThan(RULES.rules().size());

    // The very bytes, in another file (copied in, restored from elsewhere): not this store's.
    Path copy = cache.resolve("copy");
    Files.write(copy, Files.readAllBytes(memory));
    Files.move(copy, memory, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThat(assertSameAsFull(session, "copied in").wholeRuns()).hasSize(RULES.rules().size());

    Validator.Incremental other =
        new Validator(RULES, SCHEMAS, Clock.systemUTC())
            .remembering(
                new FolderSource(root, "x"), session.options, session.cache, () -> "another key\n");
    assertThat(other.wholeRuns()).as("other shared inputs").hasSize(RULES.rules().size());
  }

  @Test
  void shouldReRunEverythingWhenTheConfigChanges(@TempDir Path dir) throws IOException {
    Path root = Fixtures.copyExample(dir.resolve("repo"));
    Session session = new Session(root, Fixtures.AS_OF, RULES);
    session.judge();
    Path config = root.resolve("waymark.yaml");
    Files.writeString(config, Files.readString(config) + "\n# edited\n");
    assertThat(assertSameAsFull(session, "config edited").wholeRuns())
        .hasSize(RULES.rules().size());
  }

  @ParameterizedTest(name = "pull request, seed {0}")
  @ValueSource(longs = {1, 2})
  void shouldGiveAFullRunsFindingsAfterEveryEditWithABase(long seed, @TempDir Path dir) {
    RuleScopeHonestyTest.PullRequest pr = RuleScopeHonestyTest.PullRequest.of(dir);
    replay(new Session(pr.head(), pr.options(), RULES), seed, 15);
  }

  /**
   * With a pull request's base: after one business case changes, approved-case-edited re-runs on
   * that file alone and the roadmap's pull-request rules keep their findings; after the roadmap
   * changes, those rules run again. Each time the findings are exactly a full run's with the base.
   */
  @Test
  void shouldGiveAFullRunsFindingsWithABaseAfterABusinessCaseOrTheRoadmapChanges(@TempDir Path dir)
      throws IOException {
    RuleScopeHonestyTest.PullRequest pr = RuleScopeHonestyTest.PullRequest.of(dir);
    Session session = new Session(pr.head(), pr.options(), RULES);
    Validator.Incremental first = session.judge();
    assertThat(files(first, "approved-case-edited"))
        .containsExactly(
            "business-cases/data-foundations.yaml",
            "business-cases/knowledge-layer-draft.yaml",
            "business-cases/knowledge-layer.yaml",
            "business-cases/moved/mlops-skills-2028.yaml");
    assertThat(count(first, "gate-transition")).isEqualTo(1);

    // The knowledge layer's compute cost back to the base's: no longer edited.
    Path knowledge = pr.head().resolve("business-cases/knowledge-layer.yaml");
    Fixtures.replaceOnce(knowledge, "      annual: 45000\n", "      annual: 30000\n");
    Validator.Incremental run = assertSameAsFull(session, "a business case changed");
    assertThat(files(run, "approved-case-edited"))
        .containsExactly(
            "business-cases/data-foundations.yaml",
            "business-cases/knowledge-layer-draft.yaml",
            "business-cases/moved/mlops-skills-2028.yaml");
    assertThat(run.partRuns()).contains("approved-case-edited");
    assertThat(run.wholeRuns())
        .doesNotContain(
            "approved-case-edited", "gate-transition", "history-rewritten", "replan-unexplained");

    // The gate back to pending: no longer opened in this change.
    Path roadmap = pr.head().resolve("roadmap.yaml");
    Fixtures.replaceOnce(
        roadmap,
        "        id: gate-build-foundations\n        status: passed\n",
        "        id: gate-build-foundations\n        status: pending\n");
    run = assertSameAsFull(session, "the roadmap changed");
    assertThat(count(run, "gate-transition")).isZero();
    assertThat(files(run, "approved-case-edited")).hasSize(3);
    assertThat(run.wholeRuns())
        .contains("gate-transition", "history-rewritten", "replan-unexplained")
        .doesNotContain("approved-case-edited");
  }

  /**
   * A memory is reused only with the base it was made with: an editor session's base folder that
   * changed (the same source, other bytes) re-runs what reads it.
   */
  @Test
  void shouldReRunWhatReadsTheBaseWhenTheBaseChanges(@TempDir Path dir) throws IOException {
    RuleScopeHonestyTest.PullRequest pr = RuleScopeHonestyTest.PullRequest.of(dir);
    Session session = new Session(pr.head(), pr.options(), RULES);
    session.judge();
    // The base's case now has the head's compute cost: the head no longer edits it.
    Fixtures.replaceOnce(
        pr.base().resolve("business-cases/knowledge-layer.yaml"),
        "    - category: compute\n      annual: 30000\n",
        "    - category: compute\n      annual: 45000\n");
    assertThat(files(assertSameAsFull(session, "the base changed"), "approved-case-edited"))
        .doesNotContain("business-cases/knowledge-layer.yaml")
        .contains("business-cases/knowledge-layer-draft.yaml");
  }

  /** A memory on disk made with one base is not reused with another under the same key. */
  @Test
  void shouldNotReuseAMemoryOnDiskMadeWithAnotherBase(@TempDir Path dir) throws IOException {
    RuleScopeHonestyTest.PullRequest pr = RuleScopeHonestyTest.PullRequest.of(dir);
    Path cache = dir.resolve("cache");
    new DiskSession(pr.head(), cache, pr.options(), RULES).judge();
    // Another base: the head itself, where only the case declared twice differs from its twin.
    DiskSession other =
        new DiskSession(
            pr.head(),
            cache,
            ValidationOptions.defaults()
                .withAsOf(Fixtures.AS_OF)
                .withBase(new FolderSource(pr.head(), "base")),
            RULES);
    Validator.Incremental run = assertSameAsFull(other, "judged with another base");
    assertThat(files(run, "approved-case-edited"))
        .doesNotContain(
            "business-cases/data-foundations.yaml", "business-cases/moved/mlops-skills-2028.yaml");
  }

  /** Nor is one made with a base reused without it: its pull-request findings would stay. */
  @Test
  void shouldNotReuseAMemoryOnDiskMadeWithABaseWithoutIt(@TempDir Path dir) throws IOException {
    RuleScopeHonestyTest.PullRequest pr = RuleScopeHonestyTest.PullRequest.of(dir);
    Path cache = dir.resolve("cache");
    new DiskSession(pr.head(), cache, pr.options(), RULES).judge();
    DiskSession without = new DiskSession(pr.head(), cache, Fixtures.AS_OF, RULES);
    Validator.Incremental run = assertSameAsFull(without, "judged without the base");
    assertThat(files(run, "gate-transition")).isEmpty();
  }

  /** The files {@code rule} reports in, sorted. */
  private static List<String> files(Validator.Incremental run, String rule) {
    return run.result().findings().stream()
        .filter(f -> f.rule().equals(rule))
        .map(Finding::file)
        .distinct()
        .sorted()
        .toList();
  }

  private static long count(Validator.Incremental run, String rule) {
    return run.result().findings().stream().filter(f -> f.rule().equals(rule)).count();
  }

  /** Applies one random edit to the folder; returns what it did. */
  private static String edit(Path root, Random random, Map<Path, String> broken) {
    try {
      if (!broken.isEmpty() && random.nextInt(3) > 0) {
        Map.Entry<Path, String> fix = broken.entrySet().iterator().next();
        Files.writeString(fix.getKey(), fix.getValue());
        broken.remove(fix.getKey());
        return "fixed the syntax of " + root.relativize(fix.getKey());
      }
      List<Path> files = yamlFiles(root);
      Path file = files.get(random.nextInt(files.size()));
      String name = root.relativize(file).toString();
      String text = Files.readString(file, StandardCharsets.UTF_8);
      boolean config = name.equals("waymark.yaml");
      switch (random.nextInt(config ? 2 : 6)) {
        case 0:
        case 1:
          return changeValue(file, text, random, false).map(s -> name + ": " + s).orElse("none");
        case 2:
          return changeValue(file, text, random, true).map(s -> name + ": " + s).orElse("none");
        case 3:
          Files.delete(file);
          return "deleted " + name;
        case 4:
          String copy = text;
          if (random.nextBoolean()) {
            copy = copy.replaceFirst("(?m)^(  id: )(\\S+)", "$1$2-copy" + random.nextInt(100));
          }
          Path added = file.resolveSibling("added-" + random.nextInt(1000) + ".yaml");
          Files.writeString(added, copy);
          return "added " + root.relativize(added) + " as a copy of " + name;
        default:
          if (broken.containsKey(file)) {
            return "none";
          }
          broken.put(file, text);
          int at = random.nextInt(text.length() + 1);
          Files.writeString(
              file, text.substring(0, at) + "\n  bad: [unclosed: {\n" + text.substring(at));
          return "broke the syntax of " + name;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Changes one scalar value (a reference when {@code reference}); empty when there is none. */
  private static Optional<String> changeValue(
      Path file, String text, Random random, boolean reference) throws IOException {
    List<Matcher> candidates = new ArrayList<>();
    Matcher m = SCALAR.matcher(text);
    while (m.find()) {
      String value = m.group(2).strip();
      if (!reference || KEBAB.matcher(value).matches()) {
        candidates.add(SCALAR.matcher(text).region(m.start(), text.length()));
      }
    }
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    Matcher chosen = candidates.get(random.nextInt(candidates.size()));
    chosen.find();
    String value = chosen.group(2).strip();
    String changed;
    if (NUMBER.matcher(value).matches()) {
      changed =
          new java.math.BigDecimal(value)
              .add(java.math.BigDecimal.valueOf(random.nextInt(90) - 45))
              .toPlainString();
    } else if (DATE.matcher(value).matches()) {
      Matcher d = DATE.matcher(value);
      d.matches();
      changed = (Integer.parseInt(d.group(1)) + random.nextInt(3) - 1) + d.group(2);
    } else if (KEBAB.matcher(value).matches()) {
      changed = value + "-gone";
    } else {
      changed = value + " edited";
    }
    Files.writeString(
        file, text.substring(0, chosen.start(2)) + changed + text.substring(chosen.end(2)));
    return Optional.of(chosen.group(1).strip() + " " + value + " -> " + changed);
  }

  private static List<Path> yamlFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .toList();
    }
  }
}
