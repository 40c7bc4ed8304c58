package io.waymark.engine.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Puts a rule's documented example (a YAML fragment, as {@code waymark explain} prints it) into one
 * document of a copy of the example roadmap, so the example can be validated as it is written.
 *
 * <p>A fragment is merged at a path: mappings key by key; a list whose items carry an {@code id}
 * item by item (an item with a known id is merged into it; a new one gets the required fields it
 * leaves out from the first item of the list, so that it passes the schema); any other value
 * replaces. {@code [...]} in a fragment stands for "as it was". With {@link Lists#AS_WRITTEN} a
 * list holds exactly the fragment's items, in its order; with {@link Lists#KEEP_OTHERS} items the
 * fragment does not name stay. A {@code null} in a fragment removes the key.
 */
final class ExamplePlacement {

  /** What happens to list items a fragment does not name. */
  enum Lists {
    KEEP_OTHERS,
    AS_WRITTEN
  }

  /** The fields each list's items must have (the JSON Schemas' {@code required}), by list key. */
  private static final Map<String, List<String>> REQUIRED =
      Map.ofEntries(
          Map.entry("phases", List.of("name", "months", "status", "gate", "milestones")),
          Map.entry(
              "initiatives", List.of("title", "category", "type", "impact", "effort", "budget")),
          Map.entry("milestones", List.of("title", "due", "status")),
          Map.entry("criteria", List.of("description", "operator", "metric")),
          Map.entry("constraints", List.of("dimension", "rank", "description")),
          Map.entry("metrics", List.of("name", "unit", "kind", "direction", "series")),
          Map.entry("vendors", List.of("name", "scores", "references", "decision")),
          Map.entry("decisions", List.of("date", "title", "outcome")));

  private static final String AS_IT_WAS = "...";

  private ExamplePlacement() {}

  /** Merges {@code fragment} into {@code file} (relative to {@code root}) at {@code path}. */
  static void merge(Path root, String file, String path, String fragment, Lists lists) {
    Path target = root.resolve(file);
    Object document = load(read(target));
    Object merged = mergeAt(document, segments(path), load(fragment), lists, lastKey(path));
    write(target, dump(merged));
  }

  /** Replaces the value at {@code path} of {@code file} ({@code null} removes it). */
  static void set(Path root, String file, String path, Object value) {
    Path target = root.resolve(file);
    List<String> segments = segments(path);
    String key = segments.remove(segments.size() - 1);
    Object document = load(read(target));
    Object parent = navigate(document, segments);
    if (!(parent instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(path + " is not inside a mapping in " + file);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) parent;
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
    write(target, dump(document));
  }

  /** The value at {@code path} of a document, for edits that {@link #set} cannot express. */
  static Object get(Path root, String file, String path) {
    return navigate(load(read(root.resolve(file))), segments(path));
  }

  /** The fragment as YAML data, for placements that take it apart. */
  static Object parse(String fragment) {
    return load(fragment);
  }

  /** Writes data back as a YAML fragment. */
  static String toYaml(Object data) {
    return dump(data);
  }

  /** Splits a fragment into the parts that follow lines like {@code # roadmap.yaml}. */
  static List<String> sections(String fragment) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = null;
    for (String line : fragment.split("\n", -1)) {
      if (line.matches("#\\s*[\\w./-]+\\.yaml.*")) {
        if (part != null) {
          parts.add(part.toString());
        }
        part = new StringBuilder();
      } else if (part != null) {
        part.append(line).append('\n');
      }
    }
    if (part != null) {
      parts.add(part.toString());
    }
    return parts;
  }

  private static Object mergeAt(
      Object node, List<String> path, Object fragment, Lists lists, String listKey) {
    if (path.isEmpty()) {
      return merge(node, fragment, lists, listKey);
    }
    String head = path.get(0);
    List<String> rest = path.subList(1, path.size());
    String nextKey = rest.isEmpty() ? listKey : lastKey(String.join("/", rest));
    if (node instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) m;
      map.put(head, mergeAt(map.get(head), rest, fragment, lists, nextKey));
      return map;
    }
    if (node instanceof List<?> l) {
      @SuppressWarnings("unchecked")
      List<Object> list = (List<Object>) l;
      int at = indexOf(list, head);
      list.set(at, mergeAt(list.get(at), rest, fragment, lists, nextKey));
      return list;
    }
    throw new IllegalArgumentException("no '" + head + "' below a scalar");
  }

  private static Object navigate(Object node, List<String> path) {
    Object at = node;
    for (String segment : path) {
      if (at instanceof Map<?, ?> m) {
        at = m.get(segment);
      } else if (at instanceof List<?> l) {
        at = l.get(indexOf(l, segment));
      } else {
        throw new IllegalArgumentException("no '" + segment + "' below a scalar");
      }
    }
    return at;
  }

  private static int indexOf(List<?> list, String segment) {
    if (segment.startsWith("id=")) {
      String id = segment.substring(3);
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) instanceof Map<?, ?> item && id.equals(item.get("id"))) {
          return i;
        }
      }
      throw new IllegalArgumentException("no item with id " + id);
    }
    return Integer.parseInt(segment);
  }

  @SuppressWarnings("unchecked")
  private static Object merge(Object base, Object fragment, Lists lists, String key) {
    if (isPlaceholder(fragment)) {
      return base;
    }
    if (base instanceof Map<?, ?> b && fragment instanceof Map<?, ?> f) {
      Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) b);
      for (Map.Entry<?, ?> e : f.entrySet()) {
        String k = String.valueOf(e.getKey());
        if (e.getValue() == null) {
          merged.remove(k);
        } else {
          merged.put(k, merge(merged.get(k), e.getValue(), lists, k));
        }
      }
      return merged;
    }
    if (base instanceof List<?> b && fragment instanceof List<?> f && allHaveIds(f)) {
      return mergeItems((List<Object>) b, (List<Object>) f, lists, key);
    }
    return fragment;
  }

  private static List<Object> mergeItems(
      List<Object> base, List<Object> fragment, Lists lists, String key) {
    List<Object> merged = new ArrayList<>(lists == Lists.KEEP_OTHERS ? base : List.of());
    Map<?, ?> prototype = base.isEmpty() ? Map.of() : (Map<?, ?>) base.get(0);
    for (Object item : fragment) {
      Object id = ((Map<?, ?>) item).get("id");
      Object known = base.stream().filter(b -> hasId(b, id)).findFirst().orElse(null);
      Object result =
          known != null
              ? merge(known, item, lists, key)
              : complete((Map<?, ?>) item, prototype, key);
      int at = -1;
      for (int i = 0; i < merged.size(); i++) {
        if (hasId(merged.get(i), id)) {
          at = i;
          break;
        }
      }
      if (at >= 0 && lists == Lists.KEEP_OTHERS) {
        merged.set(at, result);
      } else {
        merged.add(result);
      }
    }
    return merged;
  }

  private static Map<String, Object> complete(Map<?, ?> item, Map<?, ?> prototype, String key) {
    Map<String, Object> completed = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : item.entrySet()) {
      completed.put(String.valueOf(e.getKey()), e.getValue());
    }
    for (String field : REQUIRED.getOrDefault(key, List.of())) {
      if (!completed.containsKey(field) && prototype.containsKey(field)) {
        completed.put(field, prototype.get(field));
      }
    }
    return completed;
  }

  private static boolean hasId(Object item, Object id) {
    return item instanceof Map<?, ?> m && Objects.equals(m.get("id"), id);
  }

  private static boolean allHaveIds(List<?> items) {
    return !items.isEmpty()
        && items.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get("id") != null);
  }

  private static boolean isPlaceholder(Object fragment) {
    return AS_IT_WAS.equals(fragment)
        || fragment instanceof List<?> l && l.size() == 1 && AS_IT_WAS.equals(l.get(0));
  }

  private static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        segments.add(s);
      }
    }
    return segments;
  }

  private static String lastKey(String path) {
    List<String> segments = segments(path);
    for (int i = segments.size() - 1; i >= 0; i--) {
      if (!segments.get(i).startsWith("id=") && !segments.get(i).matches("\\d+")) {
        return segments.get(i);
      }
    }
    return "";
  }

  private static Object load(String text) {
    return new Load(LoadSettings.builder().build()).loadFromString(text);
  }

  private static String dump(Object document) {
    return new Dump(DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build())
        .dumpToString(document);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
