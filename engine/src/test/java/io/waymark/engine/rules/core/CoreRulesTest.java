package io.waymark.engine.rules.core;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.RuleRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A failing and a passing fixture per core rule: each test copies the example roadmap (which
 * validates clean), changes one thing, and checks the one finding the change causes.
 */
class CoreRulesTest {

  private static final String APRIL = "assessment/2027-04-assessment.yaml";

  private static final String ROADMAP = "roadmap.yaml";
  private static final String GOVERNANCE = "governance.yaml";
  private static final String FAQ_BOT = "use-cases/legacy-faq-chatbot.yaml";

  @TempDir Path repo;

  private Path example() {
    return Fixtures.copyExample(repo);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "ref-unresolved",
        "duplicate-id",
        "roadmap-missing",
        "not-waymark",
        "unknown-kind",
        "yaml-syntax",
        "schema",
        "file-skipped",
        "suppression-expired"
      })
  void shouldBeRegisteredAndSilentOnTheExampleRoadmap(String rule) {
    assertThat(RuleRegistry.discover().rule(rule)).as("rule %s is registered", rule).isPresent();

    assertThat(Fixtures.only(rule).validate(example())).doesNotContainRule(rule);
  }

  @Nested
  class RefUnresolved {

    @Test
    void shouldReportABusinessCaseThatDoesNotExist() {
      Path roadmap = example().resolve(ROADMAP);
      Position at = Fixtures.positionOf(roadmap, "bc-pipeline-automation");
      Fixtures.replaceOnce(roadmap, "bc-pipeline-automation", "bc-pipeline-automaton");

      assertThat(Fixtures.only("ref-unresolved").validate(repo))
          .containsRule("ref-unresolved")
          .inFile(ROADMAP)
          .at(at.line(), at.column())
          .withPath("/spec/phases/0/initiatives/0/businessCase")
          .withSeverity(Severity.ERROR)
          .withMessageContaining("'bc-pipeline-automaton'")
          .withHintContaining("Did you mean 'bc-pipeline-automation'?")
          .hasCount(1);
    }

    @Test
    void shouldReportAMetricOfAUseCaseThatDoesNotExist() {
      Path faq = example().resolve(FAQ_BOT);
      Position at = Fixtures.positionOf(faq, "pilot-to-production-pct");
      Fixtures.replaceOnce(faq, "pilot-to-production-pct", "pilot-2-production");

      assertThat(Fixtures.only("ref-unresolved").validate(repo))
          .containsRule("ref-unresolved")
          .inFile(FAQ_BOT)
          .at(at.line(), at.column())
          .withPath("/spec/metrics/0")
          .hasCount(1);
    }

    @Test
    void shouldAcceptAReferenceToAnExistingBusinessCase() {
      Path roadmap = example().resolve(ROADMAP);
      // Point the first initiative at another business case that exists.
      Fixtures.replaceOnce(
          roadmap, "businessCase: bc-pipeline-automation", "businessCase: bc-data-foundations");

      assertThat(Fixtures.only("ref-unresolved").validate(repo))
          .doesNotContainRule("ref-unresolved");
    }
  }

  @Nested
  class DuplicateId {

    @Test
    void shouldReportTheSecondMilestoneWithTheSameId() {
      Path roadmap = example().resolve(ROADMAP);
      Position first = Fixtures.positionOf(roadmap, "id: ms-readiness-scorecard");
      Position second = Fixtures.positionOf(roadmap, "id: ms-cost-per-inference-baseline");
      Fixtures.replaceOnce(
          roadmap, "id: ms-cost-per-inference-baseline", "id: ms-readiness-scorecard");

      assertThat(Fixtures.only("duplicate-id").validate(repo))
          .containsRule("duplicate-id")
          .inFile(ROADMAP)
          .at(second.line(), second.column() + 4)
          .withPath("/spec/phases/0/milestones/1/id")
          .withSeverity(Severity.ERROR)
          .withMessageContaining(
              "already used at " + ROADMAP + ":" + first.line() + ":" + (first.column() + 4))
          .hasCount(1);
    }

    @Test
    void shouldReportTwoDocumentsOfOneKindWithTheSameId() throws IOException {
      example();
      Files.copy(repo.resolve(FAQ_BOT), repo.resolve("use-cases/z-copy.yaml"));
      Position id = Fixtures.positionOf(repo.resolve(FAQ_BOT), "uc-legacy-faq-chatbot");

      assertThat(Fixtures.only("duplicate-id").validate(repo))
          .containsRule("duplicate-id")
          .inFile("use-cases/z-copy.yaml")
          .at(id.line(), id.column())
          .withPath("/metadata/id")
          .withMessageContaining(FAQ_BOT)
          .hasCount(1);
    }

    @Test
    void shouldAcceptTheSameIdInDifferentKinds() {
      Path roadmap = example().resolve(ROADMAP);
      // A milestone may share its id with a use case: ids are unique per kind.
      Fixtures.replaceOnce(
          roadmap, "id: ms-cost-per-inference-baseline", "id: uc-legacy-faq-chatbot");

      assertThat(Fixtures.only("duplicate-id").validate(repo)).doesNotContainRule("duplicate-id");
    }

    @Test
    void shouldAcceptAReassessmentThatReRanksAnEarlierConstraint() {
      // The April re-assessment names c-data-quality (January, rank 4) again with rank 1.
      Path april = example().resolve(APRIL);
      assertThat(Fixtures.read(april)).contains("id: c-data-quality");

      assertThat(Fixtures.only("duplicate-id").validate(repo)).doesNotContainRule("duplicate-id");
    }

    @Test
    void shouldReportAConstraintIdNamedTwiceInOneAssessment() {
      Path april = example().resolve(APRIL);
      Fixtures.replaceOnce(april, "id: c-wan-headroom", "id: c-data-quality");
      Position second = Fixtures.positionOf(april, "id: c-data-quality\n      dimension: network");

      assertThat(Fixtures.only("duplicate-id").validate(repo))
          .containsRule("duplicate-id")
          .inFile(APRIL)
          .at(second.line(), second.column() + 4)
          .withMessageContaining("constraint id 'c-data-quality'")
          .hasCount(1);
    }

    @Test
    void shouldReportAConstraintIdReusedForAnotherDimension() {
      Path april = example().resolve(APRIL);
      Fixtures.replaceOnce(april, "id: c-wan-headroom", "id: c-idle-gpus");
      Position reused = Fixtures.positionOf(april, "id: c-idle-gpus");

      assertThat(Fixtures.only("duplicate-id").validate(repo))
          .containsRule("duplicate-id")
          .inFile(APRIL)
          .at(reused.line(), reused.column() + 4)
          .hasCount(1);
    }
  }

  @Nested
  class FlowMappingComma {

    @Test
    void shouldExplainAnUnknownFieldMadeByAnUnquotedCommaInAOneLineMapping() {
      Path april = example().resolve(APRIL);
      Fixtures.replaceOnce(
          april,
          "    - id: c-wan-headroom\n      dimension: network\n      rank: 4\n      description: >-\n"
              + "        The depot WAN links saturate at about 3x today's telematics volume, short"
              + " of the\n        10x in the diagnostic.\n",
          "    - {id: c-wan-headroom, dimension: network, rank: 4, description: WAN links"
              + " saturate, short of 10x}\n");
      Position key = Fixtures.positionOf(april, "short of 10x}");

      assertThat(Fixtures.only("schema").validate(repo))
          .containsRule("schema")
          .inFile(APRIL)
          .at(key.line(), key.column())
          .withMessageContaining("unknown field 'short of 10x'")
          .withHintContaining("The unquoted comma in the value of 'description' split it")
          .withHintContaining("description: \"WAN links saturate, short of 10x\"")
          .hasCount(1);
    }

    @Test
    void shouldStillRunThePlanRulesOnTheSchemaValidRestOfADocument() {
      Path roadmap = example().resolve(ROADMAP);
      // An enum typo in phase 1, and a budget that the initiatives overrun.
      Fixtures.replaceOnce(
          roadmap,
          "      months: [1, 3]\n      status: done",
          "      months: [1, 3]\n      status: dnoe");
      Fixtures.replaceOnce(roadmap, "total: 1800000", "total: 900000");
      Position typo = Fixtures.positionOf(roadmap, "dnoe");

      var result = Fixtures.only("schema", "budget-overrun").validate(repo);
      assertThat(result)
          .containsRule("schema")
          .inFile(ROADMAP)
          .at(typo.line(), typo.column())
          .withPath("/spec/phases/0/status")
          .hasCount(1);
      // The phase with the typo is left out; the rest of the roadmap is still checked.
      assertThat(result).containsRule("budget-overrun").inFile(ROADMAP).hasCount(1);
      assertThat(result.plan().roadmap().orElseThrow().phases())
          .extracting(io.waymark.engine.model.Phase::id)
          .containsExactly("phase-build-foundations", "phase-scale-optimise");
    }

    @Test
    void shouldLeaveOutADocumentWhoseErrorIsOutsideAnyListItem() {
      Path roadmap = example().resolve(ROADMAP);
      Fixtures.replaceOnce(roadmap, "horizonMonths: 18", "horizonMonths: eighteen");
      Fixtures.replaceOnce(roadmap, "total: 1800000", "total: 900000");

      var result = Fixtures.only("schema", "budget-overrun").validate(repo);
      assertThat(result).containsRule("schema").inFile(ROADMAP).hasCount(1);
      assertThat(result).doesNotContainRule("budget-overrun");
    }

    @Test
    void shouldKeepTheUsualHintForAnUnknownFieldInABlockMapping() {
      Path april = example().resolve(APRIL);
      Fixtures.replaceOnce(april, "      rank: 4\n", "      rank: 4\n      rnak: 4\n");

      assertThat(Fixtures.only("schema").validate(repo))
          .containsRule("schema")
          .withMessageContaining("unknown field 'rnak'")
          .withHintContaining("Remove the field or fix its name")
          .hasCount(1);
    }
  }

  @Nested
  class RoadmapMissing {

    @Test
    void shouldReportARepositoryWithoutRoadmap() throws IOException {
      Files.delete(example().resolve(ROADMAP));

      assertThat(Fixtures.only("roadmap-missing").validate(repo))
          .containsRule("roadmap-missing")
          .inFile(".")
          .withMessageContaining("no Roadmap document in the folder")
          .withSeverity(Severity.ERROR)
          .hasCount(1);
    }

    @Test
    void shouldReportASecondRoadmapAtItsKind() throws IOException {
      example();
      Files.copy(repo.resolve(ROADMAP), repo.resolve("z-roadmap.yaml"));
      Position kind = Fixtures.positionOf(repo.resolve(ROADMAP), "kind: Roadmap");

      assertThat(Fixtures.only("roadmap-missing").validate(repo))
          .containsRule("roadmap-missing")
          .inFile("z-roadmap.yaml")
          .at(kind.line(), kind.column() + 6)
          .withPath("/kind")
          .withMessageContaining("second Roadmap")
          .hasCount(1);
    }

    @Test
    void shouldAcceptARoadmapUnderAnotherFileName() throws IOException {
      example();
      Files.move(repo.resolve(ROADMAP), repo.resolve("plan-2027.yml"));

      assertThat(Fixtures.only("roadmap-missing").validate(repo))
          .doesNotContainRule("roadmap-missing");
    }
  }

  @Nested
  class NotWaymark {

    @Test
    void shouldNoteAForeignYamlFileAsInfo() {
      // Not under .github: the example's waymark.yaml excludes its own CI examples there.
      Fixtures.write(example(), "deploy/values.yaml", "replicas: 2\nimage: app:1.4\n");

      assertThat(Fixtures.only("not-waymark").validate(repo))
          .containsRule("not-waymark")
          .inFile("deploy/values.yaml")
          .at(1, 1)
          .withSeverity(Severity.INFO)
          .hasCount(1);
    }

    @Test
    void shouldStaySilentForAnExcludedForeignFile() {
      Path config = example().resolve("waymark.yaml");
      Fixtures.write(repo, "deploy/values.yaml", "replicas: 2\nimage: app:1.4\n");
      String settings = Fixtures.read(config);
      assertThat(settings).contains("  exclude:\n");
      Fixtures.write(
          repo,
          "waymark.yaml",
          settings.replace("  exclude:\n", "  exclude:\n    - \"deploy/**\"\n"));

      assertThat(Fixtures.only("not-waymark").validate(repo)).doesNotContainRule("not-waymark");
    }
  }

  @Nested
  class UnknownKind {

    @Test
    void shouldReportAMisspeltKindAtItsValue() {
      Path faq = example().resolve(FAQ_BOT);
      Position kind = Fixtures.positionOf(faq, "kind: UseCase");
      Fixtures.replaceOnce(faq, "kind: UseCase", "kind: Usecase");

      assertThat(Fixtures.only("unknown-kind").validate(repo))
          .containsRule("unknown-kind")
          .inFile(FAQ_BOT)
          .at(kind.line(), kind.column() + 6)
          .withPath("/kind")
          .withSeverity(Severity.ERROR)
          .withMessageContaining("'Usecase'")
          .hasCount(1);
    }

    @Test
    void shouldAcceptEveryKnownKind() {
      assertThat(Fixtures.only().validate(example()).load().documents())
          .extracting(d -> d.kind().id())
          .contains(
              "Config",
              "Roadmap",
              "Assessment",
              "BusinessCase",
              "VendorEvaluation",
              "UseCase",
              "Metrics",
              "Governance");
    }
  }

  @Nested
  class YamlSyntax {

    @Test
    void shouldReportADuplicateKeyNamingTheFirstLine() {
      Path governance = example().resolve(GOVERNANCE);
      Position kind = Fixtures.positionOf(governance, "kind: Governance");
      Fixtures.replaceOnce(governance, "kind: Governance", "kind: Governance\nkind: Governance");

      assertThat(Fixtures.only("yaml-syntax").validate(repo))
          .containsRule("yaml-syntax")
          .inFile(GOVERNANCE)
          .at(kind.line() + 1, 1)
          .withSeverity(Severity.ERROR)
          .withMessageContaining("duplicate key 'kind'")
          .withMessageContaining("line " + kind.line())
          .hasCount(1);
    }

    @Test
    void shouldStillValidateTheOtherFilesOfTheRepository() {
      Path governance = example().resolve(GOVERNANCE);
      Fixtures.replaceOnce(governance, "kind: Governance", "kind: Governance\nkind: Governance");
      Path faq = repo.resolve(FAQ_BOT);
      Position status = Fixtures.positionOf(faq, "retired");
      Fixtures.replaceOnce(faq, "status: retired", "status: retierd");

      ValidationResult result = Fixtures.only("yaml-syntax", "schema").validate(repo);

      assertThat(result).containsRule("yaml-syntax").inFile(GOVERNANCE);
      assertThat(result).containsRule("schema").inFile(FAQ_BOT).at(status.line(), status.column());
    }

    @Test
    void shouldAcceptTheSameKeyInSiblingMappings() {
      assertThat(Fixtures.only("yaml-syntax").validate(example()))
          .doesNotContainRule("yaml-syntax");
    }
  }

  @Nested
  class Schema {

    @Test
    void shouldReportAnEnumViolationAtTheValue() {
      Path faq = example().resolve(FAQ_BOT);
      Position status = Fixtures.positionOf(faq, "retired");
      Fixtures.replaceOnce(faq, "status: retired", "status: retierd");

      assertThat(Fixtures.only("schema").validate(repo))
          .containsRule("schema")
          .inFile(FAQ_BOT)
          .at(status.line(), status.column())
          .withPath("/spec/status")
          .withSeverity(Severity.ERROR)
          .withMessageContaining("'retierd'")
          .hasCount(1);
    }

    @Test
    void shouldReportAnUnknownFieldAtItsKeyWithASuggestion() {
      Path faq = example().resolve(FAQ_BOT);
      Position key = Fixtures.positionOf(faq, "agentic: false");
      Fixtures.replaceOnce(faq, "agentic: false", "agnetic: false");

      assertThat(Fixtures.only("schema").validate(repo))
          .containsRule("schema")
          .inFile(FAQ_BOT)
          .at(key.line(), key.column())
          .withPath("/spec/agnetic")
          .withMessageContaining("unknown field 'agnetic'")
          .hasCount(1);
    }

    @Test
    void shouldAcceptAnotherAllowedValue() {
      Path faq = example().resolve(FAQ_BOT);
      Fixtures.replaceOnce(faq, "status: retired", "status: idea");

      assertThat(Fixtures.only("schema").validate(repo)).doesNotContainRule("schema");
    }
  }

  @Nested
  class FileSkipped {

    @Test
    void shouldReportASymbolicLinkWithoutReadingItsTarget(@TempDir Path outside)
        throws IOException {
      Path target = Fixtures.write(outside, "evil.yaml", "apiVersion: waymark/v1\nkind: [\n");
      Files.createSymbolicLink(example().resolve("use-cases/linked.yaml"), target);

      ValidationResult result = Fixtures.only("file-skipped", "yaml-syntax").validate(repo);

      assertThat(result)
          .containsRule("file-skipped")
          .inFile("use-cases/linked.yaml")
          .at(1, 1)
          .withSeverity(Severity.WARNING)
          .withMessageContaining("symbolic link")
          .hasCount(1);
      assertThat(result).doesNotContainRuleInFile("yaml-syntax", "use-cases/linked.yaml");
    }

    @Test
    void shouldReadARegularFile() {
      Path faq = example().resolve(FAQ_BOT);
      Fixtures.write(
          repo,
          "use-cases/copy.yaml",
          Fixtures.read(faq).replace("uc-legacy-faq-chatbot", "uc-legacy-faq-chatbot-copy"));

      ValidationResult result = Fixtures.only("file-skipped").validate(repo);

      assertThat(result).doesNotContainRule("file-skipped");
      assertThat(result.load().documents())
          .extracting(d -> d.id())
          .contains("uc-legacy-faq-chatbot-copy");
    }
  }

  @Nested
  class SuppressionExpired {

    private static final String SUPPRESSION =
        """
          suppressions:
            - rule: not-waymark
              file: notes.yaml
              reason: generated by the wiki export
              owner: pmo
              expires: %s
        """;

    private void suppressUntil(String date) {
      Path config = example().resolve("waymark.yaml");
      Fixtures.write(repo, "waymark.yaml", Fixtures.read(config) + SUPPRESSION.formatted(date));
      Fixtures.write(repo, "notes.yaml", "wiki: export\n");
    }

    @Test
    void shouldReportAnExpiredSuppressionAtItsExpiryDate() {
      suppressUntil("2027-03-31");
      Position expires = Fixtures.positionOf(repo.resolve("waymark.yaml"), "2027-03-31");

      ValidationResult result = Fixtures.only("suppression-expired", "not-waymark").validate(repo);

      assertThat(result)
          .containsRule("suppression-expired")
          .inFile("waymark.yaml")
          .at(expires.line(), expires.column())
          .withPath("/spec/suppressions/0/expires")
          .withSeverity(Severity.WARNING)
          .withMessageContaining("expired on 2027-03-31")
          .hasCount(1);
      // An expired suppression stops working: the finding it hid counts again.
      assertThat(result).containsRule("not-waymark").inFile("notes.yaml");
    }

    @Test
    void shouldAcceptASuppressionThatHasNotExpired() {
      suppressUntil("2027-09-30");

      ValidationResult result = Fixtures.only("suppression-expired", "not-waymark").validate(repo);

      assertThat(result)
          .doesNotContainRule("suppression-expired")
          .doesNotContainRule("not-waymark");
      assertThat(result.suppressed())
          .singleElement()
          .satisfies(s -> assertThat(s.finding().rule()).isEqualTo("not-waymark"));
    }

    @Test
    void shouldStillApplyASuppressionOnItsExpiryDay() {
      suppressUntil("2027-05-14");

      assertThat(Fixtures.only("suppression-expired", "not-waymark").validate(repo))
          .doesNotContainRule("suppression-expired")
          .doesNotContainRule("not-waymark");
    }
  }
}
