package io.waymark.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.finding.Severity;
import org.junit.jupiter.api.Test;

/** The text format pads severities without a Formatter: exactly as {@code %-7s} did. */
class TextFormatPaddingTest {

  @Test
  void shouldPadAsTheFormatStringDid() {
    for (Severity s : Severity.values()) {
      assertThat(TextFormat.padded(s.id(), 7)).isEqualTo(String.format("%-7s", s.id()));
    }
    for (String text : new String[] {"", "a", "abcdefg", "abcdefgh", "é"}) {
      assertThat(TextFormat.padded(text, 7)).isEqualTo(String.format("%-7s", text));
    }
  }
}
