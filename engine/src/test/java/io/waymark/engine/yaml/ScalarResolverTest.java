package io.waymark.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written number reader against the core schema's patterns, and the values it gives. */
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
}
