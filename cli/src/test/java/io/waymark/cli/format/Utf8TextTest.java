package io.waymark.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.rules.RuleRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * An output made in UTF-8 as it is written holds every byte once, in order, however the writes fall
 * on its pieces; and each format made so is byte for byte the text {@link Formats#render} makes,
 * lone surrogates and all.
 */
class Utf8TextTest {

  @Test
  void shouldHoldEveryByteWrittenWhateverTheWrites() throws IOException {
    Random random = new Random(5);
    for (int round = 0; round < 60; round++) {
      Utf8Text.Buffer buffer = new Utf8Text.Buffer();
      ByteArrayOutputStream reference = new ByteArrayOutputStream();
      int total = random.nextInt(round % 4 == 0 ? 3_000_000 : 40_000);
      while (reference.size() < total) {
        if (random.nextInt(4) == 0) {
          int b = random.nextInt(256);
          buffer.write(b);
          reference.write(b);
        } else {
          byte[] bytes = new byte[random.nextInt(300_000) + 1];
          random.nextBytes(bytes);
          int from = random.nextInt(bytes.length);
          int count = random.nextInt(bytes.length - from + 1);
          buffer.write(bytes, from, count);
          reference.write(bytes, from, count);
        }
      }
      Utf8Text text = buffer.text();
      byte[] expected = reference.toByteArray();

      assertThat(text.length()).isEqualTo(expected.length);
      assertThat(text.exact()).isEqualTo(expected);
      ByteArrayOutputStream written = new ByteArrayOutputStream();
      text.writeTo(written);
      assertThat(written.toByteArray()).isEqualTo(expected);
      ByteBuffer put = ByteBuffer.allocate(expected.length + 2).put((byte) 7);
      text.putInto(put);
      assertThat(put.position()).isEqualTo(expected.length + 1);
      assertThat(put.array()).startsWith((byte) 7).endsWith((byte) 0);
    }
  }

  @Test
  void shouldJoinTwoTextsWithoutLosingTheEndOfEitherPiece() throws IOException {
    Utf8Text.Buffer head = new Utf8Text.Buffer();
    Utf8Text.Buffer body = new Utf8Text.Buffer();
    byte[] a = "é".repeat(9_000).getBytes(StandardCharsets.UTF_8); // two pieces, the last not full
    byte[] b = "ab".repeat(700_000).getBytes(StandardCharsets.UTF_8);
    head.write(a, 0, a.length);
    body.write(b, 0, b.length);

    Utf8Text joined = Utf8Text.concat(head.text(), body.text());

    assertThat(joined.length()).isEqualTo(a.length + b.length);
    assertThat(joined).hasToString("é".repeat(9_000) + "ab".repeat(700_000));
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    joined.writeTo(written);
    assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo(joined.toString());
  }

  @Test
  void shouldGiveTheOnlyArrayWhenTheTextFillsIt() {
    Utf8Text text = Utf8Text.of("plan ✔");

    assertThat(text.exact())
        .isSameAs(text.exact())
        .isEqualTo("plan ✔".getBytes(StandardCharsets.UTF_8));
    assertThat(text).hasToString("plan ✔");
  }

  @Test
  void shouldMakeEveryFormatAsTheRenderedText() {
    List<Finding> findings = new ArrayList<>(List.of(MachineFormatEscapingTest.NASTY));
    // Enough to fill many pieces, with pairs and lone halves on every side of their edges.
    String[] odd = {"😀", "\uD800", "\uDC00", "é", "\uFFFF", "\u0001", "x\uD83D"};
    IntStream.range(0, 4_000)
        .forEach(
            i ->
                findings.add(
                    new Finding(
                        "rule-" + (i % 7),
                        Severity.values()[i % 3],
                        new Location("f" + (i % 50) + ".yaml", 1 + i, 1, "/p"),
                        "message " + i + " " + odd[i % odd.length] + "y".repeat(i % 13),
                        odd[(i + 3) % odd.length])));
    var result = MachineFormatEscapingTest.result(findings.stream().sorted().toList());
    var rules = RuleRegistry.discover().descriptors();

    for (Format format : Format.values()) {
      byte[] rendered =
          Formats.render(format, result, rules, MachineFormatEscapingTest.OPTIONS)
              .getBytes(StandardCharsets.UTF_8);
      Utf8Text made = Formats.renderUtf8(format, result, rules, MachineFormatEscapingTest.OPTIONS);

      assertThat(made.exact()).as(format.name()).isEqualTo(rendered);
    }
  }
}
