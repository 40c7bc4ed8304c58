package io.waymark.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The engine is pure (STYLE.md): no command line, template or Git library, and each third-party
 * parser stays inside the one package that adapts it. Its packages follow the diagram of
 * docs/architecture.md: the rules read the typed model and a read-only document index (never the
 * loader or a parser), the leaves depend on no other package, and there is no package cycle.
 */
@AnalyzeClasses(
    packages = "io.waymark.engine",
    importOptions = ArchitectureTest.ProductionClassesOnly.class)
class ArchitectureTest {

  /** Leaves out test classes wherever the build folder is (also -Dwaymark.build.dir=...). */
  static final class ProductionClassesOnly implements ImportOption {
    @Override
    public boolean includes(com.tngtech.archunit.core.importer.Location location) {
      return !location.contains("/test-classes/");
    }
  }

  @ArchTest
  static final ArchRule ENGINE_KNOWS_NO_CLI_OR_TEMPLATES =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("picocli..", "freemarker..", "com.openhtmltopdf..")
          .because("the CLI and the reports depend on the engine, never the reverse");

  @ArchTest
  static final ArchRule ENGINE_KNOWS_NO_GIT_LIBRARY =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.eclipse.jgit..", "io.waymark.git..")
          .because("history is a port (History); the waymark-git module adapts JGit behind it");

  @ArchTest
  static final ArchRule MODEL_AND_RULES_READ_NO_PARSER_TYPES =
      noClasses()
          .that()
          .resideInAnyPackage("io.waymark.engine.model..", "io.waymark.engine.rules..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.snakeyaml..", "com.networknt..", "tools.jackson..")
          .because("rules read the typed model, not YAML or JSON nodes");

  @ArchTest
  static final ArchRule ONLY_THE_YAML_PACKAGE_USES_SNAKEYAML =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.waymark.engine.yaml..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.snakeyaml..")
          .because("the YAML reader is the one place that enforces the safety limits of SPEC §8");

  @ArchTest
  static final ArchRule ONLY_THE_SCHEMA_PACKAGE_USES_NETWORKNT_AND_JACKSON =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.waymark.engine.schema..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.networknt..", "tools.jackson..")
          .because("the schema loader is locked down in one place (no remote references)");

  @ArchTest
  static final ArchRule NO_PACKAGE_CYCLES =
      slices()
          .matching("io.waymark.(**)")
          .should()
          .beFreeOfCycles()
          .because("each engine package has one place in the layers of docs/architecture.md");

  @ArchTest
  static final ArchRule RULES_SEE_NO_LOADER_OR_PARSER =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.engine.rules..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.waymark.engine.load..", "io.waymark.engine.yaml..", "io.waymark.engine.schema..")
          .because(
              "rules read the typed plan and the read-only DocumentIndex; the validator reports"
                  + " the loader's findings");

  @ArchTest
  static final ArchRule ONLY_THE_FACADE_AND_DIFF_USE_THE_FACADE =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.engine..")
          .and()
          .resideOutsideOfPackages("io.waymark.engine", "io.waymark.engine.diff..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.waymark.engine")
          .because("the facade (Validator, ValidationResult) sits on top of the engine's packages");

  @ArchTest
  static final ArchRule FINDINGS_AND_YAML_ARE_LEAVES =
      classes()
          .that()
          .resideInAnyPackage("io.waymark.engine.finding..", "io.waymark.engine.yaml..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..",
              "io.waymark.engine.finding..",
              "io.waymark.engine.yaml..",
              "org.snakeyaml..")
          .because("every other package builds on findings and YAML nodes, never the reverse");

  @ArchTest
  static final ArchRule CALCULATIONS_READ_ONLY_THE_MODEL =
      classes()
          .that()
          .resideInAnyPackage(
              "io.waymark.engine.finance..",
              "io.waymark.engine.vendor..",
              "io.waymark.engine.gate..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..",
              "io.waymark.engine.model..",
              "io.waymark.engine.finance..",
              "io.waymark.engine.vendor..",
              "io.waymark.engine.gate..")
          .because("finance, vendor scores and gates are arithmetic on the typed model");

  /** Proves the rules are not vacuous: a class outside the adapters that uses them is caught. */
  @Test
  void shouldCatchAParserUsedOutsideItsAdapterPackage() {
    JavaClasses offender = new ClassFileImporter().importClasses(ParserOutsideItsPackage.class);

    assertThatThrownBy(() -> ONLY_THE_YAML_PACKAGE_USES_SNAKEYAML.check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ParserOutsideItsPackage")
        .hasMessageContaining("org.snakeyaml");
    assertThatThrownBy(() -> ONLY_THE_SCHEMA_PACKAGE_USES_NETWORKNT_AND_JACKSON.check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("com.networknt");
  }

  /** A deliberate violation, for the check above only. */
  static final class ParserOutsideItsPackage {
    Object settings() {
      return org.snakeyaml.engine.v2.api.LoadSettings.builder().build();
    }

    Object schemas() {
      return com.networknt.schema.SchemaRegistry.builder();
    }
  }
}
