package io.waymark.engine.rules;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.JudgedAsRead;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.rules.ExamplePlacement.Lists;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The failing and passing example of every rule, as {@code waymark explain} and docs/rules.md show
 * them, run against the example roadmap: the failing one must raise the rule, the passing one must
 * not. A documentation example that stops doing what it says breaks the build.
 *
 * <p>Each rule says where its example goes ({@link Scenario}); the example text itself always comes
 * from the rule's descriptor. What the example states only in a comment (an as-of date, the latest
 * assessment, a file that is missing) is set up by the scenario. Rules whose example is a Git
 * history, a command line or a file system listing rather than plan YAML are listed in {@link
 * #NOT_YAML} with the test class that covers the same case on a real repository.
 */
class RuleExamplesTest {

  private static final RuleRegistry REGISTRY = RuleRegistry.discover();

  private static final String ROADMAP = "roadmap.yaml";
  private static final String PIPELINE_CASE = "business-cases/pipeline-automation.yaml";
  private static final String KNOWLEDGE_CASE = "business-cases/knowledge-layer.yaml";
  private static final String DISPATCH_USE_CASE = "use-cases/agentic-dispatch-assistant.yaml";
  private static final String LATEST_ASSESSMENT = "assessment/2027-04-assessment.yaml";
  private static final String METRICS = "metrics/executive-dashboard.yaml";
  private static final String PIPELINE_VENDORS = "vendors/data-pipeline-platform.yaml";
  private static final String GPU_VENDORS = "vendors/gpu-cloud-capacity.yaml";
  private static final String INVOICE_USE_CASE = "use-cases/freight-invoice-extraction.yaml";
  private static final String GOVERNANCE = "governance.yaml";
  private static final String PHASE_1 = "spec/phases/id=phase-assess-stabilise";
  private static final String PHASE_2 = "spec/phases/id=phase-build-foundations";
  private static final String STREAMFORGE = "spec/vendors/id=v-streamforge";

  /** Rules whose examples are not plan YAML, and the tests that cover the same case instead. */
  static final Map<String, String> NOT_YAML =
      Map.of(
          "history-shallow",
          "a clone command; HistoryLimitationRulesTest",
          "history-unavailable",
          "a copy command; HistoryLimitationRulesTest",
          "roadmap-churn",
          "a commit log; RoadmapChurnRuleTest",
          "milestone-slipping",
          "a commit log; MilestoneSlippingRuleTest",
          "approved-case-edited",
          "a pull request's base and head; ApprovedCaseEditedRuleTest",
          "gate-transition",
          "a pull request's base and head; GateTransitionRuleTest",
          "history-rewritten",
          "a pull request's base and head; HistoryRewrittenRuleTest",
          "pull-request-incomplete",
          "a repository with a submodule; PullRequestIncompleteRuleTest, PullRequestGitTest");

  /**
   * Pull-request rules whose examples are plan YAML: each example goes into a copy of the example
   * roadmap that is judged as a pull request, with the unchanged example roadmap as its base (what
   * the example's {@code # base:} comment shows).
   */
  static final Set<String> PULL_REQUEST = Set.of("replan-unexplained");

  /**
   * Rules whose passing example is deliberately not a whole document (it shows only what the rule
   * looks at while loading). Every other passing example must also pass the schema: a document that
   * fails it is left out of the plan rules, so it would pass any rule without showing anything.
   */
  static final Set<String> PARTIAL_DOCUMENTS =
      Set.of("yaml-syntax", "unknown-kind", "not-waymark", "roadmap-missing");

  /** How one example is put into a copy of the example roadmap. */
  interface Placement {
    void place(Path root, String example);
  }

  /** Where a rule's examples go, as of which date, and what their comments say around them. */
  record Scenario(
      Placement failing,
      Placement passing,
      LocalDate asOf,
      Placement failingContext,
      Placement passingContext) {

    static Scenario at(String file, String path) {
      return at(file, path, Lists.KEEP_OTHERS);
    }

    static Scenario at(String file, String path, Lists lists) {
      Placement p = (root, example) -> ExamplePlacement.merge(root, file, path, example, lists);
      return both(p);
    }

    static Scenario both(Placement placement) {
      return new Scenario(placement, placement, Fixtures.AS_OF, none(), none());
    }

    static Scenario split(Placement failing, Placement passing) {
      return new Scenario(failing, passing, Fixtures.AS_OF, none(), none());
    }

    Scenario asOf(String date) {
      return new Scenario(failing, passing, LocalDate.parse(date), failingContext, passingContext);
    }

    Scenario given(Placement context) {
      return new Scenario(
          failing, passing, asOf, then(failingContext, context), then(passingContext, context));
    }

    Scenario givenFailing(Placement context) {
      return new Scenario(failing, passing, asOf, then(failingContext, context), passingContext);
    }

    Scenario givenPassing(Placement context) {
      return new Scenario(failing, passing, asOf, failingContext, then(passingContext, context));
    }

    private static Placement none() {
      return (root, example) -> {};
    }

    private static Placement then(Placement first, Placement second) {
      return (root, example) -> {
        first.place(root, example);
        second.place(root, example);
      };
    }
  }

  private static Placement set(String file, String path, Object value) {
    return (root, example) -> ExamplePlacement.set(root, file, path, value);
  }

  private static Placement mergeText(String file, String path, String fragment) {
    return (root, example) -> ExamplePlacement.merge(root, file, path, fragment, Lists.KEEP_OTHERS);
  }

  private static Placement newFile(String file) {
    return (root, example) -> Fixtures.write(root, file, example + "\n");
  }

  private static Placement delete(String file) {
    return (root, example) -> {
      try {
        Files.delete(root.resolve(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** Each part of an example that names its files in comments goes to the file given here. */
  private static Placement sections(String... fileAndPath) {
    return (root, example) -> {
      List<String> parts = ExamplePlacement.sections(example);
      assertThat(parts).as("parts of the example").hasSize(fileAndPath.length / 2);
      for (int i = 0; i < parts.size(); i++) {
        ExamplePlacement.merge(
            root, fileAndPath[2 * i], fileAndPath[2 * i + 1], parts.get(i), Lists.KEEP_OTHERS);
      }
    };
  }

  /** Sets every initiative's budget to 0, so an example's budgets are the only ones that count. */
  private static Placement noOtherBudgets() {
    return (root, example) -> {
      for (String phase :
          List.of("phase-assess-stabilise", "phase-build-foundations", "phase-scale-optimise")) {
        String initiatives = "spec/phases/id=" + phase + "/initiatives";
        List<?> items = (List<?>) ExamplePlacement.get(root, ROADMAP, initiatives);
        for (int i = 0; i < items.size(); i++) {
          ExamplePlacement.set(root, ROADMAP, initiatives + "/" + i + "/budget", 0);
        }
      }
    };
  }

  /** A symbolic link to a file outside the repository, where {@code file} was. */
  private static Placement linkOutside(String file) {
    return (root, example) -> {
      try {
        Path outside = Files.createTempFile("waymark-outside", ".yaml");
        outside.toFile().deleteOnExit();
        Files.delete(root.resolve(file));
        Files.createSymbolicLink(root.resolve(file), outside);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  static final Map<String, Scenario> SCENARIOS = new LinkedHashMap<>();

  static {
    // core: loading, references, configuration
    SCENARIOS.put("yaml-syntax", Scenario.both(newFile("notes.yaml")));
    SCENARIOS.put("schema", Scenario.at(ROADMAP, ""));
    SCENARIOS.put("unknown-kind", Scenario.both(newFile("cases.yaml")));
    SCENARIOS.put("not-waymark", Scenario.both(newFile("notes.yaml")));
    SCENARIOS.put(
        "config-ignored",
        Scenario.split(newFile("programmes/northwind/waymark.yaml"), newFile("waymark.yaml")));
    SCENARIOS.put(
        "file-skipped",
        Scenario.split((root, example) -> linkOutside(ROADMAP).place(root, example), (r, e) -> {}));
    SCENARIOS.put("roadmap-missing", Scenario.split(delete(ROADMAP), newFile(ROADMAP)));
    SCENARIOS.put("ref-unresolved", Scenario.at(ROADMAP, PHASE_1).given(etlCase()));
    SCENARIOS.put("duplicate-id", Scenario.at(ROADMAP, PHASE_1, Lists.AS_WRITTEN));
    SCENARIOS.put("suppression-expired", Scenario.at("waymark.yaml", "").asOf("2027-05-01"));
    SCENARIOS.put(
        "findings-capped",
        Scenario.both(newFile("use-cases/capped.yaml"))
            .given(mergeText("waymark.yaml", "spec", "limits: {findingsPerRule: 1}")));
    SCENARIOS.put("decision-unknown", Scenario.at(PIPELINE_CASE, "spec"));

    // roadmap
    SCENARIOS.put("roadmap-horizon", Scenario.at(ROADMAP, ""));
    SCENARIOS.put("phase-overlap", Scenario.at(ROADMAP, "spec"));
    SCENARIOS.put("milestone-cadence", Scenario.at(ROADMAP, "", Lists.AS_WRITTEN));
    SCENARIOS.put("milestone-outside-phase", Scenario.at(ROADMAP, "", Lists.AS_WRITTEN));
    SCENARIOS.put("milestone-overdue", Scenario.at(ROADMAP, PHASE_2));
    SCENARIOS.put(
        "milestone-done-undated",
        Scenario.split(
            (root, example) -> {
              // The example leaves completedOn out; merged, the example roadmap's date would stay.
              ExamplePlacement.merge(root, ROADMAP, PHASE_2, example, Lists.KEEP_OTHERS);
              ExamplePlacement.set(
                  root,
                  ROADMAP,
                  PHASE_2 + "/milestones/id=ms-vector-db-pilot-tier/completedOn",
                  null);
            },
            (root, example) ->
                ExamplePlacement.merge(root, ROADMAP, PHASE_2, example, Lists.KEEP_OTHERS)));
    SCENARIOS.put("component-missing", Scenario.split(delete(GOVERNANCE), newFile(GOVERNANCE)));

    // gates
    SCENARIOS.put("gate-criteria-unmet", Scenario.at(ROADMAP, PHASE_1));
    SCENARIOS.put(
        "gate-evidence-missing",
        Scenario.at(ROADMAP, PHASE_1)
            .givenFailing(set(ROADMAP, PHASE_1 + "/gate/evidence", null))
            .givenFailing(set(ROADMAP, PHASE_1 + "/gate/decidedOn", null)));
    SCENARIOS.put(
        "gate-unmeasurable",
        Scenario.at(ROADMAP, PHASE_2 + "/gate")
            .givenFailing(
                set(ROADMAP, PHASE_2 + "/gate/criteria/id=gc-p2-pipeline-sla/target", null))
            .givenFailing(set(METRICS, "spec/metrics/id=data-pipeline-sla-pct/series", List.of())));
    SCENARIOS.put(
        "gate-waiver-invalid",
        Scenario.at(ROADMAP, PHASE_2)
            .given(
                mergeText(
                    GOVERNANCE,
                    "spec/decisions",
                    "- {id: dec-waive-pipeline-sla, date: 2027-09-30,"
                        + " title: Waive the pipeline SLA for one quarter, outcome: approved}")));
    SCENARIOS.put(
        "gate-waiver-expired",
        Scenario.at(ROADMAP, PHASE_2)
            .given(
                mergeText(
                    GOVERNANCE,
                    "spec/decisions",
                    "- {id: dec-waive-pipeline-sla, date: 2027-04-30,"
                        + " title: Waive the pipeline SLA until the first ETL wave,"
                        + " outcome: approved}")));
    SCENARIOS.put("phase-started-before-gate", Scenario.at(ROADMAP, "spec"));
    SCENARIOS.put("criterion-description-mismatch", Scenario.at(ROADMAP, PHASE_2 + "/gate"));

    // budget
    SCENARIOS.put(
        "budget-overrun",
        Scenario.at(ROADMAP, "spec")
            .given(noOtherBudgets())
            .givenFailing(set(ROADMAP, PHASE_1 + "/initiatives/0/budget", 900000))
            .givenPassing(set(ROADMAP, PHASE_1 + "/initiatives/0/budget", 850000)));
    SCENARIOS.put(
        "budget-split", Scenario.at(ROADMAP, PHASE_1, Lists.AS_WRITTEN).given(noOtherBudgets()));
    SCENARIOS.put(
        "contingency-range", Scenario.both(sections(ROADMAP, "spec", PIPELINE_CASE, "spec")));

    // business cases
    SCENARIOS.put("bc-incomplete", Scenario.at(PIPELINE_CASE, ""));
    SCENARIOS.put("bc-financials-mismatch", Scenario.at(PIPELINE_CASE, "spec"));
    SCENARIOS.put("bc-hidden-costs", Scenario.at(PIPELINE_CASE, "spec"));
    SCENARIOS.put("bc-ownership-threshold", Scenario.at(PIPELINE_CASE, "spec"));
    SCENARIOS.put("bc-negative-npv-approved", Scenario.at(PIPELINE_CASE, "spec"));
    SCENARIOS.put("bc-fragile", Scenario.at(PIPELINE_CASE, "spec"));
    SCENARIOS.put("realised-costs-understated", Scenario.at(PIPELINE_CASE, "spec"));

    // assessment
    SCENARIOS.put(
        "agentic-not-ready",
        Scenario.at(DISPATCH_USE_CASE, "")
            .givenFailing(
                set(LATEST_ASSESSMENT, "spec/dimensions/network/measurements/p95LatencyMs", 240))
            .givenFailing(set(LATEST_ASSESSMENT, "spec/diagnostics/vectorDatabase", false)));
    SCENARIOS.put("assessment-rating-inconsistent", Scenario.at(LATEST_ASSESSMENT, "spec"));
    SCENARIOS.put("assessment-stale", Scenario.at(LATEST_ASSESSMENT, "").asOf("2027-11-14"));
    SCENARIOS.put(
        "constraints-unaddressed",
        Scenario.split(
                (root, example) ->
                    ExamplePlacement.merge(
                        root, LATEST_ASSESSMENT, "spec", example, Lists.KEEP_OTHERS),
                (root, example) ->
                    ExamplePlacement.merge(root, ROADMAP, PHASE_1, example, Lists.KEEP_OTHERS))
            .givenFailing(
                set(
                    ROADMAP,
                    PHASE_1 + "/initiatives/id=i-automate-core-pipelines/constraint",
                    null)));

    // pitfalls
    SCENARIOS.put("pitfall-big-bang", Scenario.at(ROADMAP, "spec", Lists.AS_WRITTEN));
    SCENARIOS.put("pitfall-data-readiness", Scenario.at(ROADMAP, "spec", Lists.AS_WRITTEN));
    SCENARIOS.put("pitfall-inference-economics", Scenario.at(DISPATCH_USE_CASE, ""));
    SCENARIOS.put("pitfall-no-metrics", Scenario.at(PIPELINE_CASE, "spec"));
    SCENARIOS.put(
        "pitfall-no-review",
        Scenario.split(
                (root, example) ->
                    ExamplePlacement.merge(root, ROADMAP, PHASE_2, example, Lists.KEEP_OTHERS),
                (root, example) ->
                    ExamplePlacement.merge(
                        root,
                        KNOWLEDGE_CASE,
                        "",
                        ExamplePlacement.sections(example).get(0),
                        Lists.KEEP_OTHERS))
            .givenFailing(set(KNOWLEDGE_CASE, "spec/status", "proposed"))
            .givenFailing(set(KNOWLEDGE_CASE, "spec/approval", null)));
    SCENARIOS.put("pitfall-premature-gpu", Scenario.at(ROADMAP, PHASE_1));
    SCENARIOS.put(
        "pitfall-vendor-lock-in",
        Scenario.at(ROADMAP, PHASE_1, Lists.AS_WRITTEN).given(noOtherBudgets()));

    // metrics
    SCENARIOS.put("dashboard-size", Scenario.at(METRICS, ""));
    SCENARIOS.put("metric-stale", Scenario.at(METRICS, "spec/metrics/id=cost-per-inference"));
    SCENARIOS.put("metric-target-unambitious", Scenario.at(METRICS, "spec/metrics"));

    // vendors
    SCENARIOS.put("vendor-weights", Scenario.at(PIPELINE_VENDORS, "spec"));
    SCENARIOS.put("vendor-score-range", Scenario.at(PIPELINE_VENDORS, STREAMFORGE + "/scores"));
    SCENARIOS.put("vendor-decision-mismatch", Scenario.at(PIPELINE_VENDORS, STREAMFORGE));
    SCENARIOS.put("vendor-score-mismatch", Scenario.at(PIPELINE_VENDORS, STREAMFORGE));
    SCENARIOS.put("vendor-references", Scenario.at(PIPELINE_VENDORS, STREAMFORGE));
    SCENARIOS.put("vendor-red-flag", Scenario.at(PIPELINE_VENDORS, STREAMFORGE));
    SCENARIOS.put("vendor-choice-fragile", Scenario.at(PIPELINE_VENDORS, "spec", Lists.AS_WRITTEN));

    // the guide's methodology (issue 9)
    SCENARIOS.put("gate-weaker-than-guide", Scenario.at(ROADMAP, PHASE_1, Lists.AS_WRITTEN));
    SCENARIOS.put(
        "vendor-method-changed",
        Scenario.at(PIPELINE_VENDORS, "spec")
            .givenPassing(
                mergeText(
                    GOVERNANCE,
                    "spec/decisions",
                    "- {id: dec-vendor-weights-2027, date: 2027-02-15,"
                        + " title: Exit terms weigh double in vendor evaluations,"
                        + " outcome: approved}")));
    SCENARIOS.put(
        "vendor-no-go-selected",
        Scenario.at(ROADMAP, PHASE_1)
            .given(
                mergeText(
                    GPU_VENDORS,
                    "spec",
                    "vendors:\n"
                        + "  - id: v-cheapcloud\n"
                        + "    name: Cheap Cloud\n"
                        + "    scores:\n"
                        + "      technicalFit: {workloadFit: 2, integration: 2, performance: 2}\n"
                        + "      economics: {tco: 3, pricePredictability: 3, scalingEconomics: 3}\n"
                        + "      viability: {financialHealth: 3, roadmapAlignment: 3,"
                        + " supportQuality: 3}\n"
                        + "      lockIn: {dataPortability: 4, openStandards: 4, exitTerms: 4}\n"
                        + "    decision: no-go\n"
                        + "  - id: v-opencloud\n"
                        + "    name: Open Cloud\n"
                        + "    scores:\n"
                        + "      technicalFit: {workloadFit: 4, integration: 4, performance: 5}\n"
                        + "      economics: {tco: 4, pricePredictability: 4, scalingEconomics: 4}\n"
                        + "      viability: {financialHealth: 4, roadmapAlignment: 4,"
                        + " supportQuality: 4}\n"
                        + "      lockIn: {dataPortability: 4, openStandards: 4, exitTerms: 5}\n"
                        + "    decision: go\n")));
    SCENARIOS.put(
        "ownership-below-threshold",
        Scenario.at(ROADMAP, PHASE_1)
            .givenFailing(gpuPoolCase(120000, 300000))
            .givenPassing(gpuPoolCase(230000, 300000)));
    SCENARIOS.put(
        "greenfield-unjustified",
        Scenario.at(ROADMAP, PHASE_2 + "/initiatives").givenFailing(noUseCaseInProduction()));
    SCENARIOS.put("metric-no-leading", Scenario.at(METRICS, "spec"));
    SCENARIOS.put("metric-no-lagging", Scenario.at(METRICS, "spec"));
    SCENARIOS.put(
        "metric-no-baseline",
        Scenario.at(METRICS, "spec/metrics")
            .givenFailing(set(METRICS, "spec/metrics/id=cost-per-inference/baseline", null)));
    SCENARIOS.put(
        "use-case-unmeasured",
        Scenario.at(INVOICE_USE_CASE, "")
            .givenFailing(set(INVOICE_USE_CASE, "spec/metrics", null))
            .givenPassing(
                mergeText(
                    METRICS,
                    "spec/metrics",
                    "- {id: invoice-processing-hours, name: Hours from invoice to match,"
                        + " unit: hours, kind: lagging, direction: lower-is-better,"
                        + " series: [{date: 2027-03-31, value: 30}]}")));
    SCENARIOS.put("milestone-no-deliverable", Scenario.at(ROADMAP, PHASE_1 + "/milestones"));
    SCENARIOS.put("priority-inverted", Scenario.both(initiativesByPhase(PHASE_1, PHASE_2)));
    SCENARIOS.put(
        "assessment-diagnostics-missing", Scenario.both(replace(LATEST_ASSESSMENT, "spec")));
    SCENARIOS.put("core-roles-missing", Scenario.at(LATEST_ASSESSMENT, "spec"));
    SCENARIOS.put("review-cadence", Scenario.at(GOVERNANCE, "spec"));
    SCENARIOS.put("review-board-toothless", Scenario.at(GOVERNANCE, "spec"));
    SCENARIOS.put(
        "governance-duplicate",
        Scenario.split(
            newFile("governance/board-2027.yaml"), Scenario.at(GOVERNANCE, "spec").passing()));
    SCENARIOS.put("assessment-date-duplicate", Scenario.both(reassessment()));

    // the programme as it runs (issue 10): actual spend, reasons for change, commentary
    SCENARIOS.put("budget-burn", Scenario.at(ROADMAP, PHASE_2, Lists.AS_WRITTEN));
    SCENARIOS.put(
        "initiative-overspent",
        Scenario.split(sections(ROADMAP, PHASE_2), sections(ROADMAP, PHASE_2, GOVERNANCE, "spec")));
    SCENARIOS.put("actuals-stale", Scenario.at(ROADMAP, PHASE_2));
    SCENARIOS.put("recorded-after-as-of", Scenario.at(ROADMAP, PHASE_2));
    SCENARIOS.put("replan-unexplained", Scenario.at(ROADMAP, PHASE_2 + "/milestones"));
    SCENARIOS.put("metric-uncommented", Scenario.at(METRICS, "spec/metrics"));
  }

  /**
   * A copy of the latest assessment under another id in its own file, with the example merged into
   * it (its date).
   */
  private static Placement reassessment() {
    return (root, example) -> {
      String file = "assessment/2027-04-reassessment.yaml";
      Fixtures.write(
          root,
          file,
          Fixtures.read(root.resolve(LATEST_ASSESSMENT))
              .replace("id: assessment-2027-04", "id: assessment-2027-04-again"));
      ExamplePlacement.merge(root, file, "", example, Lists.KEEP_OTHERS);
    };
  }

  /** Replaces each top-level key of the example at {@code path}, instead of merging into it. */
  private static Placement replace(String file, String path) {
    return (root, example) -> {
      Map<?, ?> fragment = (Map<?, ?>) ExamplePlacement.parse(example);
      fragment.forEach((key, value) -> ExamplePlacement.set(root, file, path + "/" + key, value));
    };
  }

  /** The example's {@code phases[i].initiatives} go to the i-th of the given phases. */
  private static Placement initiativesByPhase(String... phases) {
    return (root, example) -> {
      List<?> parts = (List<?>) ((Map<?, ?>) ExamplePlacement.parse(example)).get("phases");
      assertThat(parts).as("phases of the example").hasSize(phases.length);
      for (int i = 0; i < phases.length; i++) {
        Object initiatives = ((Map<?, ?>) parts.get(i)).get("initiatives");
        ExamplePlacement.merge(
            root,
            ROADMAP,
            phases[i] + "/initiatives",
            ExamplePlacement.toYaml(initiatives),
            Lists.KEEP_OTHERS);
      }
    };
  }

  /** Business case {@code bc-gpu-pool}: buys GPUs, with the cloud and owned costs given. */
  private static Placement gpuPoolCase(int cloudAnnualCost, int ownedAnnualTco) {
    return (root, example) -> {
      String file = "business-cases/gpu-pool.yaml";
      Fixtures.write(
          root,
          file,
          Fixtures.read(root.resolve("business-cases/inference-economics.yaml"))
              .replace("id: bc-inference-economics", "id: bc-gpu-pool"));
      ExamplePlacement.set(root, file, "spec/solution/sourcing", "buy");
      ExamplePlacement.set(root, file, "spec/solution/cloudAnnualCost", cloudAnnualCost);
      ExamplePlacement.set(root, file, "spec/solution/ownedAnnualTco", ownedAnnualTco);
    };
  }

  /** Every use case in production goes back to pilot. */
  private static Placement noUseCaseInProduction() {
    return (root, example) -> {
      try (Stream<Path> files = Files.list(root.resolve("use-cases"))) {
        for (Path f : files.toList()) {
          String rel = "use-cases/" + f.getFileName();
          if ("production".equals(ExamplePlacement.get(root, rel, "spec/status"))) {
            ExamplePlacement.set(root, rel, "spec/status", "pilot");
            ExamplePlacement.set(root, rel, "spec/since", null);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** A business case with the id {@code etl-automation}, for the reference example to point at. */
  private static Placement etlCase() {
    return (root, example) -> {
      Fixtures.write(
          root,
          "business-cases/etl.yaml",
          Fixtures.read(root.resolve(PIPELINE_CASE))
              .replace("id: bc-pipeline-automation", "id: etl-automation"));
    };
  }

  static Stream<String> executableRules() {
    return REGISTRY.descriptors().stream().map(RuleDescriptor::id).filter(SCENARIOS::containsKey);
  }

  private static ValidationResult validate(String rule, Path root, LocalDate asOf) {
    // Only the rule itself (and the loader's rules, schema among them): what is asserted on.
    return validate(Fixtures.only(rule), rule, root, asOf);
  }

  private static ValidationResult validate(
      Fixtures.Rules rules, String rule, Path root, LocalDate asOf) {
    return validate(rules, rule, root, asOf, ValidationOptions.Models.WHOLE);
  }

  private static ValidationResult validate(
      Fixtures.Rules rules,
      String rule,
      Path root,
      LocalDate asOf,
      ValidationOptions.Models models) {
    ValidationOptions options = ValidationOptions.defaults().withAsOf(asOf).withModels(models);
    if (PULL_REQUEST.contains(rule)) {
      Path base = root.resolveSibling("base");
      if (!Files.isDirectory(base)) {
        Fixtures.copyExample(base);
      }
      options = options.withBase(new FolderSource(base, "base"));
    }
    return rules.validate(root, options);
  }

  private static RuleDescriptor descriptor(String rule) {
    return REGISTRY.descriptor(rule).orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("executableRules")
  void shouldRaiseTheRuleOnItsFailingExample(String rule, @TempDir Path dir) {
    Path head = failingExample(rule, dir);

    assertThat(validate(rule, head, SCENARIOS.get(rule).asOf())).containsRule(rule);
  }

  /** A copy of the example in {@code dir} with the rule's failing example placed in it. */
  private static Path failingExample(String rule, Path dir) {
    Scenario scenario = SCENARIOS.get(rule);
    String example = descriptor(rule).failingExample();
    Path head = Fixtures.copyExample(dir.resolve("head"));
    scenario.failingContext().place(head, example);
    scenario.failing().place(head, example);
    return head;
  }

  /**
   * A large repository's load forgets where valid documents' values are written and reads a file
   * again for the findings that point into it: each rule's findings on its failing example are the
   * same, place for place, as with the positions kept.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("executableRules")
  void shouldPointAtTheSamePlacesWithThePositionsLaidOutAgain(String rule, @TempDir Path dir) {
    Path head = failingExample(rule, dir);
    LocalDate asOf = SCENARIOS.get(rule).asOf();

    ValidationResult kept = validate(rule, head, asOf);
    ValidationResult laidOut =
        validate(Fixtures.only(rule).forgettingPositions(), rule, head, asOf);
    assertThat(laidOut).containsRule(rule);
    org.assertj.core.api.Assertions.assertThat(laidOut.findings())
        .containsExactlyElementsOf(kept.findings());
  }

  /**
   * A large repository whose run prints findings only judges each file as it is read and keeps of
   * its business cases only what the other rules and the insights read: each rule's findings on its
   * failing example, and the insights, are exactly those of a run that keeps every model whole.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("executableRules")
  void shouldFindTheSameWithEachFileJudgedAsItIsRead(String rule, @TempDir Path dir) {
    Path head = failingExample(rule, dir);
    LocalDate asOf = SCENARIOS.get(rule).asOf();

    ValidationResult whole = validate(rule, head, asOf);
    ValidationResult asRead =
        validate(
            Fixtures.only(rule).judgingAsRead(),
            rule,
            head,
            asOf,
            ValidationOptions.Models.INSIGHTS);
    assertThat(asRead).containsRule(rule);
    JudgedAsRead.assertSameAs(asRead, whole);
    if (!PULL_REQUEST.contains(rule)) {
      // Not with a pull request's base, whose cases the base's rules read whole.
      org.assertj.core.api.Assertions.assertThatThrownBy(asRead::plan)
          .as("the cases were released")
          .isInstanceOf(IllegalStateException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("executableRules")
  void shouldNotRaiseTheRuleOnItsPassingExample(String rule, @TempDir Path dir) {
    Scenario scenario = SCENARIOS.get(rule);
    String example = descriptor(rule).passingExample();
    Path head = Fixtures.copyExample(dir.resolve("head"));
    scenario.passingContext().place(head, example);
    scenario.passing().place(head, example);

    ValidationResult result = validate(rule, head, scenario.asOf());
    assertThat(result).doesNotContainRule(rule);
    if (!PARTIAL_DOCUMENTS.contains(rule)) {
      assertThat(result).as("the passing example is a valid document").doesNotContainRule("schema");
    }
  }

  @Test
  void shouldRunTheExamplesOfEveryRuleOrSayWhyNot() {
    Set<String> registered = new TreeSet<>();
    REGISTRY.descriptors().forEach(d -> registered.add(d.id()));
    Set<String> covered = new TreeSet<>(SCENARIOS.keySet());
    covered.addAll(NOT_YAML.keySet());

    assertThat(covered)
        .as(
            "every rule's documented examples run in RuleExamplesTest: add a Scenario for a new"
                + " rule (or, if its example is not plan YAML, say in NOT_YAML which test covers it)")
        .containsAll(registered);
    assertThat(SCENARIOS.keySet()).doesNotContainAnyElementsOf(NOT_YAML.keySet());
  }
}
