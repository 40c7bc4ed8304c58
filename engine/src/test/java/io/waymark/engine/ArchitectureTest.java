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
  static final ArchRule ONLY_THE_FACADE_USES_THE_FACADE =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.engine..")
          .and()
          .resideOutsideOfPackage("io.waymark.engine")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.waymark.engine")
          .because("the facade (Validator, ValidationResult) sits on top of the engine's packages");

  @ArchTest
  static final ArchRule MODEL_READS_NO_YAML =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.engine.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.waymark.engine.yaml..", "io.waymark.engine.load..")
          .because(
              "the model is read from its SourceNode port (load adapts YAML to it) and its anchors"
                  + " keep positions, never nodes");

  @ArchTest
  static final ArchRule RULES_READ_NO_SOURCE_TREE =
      noClasses()
          .that()
          .resideInAPackage("io.waymark.engine.rules..")
          .should()
          .callMethod(io.waymark.engine.model.Document.class, "root")
          .orShould()
          .dependOnClassesThat()
          .belongToAnyOf(io.waymark.engine.model.SourceNode.class)
          .because(
              "rules read the typed model and the document index, never the tree a document was"
                  + " read from");

  @ArchTest
  static final ArchRule DIFF_AND_ANALYSES_USE_NO_RULES =
      noClasses()
          .that()
          .resideInAnyPackage("io.waymark.engine.diff..", "io.waymark.engine.analysis..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.waymark.engine.rules..")
          .because(
              "what a change does (CaseEdits, slips, churn) is an analysis that the rules and"
                  + " waymark diff both read");

  // The layers of docs/architecture.md, one allow-list per package: an edge that is not drawn
  // there fails here. finding is the one package every other one may use.

  @ArchTest
  static final ArchRule FINDING_IS_A_LEAF =
      layer("io.waymark.engine.finding..", "findings are data every package writes");

  @ArchTest
  static final ArchRule YAML_IS_A_LEAF =
      layer(
          "io.waymark.engine.yaml..",
          "the YAML reader knows nothing of Waymark",
          "org.snakeyaml..");

  @ArchTest
  static final ArchRule MODEL_USES_ONLY_FINDINGS =
      layer(
          "io.waymark.engine.model..",
          "the typed model is plain data",
          "io.waymark.engine.finding..");

  @ArchTest
  static final ArchRule SCHEMA_LAYER =
      layer(
          "io.waymark.engine.schema..",
          "the schema check reads YAML nodes and names the document kinds",
          "io.waymark.engine.yaml..",
          "io.waymark.engine.model..",
          "io.waymark.engine.finding..",
          "com.networknt..",
          "tools.jackson..");

  @ArchTest
  static final ArchRule LOAD_LAYER =
      layer(
          "io.waymark.engine.load..",
          "loading turns files into YAML, schema findings and the typed model",
          "io.waymark.engine.yaml..",
          "io.waymark.engine.schema..",
          "io.waymark.engine.model..",
          "io.waymark.engine.finding..");

  @ArchTest
  static final ArchRule HISTORY_LAYER =
      layer(
          "io.waymark.engine.history..",
          "history reads older versions of the files as the loader reads the current ones",
          "io.waymark.engine.load..",
          "io.waymark.engine.yaml..",
          "io.waymark.engine.model..",
          "io.waymark.engine.finding..");

  @ArchTest
  static final ArchRule CALCULATIONS_READ_ONLY_THE_MODEL =
      layer(
          "io.waymark.engine.[finance|vendor|gate|metric|spend]..",
          "finance, vendor scores, gates, metric status and spend are arithmetic on the typed model",
          "io.waymark.engine.model..",
          "io.waymark.engine.finding..",
          "io.waymark.engine.finance..",
          "io.waymark.engine.vendor..",
          "io.waymark.engine.gate..",
          "io.waymark.engine.metric..",
          "io.waymark.engine.spend..");

  @ArchTest
  static final ArchRule ANALYSIS_LAYER =
      layer(
          "io.waymark.engine.analysis..",
          "the plan and history analyses read the model and its history, nothing above them",
          "io.waymark.engine.history..",
          "io.waymark.engine.model..",
          "io.waymark.engine.finding..");

  @ArchTest
  static final ArchRule RULES_LAYER =
      layer(
          "io.waymark.engine.rules..",
          "rules read the typed plan, its history, the analyses and calculations",
          "io.waymark.engine.rules..",
          "io.waymark.engine.model..",
          "io.waymark.engine.finding..",
          "io.waymark.engine.history..",
          "io.waymark.engine.analysis..",
          "io.waymark.engine.finance..",
          "io.waymark.engine.vendor..",
          "io.waymark.engine.gate..",
          "io.waymark.engine.metric..",
          "io.waymark.engine.spend..");

  @ArchTest
  static final ArchRule FIX_LAYER =
      layer(
          "io.waymark.engine.fix..",
          "fixes write what the calculations give into the spans of the YAML text a finding points"
              + " at; never the rules, never the facade, which returns them",
          "io.waymark.engine.yaml..",
          "io.waymark.engine.model..",
          "io.waymark.engine.finding..",
          "io.waymark.engine.finance..",
          "io.waymark.engine.vendor..");

  @ArchTest
  static final ArchRule DIFF_LAYER =
      layer(
          "io.waymark.engine.diff..",
          "waymark diff compares two judged plans with the analyses; never the rules, never the"
              + " facade, which returns its results",
          "io.waymark.engine.model..",
          "io.waymark.engine.finding..",
          "io.waymark.engine.history..",
          "io.waymark.engine.analysis..",
          "io.waymark.engine.finance..",
          "io.waymark.engine.vendor..",
          "io.waymark.engine.gate..",
          "io.waymark.engine.metric..",
          "io.waymark.engine.spend..");

  /** Classes of {@code pkg} use only the JDK and the {@code allowed} packages. */
  private static ArchRule layer(String pkg, String because, String... allowed) {
    String[] packages = new String[allowed.length + 2];
    packages[0] = "java..";
    packages[1] = pkg;
    System.arraycopy(allowed, 0, packages, 2, allowed.length);
    return classes()
        .that()
        .resideInAPackage(pkg)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(packages)
        .because(because);
  }

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

  /**
   * Proves the layer rules are not vacuous: each deliberate violation (test classes, left out of
   * the checks above) fails the rules it breaks.
   */
  @Test
  void shouldCatchEachForbiddenEdgeAndACycle() {
    JavaClasses violations =
        new ClassFileImporter()
            .importClasses(
                io.waymark.engine.model.DeliberateViolation.class,
                io.waymark.engine.rules.DeliberateViolation.class,
                io.waymark.engine.diff.DeliberateViolation.class,
                io.waymark.engine.spend.DeliberateViolation.class);

    assertThatThrownBy(() -> MODEL_READS_NO_YAML.check(violations))
        .hasMessageContaining("model.DeliberateViolation")
        .hasMessageContaining("YamlNode");
    assertThatThrownBy(() -> MODEL_USES_ONLY_FINDINGS.check(violations))
        .hasMessageContaining("rules.DeliberateViolation");
    assertThatThrownBy(() -> RULES_SEE_NO_LOADER_OR_PARSER.check(violations))
        .hasMessageContaining("LoadResult");
    assertThatThrownBy(() -> RULES_LAYER.check(violations)).hasMessageContaining("LoadResult");
    assertThatThrownBy(() -> RULES_READ_NO_SOURCE_TREE.check(violations))
        .hasMessageContaining("Document.root()");
    assertThatThrownBy(() -> DIFF_AND_ANALYSES_USE_NO_RULES.check(violations))
        .hasMessageContaining("diff.DeliberateViolation");
    assertThatThrownBy(() -> DIFF_LAYER.check(violations)).hasMessageContaining("rules.Rule");
    assertThatThrownBy(() -> CALCULATIONS_READ_ONLY_THE_MODEL.check(violations))
        .hasMessageContaining("spend.DeliberateViolation")
        .hasMessageContaining("Validator");
    assertThatThrownBy(() -> NO_PACKAGE_CYCLES.check(violations))
        .hasMessageContaining("Cycle detected");
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
