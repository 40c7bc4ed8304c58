package io.waymark.engine.rules.core;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code ref-unresolved}. */
class RefUnresolvedTest extends CoreFixture {

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

    assertThat(Fixtures.only("ref-unresolved").validate(repo)).doesNotContainRule("ref-unresolved");
  }
}
