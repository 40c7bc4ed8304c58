package io.waymark.engine.rules.core;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failing and passing fixtures for {@code file-skipped}. */
class FileSkippedTest extends CoreFixture {

  @Test
  void shouldReportASymbolicLinkWithoutReadingItsTarget(@TempDir Path outside) throws IOException {
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
