package io.waymark.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Differential tests: the reader with the fast block-YAML path must give exactly the result of the
 * SnakeYAML-only reader (documents, node kinds, values, texts, positions, weights, problems).
 */
class BlockYamlParserTest {

  private static final YamlReader FAST = new YamlReader(YamlLimits.DEFAULT);
  private static final YamlReader SNAKE = new YamlReader(YamlLimits.DEFAULT, false);

  /**
   * The fast parser handing SnakeYAML's events to the builder, as it did before it called the
   * builder directly ({@link #FAST}): both must build the same.
   */
  private static final YamlReader EVENTS =
      new YamlReader(YamlLimits.DEFAULT, (char[] cs) -> BlockYamlParser.parse(cs));

  /** The repository root (tests run in engine/). */
  private static Path root() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("example-roadmap")) ? here : here.getParent();
  }

  private static List<Path> yamlFiles(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              f -> {
                String n = f.getFileName().toString();
                return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".yaml.tmpl");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts of one batch of comparisons. */
  private static final class Tally {
    int compared;
    int fast;
    final List<String> differences = new ArrayList<>();
  }

  private static void compare(String name, byte[] bytes, Tally tally) {
    tally.compared++;
    if (usesFastPath(bytes)) {
      tally.fast++;
    }
    String f = read(FAST, name, bytes);
    String s = read(SNAKE, name, bytes);
    String e = read(EVENTS, name, bytes);
    differ(tally, name, bytes, "fast, direct", f, "fast, through events", e);
    differ(tally, name, bytes, "fast", f, "snakeyaml", s);
  }

  /** Notes a difference between two readings of one input. */
  private static void differ(
      Tally tally, String name, byte[] bytes, String one, String a, String other, String b) {
    if (!a.equals(b)) {
      tally.differences.add(
          name
              + "\n--- input\n"
              + new String(bytes, StandardCharsets.UTF_8)
              + "\n--- "
              + one
              + "\n"
              + a
              + "\n--- "
              + other
              + "\n"
              + b);
    }
  }

  /** The rendered result, or the exception that escaped (the same on both paths, too). */
  private static String read(YamlReader reader, String name, byte[] bytes) {
    try {
      return render(reader.read(name, bytes));
    } catch (RuntimeException e) {
      System.out.printf(
          "BlockYamlParserTest: %s escaped the reader for %s%n",
          e, escape(new String(bytes, StandardCharsets.UTF_8)));
      return "exception " + e;
    }
  }

  static boolean usesFastPath(byte[] bytes) {
    try {
      return BlockYamlParser.parse(YamlReader.decode(bytes)) != null;
    } catch (YamlProblem e) {
      return false;
    }
  }

  /** Everything a Result says, as text: node kinds, values, texts, flags, positions, weights. */
  static String render(YamlReader.Result result) {
    StringBuilder out = new StringBuilder();
    for (YamlDocument d : result.documents()) {
      out.append("doc ").append(d.index()).append('\n');
      render(d.root(), 1, out);
    }
    Optional<YamlProblem> p = result.problem();
    p.ifPresent(
        problem ->
            out.append("problem ")
                .append(problem.line())
                .append(':')
                .append(problem.column())
                .append(' ')
                .append(problem.getMessage())
                .append(" | ")
                .append(problem.hint())
                .append('\n'));
    return out.toString();
  }

  private static void render(YamlNode node, int level, StringBuilder out) {
    out.append("  ".repeat(level));
    out.append(node.line()).append(':').append(node.column()).append(" w").append(node.weight());
    if (node instanceof YamlScalar s) {
      Object v = s.value();
      String value =
          v == null
              ? "null"
              : v instanceof BigDecimal b
                  ? "dec(" + b.toString() + ")"
                  : v.getClass().getSimpleName() + "(" + escape(v.toString()) + ")";
      out.append(" scalar ")
          .append(value)
          .append(" text=")
          .append(escape(s.text()))
          .append(" int=")
          .append(s.integer())
          .append('\n');
    } else if (node instanceof YamlSeq seq) {
      out.append(" seq ").append(seq.items().size()).append('\n');
      for (YamlNode item : seq.items()) {
        render(item, level + 1, out);
      }
    } else if (node instanceof YamlMap map) {
      out.append(" map ").append(map.entries().size()).append('\n');
      map.entries()
          .forEach(
              (k, e) -> {
                out.append("  ".repeat(level + 1))
                    .append("key ")
                    .append(escape(k))
                    .append('=')
                    .append(escape(e.key()))
                    .append(' ')
                    .append(e.line())
                    .append(':')
                    .append(e.column())
                    .append('\n');
                render(e.value(), level + 2, out);
              });
    }
  }

  private static String escape(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              if (c < 0x20 || c == '"' || c == '\\' || c > 0x7E) {
                out.append(String.format("\\u{%x}", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.append('"').toString();
  }

  private static void assertNoDifferences(Tally tally) {
    assertThat(tally.differences)
        .as("%d of %d inputs read differently", tally.differences.size(), tally.compared)
        .isEmpty();
  }

  @Test
  void shouldTakeTheFastPathForEveryExampleFile() throws IOException {
    List<Path> files = yamlFiles(root().resolve("example-roadmap"));
    assertThat(files).hasSizeGreaterThan(20);
    List<String> slow = new ArrayList<>();
    for (Path f : files) {
      if (!usesFastPath(Files.readAllBytes(f))) {
        slow.add(root().relativize(f).toString());
      }
    }
    assertThat(slow).as("example files read by SnakeYAML").isEmpty();
  }

  @Test
  void shouldReadTheRepositoryFilesExactlyAsSnakeYamlDoes() throws IOException {
    Tally tally = new Tally();
    List<Path> dirs =
        List.of(
            root().resolve("example-roadmap"),
            root().resolve("engine/src/test/resources"),
            root().resolve("cli/src/main/resources/io/waymark/cli/scaffold"));
    for (Path dir : dirs) {
      for (Path f : yamlFiles(dir)) {
        byte[] bytes = Files.readAllBytes(f);
        compare(f.toString(), bytes, tally);
        // The same file with CRLF line breaks, with a BOM, and cut short at each tenth.
        String text = new String(bytes, StandardCharsets.UTF_8);
        compare(f + " (CRLF)", text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), tally);
        byte[] bom = new byte[bytes.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(bytes, 0, bom, 3, bytes.length);
        compare(f + " (BOM)", bom, tally);
        for (int cut = 1; cut < 10; cut++) {
          int at = text.length() * cut / 10;
          compare(
              f + " (cut " + cut + ")",
              text.substring(0, at).getBytes(StandardCharsets.UTF_8),
              tally);
        }
      }
    }
    System.out.printf(
        "BlockYamlParserTest: %d repository inputs compared, %d on the fast path%n",
        tally.compared, tally.fast);
    assertThat(tally.compared).isGreaterThan(500);
    assertNoDifferences(tally);
  }

  /** The YAML texts of YamlReaderTest, and a few more corner cases. */
  private static final List<String> CASES =
      List.of(
          "title: Roadmap\nspec:\n  phases:\n    - id: p1\n      months: [1, 3]\n    - id: p2\n",
          "a: 1\n---\n# comment\nb: 2\nc:\n  - x\n",
          "a: 1\nb: two\n",
          "a: 1\nb:\n\tc: 2\n",
          "spec:\n  phases:\n  \t- id: p1\n",
          "a: x\ty\nb: \"q\tr\"\n",
          "id: a\ntitle: T\nid: b\n",
          "spec:\n  gate:\n    {status: passed,\n     status: failed}\n",
          "a: {id: 1}\nb: {id: 2}\n",
          "a: 1\n---\nb: 2\n---\nc: [unclosed\nd: e\n",
          "a: 1\nb: *missing\n",
          "x: !foo bar\n",
          "a: &a x\nb: [*a, *a]\n",
          "base: &base {unit: ms}\na: *base\nb: *base\n",
          "&a [ *a ]\n",
          "a: {b: [1]}\n",
          "a: 1\nv: !!int twelve\n",
          "v: !!str 12\n",
          "notes: >-\n  folded\n  text\nlast: [x, {y: z}]\n",
          "",
          "# only a comment\n",
          "---\n",
          "---\na: 1\n...\n",
          "a: 1\n---\n",
          "--- # c\na: 1\n",
          "--- a\n",
          "a:\n- x\n- y\nb: 1\n",
          "- a: 1\n  b: 2\n- c\n-\n- d:\n  - e\n",
          "a: |\n  x\n  y\n",
          "a: |-\n  x\n\n  y\nb: 1\n",
          "a: >\n  x\n\n\n  y\n\nb: 1\n",
          "a: >-\n  x\n   y\n",
          "a: |\n  x",
          "a: >-\n  x",
          "key: 'it''s'\n\"q k\": \"a \\\" \\\\ b\"\n",
          "k: \"\\u00e9\"\n",
          "k: [ \"a\" , 'b',c d ]\n",
          "k: [a,]\n",
          "k: []\nj: {}\nl: [ ]\n",
          "k: Café 😀 x\n😀: é\n",
          "𝄞k: 𝄞v\nx: [𝄞, é]\n",
          "a: b\n  c\n",
          "- a\n  b\n",
          "a:b: c\n",
          "a: b: c\n",
          "a: - x\n",
          "a: #c\nb: x#y\nc: x #y\n",
          "a:    \nb:\n",
          "a: 1   \nb: 'x'   # c\n",
          "  a: 1\n  b: 2\n",
          "  a: 1\nb: 2\n",
          "a:\n  b:\n    c: 1\n  d: 2\n",
          "a:\n    b: 1\n  c: 2\n",
          "? a\n: b\n",
          "%YAML 1.2\n---\na: 1\n",
          "a: 1\r\nb: 2\r\n",
          "a: 1\rb: 2\r",
          "a: \u00a0x\n",
          "a: x\u2028y\n",
          "- - a\n",
          "-\n  a: 1\n",
          "-\n  - 1\n",
          "k: on\nl: 010\nm: 1e3\nn: +7\no: ~\np: -0.25\nq: .5\nr: -x\n",
          "a:\n\n\n  b: 1\n",
          "a: >-\n\n  x\n",
          "a: |+\n  x\n\n",
          "a: |2\n  x\n",
          "a: >- # c\n  x\n",
          "a: >-#c\n  x\n",
          "\"a\" : b\n'c'  : d\n",
          "k: {a : 1, \"b\": 'x', c: d e}\nl: {a: 1,}\nm: {a:1}\n",
          "k: {a: }\n",
          "k: {a: [1]}\n",
          "k: {a: 1} # c\nl: {a: 1}x\n",
          "k: [a\"b, c'd]\n",
          "k: ...\n- ...\n",
          "k: ...\n",
          "😀: 😀\n- x\n",
          "a: |\n  x\n    y\n\n   \n  z\nb: 1\n",
          "a: |\n  x\n   ",
          "a: |-\n  x\n   ",
          "a: |\n  x\n # c\nb: 1\n",
          "a: |\n  x\n  # c\nb: 1\n",
          "- |\n x\n- >-\n  y\n  z\n",
          "- a: |\n    x\n  b: >\n   y\n",
          "a:\n- |\n  x\n- y\n",
          "a:\n- |\n x\n",
          "a: x\n\n---\n\nb: y\n\n",
          "a: x\n--- \nb: y\n---   # c\nc: 1\n",
          "a: [ ]\nb: [ a ]\nc: ['']\nd: [\"\"]\n",
          "a: 'x'#c\n",
          "a: \"x\" #c\n",
          "a: -1\nb: [-1, -x]\n",
          "a: x: y\n",
          "a: 'x' y\n",
          "key with spaces  : v\n",
          "\"\": v\n",
          "'': v\n",
          "a: \"\\/\\0\\r\"\n",
          "a: b  \n  c d  \n\n   e\n\n\nf: 1\n",
          "a: b\n  - c\n",
          "a: b\n  -c\n",
          "a: b\n  c: d\n",
          "a: b\n  c #d\n",
          "a: b #c\n  d\n",
          "a: b\n  # c\n  d\n",
          "a: b\n  # c\nd: 1\n",
          "- a\n  b\n- c\n   d\n",
          "k:\n- a\n  b\n- c\n",
          "- k: a\n   b\n  l: c\n",
          "a: b\n  'c'\n  \"d\"\n  [e]\n  &f *g !h |i >j %k @l\n",
          "a: b\n  ...\n  ---\n",
          "a: b\n\n",
          "a: b\n  c",
          "a: 'x y  \n  z '' w\n\n   v'\nb: \"p \\\" q\n  r \\t s\"  # c\n",
          "a: '\n  x'\n",
          "a: 'x\n  y' z\n",
          "a: 'x\n  y'\n  z: 1\n",
          "a: 'x\ny'\n",
          "a: 'x\n  #y'\n",
          "a: \"x\\\n  y\"\n",
          "a: 'x\n",
          "- 'x\n  y'\n- \"a\n   b\"\n",
          "- k: 'x\n    y'\n  l: 1\n",
          "'x\n  y': 1\n");

  @Test
  void shouldReadTheTestCasesExactlyAsSnakeYamlDoes() {
    Tally tally = new Tally();
    for (String text : CASES) {
      compare("case", text.getBytes(StandardCharsets.UTF_8), tally);
      compare("case (CRLF)", text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8), tally);
    }
    System.out.printf(
        "BlockYamlParserTest: %d test cases compared, %d on the fast path%n",
        tally.compared, tally.fast);
    assertNoDifferences(tally);
  }

  @Test
  void shouldReadGeneratedDocumentsExactlyAsSnakeYamlDoes() {
    Tally tally = new Tally();
    Random random = new Random(Long.getLong("waymark.yaml.seed", 20270104L));
    for (int i = 0; i < 60_000; i++) {
      String text = Generator.document(random);
      compare("generated #" + i, text.getBytes(StandardCharsets.UTF_8), tally);
      if (tally.differences.size() > 10) {
        break;
      }
    }
    System.out.printf(
        "BlockYamlParserTest: %d generated documents compared, %d on the fast path%n",
        tally.compared, tally.fast);
    assertNoDifferences(tally);
    assertThat(tally.fast)
        .as("generated documents on the fast path")
        .isGreaterThan(tally.compared / 6);
  }

  /** Small random documents: mostly the subset, with odd and unsupported constructs mixed in. */
  static final class Generator {

    private static final String[] KEYS = {
      "id",
      "title",
      "a",
      "b",
      "k",
      "a:b",
      "a b",
      "key ",
      "\"q\"",
      "'s'",
      "\"a:b\"",
      "'it''s'",
      "-x",
      "on",
      "1",
      "~",
      "null",
      "é",
      "😀",
      "𝄞k",
      "a#b",
      "a [1]",
      "x,y",
      "{a",
      "a}",
      "<<",
      ".",
      "_id",
      "\"esc\\\"q\"",
      "? c",
      "&a k",
      "!t k",
      "*a",
      "@k",
      "`k",
      "%k",
      "a\tb",
      "[k]",
      "k ",
    };

    private static final String[] VALUES = {
      "v",
      "plain text",
      "12",
      "-3",
      "+7",
      "1.5",
      "1e3",
      "0",
      "010",
      "true",
      "False",
      "~",
      "null",
      "",
      " ",
      "yes",
      "2027-01-15",
      "1:20",
      "a:b",
      "http://x.y/z?q=1#f",
      "x#y",
      "x #y",
      "# c",
      "\"quoted # : x\"",
      "'single # : x'",
      "'it''s'",
      "\"esc \\\" \\\\ \\/ \\n \\t \\0\"",
      "\"uni \\u00e9\"",
      "\"x\\qy\"",
      "[a, b, 1]",
      "[]",
      "{}",
      "[ ]",
      "{ }",
      "[\"a\", 'b', c d]",
      "[a,]",
      "[a, [b]]",
      "{a: 1}",
      "[a: 1]",
      "[a #c]",
      "&anc x",
      "*anc",
      "!!str x",
      "!foo x",
      "- x",
      ": x",
      "a: b",
      "-",
      "--",
      "-x",
      ".5",
      "...",
      "Café 😀",
      "𝄞",
      "é",
      "x, y",
      "(a)",
      "a] b",
      "[a] x",
      "\"a\" x",
      "'a' #c",
      "@x",
      "`x",
      "%x",
      "?",
      "? x",
      "|",
      ">-",
      "\"open",
      "x'",
      "y\"",
      "'a b",
      "\"a \\\" b",
      "a '' b'",
      "{a: 1, b: x}",
      "{ \"k\": 'v' , c : d }",
      "{a:1}",
      "{a: }",
      "{a: b: c}",
      "{a, b}",
      "{a: 1,}",
      "'open",
      "x\ty",
      "$x",
      "= x",
      "<x>",
      "\\x",
      "[a, \"b, c\"]",
      "['a''b']",
      "a 'b' c",
    };

    private static final String[] NOISE = {
      " ", ":", "-", "#", "\"", "'", "\t", "\n", "[", "]", "{", "}", "|", ">", "é", "😀", ",", "&",
      "*", "!", "?", "\r\n", "\r", "\\", "---\n", "...\n", "\uFEFF", "\u00a0", "\u0085",
    };

    static String document(Random r) {
      StringBuilder out = new StringBuilder();
      if (r.nextInt(10) == 0) {
        out.append("\uFEFF");
      }
      int docs = r.nextInt(6) == 0 ? 2 + r.nextInt(2) : 1;
      for (int d = 0; d < docs; d++) {
        if (d > 0 || r.nextInt(4) == 0) {
          out.append(r.nextInt(5) == 0 ? "--- # doc\n" : "---\n");
        }
        comments(r, out, 0);
        mapping(r, out, r.nextInt(8) == 0 ? 1 + r.nextInt(2) : 0, 0);
      }
      String text = out.toString();
      if (r.nextInt(3) == 0) {
        int mutations = 1 + r.nextInt(3);
        for (int m = 0; m < mutations && !text.isEmpty(); m++) {
          int at = r.nextInt(text.length());
          if (at > 0 && Character.isLowSurrogate(text.charAt(at))) {
            at--;
          }
          text =
              switch (r.nextInt(3)) {
                case 0 ->
                    text.substring(0, at) + NOISE[r.nextInt(NOISE.length)] + text.substring(at);
                case 1 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1));
                default -> text.substring(0, at);
              };
        }
      }
      if (r.nextInt(8) == 0) {
        text = text.replace("\n", "\r\n");
      }
      return text;
    }

    private static void comments(Random r, StringBuilder out, int indent) {
      while (r.nextInt(6) == 0) {
        switch (r.nextInt(3)) {
          case 0 -> out.append(" ".repeat(r.nextInt(indent + 3))).append("# note: a - b\n");
          case 1 -> out.append("\n");
          default -> out.append(" ".repeat(r.nextInt(4))).append('\n');
        }
      }
    }

    private static String key(Random r) {
      return r.nextInt(3) == 0 ? KEYS[r.nextInt(KEYS.length)] : KEYS[r.nextInt(6)];
    }

    private static String value(Random r) {
      return r.nextInt(3) == 0 ? VALUES[r.nextInt(VALUES.length)] : VALUES[r.nextInt(20)];
    }

    private static String trailing(Random r) {
      return switch (r.nextInt(10)) {
        case 0 -> "   ";
        case 1 -> " # trailing: comment";
        case 2 -> "#x";
        default -> "";
      };
    }

    private static void mapping(Random r, StringBuilder out, int indent, int depth) {
      int entries = 1 + r.nextInt(4);
      for (int i = 0; i < entries; i++) {
        if (i > 0) {
          out.append(" ".repeat(indent));
        }
        out.append(key(r)).append(':');
        entryValue(r, out, indent, depth);
        comments(r, out, indent);
      }
    }

    /** After 'key:' (or '-'): a value on the line, or a nested block, or nothing. */
    private static void entryValue(Random r, StringBuilder out, int indent, int depth) {
      int choice = depth > 3 ? r.nextInt(5) : r.nextInt(9);
      switch (choice) {
        case 0, 1, 2, 3 -> {
          out.append(' ').append(value(r)).append(trailing(r)).append('\n');
          while (r.nextInt(4) == 0) {
            comments(r, out, indent);
            out.append(" ".repeat(indent + r.nextInt(4))).append(value(r)).append(trailing(r));
            out.append('\n');
          }
        }
        case 4 -> {
          out.append(trailing(r)).append('\n');
          if (r.nextInt(6) == 0) {
            out.append(" ".repeat(indent + 1 + r.nextInt(3))).append(value(r)).append('\n');
          }
        }
        case 5, 6 -> {
          out.append(trailing(r)).append('\n');
          comments(r, out, indent);
          int inner = indent + (r.nextInt(6) == 0 ? r.nextInt(2) : 1 + r.nextInt(4));
          out.append(" ".repeat(inner));
          mapping(r, out, inner, depth + 1);
        }
        case 7 -> {
          out.append(trailing(r)).append('\n');
          comments(r, out, indent);
          int inner = indent + (r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(3));
          sequence(r, out, inner, depth + 1);
        }
        default -> blockScalar(r, out, indent);
      }
    }

    private static void sequence(Random r, StringBuilder out, int indent, int depth) {
      int items = 1 + r.nextInt(4);
      for (int i = 0; i < items; i++) {
        out.append(" ".repeat(indent)).append('-');
        int gap = r.nextInt(6) == 0 ? 1 + r.nextInt(3) : 1;
        switch (depth > 3 ? r.nextInt(2) : r.nextInt(5)) {
          case 0 -> out.append(" ".repeat(gap)).append(value(r)).append(trailing(r)).append('\n');
          case 1 -> out.append(r.nextInt(2) == 0 ? "" : " ").append(trailing(r)).append('\n');
          case 2, 3 -> {
            out.append(" ".repeat(gap));
            mapping(r, out, indent + 1 + gap, depth + 1);
          }
          default -> {
            out.append('\n');
            int inner = indent + 1 + r.nextInt(3);
            out.append(" ".repeat(inner));
            if (r.nextInt(2) == 0) {
              mapping(r, out, inner, depth + 1);
            } else {
              out.append("- ").append(value(r)).append('\n');
            }
          }
        }
        comments(r, out, indent);
      }
    }

    private static void blockScalar(Random r, StringBuilder out, int indent) {
      String[] headers = {"|", "|-", ">", ">-", "|+", ">2", "> # c", "|-  "};
      out.append(' ').append(headers[r.nextInt(headers.length)]).append('\n');
      int inner = indent + 1 + r.nextInt(3);
      int lines = 1 + r.nextInt(4);
      for (int i = 0; i < lines; i++) {
        switch (r.nextInt(8)) {
          case 0 -> out.append('\n');
          case 1 -> out.append(" ".repeat(inner + r.nextInt(2))).append("# not a comment\n");
          case 2 -> out.append(" ".repeat(inner + 1)).append("more indented\n");
          case 3 -> out.append(" ".repeat(r.nextInt(inner + 2))).append('\n');
          default ->
              out.append(" ".repeat(inner)).append(value(r)).append(trailing(r)).append('\n');
        }
      }
    }
  }

  @Test
  void shouldStopTheDirectBuildAtTheFirstProblemAndStillLeaveTheRestToTheSubsetCheck() {
    YamlReader shallow = new YamlReader(new YamlLimits(50, 3, 1_000_000, 1_000_000, 1_000_000));
    YamlReader shallowSnake =
        new YamlReader(new YamlLimits(50, 3, 1_000_000, 1_000_000, 1_000_000), false);
    String[] texts = {
      // a duplicate key, then only the subset: the fast path reports it
      "a: 1\nb: [x, y]\na: 2\nc: {d: 1}\n",
      // a duplicate key, then an anchor (outside the subset): SnakeYAML reads it all
      "a: 1\na: 2\nb: &x 3\nc: *x\n",
      // the second document has the problem; the first is kept
      "a: 1\n---\nb: 1\nb: 2\n---\nc: 3\n",
      // nesting deeper than the limit of 3, then more text
      "a:\n  b:\n    c:\n      d: 1\ne: 2\n",
      "a:\n  b:\n    c:\n      d: 1\ne: !!str 2\n",
    };
    for (String text : texts) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      assertThat(read(FAST, "t.yaml", bytes)).as(text).isEqualTo(read(SNAKE, "t.yaml", bytes));
      assertThat(read(FAST, "t.yaml", bytes)).as(text).isEqualTo(read(EVENTS, "t.yaml", bytes));
      assertThat(read(shallow, "t.yaml", bytes))
          .as(text)
          .isEqualTo(read(shallowSnake, "t.yaml", bytes));
    }
    assertThat(read(FAST, "t.yaml", texts[0].getBytes(StandardCharsets.UTF_8)))
        .contains("problem 3:1 duplicate key 'a'");
    assertThat(read(FAST, "t.yaml", texts[2].getBytes(StandardCharsets.UTF_8)))
        .startsWith("doc 0\n")
        .contains("problem 4:1 duplicate key 'b'");
    assertThat(read(shallow, "t.yaml", texts[3].getBytes(StandardCharsets.UTF_8)))
        .contains("nesting deeper than 3 levels");
  }
}
