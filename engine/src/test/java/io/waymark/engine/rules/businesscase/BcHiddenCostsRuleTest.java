package io.waymark.engine.rules.businesscase;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BcHiddenCostsRuleTest {

  private static final String RULE = "bc-hidden-costs";
  private static final String FILE = "business-cases/retrieval-latency.yaml";

  @TempDir Path dir;

  @Test
  void shouldReportACaseWithoutAnyHiddenCostOnItsCosts() {
    Path file = Fixtures.copyExample(dir).resolve(FILE);
    Fixtures.replaceOnce(file, "category: professional-services", "category: personnel");
    Fixtures.replaceOnce(file, "category: data-egress", "category: compute");
    Fixtures.replaceOnce(file, "category: support", "category: software-licences");
    Position first = Fixtures.positionOf(file, "- category: infrastructure\n      oneOff: 55000");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .hasCount(1)
        .inFile(FILE)
        .at(first.line(), first.column())
        .withPath("/spec/costs")
        .withSeverity(Severity.WARNING)
        .withMessageContaining(
            "'bc-retrieval-latency' lists only infrastructure, personnel, compute,"
                + " software-licences costs and none of the hidden ones");
  }

  @Test
  void shouldAcceptASingleHiddenCost() {
    Path file = Fixtures.copyExample(dir).resolve(FILE);
    Fixtures.replaceOnce(file, "category: professional-services", "category: personnel");
    Fixtures.replaceOnce(file, "category: data-egress", "category: compute");

    assertThat(Fixtures.only(RULE).validate(dir)).doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptTheExample() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }
}
