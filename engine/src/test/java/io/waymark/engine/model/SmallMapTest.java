package io.waymark.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A small map behaves as the unmodifiable linked hash map it replaces: the same entries in the same
 * order, the same look-ups (null included), equal to it both ways with the same hash, and no way to
 * change it.
 */
class SmallMapTest {

  private static Map<String, Object> linked(int n, Random random) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put("k" + random.nextInt(40), random.nextBoolean() ? i : null);
    }
    return m;
  }

  @Test
  void shouldBehaveAsTheLinkedHashMapItWasMadeOf() {
    Random random = new Random(5);
    for (int round = 0; round < 2_000; round++) {
      Map<String, Object> original = linked(random.nextInt(12), random);
      Map<String, Object> small = SmallMap.copyOf(new LinkedHashMap<>(original));

      assertThat(small).isEqualTo(original);
      assertThat(original).isEqualTo(small);
      assertThat(small.hashCode()).isEqualTo(original.hashCode());
      assertThat(new ArrayList<>(small.keySet())).isEqualTo(new ArrayList<>(original.keySet()));
      assertThat(new ArrayList<>(small.values())).isEqualTo(new ArrayList<>(original.values()));
      assertThat(small.toString()).isEqualTo(original.toString());
      for (int k = 0; k < 40; k++) {
        String key = "k" + k;
        assertThat(small.get(key)).isEqualTo(original.get(key));
        assertThat(small.containsKey(key)).isEqualTo(original.containsKey(key));
      }
      assertThat(small.get(null)).isNull();
      assertThat(small.containsKey(null)).isFalse();
      List<String> seen = new ArrayList<>();
      small.forEach((k, v) -> seen.add(k + "=" + v));
      List<String> expected = new ArrayList<>();
      original.forEach((k, v) -> expected.add(k + "=" + v));
      assertThat(seen).isEqualTo(expected);
    }
  }

  @Test
  void shouldRefuseEveryChange() {
    Map<String, Object> small = SmallMap.copyOf(new LinkedHashMap<>(Map.of("a", 1, "b", 2)));
    assertThatThrownBy(() -> small.put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> small.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(small::clear).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> small.entrySet().iterator().next().setValue(9))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> small.keySet().remove("a"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(small).containsEntry("a", 1).containsEntry("b", 2);
    // An empty one and a large one are the JDK's own.
    assertThat(SmallMap.copyOf(new LinkedHashMap<String, Object>()).get(null)).isNull();
    Map<String, Integer> large = new LinkedHashMap<>();
    for (int i = 0; i < SmallMap.MAX + 1; i++) {
      large.put("k" + i, i);
    }
    assertThat(new ArrayList<>(SmallMap.copyOf(large).keySet()))
        .isEqualTo(new ArrayList<>(large.keySet()));
  }
}
