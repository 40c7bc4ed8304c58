package io.waymark.engine.rules.guide;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code greenfield-unjustified} (a guide rule of issue 9). */
class GreenfieldTest extends GuideFixture {

  private static final String EXPERIMENT = "        - id: i-edge-cold-chain-experiment\n";

  @Test
  void shouldReportAGreenfieldBuildReplacingYoungInfrastructure() {
    Fixtures.replaceOnce(
        file(ROADMAP),
        EXPERIMENT,
        EXPERIMENT + "          site: greenfield\n          replacedAgeYears: 4\n");
    Position at = Fixtures.positionOf(file(ROADMAP), "site: greenfield");

    assertThat(Fixtures.only("greenfield-unjustified").validate(repo))
        .containsRule("greenfield-unjustified")
        .withSeverity(Severity.WARNING)
        .at(at.line(), at.column() + "site: ".length())
        .withMessageContaining(
            "greenfield initiative i-edge-cold-chain-experiment is not justified: the"
                + " infrastructure it replaces is 4 years old (under 7)")
        .hasCount(1);
  }

  @Test
  void shouldAcceptGreenfieldForOldInfrastructureOnceUseCasesAreInProduction() {
    Fixtures.replaceOnce(
        file(ROADMAP),
        EXPERIMENT,
        EXPERIMENT + "          site: greenfield\n          replacedAgeYears: 9\n");

    assertThat(Fixtures.only("greenfield-unjustified").validate(repo))
        .doesNotContainRule("greenfield-unjustified");
  }
}
