package io.waymark.engine.rules.core;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Failing and passing fixtures for {@code schema}. */
class SchemaTest extends CoreFixture {

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

  /**
   * A value is shortened in a message (60 characters); an unknown key was not: a key of a thousand
   * characters (of any length in a one-line {...} mapping: 200,000 made a 200 kB line) went whole
   * into the CI log, the SARIF and the JUnit XML. The path keeps it whole.
   */
  @Test
  void shouldShortenAVeryLongUnknownFieldInTheMessage() {
    Path faq = example().resolve(FAQ_BOT);
    String key = "k".repeat(1_000);
    Fixtures.replaceOnce(faq, "agentic: false", key + ": false");

    assertThat(Fixtures.only("schema").validate(repo))
        .containsRule("schema")
        .inFile(FAQ_BOT)
        .withPath("/spec/" + key)
        .withMessageContaining("unknown field '" + "k".repeat(57) + "...' in /spec")
        .hasCount(1);
  }

  /**
   * SPEC 8 keeps YAML 1.1's "no", "On" as text; in a boolean field the finding said "'no' has the
   * wrong type: string found, boolean expected" with the hint "Quote text, write numbers without
   * quotes or units, and dates as YYYY-MM-DD": nothing about what to write. It says which boolean
   * the text spells, as a number's finding says which number.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "no|'no' is YAML 1.1's spelling of false, which Waymark reads as text|Write false.",
        "On|'On' is YAML 1.1's spelling of true, which Waymark reads as text|Write true.",
        "'true'|'true' is a boolean in quotes, which Waymark reads as text|Write true without"
            + " quotes.",
        "maybe|'maybe' has the wrong type: string found, boolean expected|Write true or false"
      })
  void shouldSayWhichBooleanATextSpells(String written, String message, String hint) {
    Path faq = example().resolve(FAQ_BOT);
    Fixtures.replaceOnce(faq, "agentic: false", "agentic: " + written);

    assertThat(Fixtures.only("schema").validate(repo))
        .containsRule("schema")
        .inFile(FAQ_BOT)
        .withPath("/spec/agentic")
        .withMessageContaining("/spec/agentic: " + message)
        .withHintContaining(hint)
        .hasCount(1);
  }

  @Test
  void shouldSayAMergeKeyIsYaml11NotSuggestAnotherField() {
    Path vendors = example().resolve("vendors/gpu-cloud-capacity.yaml");
    Fixtures.replaceOnce(vendors, "  weights:\n", "  weights: &weights\n");
    Fixtures.replaceOnce(vendors, "  thresholds:\n", "  thresholds:\n    <<: *weights\n");

    assertThat(Fixtures.only("schema").validate(repo))
        .containsRule("schema")
        .withPath("/spec/thresholds/<<")
        .withMessageContaining("unknown field '<<' in /spec/thresholds (a merge key of YAML 1.1;")
        .withHintContaining("Write the fields out in this mapping")
        .hasCount(1);
  }

  @Test
  void shouldAcceptAnotherAllowedValue() {
    Path faq = example().resolve(FAQ_BOT);
    Fixtures.replaceOnce(faq, "status: retired", "status: idea");

    assertThat(Fixtures.only("schema").validate(repo)).doesNotContainRule("schema");
  }
}
