package io.waymark.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class YamlReaderTest {

  private static final YamlReader READER = new YamlReader(YamlLimits.DEFAULT);

  private static YamlReader.Result read(String text) {
    return READER.read("test.yaml", text.getBytes(StandardCharsets.UTF_8));
  }

  /** The single document of a text that must read cleanly. */
  private static YamlNode root(String text) {
    YamlReader.Result result = read(text);
    assertThat(result.problem()).as("problem of %s", text).isEmpty();
    assertThat(result.documents()).hasSize(1);
    return result.documents().get(0).root();
  }

  private static YamlProblem problemOf(YamlReader.Result result) {
    assertThat(result.problem()).as("expected a YAML problem").isPresent();
    return result.problem().get();
  }

  private static YamlProblem problemOf(String text) {
    return problemOf(read(text));
  }

  private static YamlNode node(YamlNode root, String pointer) {
    return root.at(pointer).orElseThrow(() -> new AssertionError("no node at " + pointer));
  }

  private static YamlMap.Entry entry(YamlNode root, String mapPointer, String key) {
    YamlNode map = node(root, mapPointer);
    assertThat(map).isInstanceOf(YamlMap.class);
    return ((YamlMap) map).entry(key).orElseThrow(() -> new AssertionError("no key " + key));
  }

  @Nested
  class ScalarResolution {

    static Stream<Arguments> strings() {
      return Stream.of(
          Arguments.of("NO", "NO"),
          Arguments.of("no", "no"),
          Arguments.of("on", "on"),
          Arguments.of("On", "On"),
          Arguments.of("yes", "yes"),
          Arguments.of("Y", "Y"),
          Arguments.of("off", "off"),
          Arguments.of("010", "010"),
          Arguments.of("007", "007"),
          Arguments.of("1:20", "1:20"),
          Arguments.of("190:20:30", "190:20:30"),
          Arguments.of("2027-01-15", "2027-01-15"),
          Arguments.of("2027-01-15T10:00:00Z", "2027-01-15T10:00:00Z"),
          Arguments.of("1_000", "1_000"),
          Arguments.of("\"12\"", "12"),
          Arguments.of("'true'", "true"),
          Arguments.of("\"null\"", "null"),
          Arguments.of("\"\"", ""),
          Arguments.of("!!str 12", "12"),
          Arguments.of("plain text", "plain text"));
    }

    @ParameterizedTest(name = "v: {0} is the string \"{1}\"")
    @MethodSource("strings")
    void shouldKeepAsString(String written, String expected) {
      YamlNode value = node(root("v: " + written + "\n"), "/v");

      assertThat(value)
          .isInstanceOfSatisfying(
              YamlScalar.class,
              s -> {
                assertThat(s.isString()).as("%s is a string", written).isTrue();
                assertThat(s.value()).isEqualTo(expected);
              });
    }

    static Stream<Arguments> numbers() {
      return Stream.of(
          Arguments.of("12", "12", true),
          Arguments.of("-3", "-3", true),
          Arguments.of("+7", "7", true),
          Arguments.of("0", "0", true),
          Arguments.of("1.5", "1.5", false),
          Arguments.of("-0.25", "-0.25", false),
          Arguments.of("1e3", "1000", false),
          Arguments.of("2.5E-2", "0.025", false));
    }

    @ParameterizedTest(name = "v: {0} is the number {1}")
    @MethodSource("numbers")
    void shouldResolveNumbers(String written, String expected, boolean integer) {
      YamlNode value = node(root("v: " + written + "\n"), "/v");

      assertThat(value)
          .isInstanceOfSatisfying(
              YamlScalar.class,
              s -> {
                assertThat(s.value()).isInstanceOf(BigDecimal.class);
                assertThat((BigDecimal) s.value()).isEqualByComparingTo(expected);
                assertThat(s.integer()).isEqualTo(integer);
                assertThat(s.text()).isEqualTo(written);
              });
    }

    @ParameterizedTest(name = "v: {0} is a boolean")
    @ValueSource(strings = {"true", "false", "True", "FALSE"})
    void shouldResolveBooleans(String written) {
      YamlNode value = node(root("v: " + written + "\n"), "/v");

      assertThat(value)
          .isInstanceOfSatisfying(
              YamlScalar.class,
              s -> assertThat(s.value()).isEqualTo(Boolean.parseBoolean(written.toLowerCase())));
    }

    @ParameterizedTest(name = "v: [{0}] is null")
    @ValueSource(strings = {"~", "null", "Null", "NULL", ""})
    void shouldResolveNull(String written) {
      YamlNode value = node(root("v: " + written + "\n"), "/v");

      assertThat(value)
          .isInstanceOfSatisfying(YamlScalar.class, s -> assertThat(s.isNull()).isTrue());
    }

    @Test
    void shouldRejectATypeTagThatDoesNotFitTheValue() {
      YamlProblem problem = problemOf("a: 1\nv: !!int twelve\n");

      assertThat(problem.getMessage()).contains("twelve").contains("!!int");
      assertThat(problem.line()).isEqualTo(2);
    }
  }

  @Nested
  class Positions {

    private static final String ROADMAP =
        """
        title: Roadmap
        spec:
          phases:
            - id: p1
              months: [1, 3]
            - id: p2
        """;

    @Test
    void shouldKeepTheLineAndColumnOfKeysAndValues() {
      YamlNode root = root(ROADMAP);

      assertThat(entry(root, "", "title")).extracting("line", "column").containsExactly(1, 1);
      assertThat(node(root, "/title")).extracting("line", "column").containsExactly(1, 8);
      assertThat(entry(root, "", "spec")).extracting("line", "column").containsExactly(2, 1);
      assertThat(entry(root, "/spec", "phases")).extracting("line", "column").containsExactly(3, 3);
    }

    @Test
    void shouldKeepPositionsInsideLists() {
      YamlNode root = root(ROADMAP);

      assertThat(entry(root, "/spec/phases/0", "id"))
          .extracting("line", "column")
          .containsExactly(4, 7);
      assertThat(node(root, "/spec/phases/0/id"))
          .extracting("line", "column")
          .containsExactly(4, 11);
      assertThat(node(root, "/spec/phases/0/months"))
          .extracting("line", "column")
          .containsExactly(5, 15);
      assertThat(node(root, "/spec/phases/0/months/0"))
          .extracting("line", "column")
          .containsExactly(5, 16);
      assertThat(node(root, "/spec/phases/0/months/1"))
          .extracting("line", "column")
          .containsExactly(5, 19);
      assertThat(entry(root, "/spec/phases/1", "id"))
          .extracting("line", "column")
          .containsExactly(6, 7);
    }

    @Test
    void shouldCountLinesFromTheStartOfTheFileInALaterDocument() {
      YamlReader.Result result = read("a: 1\n---\n# comment\nb: 2\nc:\n  - x\n");

      assertThat(result.problem()).isEmpty();
      assertThat(result.documents()).extracting(YamlDocument::index).containsExactly(0, 1);
      YamlNode second = result.documents().get(1).root();
      assertThat(entry(second, "", "b")).extracting("line", "column").containsExactly(4, 1);
      assertThat(node(second, "/b")).extracting("line", "column").containsExactly(4, 4);
      assertThat(node(second, "/c/0")).extracting("line", "column").containsExactly(6, 5);
    }

    @Test
    void shouldAcceptAByteOrderMarkWithoutShiftingColumns() {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      bytes.writeBytes("a: 1\nb: two\n".getBytes(StandardCharsets.UTF_8));

      YamlReader.Result result = READER.read("bom.yaml", bytes.toByteArray());

      assertThat(result.problem()).isEmpty();
      YamlNode root = result.documents().get(0).root();
      assertThat(entry(root, "", "a")).extracting("line", "column").containsExactly(1, 1);
      assertThat(node(root, "/b")).extracting("line", "column").containsExactly(2, 4);
      assertThat(((YamlMap) root).entries()).containsOnlyKeys("a", "b");
    }

    @Test
    void shouldGiveTheSamePositionsForCrLfAsForLf() {
      String lf = ROADMAP + "notes: >-\n  folded\n  text\nlast: [x, {y: z}]\n";
      String crlf = lf.replace("\n", "\r\n");

      List<String> withLf = positions(root(lf));
      List<String> withCrLf = positions(root(crlf));

      assertThat(withCrLf).isEqualTo(withLf).contains("/last/1/y key 10:12", "/last/1/y 10:15");
      assertThat(node(root(crlf), "/notes"))
          .isInstanceOfSatisfying(
              YamlScalar.class, s -> assertThat(s.value()).isEqualTo("folded text"));
    }

    /** Every node and key of a tree as "pointer line:column", in document order. */
    private List<String> positions(YamlNode root) {
      List<String> out = new ArrayList<>();
      collect(root, "", out);
      return out;
    }

    private void collect(YamlNode node, String pointer, List<String> out) {
      out.add(pointer + " " + node.line() + ":" + node.column());
      if (node instanceof YamlMap map) {
        for (YamlMap.Entry e : map.entries().values()) {
          String child = pointer + "/" + e.key();
          out.add(child + " key " + e.line() + ":" + e.column());
          collect(e.value(), child, out);
        }
      } else if (node instanceof YamlSeq seq) {
        for (int i = 0; i < seq.items().size(); i++) {
          collect(seq.items().get(i), pointer + "/" + i, out);
        }
      }
    }
  }

  @Nested
  class MalformedInput {

    @Test
    void shouldReportTabIndentationWithItsLine() {
      YamlProblem problem = problemOf("a: 1\nb:\n\tc: 2\n");

      assertThat(problem.getMessage()).containsIgnoringCase("tab");
      assertThat(problem.line()).isEqualTo(3);
    }

    @Test
    void shouldReportATabBeforeANestedKeyWithItsLine() {
      YamlProblem problem = problemOf("spec:\n  phases:\n  \t- id: p1\n");

      assertThat(problem.getMessage()).containsIgnoringCase("tab");
      assertThat(problem.line()).isEqualTo(3);
    }

    /** The translation of a tab never fired: SnakeYAML writes the tab as "\t(TAB)". */
    @Test
    void shouldSayATabIndentsTheLineAndThatYamlIndentsWithSpaces() {
      YamlProblem problem = problemOf("metadata:\n\tid: uc-a\n");

      assertThat(problem.getMessage())
          .isEqualTo("tab character where YAML expects indentation or a value");
      assertThat(problem.hint())
          .isEqualTo("YAML indents with spaces: replace the tab with spaces.");
      assertThat(problem.line()).isEqualTo(2);
    }

    /** Was reported at the end of the file, where the reader gave up, not at the open quote. */
    @Test
    void shouldPointAtTheQuoteThatIsNeverClosed() {
      YamlProblem problem = problemOf("a: 1\ntitle: \"Retrieval pilot\nowner: me\nb: 2\n");

      assertThat(problem.line()).isEqualTo(2);
      assertThat(problem.column()).isEqualTo(8);
      assertThat(problem.getMessage()).contains("quote").contains("never closed");
      assertThat(problem.hint()).contains("Close the quote");
    }

    /** Was reported on the line after the key without its ':'. */
    @Test
    void shouldPointAtTheKeyWithoutItsColon() {
      YamlProblem problem = problemOf("metadata:\n  id: a\n  title Pilot\n  owner: me\n");

      assertThat(problem.line()).isEqualTo(3);
      assertThat(problem.column()).isEqualTo(3);
      assertThat(problem.getMessage()).contains("no ':'");
      assertThat(problem.hint()).contains("key: value");
    }

    @Test
    void shouldAcceptATabInsideAValue() {
      YamlNode root = root("a: x\ty\nb: \"q\tr\"\n");

      assertThat(node(root, "/a"))
          .isInstanceOfSatisfying(YamlScalar.class, s -> assertThat(s.value()).isEqualTo("x\ty"));
    }

    @Test
    void shouldReportInvalidUtf8AtItsLineAndColumn() {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.writeBytes("a: 1\nb: 2\nc: ".getBytes(StandardCharsets.UTF_8));
      bytes.write(0xFF);
      bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));

      YamlReader.Result result = READER.read("bad.yaml", bytes.toByteArray());

      YamlProblem problem = problemOf(result);
      assertThat(problem.getMessage()).contains("invalid UTF-8").contains("0xFF");
      assertThat(problem.line()).isEqualTo(3);
      assertThat(problem.column()).isEqualTo(4);
      assertThat(result.documents()).isEmpty();
    }

    /**
     * A NUL or escape byte said "special characters are not allowed" at 1:1 with the hint "Fix the
     * YAML syntax.": neither which character nor where. It names the character and its place.
     */
    @ParameterizedTest
    @ValueSource(strings = {"a: 1\nb:\n  c: x\u0000y\n", "a: 1\nb: {c: x\u0000y}\n"})
    void shouldNameAControlCharacterAndItsPlace(String text) {
      YamlReader.Result result = READER.read("nul.yaml", text.getBytes(StandardCharsets.UTF_8));

      YamlProblem problem = problemOf(result);
      assertThat(problem.getMessage()).contains("U+0000").contains("control character");
      assertThat(problem.line()).isEqualTo(text.contains("{") ? 2 : 3);
      assertThat(problem.column()).isEqualTo(text.contains("{") ? 9 : 7);
      assertThat(problem.hint()).contains("Remove");
    }

    /**
     * Windows PowerShell's '>' writes UTF-16 with a byte order mark: said as such, not as a byte.
     */
    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void shouldNameAUtf16File(String charset) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.writeBytes("\uFEFFa: 1\n".getBytes(java.nio.charset.Charset.forName(charset)));

      YamlProblem problem = problemOf(READER.read("ps.yaml", bytes.toByteArray()));

      assertThat(problem.getMessage()).contains("the file is UTF-16, not UTF-8");
      assertThat(problem.hint()).contains("Save the file as UTF-8").contains("-Encoding utf8");
      assertThat(problem.line()).isEqualTo(1);
      assertThat(problem.column()).isEqualTo(1);
    }

    /**
     * A YAML file tracked by Git LFS and checked out without its content (CI without LFS, such as
     * actions/checkout by default) is a pointer: said as such, not taken for a plain string.
     */
    @Test
    void shouldNameAGitLfsPointer() {
      String pointer =
          "version https://git-lfs.github.com/spec/v1\n"
              + "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
              + "size 12345\n";

      YamlReader.Result result =
          READER.read("roadmap.yaml", pointer.getBytes(StandardCharsets.UTF_8));

      YamlProblem problem = problemOf(result);
      assertThat(problem.getMessage())
          .contains("Git LFS pointer")
          .contains("12345 bytes")
          .contains("not checked out");
      assertThat(problem.hint()).contains("git lfs pull").contains("lfs: true");
      assertThat(problem.line()).isEqualTo(1);
      assertThat(result.documents()).isEmpty();
    }

    @Test
    void shouldReadAFileThatOnlyMentionsGitLfs() {
      YamlNode root = root("version: https://git-lfs.github.com/spec/v1\n");

      assertThat(node(root, "/version"))
          .isInstanceOfSatisfying(
              YamlScalar.class,
              s -> assertThat(s.value()).isEqualTo("https://git-lfs.github.com/spec/v1"));
    }

    @Test
    void shouldCountColumnsInCharactersBeforeInvalidUtf8() {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      bytes.writeBytes("title: Café ".getBytes(StandardCharsets.UTF_8));
      bytes.write(0xC3); // a lead byte followed by a non-continuation byte
      bytes.writeBytes("x\n".getBytes(StandardCharsets.UTF_8));

      YamlProblem problem = problemOf(READER.read("bad.yaml", bytes.toByteArray()));

      assertThat(problem.getMessage()).contains("invalid UTF-8");
      assertThat(problem.line()).isEqualTo(1);
      assertThat(problem.column()).isEqualTo(13);
    }

    @Test
    void shouldRejectDuplicateKeysNamingBothLines() {
      YamlProblem problem = problemOf("id: a\ntitle: T\nid: b\n");

      assertThat(problem.line()).isEqualTo(3);
      assertThat(problem.column()).isEqualTo(1);
      assertThat(problem.getMessage()).contains("duplicate key 'id'").contains("line 1");
      assertThat(problem.hint()).contains("lines 1 and 3");
    }

    @Test
    void shouldRejectDuplicateKeysInANestedFlowMapping() {
      YamlProblem problem =
          problemOf("spec:\n  gate:\n    {status: passed,\n     status: failed}\n");

      assertThat(problem.line()).isEqualTo(4);
      assertThat(problem.getMessage()).contains("duplicate key 'status'").contains("line 3");
    }

    @Test
    void shouldAllowTheSameKeyInDifferentMappings() {
      YamlNode root = root("a: {id: 1}\nb: {id: 2}\n");

      assertThat(node(root, "/b/id"))
          .isInstanceOfSatisfying(
              YamlScalar.class, s -> assertThat((BigDecimal) s.value()).isEqualByComparingTo("2"));
    }

    @Test
    void shouldKeepTheDocumentsReadBeforeALaterSyntaxError() {
      YamlReader.Result result = read("a: 1\n---\nb: 2\n---\nc: [unclosed\nd: e\n");

      assertThat(result.documents()).hasSize(2);
      assertThat(result.documents().get(1).root().at("/b")).isPresent();
      YamlProblem problem = problemOf(result);
      assertThat(problem.line()).isGreaterThanOrEqualTo(5);
      assertThat(problem.getMessage()).startsWith("YAML syntax");
    }

    @Test
    void shouldReportAnAliasWithoutAnchor() {
      YamlProblem problem = problemOf("a: 1\nb: *missing\n");

      assertThat(problem.getMessage()).contains("*missing");
      assertThat(problem.line()).isEqualTo(2);
    }
  }

  @Nested
  class UnsafeInput {

    static Stream<Arguments> tags() {
      return Stream.of(
          Arguments.of(
              "script engine",
              "x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL"
                  + " [\"http://127.0.0.1:9/\"]]]]\n",
              "javax.script.ScriptEngineManager"),
          Arguments.of("file", "x: !!java.io.File /etc/passwd\n", "java.io.File"),
          Arguments.of("local tag", "x: !foo bar\n", "!foo"),
          Arguments.of("local tag on a mapping", "x: !foo {a: 1}\n", "!foo"),
          Arguments.of("binary", "x: !!binary aGVsbG8=\n", "binary"),
          Arguments.of("set", "x: !!set {a, b}\n", "set"),
          Arguments.of("verbatim tag", "x: !<tag:example.com,2000:app/foo> bar\n", "foo"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tags")
    void shouldRefuseTagsThatCouldConstructObjects(String name, String text, String tag) {
      YamlReader.Result result = read(text);

      YamlProblem problem = problemOf(result);
      assertThat(problem.getMessage()).contains("not allowed").contains(tag);
      assertThat(problem.line()).isEqualTo(1);
      assertThat(result.documents()).isEmpty();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldStopBillionLaughsAtTheAliasCount() {
      StringBuilder text =
          new StringBuilder(
              "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
      for (char c = 'b'; c <= 'i'; c++) {
        char prev = (char) (c - 1);
        text.append(c).append(": &").append(c).append(" [");
        for (int k = 0; k < 9; k++) {
          text.append(k == 0 ? "" : ",").append('*').append(prev);
        }
        text.append("]\n");
      }
      YamlProblem problem = problemOf(text.toString());
      // Either bound may trip first; both name the aliases as the cause.
      assertThat(problem.getMessage()).contains("aliases");
      assertThat(problem.line()).isBetween(5, 7);
    }

    @Test
    void shouldRefuseMoreCollectionAliasesThanTheLimit() {
      StringBuilder text = new StringBuilder("a: &a [x]\nb: [");
      for (int k = 0; k < 51; k++) {
        text.append(k == 0 ? "" : ", ").append("*a");
      }
      text.append("]\n");

      YamlProblem problem = problemOf(text.toString());

      assertThat(problem.getMessage()).contains("more than 50 aliases");
      assertThat(problem.line()).isEqualTo(2);
      assertThat(problem.column()).isEqualTo(5 + 4 * 50);
    }

    @Test
    void shouldNotCountAliasesToScalarsAgainstTheLimit() {
      StringBuilder text = new StringBuilder("a: &a x\nb: [");
      for (int k = 0; k < 60; k++) {
        text.append(k == 0 ? "" : ", ").append("*a");
      }
      text.append("]\n");

      YamlNode root = root(text.toString());

      assertThat(node(root, "/b"))
          .isInstanceOfSatisfying(YamlSeq.class, s -> assertThat(s.items()).hasSize(60));
    }

    @Test
    void shouldAcceptALargeDocumentWithoutAliases() {
      // 400,000 scalars two lists deep: well under the 1,000,000-node expansion bound.
      String text = "a:\n  - [" + "1,".repeat(400_000) + "1]\n";

      YamlReader.Result result = read(text);

      assertThat(result.problem()).isEmpty();
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldStopADoublingBombThatStaysUnderTheAliasCount() {
      StringBuilder text = new StringBuilder("a0: &a0 [x, x]\n");
      for (int i = 1; i <= 25; i++) {
        text.append("a").append(i).append(": &a").append(i);
        text.append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
      }
      YamlReader reader = new YamlReader(new YamlLimits(60, 64, 3_145_728L, 1_000_000L));
      YamlProblem problem =
          problemOf(reader.read("bomb.yaml", text.toString().getBytes(StandardCharsets.UTF_8)));
      assertThat(problem.getMessage()).contains("expands").contains("1000000");
      assertThat(problem.line()).isBetween(2, 26);
    }

    @Test
    void shouldAcceptAFewAliases() {
      YamlNode root = root("base: &base {unit: ms}\na: *base\nb: *base\n");

      assertThat(node(root, "/b/unit"))
          .isInstanceOfSatisfying(YamlScalar.class, s -> assertThat(s.value()).isEqualTo("ms"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"&a [ *a ]\n", "a: &x {b: *x}\n", "a: &x [1, [2, *x]]\n"})
    void shouldRejectRecursiveAliases(String text) {
      YamlProblem problem = problemOf(text);

      assertThat(problem.getMessage()).contains("recursive alias");
    }

    static Stream<Arguments> deepDocuments() {
      return Stream.of(
          Arguments.of("flow sequences", "[".repeat(100_000)),
          Arguments.of("flow mappings", "{a: ".repeat(100_000)),
          Arguments.of("block sequences on one line", "- ".repeat(100_000) + "x\n"),
          Arguments.of("block mappings", blockMappings(1_000)));
    }

    private static String blockMappings(int depth) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < depth; i++) {
        text.append(" ".repeat(2 * i)).append("k:\n");
      }
      return text.append(" ".repeat(2 * depth)).append("v: 1\n").toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepDocuments")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldRefuseDeepNestingWithoutOverflowingTheStack(String name, String text) {

      YamlReader.Result[] result = new YamlReader.Result[1];
      assertThatCode(() -> result[0] = read(text)).doesNotThrowAnyException();
      YamlProblem problem = problemOf(result[0]);
      assertThat(problem.getMessage()).contains("nesting deeper than 64");
    }

    @Test
    void shouldAcceptNestingUpToTheLimit() {
      YamlReader reader = new YamlReader(new YamlLimits(50, 3, 1000, 1000));

      assertThat(reader.read("ok.yaml", "a: {b: [1]}\n".getBytes(StandardCharsets.UTF_8)).problem())
          .isEmpty();
      assertThat(
              reader
                  .read("deep.yaml", "a: {b: [[1]]}\n".getBytes(StandardCharsets.UTF_8))
                  .problem())
          .hasValueSatisfying(p -> assertThat(p.getMessage()).contains("nesting deeper than 3"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldKeepAHugeDigitStringAsTextInsteadOfParsingIt() {
      // Parsing a million-digit integer is quadratic; no amount anyone plans with is that long.
      String text = "a: " + "9".repeat(1_000_000) + "\n";

      YamlNode root = root(text);

      YamlScalar value = (YamlScalar) ((YamlMap) root).get("a").orElseThrow();
      assertThat(value.isString()).isTrue();
      assertThat(value.text()).hasSize(1_000_000);
    }

    /** A file whose scalars hold {@code bytes} bytes of text: one 10-byte value per line. */
    private static byte[] plainText(int lines) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < lines; i++) {
        text.append(String.format("k%04d: %s%n", i, "v".repeat(5))); // key 5 + value 5 bytes
      }
      return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldCountExpandedTextInBytesUpToTheLimitOnTheFastPath() {
      YamlReader reader = new YamlReader(new YamlLimits(50, 64, 1_000_000, 1_000_000, 1000));

      assertThat(reader.read("ok.yaml", plainText(100)).problem()).isEmpty();
      assertThat(reader.read("big.yaml", plainText(101)).problem())
          .hasValueSatisfying(
              p -> {
                assertThat(p.getMessage()).contains("more than 1000 bytes of text");
                assertThat(p.hint()).contains("spec.limits.expandedBytes");
                assertThat(p.line()).isEqualTo(101);
              });
    }

    @Test
    void shouldCountEachUseOfAnAliasedScalarInBytes() {
      // Aliases to scalars are not counted by spec.limits.aliases: their bytes are. Here 'a' and
      // 'l' (2 bytes), the value once (100) and nine uses of it (900): 1002 bytes.
      byte[] text =
          ("a: &v " + "x".repeat(100) + "\nl: [" + "*v, ".repeat(8) + "*v]\n")
              .getBytes(StandardCharsets.UTF_8);

      assertThat(
              new YamlReader(new YamlLimits(50, 64, 10_000, 10_000, 1002))
                  .read("a", text)
                  .problem())
          .isEmpty();
      assertThat(
              new YamlReader(new YamlLimits(50, 64, 10_000, 10_000, 1001))
                  .read("a", text)
                  .problem())
          .hasValueSatisfying(p -> assertThat(p.getMessage()).contains("more than 1001 bytes"));
    }

    @Test
    void shouldStopALongStringRepeatedThroughAliasesEarly() {
      // 150 KB once, then 15,000 aliases to it: 2.25 GB of text for every later stage.
      StringBuilder text = new StringBuilder("s: &s " + "y".repeat(150_000) + "\nl:\n");
      text.append("  - *s\n".repeat(15_000));

      YamlReader.Result result =
          new YamlReader(YamlLimits.DEFAULT)
              .read("big.yaml", text.toString().getBytes(StandardCharsets.UTF_8));

      assertThat(problemOf(result).getMessage()).contains("more than 8388608 bytes of text");
      assertThat(problemOf(result).line()).isLessThan(100);
    }

    @Test
    void shouldRefuseAFileOverTheByteLimit() {
      YamlReader reader = new YamlReader(new YamlLimits(50, 64, 100, 1_000_000));
      byte[] bytes = ("a: " + "x".repeat(200) + "\n").getBytes(StandardCharsets.UTF_8);

      YamlReader.Result result = reader.read("big.yaml", bytes);

      assertThat(problemOf(result).getMessage()).contains("204 bytes").contains("limit of 100");
      assertThat(result.documents()).isEmpty();
    }
  }

  @Test
  void shouldReportAParserCrashOnATruncatedEscapeAsAProblem() {
    YamlReader.Result result = read("a: \"x \\u");

    assertThat(result.problem())
        .hasValueSatisfying(p -> assertThat(p.getMessage()).startsWith("YAML syntax"));
  }

  @Test
  void shouldKeepOneCopyOfAShortTextReadInManyFilesAndSeparateCopiesOfLongOnes() {
    String longText = "a description longer than forty characters, rarely repeated";
    String yaml =
        "status: proposed\nowner: team-a\nnote: "
            + longText
            + "\nquoted: 'proposed'\nagain: "
            + longText
            + "\n";
    // Other test classes read YAML at the same time and may empty the table between two reads
    // (it is emptied when full): one of a few attempts sees both files share.
    boolean shared = false;
    for (int attempt = 0; attempt < 5 && !shared; attempt++) {
      YamlNode first = root(yaml);
      YamlNode second = root(yaml);
      YamlScalar status1 = (YamlScalar) node(first, "/status");
      YamlScalar status2 = (YamlScalar) node(second, "/status");
      assertThat(status2.value()).isEqualTo("proposed");
      shared =
          status2.value() == status1.value()
              && status2.text() == status1.text()
              && ((YamlScalar) node(second, "/quoted")).value() == status1.value();
    }
    assertThat(shared).as("a short text read twice is one string").isTrue();
    YamlNode one = root(yaml);
    assertThat(((YamlScalar) node(one, "/again")).value())
        .isEqualTo(longText)
        .isNotSameAs(((YamlScalar) node(one, "/note")).value());
    // Both ways of reading share the texts.
    boolean sharedBySnake = false;
    for (int attempt = 0; attempt < 5 && !sharedBySnake; attempt++) {
      YamlNode fast = root(yaml);
      YamlNode slow =
          new YamlReader(YamlLimits.DEFAULT, false)
              .read("s.yaml", yaml.getBytes(StandardCharsets.UTF_8))
              .documents()
              .get(0)
              .root();
      sharedBySnake =
          ((YamlScalar) node(slow, "/status")).value()
              == ((YamlScalar) node(fast, "/status")).value();
    }
    assertThat(sharedBySnake).isTrue();
  }

  @Test
  void shouldPushOutATextThatDoesNotRecurAndShareAgainAfterwards() {
    String sentinel = YamlReader.shared(new String("sentinel-text".toCharArray()));
    int added = 0;
    // Other texts take the table's places: the sentinel is pushed out once two land on its own.
    while (YamlReader.shared(new String("sentinel-text".toCharArray())) == sentinel) {
      for (int k = 0; k < 64; k++) {
        YamlReader.shared("filler-" + added++);
      }
      assertThat(added).as("the table is bounded").isLessThan(1_000_000);
    }
    String text = new String("after-a-full-table".toCharArray());
    assertThat(YamlReader.shared(text)).isSameAs(text);
    assertThat(YamlReader.shared(new String("after-a-full-table".toCharArray()))).isSameAs(text);
    // A long text is never shared.
    String longText = "x".repeat(41);
    assertThat(YamlReader.shared(new String(longText.toCharArray())))
        .isNotSameAs(YamlReader.shared(new String(longText.toCharArray())));
  }

  /** Texts of the same hash are told apart: each keeps its own value. */
  @Test
  void shouldNeverGiveAnotherTextOfTheSameHash() {
    // "Aa" and "BB" have the same hash code, as do their concatenations.
    List<String> same = List.of("AaAa", "AaBB", "BBAa", "BBBB");
    for (int round = 0; round < 3; round++) {
      for (String t : same) {
        assertThat(YamlReader.shared(new String(t.toCharArray()))).isEqualTo(t);
      }
    }
  }
}
