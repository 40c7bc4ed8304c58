package io.waymark.engine.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

  @Test
  void shouldNameEveryOneUpToTheLimitAndCountTheRest() {
    assertThat(Names.firstOf(List.of(), 2)).isEmpty();
    assertThat(Names.firstOf(List.of("a", "b"), 2)).isEqualTo("a, b");
    assertThat(Names.firstOf(List.of("a", "b", "c"), 2)).isEqualTo("a, b and 1 more");
    assertThat(Names.firstOf(List.of("a", "b", "c", "d", "e", "f", "g"), 5))
        .isEqualTo("a, b, c, d, e and 2 more");
  }
}
