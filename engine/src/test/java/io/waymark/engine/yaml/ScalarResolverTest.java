package io.waymark.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** The hand-written number reader against the core schema's patterns, and the values it gives. */
// Alone: the table of shared numbers is the JVM's, and a class reading YAML beside this one could
// take a number's place between two reads of it.
@Isolated
class ScalarResolverTest {

  private static int reference(String text) {
    if (ScalarResolver.INT.matcher(text).matches()) {
      return ScalarResolver.INTEGER;
    }
    return ScalarResolver.FLOAT.matcher(text).matches()
        ? ScalarResolver.DECIMAL
        : ScalarResolver.NOT_A_NUMBER;
  }

  @Test
  void shouldReadNumbersExactlyAsTheCoreSchemaPatterns() {
    String alphabet = "0123456789+-.eEx ";
    Random random = new Random(13);
    for (int n = 0; n < 200_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(8);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String t = text.toString();
      assertThat(ScalarResolver.number(t)).as("'%s'", t).isEqualTo(reference(t));
    }
    for (String t :
        new String[] {
          "0", "-0", "+7", "012", "1.", ".5", "-.5", "1e5", "1E+5", "1e", "2027-03-05", "1:20", "."
        }) {
      assertThat(ScalarResolver.number(t)).as("'%s'", t).isEqualTo(reference(t));
    }
  }

  @Test
  void shouldGiveTheSameValuesAsBeforeForIntegersLongAndShort() {
    for (String t :
        new String[] {"0", "-0", "+42", "-17", "999999999999999999", "1000000000000000000000"}) {
      YamlScalar s = ScalarResolver.plain(t, 1, 1);
      String digits = t.startsWith("+") ? t.substring(1) : t;
      assertThat(s.value()).isEqualTo(new BigDecimal(new BigInteger(digits)));
      assertThat(s.integer()).isTrue();
    }
    assertThat(ScalarResolver.plain("1.50", 1, 1).value()).isEqualTo(new BigDecimal("1.50"));
    assertThat(ScalarResolver.plain("2027-03-05", 1, 1).value()).isEqualTo("2027-03-05");
    assertThat(ScalarResolver.plain("Null", 1, 1).value()).isNull();
    assertThat(ScalarResolver.plain("", 1, 1).value()).isNull();
    assertThat(ScalarResolver.plain("TRUE", 1, 1).value()).isEqualTo(Boolean.TRUE);
    assertThat(ScalarResolver.plain("no", 1, 1).value()).isEqualTo("no");
  }

  @Test
  void shouldShareOneValueForTheSameNumberTextAndKeepEachTextsOwnValue() {
    Object first = ScalarResolver.plain("25000", 1, 1).value();
    YamlScalar again = ScalarResolver.plain("25000", 9, 4);
    assertThat(again.value()).isSameAs(first).isEqualTo(new BigDecimal("25000"));
    assertThat(again.integer()).isTrue();
    assertThat(again.line()).isEqualTo(9);
    assertThat(ScalarResolver.plain("12.50", 1, 1).value())
        .isSameAs(ScalarResolver.plain("12.50", 2, 1).value());
    assertThat(ScalarResolver.plain("12.50", 2, 1).integer()).isFalse();
    // Equal numbers written differently keep their own scale.
    assertThat(((BigDecimal) ScalarResolver.plain("1.0", 1, 1).value()).scale()).isEqualTo(1);
    assertThat(((BigDecimal) ScalarResolver.plain("1", 1, 1).value()).scale()).isZero();
    // However many texts share a place in the table, each reads as its own number.
    Random random = new Random(7);
    for (int n = 0; n < 50_000; n++) {
      String t =
          random.nextBoolean()
              ? Integer.toString(random.nextInt(5_000) - 100)
              : random.nextInt(300) + "." + random.nextInt(100);
      assertThat(ScalarResolver.plain(t, 1, 1).value()).as(t).isEqualTo(new BigDecimal(t));
    }
  }
}
