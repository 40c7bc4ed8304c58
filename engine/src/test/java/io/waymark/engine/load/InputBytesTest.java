package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The inputs of a stored run as bytes: no two different sequences of values give the same bytes.
 */
class InputBytesTest {

  @Test
  void shouldGiveDifferentBytesForEveryDifferentSequenceOfValues() {
    List<Consumer<InputBytes>> sequences =
        List.of(
            b -> b.text("ab").text("c"),
            b -> b.text("a").text("bc"),
            b -> b.text("abc"),
            b -> b.text("ab").number('c'),
            b -> b.text("a\u0100").text("c"),
            b -> b.text("a\u0000").text("c"),
            b -> b.number(0).number(1),
            b -> b.number(1).number(0),
            b -> b.number(127).number(0),
            b -> b.number(128),
            b -> b.number(-1),
            b -> b.number(Long.MAX_VALUE),
            b -> b.mark('f').number(5),
            b -> b.mark('l').number(5),
            b -> b.text("").text(""),
            b -> b.text(""));
    List<String> bytes =
        sequences.stream()
            .map(
                s -> {
                  InputBytes b = new InputBytes(1);
                  s.accept(b);
                  return b.toString();
                })
            .toList();
    assertThat(bytes).doesNotHaveDuplicates();
  }

  @Test
  void shouldKeepEveryByteWhenItGrows() {
    InputBytes small = new InputBytes(1);
    InputBytes large = new InputBytes(1 << 16);
    for (int i = 0; i < 5_000; i++) {
      small.text("use-cases/gen-" + i + ".yaml").number(i * 1_000_003L).mark('f');
      large.text("use-cases/gen-" + i + ".yaml").number(i * 1_000_003L).mark('f');
    }
    assertThat(small.size()).isEqualTo(large.size());
    assertThat(small.toByteArray()).isEqualTo(large.toByteArray());
    assertThat(small.toString()).startsWith("(use-cases/gen-0.yaml");
  }
}
