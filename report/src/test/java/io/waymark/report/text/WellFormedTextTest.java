package io.waymark.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The replacement of characters XML 1.0 does not allow, read a block at a time: held to the plain
 * char-by-char reading on generated texts of every length around the block's, with pairs and lone
 * surrogates and controls at the block's edges.
 */
class WellFormedTextTest {

  /** The plain reading, char by char (what the block reading must give). */
  private static int reference(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (!(c == '\t'
          || c == '\n'
          || c == '\r'
          || (c >= 0x20 && c <= 0xD7FF)
          || (c >= 0xE000 && c <= 0xFFFD))) {
        return i;
      }
    }
    return -1;
  }

  private static final char[] ODD = {
    'a', 'é', '→', '\t', '\n', '\r', '\u0001', '\u001F', '\uD83D', '\uDE00', '\uFFFE', '\uFFFF',
    '\uFFFD', '\uE000', '\uD7FF'
  };

  @Test
  void shouldFindTheFirstBadCharAsTheCharByCharReadingDoes() {
    Random random = new Random(13);
    for (int round = 0; round < 3_000; round++) {
      int length =
          round % 3 == 0
              ? 8192 + random.nextInt(5) - 2
              : random.nextInt(round % 5 == 0 ? 20_000 : 50);
      char[] cs = new char[length];
      for (int i = 0; i < length; i++) {
        cs[i] = random.nextInt(50) == 0 ? ODD[random.nextInt(ODD.length)] : 'x';
      }
      if (length > 8192 && round % 2 == 0) {
        cs[8191] = '\uD83D'; // a pair across the block's end
        cs[8192] = '\uDE00';
      }
      String text = new String(cs);
      assertThat(WellFormedText.firstBad(text)).as("round %d", round).isEqualTo(reference(text));
    }
  }

  @Test
  void shouldReplaceOnlyWhatIsNotAllowed() {
    assertThat(WellFormedText.of("plain → text\twith 😀\n")).isEqualTo("plain → text\twith 😀\n");
    assertThat(WellFormedText.of("a\u0001b\uD83Dc\uFFFE")).isEqualTo("a\uFFFDb\uFFFDc\uFFFD");
    String pairAcross = "x".repeat(8191) + "😀" + "\u0002";
    assertThat(WellFormedText.of(pairAcross)).isEqualTo("x".repeat(8191) + "😀" + "\uFFFD");
    assertThat(WellFormedText.of("")).isEmpty();
  }

  @Test
  void shouldWriteWhatOfMakesWhateverTheWritesCutTheText() throws IOException {
    Random random = new Random(17);
    for (int round = 0; round < 2_000; round++) {
      int length = random.nextInt(round % 7 == 0 ? 20_000 : 60);
      char[] cs = new char[length];
      for (int i = 0; i < length; i++) {
        cs[i] = random.nextInt(8) == 0 ? ODD[random.nextInt(ODD.length)] : 'x';
      }
      String text = new String(cs);
      StringWriter made = new StringWriter();
      try (Writer w = WellFormedText.writer(made)) {
        int at = 0;
        while (at < length) {
          int cut = Math.min(length - at, 1 + random.nextInt(round % 2 == 0 ? 3 : 9_000));
          if (random.nextBoolean()) {
            w.write(cs, at, cut);
          } else {
            w.write(text, at, cut);
          }
          if (random.nextInt(5) == 0) {
            w.flush();
          }
          at += cut;
        }
      }
      assertThat(made.toString()).as("round %d", round).isEqualTo(WellFormedText.of(text));
    }
  }

  @Test
  void shouldReplaceAHighSurrogateLeftAtTheEnd() throws IOException {
    StringWriter made = new StringWriter();
    try (Writer w = WellFormedText.writer(made)) {
      w.write("a\uD83D");
      w.flush();
      assertThat(made.toString()).isEqualTo("a");
    }
    assertThat(made.toString()).isEqualTo("a\uFFFD");
  }
}
