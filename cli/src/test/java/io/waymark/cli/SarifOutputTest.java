package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.SchemaLocation;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Tag(LocaleSensitive.TAG)
class SarifOutputTest {

  @TempDir Path tmp;

  KnownFindings repo;

  @BeforeEach
  void breakTheExample() {
    repo = KnownFindings.create(tmp);
  }

  private Cli sarif() {
    return Cli.run("validate", repo.dir().toString(), "--format", "sarif");
  }

  private static JsonNode json(String text) {
    return JsonMapper.builder().build().readTree(text);
  }

  @Test
  void shouldValidateAgainstTheOfficialSarifSchemaWithoutTheNetwork() {
    Cli cli = sarif();
    MachineFormats.Sarif schema = new MachineFormats.Sarif();

    assertThat(cli.code()).isEqualTo(1);
    assertThat(schema.problems(cli.out())).isEmpty();
    assertThat(schema.refused).isEmpty();
  }

  @Test
  void shouldValidateTheCleanExampleToo() {
    Cli cli = Cli.run("validate", GitWorkTree.EXAMPLE.toString(), "--format", "sarif");

    assertThat(cli.code()).isZero();
    assertThat(new MachineFormats.Sarif().problems(cli.out())).isEmpty();
    assertThat(json(cli.out()).get("runs").get(0).get("results")).isEmpty();
  }

  @Test
  void shouldRefuseARemoteSchemaInsteadOfFetchingIt() {
    MachineFormats.Sarif schema = new MachineFormats.Sarif();

    assertThatThrownBy(
            () ->
                schema.registry.getSchema(
                    SchemaLocation.of("https://json.schemastore.org/sarif-2.1.0.json")))
        .isInstanceOf(RuntimeException.class);
    assertThat(schema.refused).containsExactly("https://json.schemastore.org/sarif-2.1.0.json");
  }

  @Test
  void shouldReportASchemaViolationOfABrokenLog() {
    // The schema check is real: a log without runs, with a bad level, fails it.
    String broken =
        "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"w\"}},"
            + " \"results\": [{\"message\": {\"text\": \"x\"}, \"level\": \"fatal\"}]}]}";

    assertThat(new MachineFormats.Sarif().problems(broken)).isNotEmpty();
  }

  @Test
  void shouldDescribeEveryRegisteredRule() {
    JsonNode log = json(sarif().out());
    JsonNode driver = log.get("runs").get(0).get("tool").get("driver");
    List<RuleDescriptor> registered = RuleRegistry.discover().descriptors();

    assertThat(log.get("$schema").asString())
        .isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
    assertThat(log.get("version").asString()).isEqualTo("2.1.0");
    assertThat(driver.get("name").asString()).isEqualTo("waymark");
    assertThat(driver.get("informationUri").asString()).isEqualTo("https://waymark.io");
    assertThat(driver.get("version").asString()).isNotBlank();
    JsonNode rules = driver.get("rules");
    assertThat(rules.size()).isEqualTo(registered.size());
    for (int i = 0; i < registered.size(); i++) {
      RuleDescriptor d = registered.get(i);
      JsonNode r = rules.get(i);
      assertThat(r.get("id").asString()).isEqualTo(d.id());
      assertThat(r.get("shortDescription").get("text").asString()).isEqualTo(d.summary());
      assertThat(r.get("fullDescription").get("text").asString()).isEqualTo(d.rationale());
      assertThat(r.get("help").get("text").asString()).isEqualTo(d.fix());
      assertThat(r.get("help").get("markdown").asString()).contains(d.fix());
      assertThat(r.get("properties").get("group").asString()).isEqualTo(d.group());
    }
    JsonNode mismatch = rules.get(indexOf(registered, "vendor-decision-mismatch"));
    assertThat(mismatch.get("name").asString()).isEqualTo("VendorDecisionMismatch");
    assertThat(mismatch.get("defaultConfiguration").get("level").asString()).isEqualTo("error");
    assertThat(
            rules
                .get(indexOf(registered, "not-waymark"))
                .get("defaultConfiguration")
                .get("level")
                .asString())
        .isEqualTo("note");
  }

  @Test
  void shouldReportEachFindingWithLocationFingerprintAndRuleIndex() {
    Cli cli = sarif();
    JsonNode run = json(cli.out()).get("runs").get(0);
    JsonNode findings =
        json(Cli.run("validate", repo.dir().toString(), "--format", "json").out()).get("findings");
    JsonNode rules = run.get("tool").get("driver").get("rules");
    List<JsonNode> active = new ArrayList<>();
    run.get("results")
        .forEach(
            r -> {
              if (!r.has("suppressions")) {
                active.add(r);
              }
            });

    assertThat(active).hasSize(7);
    assertThat(active)
        .extracting(r -> r.get("ruleId").asString())
        .containsExactly(
            "pitfall-no-metrics",
            "schema",
            "schema",
            "not-waymark",
            "history-unavailable",
            "vendor-decision-mismatch",
            "vendor-red-flag");
    assertThat(active)
        .extracting(r -> r.get("level").asString())
        .containsExactly("warning", "error", "error", "note", "note", "error", "error");
    for (int i = 0; i < active.size(); i++) {
      JsonNode r = active.get(i);
      JsonNode f = findings.get(i);
      assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asString())
          .isEqualTo(r.get("ruleId").asString());
      assertThat(r.get("partialFingerprints").get("waymark/v1").asString())
          .isEqualTo(f.get("fingerprint").asString());
      JsonNode physical = r.get("locations").get(0).get("physicalLocation");
      assertThat(physical.get("artifactLocation").get("uri").asString())
          .isEqualTo(f.get("file").asString());
      assertThat(physical.get("artifactLocation").get("uriBaseId").asString())
          .isEqualTo("%SRCROOT%");
      assertThat(physical.get("region").get("startLine").asInt()).isEqualTo(f.get("line").asInt());
      assertThat(physical.get("region").get("startColumn").asInt())
          .isEqualTo(f.get("column").asInt());
    }
    JsonNode mismatch = active.get(5);
    JsonNode region = mismatch.get("locations").get(0).get("physicalLocation").get("region");
    assertThat(
            mismatch
                .get("locations")
                .get(0)
                .get("physicalLocation")
                .get("artifactLocation")
                .get("uri")
                .asString())
        .isEqualTo(KnownFindings.GPU);
    assertThat(region.get("startLine").asInt()).isEqualTo(repo.decisionLine());
    assertThat(region.get("startColumn").asInt()).isEqualTo(17);
    assertThat(mismatch.get("message").get("text").asString())
        .startsWith("vendor 'v-helio-cloud' is declared go but scores 69.33%")
        .contains("\nhint: Set 'decision: diligence'");
    assertThat(
            mismatch
                .get("locations")
                .get(0)
                .get("logicalLocations")
                .get(0)
                .get("fullyQualifiedName")
                .asString())
        .isEqualTo("/spec/vendors/1/decision");
    assertThat(run.get("originalUriBaseIds").has("%SRCROOT%")).isTrue();
  }

  /**
   * Outside Git with an absolute DIR, the description of %SRCROOT% named the machine's path: the
   * SARIF differed from machine to machine and told the agent's folders to whoever reads it.
   */
  @Test
  void shouldNameNoAbsolutePathOfTheMachine() {
    String text = sarif().out();
    String root = repo.dir().toAbsolutePath().toString();

    assertThat(text).doesNotContain(root);
    assertThat(MachineFormats.sourceRootDescription(json(text)))
        .isEqualTo(
            "The roadmap repository folder Waymark validated; every artifact uri is relative to"
                + " it.");
  }

  @Test
  void shouldListSuppressedFindingsWithTheirJustification() {
    JsonNode run = json(sarif().out()).get("runs").get(0);
    List<JsonNode> suppressed = new ArrayList<>();
    run.get("results")
        .forEach(
            r -> {
              if (r.has("suppressions")) {
                suppressed.add(r);
              }
            });

    assertThat(suppressed).hasSize(1);
    JsonNode s = suppressed.get(0);
    assertThat(s.get("ruleId").asString()).isEqualTo("not-waymark");
    assertThat(
            s.get("locations")
                .get(0)
                .get("physicalLocation")
                .get("artifactLocation")
                .get("uri")
                .asString())
        .isEqualTo(KnownFindings.SCRATCH);
    assertThat(s.get("suppressions").get(0).get("kind").asString()).isEqualTo("inSource");
    assertThat(s.get("suppressions").get(0).get("justification").asString())
        .isEqualTo(KnownFindings.SUPPRESSION_REASON);
  }

  @Test
  void shouldBeByteIdenticalOnTheSameInput() {
    assertThat(sarif().out()).isEqualTo(sarif().out());
  }

  private static int indexOf(List<RuleDescriptor> rules, String id) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new IllegalArgumentException(id);
  }
}
