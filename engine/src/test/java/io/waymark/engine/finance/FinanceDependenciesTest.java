package io.waymark.engine.finance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The finance package reads the model and nothing else of Waymark, so reports can reuse it. */
@AnalyzeClasses(
    packages = "io.waymark.engine.finance",
    importOptions = FinanceDependenciesTest.ProductionClasses.class)
class FinanceDependenciesTest {

  @ArchTest
  static final ArchRule FINANCE_DEPENDS_ON_THE_MODEL_ONLY =
      classes()
          .that()
          .resideInAPackage("io.waymark.engine.finance..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "io.waymark.engine.finance..", "io.waymark.engine.model..")
          .because("finance is pure arithmetic on the typed model (STYLE.md)");

  /**
   * Leaves out test classes wherever the build puts them: ArchUnit's own DoNotIncludeTests only
   * knows {@code target/test-classes}, not a private {@code -Dwaymark.build.dir}.
   */
  static final class ProductionClasses implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("/test-classes/");
    }
  }
}
