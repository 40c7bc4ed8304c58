package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.LoadCache;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.model.Document;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Roadmap;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleFixtures;
import io.waymark.engine.rules.RuleRegistry;
import io.waymark.engine.rules.RuleScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule's declared {@link RuleScope} is honest. A per-document rule judged with one file alone
 * (each file of the repository in turn, as if only it had changed) gives, merged with its other
 * findings, exactly its findings on the whole plan. A rule of some kinds gives the same findings
 * when every file without a document of those kinds is removed. Checked on the example roadmap and
 * (every rule) and on the failing example of every rule whose scope is narrower than the whole plan
 * (that rule, where it fires); two deliberately mis-declared rules show that the check catches a
 * dishonest scope.
 */
class RuleScopeHonestyTest {

  private static final RuleRegistry RULES = RuleRegistry.discover();

  static Stream<String> fixtures() {
    return RuleFixtures.names()
        .filter(n -> n.endsWith(" failing"))
        .filter(
            n ->
                !(RULES.rule(n.substring(0, n.indexOf(' '))).orElseThrow().scope()
                    instanceof RuleScope.WholePlan));
  }

  @Test
  void shouldFindEveryBuiltInRuleHonestOnTheExample(@TempDir Path dir) {
    Path root = Fixtures.copyExample(dir.resolve("repo"));
    assertThat(dishonest(root, Fixtures.AS_OF, RULES, dir)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void shouldFindEveryBuiltInRuleHonestOnARuleFixture(String name, @TempDir Path dir) {
    Path root = dir.resolve("repo");
    LocalDate asOf = RuleFixtures.place(name, root);
    Rule rule = RULES.rule(name.substring(0, name.indexOf(' '))).orElseThrow();
    assertThat(dishonest(root, asOf, new RuleRegistry(List.of(rule)), dir)).isEmpty();
  }

  /**
   * The per-document rules that judge roadmaps and business cases alike, where a roadmap, a case
   * the roadmap funds and a case it no longer funds all fail them: a finding that came to depend on
   * another file (the funding initiative, the roadmap's budget, the funded case) would differ when
   * its file is judged alone.
   */
  @Test
  void shouldFindTheRoadmapAndCaseRulesHonestWhereBothKindsFail(@TempDir Path dir) {
    Path root = Fixtures.copyExample(dir.resolve("repo"));
    Path roadmap = root.resolve("roadmap.yaml");
    Path funded = root.resolve("business-cases/pipeline-automation.yaml");
    Path unfunded = root.resolve("business-cases/mlops-skills.yaml");
    Fixtures.replaceOnce(roadmap, "contingency: 270000", "contingency: 90000");
    Fixtures.replaceOnce(roadmap, "          businessCase: bc-mlops-skills\n", "");
    Fixtures.replaceOnce(funded, "contingencyPct: 15", "contingencyPct: 25");
    Fixtures.replaceOnce(funded, "      kpi: data-prep-hours-per-week\n", "");
    Fixtures.replaceOnce(unfunded, "contingencyPct: 10", "contingencyPct: 5");
    Fixtures.replaceOnce(unfunded, "      kpi: trained-staff-pct\n", "");
    RuleRegistry rules =
        new RuleRegistry(
            List.of(
                RULES.rule("contingency-range").orElseThrow(),
                RULES.rule("pitfall-no-metrics").orElseThrow()));

    Map<String, Set<String>> files =
        new IncrementalRunTest.Session(root, Fixtures.AS_OF, rules)
            .judge().result().findings().stream()
                .collect(
                    Collectors.groupingBy(
                        Finding::rule, Collectors.mapping(Finding::file, Collectors.toSet())));
    assertThat(files)
        .as("each rule fails in the roadmap and in both cases")
        .containsOnlyKeys("contingency-range", "pitfall-no-metrics")
        .allSatisfy(
            (rule, in) ->
                assertThat(in)
                    .containsExactlyInAnyOrder(
                        "roadmap.yaml",
                        "business-cases/pipeline-automation.yaml",
                        "business-cases/mlops-skills.yaml"));
    assertThat(dishonest(root, Fixtures.AS_OF, rules, dir)).isEmpty();
  }

  @Test
  void shouldCatchARuleThatDeclaresTooNarrowAScope(@TempDir Path dir) {
    List<Rule> rules = new ArrayList<>(RULES.rules());
    rules.add(new CountsRoadmapsPerCase());
    rules.add(new ReadsCasesAsRoadmapRule());
    Path root = Fixtures.copyExample(dir.resolve("repo"));

    assertThat(dishonest(root, Fixtures.AS_OF, new RuleRegistry(rules), dir))
        .containsExactly("test-cases-per-roadmap", "test-roadmaps-per-case");
  }

  /**
   * The rules whose declared scope is contradicted on the folder {@code root}: per-document rules
   * by judging each file alone, rules of some kinds by removing the other files.
   */
  static Set<String> dishonest(Path root, LocalDate asOf, RuleRegistry rules, Path scratch) {
    Set<String> found = new TreeSet<>();
    IncrementalRunTest.Session session = new IncrementalRunTest.Session(root, asOf, rules);
    Validator.Incremental full = session.judge();
    Set<String> withDocuments =
        full.result().load().documents().stream()
            .map(Document::file)
            .collect(Collectors.toCollection(TreeSet::new));
    for (String file : withDocuments) {
      Validator.Incremental alone = judge(session, Optional.of(full.memory().forgetting(file)));
      for (Rule rule : rules.rules()) {
        String id = rule.descriptor().id();
        if (!sorted(alone.memory().findings(id)).equals(sorted(full.memory().findings(id)))) {
          found.add(id);
        }
      }
    }
    Map<Set<Kind>, List<Rule>> byKinds =
        rules.rules().stream()
            .filter(r -> r.scope() instanceof RuleScope.Kinds)
            .collect(Collectors.groupingBy(r -> ((RuleScope.Kinds) r.scope()).kinds()));
    int n = 0;
    for (Map.Entry<Set<Kind>, List<Rule>> e : byKinds.entrySet()) {
      Path reduced = reduced(root, full.result(), e.getKey(), scratch.resolve("reduced-" + n++));
      IncrementalRunTest.Session other = new IncrementalRunTest.Session(reduced, asOf, rules);
      Validator.Incremental judged = other.judge();
      for (Rule rule : e.getValue()) {
        String id = rule.descriptor().id();
        if (!sorted(judged.memory().findings(id)).equals(sorted(full.memory().findings(id)))) {
          found.add(id);
        }
      }
    }
    return found;
  }

  private static Validator.Incremental judge(
      IncrementalRunTest.Session session, Optional<RuleMemory> memory) {
    try {
      return session.validator.validate(
          new FolderSource(session.root, "x"), session.options, LoadCache.NONE, memory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A copy of {@code root} with only the Config file and the files holding one of {@code kinds}.
   */
  private static Path reduced(Path root, ValidationResult result, Set<Kind> kinds, Path target) {
    Set<String> keep = new HashSet<>();
    keep.add("waymark.yaml");
    for (Document d : result.load().documents()) {
      if (kinds.contains(d.kind())) {
        keep.add(d.file());
      }
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList()) {
        String relative = root.relativize(p).toString().replace('\\', '/');
        if (keep.contains(relative) || !relative.endsWith(".yaml")) {
          Path copy = target.resolve(relative);
          Files.createDirectories(copy.getParent());
          Files.copy(p, copy);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  private static List<String> sorted(List<Finding> findings) {
    return findings.stream()
        .sorted(Comparator.<Finding>naturalOrder().thenComparing(Finding::hint))
        .map(Finding::toString)
        .toList();
  }

  private static RuleDescriptor testRule(String id) {
    return new RuleDescriptor(
        id, Severity.WARNING, "test", "a test rule", "for a test", "nothing", "", "");
  }

  /** Declared per document, but reports on each business case how many roadmaps the plan has. */
  private static final class CountsRoadmapsPerCase implements Rule {
    @Override
    public RuleDescriptor descriptor() {
      return testRule("test-roadmaps-per-case");
    }

    @Override
    public RuleScope scope() {
      return RuleScope.perDocument();
    }

    @Override
    public void check(RuleContext context) {
      for (BusinessCase bc : context.plan().businessCases()) {
        context.report(bc.at().location(), context.plan().roadmaps().size() + " roadmap(s)", "");
      }
    }
  }

  /** Declared as reading roadmaps only, but counts the business cases too. */
  private static final class ReadsCasesAsRoadmapRule implements Rule {
    @Override
    public RuleDescriptor descriptor() {
      return testRule("test-cases-per-roadmap");
    }

    @Override
    public RuleScope scope() {
      return RuleScope.kinds(Kind.ROADMAP);
    }

    @Override
    public void check(RuleContext context) {
      for (Roadmap r : context.plan().roadmaps()) {
        context.report(
            r.at().location(), context.plan().businessCases().size() + " business case(s)", "");
      }
    }
  }
}
