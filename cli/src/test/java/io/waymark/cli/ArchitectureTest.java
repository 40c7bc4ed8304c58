package io.waymark.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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

  @ArchTest
  static final ArchRule FORMATS_DO_NOT_CALL_THE_COMMANDS =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.cli.format..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.waymark.cli")
          .because("formats write results; the commands choose them (no cli ⇄ cli.format cycle)");

  @ArchTest
  static final ArchRule NO_PACKAGE_CYCLES =
      slices().matching("io.waymark.(**)").should().beFreeOfCycles();
}
