package io.waymark.cli;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.waymark.engine.diff.HistoryReport;
import io.waymark.engine.fix.Fixes;
import io.waymark.engine.gate.Facts;
import io.waymark.engine.gate.GateEvaluator;
import io.waymark.engine.history.Commit;
import io.waymark.engine.load.Printed;
import io.waymark.engine.model.Kebab;
import io.waymark.engine.model.SourceNode;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.git.GitAdapter;
import io.waymark.git.GitHooks;
import io.waymark.git.GitProblem;
import io.waymark.git.StagedCommit;
import org.junit.jupiter.api.Test;

/**
 * The command line's edges (docs/architecture.md): commands call the engine, the reports and the
 * Git module; output formats never call the commands; Git is read only through the Git module; no
 * package cycle.
 */
@AnalyzeClasses(
    packages = "io.waymark.cli",
    importOptions = ArchitectureTest.ProductionClassesOnly.class)
class ArchitectureTest {

  /** Leaves out test classes wherever the build folder is. */
  static final class ProductionClassesOnly implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("/test-classes/");
    }
  }

  @ArchTest
  static final ArchRule GIT_ONLY_THROUGH_THE_GIT_MODULE =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.cli..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.eclipse.jgit..")
          .because("JGit is adapted in one place, the waymark-git module");

  /**
   * The Git module through its entry point: the adapter factory and the repository actions of
   * {@code GitAdapter}, the hooks folder and the staged commit it hands out, and its problem type.
   */
  @ArchTest
  static final ArchRule GIT_MODULE_THROUGH_ITS_ENTRY_POINT =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.cli..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.waymark.git..")
                  .and(
                      not(
                          belongToAnyOf(
                              GitAdapter.class,
                              GitHooks.class,
                              StagedCommit.class,
                              GitProblem.class))))
          .because(
              "the command line uses the Git module's entry point (GitAdapter), never the JGit"
                  + " adapter's classes themselves");

  @ArchTest
  static final ArchRule LSP4J_ONLY_IN_THE_LANGUAGE_SERVER =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.waymark.cli.lsp..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.eclipse.lsp4j..", "com.google.gson..")
          .because("the language server's protocol library is adapted in one package, cli.lsp");

  @ArchTest
  static final ArchRule LANGUAGE_SERVER_DOES_NOT_CALL_THE_COMMANDS =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.cli.lsp..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.waymark.cli")
          .because("the lsp command starts the server; the server never calls the commands");

  @ArchTest
  static final ArchRule FORMATS_DO_NOT_CALL_THE_COMMANDS =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.cli.format..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.waymark.cli")
          .because("formats write results; the commands choose them (no cli ⇄ cli.format cycle)");

  /**
   * The engine as the command line may see it (docs/architecture.md, "What cli may use of the
   * engine"): the facade package ({@code Waymark}, {@code Checkout}, {@code ValidationResult},
   * {@code Comparison}, ...) and the types its results are made of. Loading, schemas, YAML, the
   * rule registry and the rules, the history reader and the analyses stay behind the facade; so do
   * the helpers and calculators that live next to the result types: the fix planner and its text
   * edit ({@code Fixes}; {@code FixPlan.apply} and {@code TextEdit.applyAll} apply edits), the
   * kebab-case spelling of the model's enums ({@code Kebab}; {@code Insights.spelled}), the gate
   * evaluator and its facts ({@code Insights} carries the evaluations), and the tree a document was
   * read from ({@code SourceNode}). Of the loading package, only {@code Printed}: what a command
   * printed, handed to the facade's {@code Recall} to keep without a copy.
   */
  @ArchTest
  static final ArchRule ENGINE_ONLY_THROUGH_THE_FACADE =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.cli..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.waymark.engine..")
                  .and(
                      not(resideInAnyPackage(
                                  "io.waymark.engine",
                                  "io.waymark.engine.finding..",
                                  "io.waymark.engine.fix..",
                                  "io.waymark.engine.model..",
                                  "io.waymark.engine.finance..",
                                  "io.waymark.engine.gate..",
                                  "io.waymark.engine.vendor..")
                              .or(
                                  belongToAnyOf(
                                      RuleDescriptor.class,
                                      Commit.class,
                                      HistoryReport.class,
                                      Printed.class)))
                          .or(
                              belongToAnyOf(
                                  Fixes.class,
                                  Kebab.class,
                                  GateEvaluator.class,
                                  Facts.class,
                                  SourceNode.class))))
          .because(
              "commands open, judge and compare repositories through the engine's facade"
                  + " (io.waymark.engine.Waymark) and read its results; they never load files,"
                  + " discover rules, read Git history, plan fixes or evaluate gates themselves");

  @ArchTest
  static final ArchRule NO_PACKAGE_CYCLES =
      slices().matching("io.waymark.(**)").should().beFreeOfCycles();

  /** Proves the rules are not vacuous: deliberate violations (test classes) fail them. */
  @Test
  void shouldCatchAFormatCallingTheCommandsAndTheCycle() {
    JavaClasses violations =
        new ClassFileImporter()
            .importClasses(
                io.waymark.cli.DeliberateViolation.class,
                io.waymark.cli.format.DeliberateViolation.class);

    assertThatThrownBy(() -> FORMATS_DO_NOT_CALL_THE_COMMANDS.check(violations))
        .hasMessageContaining("format.DeliberateViolation");
    assertThatThrownBy(() -> NO_PACKAGE_CYCLES.check(violations))
        .hasMessageContaining("Cycle detected");
  }

  /** A format that spells enums with the model's Kebab or reads the fix planner fails the rule. */
  @Test
  void shouldCatchAnEngineHelperBehindTheFacade() {
    JavaClasses violations =
        new ClassFileImporter().importClasses(io.waymark.cli.format.DeliberateViolation.class);

    assertThatThrownBy(() -> ENGINE_ONLY_THROUGH_THE_FACADE.check(violations))
        .hasMessageContaining("io.waymark.engine.model.Kebab.of")
        .hasMessageContaining("io.waymark.engine.fix.Fixes.RULES");
  }
}
