package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The search for an ignore comment passes over most bytes without comparing them: it finds the mark
 * wherever a byte-by-byte search finds it, and the comments read are the same.
 */
class InlineIgnoreTest {

  private static final String MARK = "waymark:ignore";

  private static boolean naive(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1).contains(MARK);
  }

  @Test
  void shouldFindTheMarkWhereverAByteByByteSearchFindsIt() {
    Random random = new Random(17);
    String alphabet = "waymrk:ignoe #-\n\r xéq";
    for (int n = 0; n < 30_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(60);
      for (int i = 0; i < length; i++) {
        if (random.nextInt(40) == 0) {
          // The mark whole, or cut short, anywhere (also at the very start and end).
          text.append(
              random.nextBoolean() ? MARK : MARK.substring(0, random.nextInt(MARK.length())));
        } else {
          text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      assertThat(InlineIgnore.holdsMark(bytes)).as("'%s'", text).isEqualTo(naive(bytes));
    }
    for (String t :
        new String[] {"", "waymark:ignor", MARK, "x" + MARK, MARK + "x", "wwaymark:ignore", "r"}) {
      byte[] bytes = t.getBytes(StandardCharsets.UTF_8);
      assertThat(InlineIgnore.holdsMark(bytes)).as("'%s'", t).isEqualTo(naive(bytes));
    }
  }

  @Test
  void shouldReadTheCommentsOfAFileThatHasThem() {
    String yaml =
        "# intro\n"
            + "spec:\n"
            + "  status: done # waymark:ignore gate-evidence-missing -- signed off on paper\n"
            + "  note: waymark:ignore outside a comment\n"
            + "  owner: x #waymark:ignore bc-incomplete\n";
    List<InlineIgnore> found = InlineIgnore.scan(yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(found)
        .containsExactly(
            new InlineIgnore("gate-evidence-missing", "signed off on paper", 3),
            new InlineIgnore("bc-incomplete", "", 5));
    assertThat(InlineIgnore.scan("spec: {}\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
  }
}
