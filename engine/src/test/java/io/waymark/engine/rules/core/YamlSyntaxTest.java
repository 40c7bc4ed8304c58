package io.waymark.engine.rules.core;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code yaml-syntax}. */
class YamlSyntaxTest extends CoreFixture {

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
    assertThat(Fixtures.only("yaml-syntax").validate(example())).doesNotContainRule("yaml-syntax");
  }
}
