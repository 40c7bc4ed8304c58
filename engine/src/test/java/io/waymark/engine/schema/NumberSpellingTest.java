package io.waymark.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.finding.Finding;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberSpellingTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0x10       | hexadecimal   | 16",
        "-0x1F      | hexadecimal   | -31",
        "0o17       | octal         | 15",
        "0b101      | binary        | 5",
        "-0B11      | binary        | -3",
        "0100       | leading zero  | 100",
        "007.50     | leading zero  | 7.50",
        "1_000_000  | '_'           | 1000000",
        "300,000    | thousands     | 300000",
        "'$1,250.50' | currency     | 1250.5",
        "1.5M       | millions      | 1500000",
        "250k       | thousands     | 250000",
        "15%        | percent       | 15",
        "12.        | after         | 12",
        "100000     | quotes        | 100000",
      })
  void shouldSayWhatANumberWrittenAsTextIsAndWhatToWrite(String text, String what, String instead) {
    Optional<NumberSpelling> spelling = NumberSpelling.of(text);

    assertThat(spelling).isPresent();
    assertThat(spelling.get().what()).contains(what);
    assertThat(spelling.get().instead()).contains(instead);
  }

  @ParameterizedTest
  @ValueSource(strings = {".inf", "-.Inf", "+.INF", ".nan", ".NaN"})
  void shouldOfferNoNumberForInfinityOrNotANumber(String text) {
    Optional<NumberSpelling> spelling = NumberSpelling.of(text);

    assertThat(spelling).isPresent();
    assertThat(spelling.get().what()).containsAnyOf("infinity", "not a number");
    assertThat(spelling.get().instead()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"about ten", "1,5", "1,2,3", "TBD", "0xZZ", ""})
  void shouldLeaveTextThatIsNoNumberToTheGeneralMessage(String text) {
    assertThat(NumberSpelling.of(text)).isEmpty();
  }

  /** Where a number is expected, the finding says what was written and what to write instead. */
  @Test
  void shouldNameTheNumberToWriteAtTheValue() {
    Path copy = Fixtures.copyExample(dir.resolve("copy"));
    Path bc = copy.resolve("business-cases/pipeline-automation.yaml");
    Fixtures.replaceOnce(bc, "    timelineWeeks: 12\n", "    timelineWeeks: 0xC\n");
    Fixtures.replaceOnce(bc, "  contingencyPct: 15\n", "  contingencyPct: .inf\n");

    List<Finding> schema =
        Fixtures.validate(copy).findings().stream().filter(f -> f.rule().equals("schema")).toList();

    assertThat(schema)
        .anySatisfy(
            f -> {
              assertThat(f.location().line()).isEqualTo(55);
              assertThat(f.location().column()).isEqualTo(20);
              assertThat(f.message())
                  .isEqualTo(
                      "/spec/solution/timelineWeeks: '0xC' is a hexadecimal number, which Waymark"
                          + " reads as text; a number is expected here");
              assertThat(f.hint()).isEqualTo("Write 12.");
            })
        .anySatisfy(
            f -> {
              assertThat(f.location().line()).isEqualTo(71);
              assertThat(f.message()).contains("'.inf' is YAML's infinity");
              assertThat(f.hint()).contains("finite");
            });
  }
}
