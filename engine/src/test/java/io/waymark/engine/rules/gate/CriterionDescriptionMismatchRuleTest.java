package io.waymark.engine.rules.gate;

import static io.waymark.engine.FindingsAssert.assertThat;
import static io.waymark.engine.rules.gate.GateEvidenceMissingRuleTest.valueOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriterionDescriptionMismatchRuleTest {

  private static final String RULE = "criterion-description-mismatch";

  @TempDir Path dir;

  @Test
  void shouldFlagATargetLoweredBelowWhatTheDescriptionSays() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(
        roadmap,
        "operator: \">\"\n            target: 99",
        "operator: \">\"\n            target: 93.7");
    Position description = valueOf(roadmap, "description: Data-pipeline SLA above 99 %");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withSeverity(Severity.WARNING)
        .inFile("roadmap.yaml")
        .at(description.line(), description.column())
        .withMessageContaining(
            "criterion gc-p2-pipeline-sla of gate gate-build-foundations: its description states"
                + " 99 but its target is > 93.7")
        .withHintContaining("'> 93.7'")
        .hasCount(1);
  }

  @Test
  void shouldFlagANumberWordThatIsNotTheTarget() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "target: 10\n", "target: 8\n");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withMessageContaining("criterion gc-p3-production-use-cases")
        .withMessageContaining("states 10 but its target is >= 8")
        .hasCount(1);
  }

  @Test
  void shouldAcceptEveryCriterionOfTheExample() {
    Fixtures.copyExample(dir);

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldReadOnlyTheNumbersADescriptionStates() {
    assertThat(io.waymark.engine.gate.DescribedTarget.numbers("Every phase-1 milestone delivered"))
        .isEmpty();
    assertThat(
            io.waymark.engine.gate.DescribedTarget.numbers("ETA retrieval p95 under 100 ms in Q3"))
        .containsExactly(new BigDecimal("100"));
    assertThat(io.waymark.engine.gate.DescribedTarget.numbers("Spend split 70-20-10 by 2027-06-30"))
        .isEmpty();
    assertThat(io.waymark.engine.gate.DescribedTarget.numbers("At least three, above 93,7 %"))
        .isEqualTo(List.of(new BigDecimal("93.7"), new BigDecimal("3")));
    assertThat(io.waymark.engine.gate.DescribedTarget.numbers("1,000 users by 2028"))
        .containsExactly(new BigDecimal("1000"));
  }

  @Test
  void shouldReadAFractionTargetAsAPercentage() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(
        roadmap,
        "operator: \">\"\n            target: 99",
        "operator: \">\"\n            target: 0.99");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }
}
