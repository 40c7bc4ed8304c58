package io.waymark.engine.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An unmodifiable map of a few entries in the order they were given, as one array: what the model
 * keeps for a small mapping of a document (a vendor's scores by dimension, a document's labels). A
 * large repository holds two or three such maps per document, and a linked hash map of three
 * entries behind an unmodifiable view was six objects and some 280 bytes; this is two objects and
 * under 60. Look-ups scan the keys: only maps of up to {@link #MAX} entries are made so.
 */
final class SmallMap<K, V> extends AbstractMap<K, V> {

  /** The most entries a small map holds; a larger mapping stays a linked hash map. */
  static final int MAX = 8;

  /** Keys and values, alternating, in order. */
  private final Object[] entries;

  private SmallMap(Object[] entries) {
    this.entries = entries;
  }

  /**
   * The entries of {@code map} in its order, unmodifiable: a small map for up to {@link #MAX}
   * entries, else {@code map} itself behind an unmodifiable view.
   */
  static <K, V> Map<K, V> copyOf(Map<K, V> map) {
    int n = map.size();
    if (n == 0) {
      return java.util.Collections.emptyMap(); // Map.of() would refuse a look-up of null
    }
    if (n > MAX) {
      return java.util.Collections.unmodifiableMap(map);
    }
    Object[] entries = new Object[2 * n];
    int i = 0;
    for (Map.Entry<K, V> e : map.entrySet()) {
      entries[i++] = e.getKey();
      entries[i++] = e.getValue();
    }
    return new SmallMap<>(entries);
  }

  private int indexOf(Object key) {
    for (int i = 0; i < entries.length; i += 2) {
      if (Objects.equals(entries[i], key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return entries.length / 2;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int i = indexOf(key);
    return i < 0 ? null : (V) entries[i + 1];
  }

  @Override
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<? super K, ? super V> action) {
    for (int i = 0; i < entries.length; i += 2) {
      action.accept((K) entries[i], (V) entries[i + 1]);
    }
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return entries.length / 2;
      }

      @Override
      public Iterator<Map.Entry<K, V>> iterator() {
        return new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < entries.length;
          }

          @Override
          @SuppressWarnings("unchecked")
          public Map.Entry<K, V> next() {
            if (i >= entries.length) {
              throw new NoSuchElementException();
            }
            Map.Entry<K, V> e =
                new AbstractMap.SimpleImmutableEntry<>((K) entries[i], (V) entries[i + 1]);
            i += 2;
            return e;
          }
        };
      }
    };
  }
}
