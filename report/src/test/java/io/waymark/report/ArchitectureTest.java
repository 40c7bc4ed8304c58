package io.waymark.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The report module's layers (STYLE.md): it depends on the engine, knows nothing of the command
 * line, and keeps each heavy library inside the one package that adapts it.
 */
@AnalyzeClasses(
    packages = "io.waymark.report",
    importOptions = ArchitectureTest.ProductionClassesOnly.class)
class ArchitectureTest {

  /** Leaves out test classes wherever the build folder is. */
  static final class ProductionClassesOnly implements ImportOption {
    @Override
    public boolean includes(com.tngtech.archunit.core.importer.Location location) {
      return !location.contains("/test-classes/");
    }
  }

  @ArchTest
  static final ArchRule REPORTS_KNOW_NO_COMMAND_LINE =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.report..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "picocli..", "io.waymark.cli..", "io.waymark.git..", "org.eclipse.jgit..")
          .because("the CLI calls the reports, and Git is read through the engine's History port");

  @ArchTest
  static final ArchRule ONLY_THE_PDF_PACKAGE_LOADS_THE_RENDERER =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.waymark.report.pdf..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.openhtmltopdf..", "org.apache.pdfbox..", "org.apache.batik..")
          .because("the PDF renderer is heavy: it is loaded only when a PDF is written");

  @ArchTest
  static final ArchRule ONLY_THE_TEMPLATE_PACKAGE_USES_FREEMARKER =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.waymark.report.template..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("freemarker..")
          .because("Freemarker is locked down in one place (SPEC §8)");

  @ArchTest
  static final ArchRule VIEW_MODELS_KNOW_NO_RENDERING =
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.waymark.report.view..", "io.waymark.report.chart..", "io.waymark.report.text..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.waymark.report.template..", "io.waymark.report.pdf..")
          .because("view models and charts are plain data, rendered by templates");

  @ArchTest
  static final ArchRule REPORTS_READ_RESULTS_NOT_LOADING =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.report..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.waymark.engine.load..", "io.waymark.engine.yaml..", "io.waymark.engine.schema..")
          .orShould()
          .dependOnClassesThat()
          .haveFullyQualifiedName("io.waymark.engine.rules.RuleRegistry")
          .because(
              "reports read the engine's result, its analyses and calculations; loading, parsing"
                  + " and the rule registry stay behind the facade (the result names the rules it"
                  + " was judged with)");

  /**
   * A static call into the engine's {@code analysis} package: computing slips, overdue or at-risk
   * milestones, churn, adjustments since a date or history coverage from a history directly. The
   * records those computations return (a milestone's moves, a coverage) may be read.
   */
  private static final DescribedPredicate<JavaMethodCall> AN_ANALYSIS_COMPUTED_HERE =
      new DescribedPredicate<>("a static method of io.waymark.engine.analysis") {
        @Override
        public boolean test(JavaMethodCall call) {
          return call.getTargetOwner().getPackageName().equals("io.waymark.engine.analysis")
              && call.getTarget()
                  .resolveMember()
                  .map(m -> m.getModifiers().contains(JavaModifier.STATIC))
                  .orElse(false);
        }
      };

  @ArchTest
  static final ArchRule PLAN_AND_HISTORY_ANSWERS_FROM_THE_ENGINES_ANALYSES =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.report..")
          .should()
          .callMethodWhere(AN_ANALYSIS_COMPUTED_HERE)
          .because(
              "slips, overdue and at-risk milestones, churn, adjustments and history coverage are"
                  + " the engine's Analyses (ValidationResult.analyses()), so the reports count"
                  + " what the rules count: one path, not two (issue 17)");

  @ArchTest
  static final ArchRule NO_PACKAGE_CYCLES =
      slices().matching("io.waymark.report.(*)..").should().beFreeOfCycles();

  /** Proves the rules are not vacuous: deliberate violations (test classes) fail them. */
  @Test
  void shouldCatchAForbiddenEdgeAndACycle() {
    JavaClasses violations =
        new ClassFileImporter()
            .importClasses(
                io.waymark.report.view.DeliberateViolation.class,
                io.waymark.report.text.DeliberateViolation.class);

    assertThatThrownBy(() -> REPORTS_READ_RESULTS_NOT_LOADING.check(violations))
        .hasMessageContaining("LoadResult")
        .hasMessageContaining("RuleRegistry");
    assertThatThrownBy(() -> PLAN_AND_HISTORY_ANSWERS_FROM_THE_ENGINES_ANALYSES.check(violations))
        .hasMessageContaining("MilestoneSlips.of")
        .hasMessageContaining("RoadmapStates.of");
    assertThatThrownBy(() -> NO_PACKAGE_CYCLES.check(violations))
        .hasMessageContaining("Cycle detected");
  }
}
