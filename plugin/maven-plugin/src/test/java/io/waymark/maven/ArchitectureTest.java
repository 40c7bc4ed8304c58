package io.waymark.maven;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.waymark.cli.Main;

/**
 * The Maven plugin runs the command line in-process (docs/architecture.md): its one Waymark entry
 * point is {@link Main}, so the goals have the CLI's options, formats and exit codes and never
 * reach into the engine, the reports or Git.
 */
@AnalyzeClasses(
    packages = "io.waymark.maven",
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
  static final ArchRule THE_PLUGIN_CALLS_ONLY_THE_COMMAND_LINE =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.maven..")
          .should()
          .dependOnClassesThat(
              resideInAPackage("io.waymark..")
                  .and(not(resideInAPackage("io.waymark.maven..")))
                  .and(not(equivalentTo(Main.class))))
          .because("the goals run the CLI in-process, with its options and exit codes");

  @ArchTest
  static final ArchRule NO_PACKAGE_CYCLES =
      slices().matching("io.waymark.(**)").should().beFreeOfCycles();
}
