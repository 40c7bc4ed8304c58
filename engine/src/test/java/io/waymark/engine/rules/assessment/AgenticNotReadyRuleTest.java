package io.waymark.engine.rules.assessment;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgenticNotReadyRuleTest {

  private static final String RULE = "agentic-not-ready";
  private static final String USE_CASE = "use-cases/agentic-dispatch-assistant.yaml";
  private static final String APRIL = "assessment/2027-04-assessment.yaml";

  @TempDir Path dir;

  @Test
  void shouldReportAnAgenticPilotWithLatencyAtOneHundredMilliseconds() {
    Path root = Fixtures.copyExample(dir);
    Fixtures.replaceOnce(root.resolve(APRIL), "p95LatencyMs: 86", "p95LatencyMs: 100");
    Position status = statusOf(root.resolve(USE_CASE));

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withSeverity(Severity.ERROR)
        .inFile(USE_CASE)
        .at(status.line(), status.column())
        .withMessageContaining("agentic use case uc-agentic-dispatch-assistant is in pilot")
        .withMessageContaining("p95 latency 100 ms in assessment-2027-04 (needs under 100 ms)")
        .hasCount(1);
  }

  @Test
  void shouldReportAnAgenticPilotWithoutVectorDatabase() {
    Path root = Fixtures.copyExample(dir);
    Fixtures.replaceOnce(root.resolve(APRIL), "vectorDatabase: true", "vectorDatabase: false");
    Position status = statusOf(root.resolve(USE_CASE));

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .at(status.line(), status.column())
        .withMessageContaining("no vector database in assessment-2027-04")
        .hasCount(1);
  }

  @Test
  void shouldReportAnAgenticPilotWithoutAnyCostMetric() {
    Path root = Fixtures.copyExample(dir);
    Fixtures.replaceOnce(
        root.resolve("metrics/executive-dashboard.yaml"),
        "category: cost",
        "category: performance");
    Position status = statusOf(root.resolve(USE_CASE));

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .inFile(USE_CASE)
        .at(status.line(), status.column())
        .withMessageContaining("no metric of category cost")
        .hasCount(1);
  }

  @Test
  void shouldJudgeByTheLatestAssessment() {
    Fixtures.copyExample(dir);

    // Before the April re-assessment, January's 240 ms and missing vector database apply.
    assertThat(AsOf.validate(Fixtures.only(RULE), dir, "2027-04-29"))
        .containsRule(RULE)
        .withMessageContaining("p95 latency 240 ms in assessment-2027-01")
        .withMessageContaining("no vector database in assessment-2027-01")
        .hasCount(1);
  }

  @Test
  void shouldAcceptAnAgenticIdeaOnUnreadyInfrastructure() {
    Path root = Fixtures.copyExample(dir);
    Fixtures.replaceOnce(root.resolve(APRIL), "vectorDatabase: true", "vectorDatabase: false");
    Fixtures.replaceOnce(root.resolve(USE_CASE), "status: pilot", "status: idea");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptTheAgenticPilotOfTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }

  private static Position statusOf(Path file) {
    Position p = Fixtures.positionOf(file, "status: pilot");
    return new Position(p.line(), p.column() + "status: ".length());
  }
}
