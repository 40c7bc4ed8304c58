package io.waymark.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.finding.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateSpellingTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "2027-3-1, 2027-03-01",
    "2027/03/01, 2027-03-01",
    "2027.3.31, 2027-03-31",
    "2027-03-31T10:00:00Z, 2027-03-31",
    "2027-03-31 10:00, 2027-03-31"
  })
  void shouldOfferTheDateATextCertainlyMeans(String text, String date) {
    assertThat(DateSpelling.instead(text)).contains(date);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "03/02/2027",
        "2027-13-01",
        "2027-02-30",
        "next quarter",
        "Q3 2027",
        "0207-04-30",
        "0207/4/30"
      })
  void shouldOfferNoDateWhenItCannotBeToldForCertain(String text) {
    assertThat(DateSpelling.instead(text)).isEmpty();
  }

  /** The finding said "does not match ^[0-9]{4}-(0[1-9]|1[0-2])-…$": a regular expression. */
  @Test
  void shouldSayADateIsNotWrittenYyyyMmDdAndWhatToWrite() {
    Path copy = Fixtures.copyExample(dir.resolve("copy"));
    Path roadmap = copy.resolve("roadmap.yaml");
    String due = Fixtures.read(roadmap).lines().filter(l -> l.contains(" due: ")).findFirst().get();
    Fixtures.replaceOnce(roadmap, due, due.substring(0, due.indexOf("due: ")) + "due: 2027-3-1");

    List<Finding> schema =
        Fixtures.validate(copy).findings().stream().filter(f -> f.rule().equals("schema")).toList();

    assertThat(schema)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message()).endsWith(": '2027-3-1' is not a date written YYYY-MM-DD");
              assertThat(f.message()).doesNotContain("[0-9]");
              assertThat(f.hint()).isEqualTo("Write 2027-03-01.");
            });
  }

  /**
   * 0207-04-30 (a slip for 2027) was read as the year 207: "its latest actual spend is from
   * 0207-04-30, 664756 days before 2027-05-14". A year begins with 1 to 9, as on the command line.
   */
  @Test
  void shouldRefuseAYearWrittenWithALeadingZero() {
    Path copy = Fixtures.copyExample(dir.resolve("copy"));
    Path roadmap = copy.resolve("roadmap.yaml");
    Fixtures.replaceOnce(
        roadmap, "{date: 2027-04-30, amount: 48000", "{date: 0207-04-30, amount: 48000");

    List<Finding> findings = Fixtures.validate(copy).findings();

    assertThat(findings.stream().filter(f -> f.rule().equals("schema")))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message())
                  .endsWith(": '0207-04-30' has the year 0207, written with a leading zero");
              assertThat(f.hint()).startsWith("Write the date as YYYY-MM-DD with a year from 1000");
            });
    assertThat(findings).noneMatch(f -> f.message().contains("664756"));
  }
}
