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
 * (that rule, where it fires), and on a pull request judged with its base ({@link PullRequest},
 * where every pull-request rule fires); three deliberately mis-declared rules show that the check
 * catches a dishonest scope. The base is the same whole revision in every judgement of one check: a
 * rule memory is reused only with the base it was made with ({@link RuleMemory}).
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

  /**
   * With a pull request's base: every rule (the pull-request rules and recorded-after-as-of, which
   * read the base, among them) is honest where each pull-request rule has findings.
   */
  @Test
  void shouldFindEveryBuiltInRuleHonestWithAPullRequestBase(@TempDir Path dir) {
    PullRequest pr = PullRequest.of(dir);
    Map<String, Set<String>> files =
        new IncrementalRunTest.Session(pr.head(), pr.options(), RULES)
            .judge().result().findings().stream()
                .filter(f -> PullRequest.RULES.contains(f.rule()))
                .collect(
                    Collectors.groupingBy(
                        Finding::rule,
                        Collectors.mapping(Finding::file, Collectors.toCollection(TreeSet::new))));
    assertThat(files)
        .as("every pull-request rule has findings")
        .containsOnlyKeys(PullRequest.RULES)
        .containsEntry(
            "approved-case-edited",
            new TreeSet<>(
                List.of(
                    "business-cases/data-foundations.yaml",
                    "business-cases/knowledge-layer-draft.yaml",
                    "business-cases/knowledge-layer.yaml",
                    "business-cases/moved/mlops-skills-2028.yaml")))
        .containsEntry("gate-transition", new TreeSet<>(List.of("roadmap.yaml")))
        .containsEntry("history-rewritten", new TreeSet<>(List.of("roadmap.yaml")))
        .containsEntry("replan-unexplained", new TreeSet<>(List.of("roadmap.yaml")))
        .containsEntry("pull-request-incomplete", new TreeSet<>(List.of("roadmap.yaml")));

    assertThat(dishonest(pr.head(), pr.options(), RULES, dir.resolve("scratch"))).isEmpty();
  }

  /** The pull-request rules alone, so that no other rule's finding shares their files. */
  @Test
  void shouldFindThePullRequestRulesHonestAlone(@TempDir Path dir) {
    PullRequest pr = PullRequest.of(dir);
    RuleRegistry rules =
        new RuleRegistry(
            PullRequest.RULES.stream().map(id -> RULES.rule(id).orElseThrow()).toList());
    assertThat(dishonest(pr.head(), pr.options(), rules, dir.resolve("scratch"))).isEmpty();
  }

  @Test
  void shouldCatchARuleThatReadsOtherFilesOfThePlanAgainstTheBase(@TempDir Path dir) {
    PullRequest pr = PullRequest.of(dir);
    List<Rule> rules = new ArrayList<>(RULES.rules());
    rules.add(new CountsEditedCases());
    assertThat(dishonest(pr.head(), pr.options(), new RuleRegistry(rules), dir.resolve("scratch")))
        .containsExactly("test-edited-cases");
  }

  /**
   * A pull request over the example roadmap, judged as of {@link Fixtures#AS_OF}: the base is the
   * example with a second business case of {@code bc-inference-economics}'s id (the base's case is
   * found by id, whichever file holds it); the head opens a gate without its evidence, rewrites a
   * done milestone's and a passed gate's dates, moves a milestone later without a reason, and edits
   * approved business cases: one in place, one declared twice (a draft copy edited otherwise), one
   * moved to another file, one more in place. The base cannot show a submodule, so
   * pull-request-incomplete reports too.
   */
  record PullRequest(Path head, Path base, ValidationOptions options) {

    static final List<String> RULES =
        List.of(
            "approved-case-edited",
            "gate-transition",
            "history-rewritten",
            "pull-request-incomplete",
            "replan-unexplained");

    static PullRequest of(Path dir) {
      Path base = Fixtures.copyExample(dir.resolve("base"));
      Path head = Fixtures.copyExample(dir.resolve("head"));
      try {
        Path old = base.resolve("business-cases/zz-inference-economics-old.yaml");
        Files.copy(base.resolve("business-cases/inference-economics.yaml"), old);
        Fixtures.replaceOnce(old, "  contingencyPct: 15\n", "  contingencyPct: 25\n");

        Path roadmap = head.resolve("roadmap.yaml");
        Fixtures.replaceOnce(
            roadmap,
            "        id: gate-build-foundations\n        status: pending\n",
            "        id: gate-build-foundations\n        status: passed\n");
        Fixtures.replaceOnce(roadmap, "decidedOn: 2027-03-31\n", "decidedOn: 2027-04-01\n");
        Fixtures.replaceOnce(roadmap, "completedOn: 2027-01-27\n", "completedOn: 2027-01-28\n");
        Fixtures.replaceOnce(roadmap, "due: 2027-06-18\n", "due: 2027-07-16\n");

        Path cases = head.resolve("business-cases");
        Path knowledge = cases.resolve("knowledge-layer.yaml");
        Path draft = cases.resolve("knowledge-layer-draft.yaml");
        Files.copy(knowledge, draft);
        Fixtures.replaceOnce(
            knowledge,
            "    - category: compute\n      annual: 30000\n",
            "    - category: compute\n      annual: 45000\n");
        Fixtures.replaceOnce(draft, "  contingencyPct: 20\n", "  contingencyPct: 25\n");
        Path moved = cases.resolve("moved/mlops-skills-2028.yaml");
        Files.createDirectories(moved.getParent());
        Files.move(cases.resolve("mlops-skills.yaml"), moved);
        Fixtures.replaceOnce(moved, "  contingencyPct: 10\n", "  contingencyPct: 12\n");
        Fixtures.replaceOnce(
            cases.resolve("data-foundations.yaml"),
            "  contingencyPct: 15\n",
            "  contingencyPct: 18\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ValidationOptions options =
          ValidationOptions.defaults()
              .withAsOf(Fixtures.AS_OF)
              .withBase(
                  new FolderSource(base, "base"),
                  List.of("vendors/scores is a Git submodule: its documents are not in the base"));
      return new PullRequest(head, base, options);
    }
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
    return dishonest(root, ValidationOptions.defaults().withAsOf(asOf), rules, scratch);
  }

  /**
   * As {@link #dishonest(Path, LocalDate, RuleRegistry, Path)}, judged with {@code options} (a pull
   * request's base, say): the base is the same whole revision in every judgement, as in an editor
   * session or a rule memory kept with it, so only what a rule reads of the plan being judged is
   * checked against its scope.
   */
  static Set<String> dishonest(
      Path root, ValidationOptions options, RuleRegistry rules, Path scratch) {
    Set<String> found = new TreeSet<>();
    IncrementalRunTest.Session session = new IncrementalRunTest.Session(root, options, rules);
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
      IncrementalRunTest.Session other = new IncrementalRunTest.Session(reduced, options, rules);
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

  /**
   * Declared per document, but reports on each business case how many cases of the whole plan
   * differ from the base's case of the same id.
   */
  private static final class CountsEditedCases implements Rule {
    @Override
    public RuleDescriptor descriptor() {
      return testRule("test-edited-cases");
    }

    @Override
    public RuleScope scope() {
      return RuleScope.perDocument();
    }

    @Override
    public void check(RuleContext context) {
      if (context.base().isEmpty()) {
        return;
      }
      long edited =
          context.plan().businessCases().stream()
              .filter(
                  bc ->
                      context
                          .base()
                          .get()
                          .businessCase(bc.metadata().id())
                          .filter(
                              b -> !io.waymark.engine.analysis.CaseEdits.between(b, bc).isEmpty())
                          .isPresent())
              .count();
      for (BusinessCase bc : context.plan().businessCases()) {
        context.report(bc.at().location(), edited + " edited case(s)", "");
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
