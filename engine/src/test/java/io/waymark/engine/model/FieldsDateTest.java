package io.waymark.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The dates a model reads ({@link Fields#parseDate}) are exactly {@link LocalDate#parse}'s: the
 * same date for every text it reads, the same exception (class and message) for every text it
 * refuses, so that a schema finding about a date says the same with the fast form as without.
 */
class FieldsDateTest {

  @Test
  void everyTextGivesTheDateOrTheExceptionOfLocalDateParse() {
    List<String> texts =
        new ArrayList<>(
            List.of(
                "2027-05-14",
                "0000-01-01",
                "9999-12-31",
                "2028-02-29",
                "2027-02-29",
                "2027-02-30",
                "2027-04-31",
                "2027-13-01",
                "2027-00-10",
                "2027-01-00",
                "2027-1-01",
                "2027-01-1",
                "27-01-2027",
                "2027/01/01",
                "2027-01-01 ",
                " 2027-01-01",
                "+2027-01-01",
                "-2027-01-01",
                "20270-01-01",
                "2027-0a-01",
                "2027-01-0\u0661",
                "\u0662\u0660\u0662\u0667-01-01",
                "",
                "----------",
                "2027_01-01",
                "2027-01_01",
                "+12027-01-01",
                "2027-01-01T00:00"));
    Random random = new Random(13);
    String alphabet = "0123456789-+ /:T\u0660";
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      if (random.nextBoolean()) {
        // A plain form with random digits: valid and invalid calendar dates alike.
        text.append(
            String.format(
                "%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14), random.nextInt(33)));
      } else {
        for (int k = random.nextInt(12); k > 0; k--) {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      texts.add(text.toString());
    }
    for (String text : texts) {
      Object expected = outcome(() -> LocalDate.parse(text));
      Object actual = outcome(() -> Fields.parseDate(text));
      assertThat(actual).as("'%s'", text).isEqualTo(expected);
    }
  }

  /** The date, or the exception's class and message. */
  private static Object outcome(java.util.function.Supplier<LocalDate> parse) {
    Throwable thrown = catchThrowable(parse::get);
    return thrown == null ? parse.get() : thrown.getClass().getName() + ": " + thrown.getMessage();
  }
}
