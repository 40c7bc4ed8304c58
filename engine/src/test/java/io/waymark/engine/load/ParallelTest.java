package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelTest {

  /** Items of very different cost: every one applied once, the results in the items' order. */
  @Test
  void shouldApplyToEveryItemOnceAndKeepTheOrder() {
    List<Integer> items = IntStream.range(0, 2_000).boxed().toList();
    Set<Integer> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger calls = new AtomicInteger();

    List<String> out =
        Parallel.map(
            items,
            i -> {
              calls.incrementAndGet();
              seen.add(i);
              long spin = i % 97 == 0 ? 200_000 : 10; // a few slow items, as some files are
              long x = 0;
              for (long k = 0; k < spin; k++) {
                x += k ^ i;
              }
              return i + ":" + (x >= 0);
            });

    assertThat(calls.get()).isEqualTo(items.size());
    assertThat(seen).hasSize(items.size());
    assertThat(out).hasSize(items.size());
    for (int i = 0; i < items.size(); i++) {
      assertThat(out.get(i)).startsWith(i + ":");
    }
  }

  @Test
  void shouldHandleNoItemAndOneItem() {
    assertThat(Parallel.map(List.<Integer>of(), i -> i + 1)).isEmpty();
    assertThat(Parallel.map(List.of(41), i -> i + 1)).containsExactly(42);
  }

  /** What a function throws reaches the caller, as the same exception, once every thread stops. */
  @Test
  void shouldThrowWhatTheFunctionThrew() {
    List<Integer> items = IntStream.range(0, 500).boxed().toList();
    IllegalStateException boom = new IllegalStateException("boom at 250");

    assertThatThrownBy(
            () ->
                Parallel.map(
                    items,
                    i -> {
                      if (i == 250) {
                        throw boom;
                      }
                      return i;
                    }))
        .isSameAs(boom);
  }

  @Test
  void shouldRunAnActionOnEveryItem() {
    Set<Integer> seen = ConcurrentHashMap.newKeySet();

    Parallel.forEach(IntStream.range(0, 300).boxed().toList(), seen::add);

    assertThat(seen).hasSize(300);
  }
}
