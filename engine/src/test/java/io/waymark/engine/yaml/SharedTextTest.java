package io.waymark.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fast parser shares short texts straight from the characters it reads ({@link
 * YamlReader#shared(char[], int, int)}): each must be exactly the text a plain string of those
 * characters is, whether or not the table holds it (other test classes read YAML meanwhile, so
 * which copy is returned is not asserted), and a text too long to share is still the right text.
 */
class SharedTextTest {

  @Test
  void shouldGiveTheTextOfTheCharactersAndShareItWithTheStringLookUp() {
    List<String> texts =
        List.of(
            "",
            "id",
            "status",
            "planned",
            "é-accent",
            "ünïcödé ключ",
            "emoji \uD83D\uDE00 pair",
            "a".repeat(40),
            "b".repeat(41),
            "Aa",
            "BB"); // "Aa" and "BB" have the same hash: they must not be taken for each other
    for (String text : texts) {
      char[] chars = ("  " + text + "::").toCharArray();
      String fromChars = YamlReader.shared(chars, 2, 2 + text.length());
      assertThat(fromChars).isEqualTo(text);
      String again = YamlReader.shared(chars, 2, 2 + text.length());
      assertThat(again).isEqualTo(text);
      assertThat(YamlReader.shared(new String(text))).isEqualTo(text);
    }
    assertThat(YamlReader.shared("Aa".toCharArray(), 0, 2)).isEqualTo("Aa");
    assertThat(YamlReader.shared("BB".toCharArray(), 0, 2)).isEqualTo("BB");
  }
}
