package io.waymark.git;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The Git module adapts JGit to the engine's ports (docs/architecture.md): it depends on the
 * engine's history and load ports, never on the command line or the reports, and never on the
 * engine's rules or model (what Git holds is read back through the ports).
 */
@AnalyzeClasses(
    packages = "io.waymark.git",
    importOptions = ArchitectureTest.ProductionClassesOnly.class)
class ArchitectureTest {

  /** Leaves out test classes wherever the build folder is (also -Dwaymark.build.dir=...). */
  static final class ProductionClassesOnly implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("/test-classes/");
    }
  }

  @ArchTest
  static final ArchRule GIT_KNOWS_NO_COMMAND_LINE_OR_REPORTS =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.git..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.waymark.cli..", "io.waymark.report..", "picocli..", "freemarker..")
          .because("the command line calls the Git adapter, never the reverse");

  @ArchTest
  static final ArchRule GIT_USES_ONLY_THE_ENGINE_PORTS =
      classes()
          .that()
          .resideInAPackage("io.waymark.git..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..",
              "org.eclipse.jgit..",
              "io.waymark.git..",
              "io.waymark.engine.history..",
              "io.waymark.engine.load..",
              "io.waymark.engine.finding..")
          .because("Git is an adapter behind the History and RepositorySource ports");

  @ArchTest
  static final ArchRule NO_PACKAGE_CYCLES =
      slices().matching("io.waymark.(**)").should().beFreeOfCycles();
}
