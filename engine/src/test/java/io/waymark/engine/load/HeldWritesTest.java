package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run's cache writes are made at once, unless the thread holds them: then in the order they came
 * when the hold ends (an inner hold hands them to the outer one), a failing write dropped without
 * stopping the others; another thread's writes are never held.
 */
class HeldWritesTest {

  @Test
  void shouldWriteAtOnceWithoutAHold() {
    List<String> made = new ArrayList<>();
    HeldWrites.run(() -> made.add("a"));
    assertThat(made).containsExactly("a");
  }

  @Test
  @SuppressWarnings("try") // the scopes act when they close
  void shouldMakeHeldWritesInOrderWhenTheHoldEnds() throws Exception {
    List<String> made = new ArrayList<>();
    try (HeldWrites.Scope outer = HeldWrites.hold()) {
      HeldWrites.run(() -> made.add("a"));
      try (HeldWrites.Scope inner = HeldWrites.hold()) {
        HeldWrites.run(() -> made.add("b"));
      }
      assertThat(made).as("the inner hold hands its writes to the outer one").isEmpty();
      HeldWrites.run(
          () -> {
            throw new IllegalStateException("a full disk");
          });
      HeldWrites.run(() -> made.add("c"));
      Thread other = new Thread(() -> HeldWrites.run(() -> made.add("other thread")));
      other.start();
      other.join();
      assertThat(made).as("not this thread's").containsExactly("other thread");
    }
    assertThat(made).containsExactly("other thread", "a", "b", "c");
    HeldWrites.run(() -> made.add("d"));
    assertThat(made).as("no hold any more").endsWith("d");
  }
}
