package io.waymark.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import io.waymark.engine.model.Kind;
import io.waymark.engine.yaml.YamlDocument;
import io.waymark.engine.yaml.YamlMap;
import io.waymark.engine.yaml.YamlNode;
import io.waymark.engine.yaml.YamlScalar;
import io.waymark.engine.yaml.YamlSeq;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The quick {@link SchemaVerdict} lets a document it finds valid skip the full validator: it must
 * never call valid a document the full validator reports anything on, nor invalid one it reports
 * nothing on, and {@link SchemaCheck}'s findings must be those of the full validator alone. Checked
 * on every document of the example repository and the schema fixtures, and on thousands of
 * documents generated from the example's by random edits (a field removed or added, a value
 * replaced by one of another type, a wrong id, a decimal where an integer goes, a line break in an
 * id, a number out of the readable range, an empty list...).
 */
class SchemaVerdictDifferentialTest {

  private static final BundledSchemas SCHEMAS = QuickAndFull.SCHEMAS;

  /**
   * The verdict compiled whole up front, as before it compiled each kind's schema on first use:
   * {@link #SCHEMAS}' verdict, compiled file by file in the order the documents come, must agree.
   */
  private static final SchemaVerdict EAGER = eager();

  private static final Path ROOT =
      Files.isDirectory(Path.of("example-roadmap")) ? Path.of(".") : Path.of("..");

  private final Map<SchemaVerdict.Verdict, Integer> verdicts =
      new EnumMap<>(SchemaVerdict.Verdict.class);

  /** Documents whose findings the quick verdict worded itself, without networknt. */
  private int worded;

  @Test
  void shouldAgreeWithTheFullValidatorOnTheExampleAndTheFixtures() throws IOException {
    for (Path file : yamlFiles(ROOT.resolve("example-roadmap"))) {
      compare(file.toString(), Files.readAllBytes(file));
    }
    for (Path file : yamlFiles(ROOT.resolve("engine/src/test/resources/schema-fixtures"))) {
      compare(file.toString(), Files.readAllBytes(file));
    }
    assertThat(verdicts.getOrDefault(SchemaVerdict.Verdict.VALID, 0))
        .as("the example's documents are all decided valid")
        .isGreaterThan(10);
    assertThat(verdicts).containsKey(SchemaVerdict.Verdict.INVALID);
    assertThat(worded).isPositive();
  }

  @Test
  void shouldAgreeWithTheFullValidatorOnGeneratedDocuments() throws IOException {
    Random random = new Random(13L);
    List<Object> originals = new ArrayList<>();
    for (Path file : yamlFiles(ROOT.resolve("example-roadmap"))) {
      for (YamlDocument doc : QuickAndFull.read(file.toString(), Files.readAllBytes(file))) {
        originals.add(plain(doc.root()));
      }
    }
    for (int i = 0; i < 1500; i++) {
      Object tree = copy(originals.get(random.nextInt(originals.size())));
      int edits = 1 + random.nextInt(2);
      for (int e = 0; e < edits; e++) {
        tree = edit(tree, random);
      }
      compare("generated-" + i + ".yaml", json(tree).getBytes(StandardCharsets.UTF_8));
    }
    // Both answers the check can give are exercised, not only its doubt.
    assertThat(verdicts.getOrDefault(SchemaVerdict.Verdict.VALID, 0)).isGreaterThan(150);
    assertThat(verdicts.getOrDefault(SchemaVerdict.Verdict.INVALID, 0)).isGreaterThan(150);
    assertThat(verdicts.getOrDefault(SchemaVerdict.Verdict.UNKNOWN, 0)).isGreaterThan(50);
    // Most documents that are not valid are worded without the full validator (and compared with
    // it above).
    int notValid =
        verdicts.getOrDefault(SchemaVerdict.Verdict.INVALID, 0)
            + verdicts.getOrDefault(SchemaVerdict.Verdict.UNKNOWN, 0);
    assertThat(worded).isGreaterThan(notValid / 2);
  }

  private void compare(String file, byte[] bytes) {
    for (YamlDocument doc : QuickAndFull.read(file, bytes)) {
      YamlNode root = doc.root();
      Optional<Kind> kind = QuickAndFull.kind(root);
      if (kind.isEmpty()) {
        continue;
      }
      SchemaVerdict.Verdict verdict = SCHEMAS.verdict(kind.get(), root);
      verdicts.merge(verdict, 1, Integer::sum);
      assertThat(verdict)
          .as("%s: compiled on first use as compiled up front", file)
          .isEqualTo(EAGER.test(kind.get().schemaFile(), root));
      List<Error> errors = SCHEMAS.forKind(kind.get()).validate(JsonTree.of(root));
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (verdict == SchemaVerdict.Verdict.VALID) {
        assertThat(errors).as("%s is valid by the quick check:%n%s", file, text).isEmpty();
      } else if (verdict == SchemaVerdict.Verdict.INVALID) {
        assertThat(errors).as("%s is invalid by the quick check:%n%s", file, text).isNotEmpty();
      }
      if (SCHEMAS.failures(kind.get(), root).isPresent()) {
        assertThat(verdict)
            .as("%s: worded, so not valid", file)
            .isNotEqualTo(SchemaVerdict.Verdict.VALID);
        worded++;
      }
      QuickAndFull.agree(file, bytes, doc, kind.get());
    }
  }

  private static SchemaVerdict eager() {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String file : BundledSchemas.FILES) {
      BundledSchemas.text(file).ifPresent(t -> texts.put(file, t));
    }
    return new SchemaVerdict(texts);
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  // ---- documents as plain maps, lists and scalars, edited and written out as JSON (YAML) ----

  /** A number as written, so that 4 and 4.0 stay apart. */
  private record Num(String text) {}

  private static Object plain(YamlNode node) {
    if (node instanceof YamlMap map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.entries().forEach((k, e) -> out.put(k, plain(e.value())));
      return out;
    }
    if (node instanceof YamlSeq seq) {
      List<Object> out = new ArrayList<>();
      seq.items().forEach(i -> out.add(plain(i)));
      return out;
    }
    YamlScalar s = (YamlScalar) node;
    return s.isNumber() ? new Num(s.text()) : s.value();
  }

  @SuppressWarnings("unchecked")
  private static Object copy(Object tree) {
    if (tree instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> out.put(k, copy(v)));
      return out;
    }
    if (tree instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(copy(v)));
      return out;
    }
    return tree;
  }

  /**
   * Keys an edit adds: unknown ones (also written with a pointer's escapes, a line break, accents).
   */
  private static final String[] NEW_KEYS = {
    "zzUnknown", "notes", "zzUnknown", "notes", "a/b~c", "line\nbreak", "\u00fcn\u00efcode", "<<"
  };

  private static final Object[] REPLACEMENTS = {
    "Not_An_Id",
    "x",
    "",
    "a-valid-id",
    "2027-13-45",
    "2027-06-30",
    "line\nbreak",
    "an-id\n",
    "go",
    "done",
    "in-progress",
    new Num("2.5"),
    new Num("4.0"),
    new Num("7"),
    new Num("-3"),
    new Num("0"),
    new Num("101"),
    new Num("100000"),
    new Num("123456789012345678901234567890"),
    new Num("0.000000000000000000001"),
    Boolean.TRUE,
    null,
    // Texts the schema check words with care: too long (in code points), a number or a boolean
    // spelled as text, a date with a slip.
    "A title far longer than any heading of a report should be: ".repeat(9),
    "\uD83D\uDE80".repeat(260),
    "\uD83D\uDE80".repeat(400),
    "yes",
    "true",
    "1,000",
    "12%",
    "0207-04-30",
  };

  /** One random edit somewhere in {@code tree}; returns the tree (itself, or a replacement). */
  @SuppressWarnings("unchecked")
  private static Object edit(Object tree, Random random) {
    List<Object> containers = new ArrayList<>();
    collect(tree, containers);
    Object target = containers.get(random.nextInt(containers.size()));
    if (target instanceof Map<?, ?> m) {
      Map<String, Object> map = (Map<String, Object>) m;
      List<String> keys = new ArrayList<>(map.keySet());
      int op = random.nextInt(5);
      if (op == 0 && !keys.isEmpty()) {
        map.remove(keys.get(random.nextInt(keys.size())));
      } else if (op == 1) {
        map.put(NEW_KEYS[random.nextInt(NEW_KEYS.length)], "x");
      } else if (!keys.isEmpty()) {
        String key = keys.get(random.nextInt(keys.size()));
        map.put(key, replacement(map.get(key), tree, random));
      }
    } else {
      List<Object> list = (List<Object>) target;
      int op = random.nextInt(4);
      if (op == 0) {
        list.clear();
      } else if (op == 1 && !list.isEmpty()) {
        list.add(copy(list.get(random.nextInt(list.size()))));
      } else if (!list.isEmpty()) {
        int i = random.nextInt(list.size());
        list.set(i, replacement(list.get(i), tree, random));
      }
    }
    return tree;
  }

  private static Object replacement(Object old, Object tree, Random random) {
    int op = random.nextInt(10);
    if (op == 0) {
      return new LinkedHashMap<String, Object>();
    }
    if (op == 1) {
      return new ArrayList<>();
    }
    if (op == 2 && random.nextBoolean()) {
      // A mapping or list from elsewhere in the document, where perhaps a value goes.
      List<Object> containers = new ArrayList<>();
      collect(tree, containers);
      return copy(containers.get(random.nextInt(containers.size())));
    }
    if (op < 4) {
      // A value from elsewhere in the document: right in form, perhaps wrong in place.
      List<Object> leaves = new ArrayList<>();
      leaves(tree, leaves);
      return leaves.isEmpty() ? old : leaves.get(random.nextInt(leaves.size()));
    }
    return REPLACEMENTS[random.nextInt(REPLACEMENTS.length)];
  }

  private static void collect(Object tree, List<Object> out) {
    if (tree instanceof Map<?, ?> map) {
      out.add(map);
      map.values().forEach(v -> collect(v, out));
    } else if (tree instanceof List<?> list) {
      out.add(list);
      list.forEach(v -> collect(v, out));
    }
  }

  private static void leaves(Object tree, List<Object> out) {
    if (tree instanceof Map<?, ?> map) {
      map.values().forEach(v -> leaves(v, out));
    } else if (tree instanceof List<?> list) {
      list.forEach(v -> leaves(v, out));
    } else {
      out.add(tree);
    }
  }

  private static String json(Object tree) {
    StringBuilder out = new StringBuilder();
    write(tree, out);
    return out.append('\n').toString();
  }

  private static void write(Object tree, StringBuilder out) {
    if (tree instanceof Map<?, ?> map) {
      out.append('{');
      String sep = "";
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.append(sep);
        string((String) e.getKey(), out);
        out.append(": ");
        write(e.getValue(), out);
        sep = ", ";
      }
      out.append('}');
    } else if (tree instanceof List<?> list) {
      out.append('[');
      String sep = "";
      for (Object v : list) {
        out.append(sep);
        write(v, out);
        sep = ", ";
      }
      out.append(']');
    } else if (tree instanceof Num n) {
      out.append(n.text());
    } else if (tree instanceof String s) {
      string(s, out);
    } else {
      out.append(tree == null ? "null" : tree.toString());
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
