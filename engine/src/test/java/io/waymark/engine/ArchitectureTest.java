package io.waymark.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
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
 * parser stays inside the one package that adapts it.
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
