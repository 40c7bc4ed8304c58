package io.waymark.engine.rules.core;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code unknown-kind}. */
class UnknownKindTest extends CoreFixture {

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
