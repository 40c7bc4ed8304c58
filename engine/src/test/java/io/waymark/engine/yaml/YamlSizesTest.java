package io.waymark.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The reader counts each mapping's and sequence's weight and bytes (what the alias limits are
 * judged by) as it places the children, measuring each text once: the counts must be exactly the
 * sums {@link YamlMap} and {@link YamlSeq} work out from the finished children, on the example's
 * documents and on flow style, aliases, multi-byte text and nesting.
 */
class YamlSizesTest {

  private static final Path ROOT =
      Files.isDirectory(Path.of("example-roadmap")) ? Path.of(".") : Path.of("..");

  @Test
  void shouldCountTheSizesOfTheExampleAsTheNodesSumThem() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(ROOT.resolve("example-roadmap"))) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      for (YamlDocument doc : read(Files.readString(file))) {
        assertSums(doc.root());
      }
    }
  }

  @Test
  void shouldCountAliasesFlowStyleAndMultiByteText() {
    String text =
        """
        base: &b {name: "Zürich → Genève", tags: [a, b, "€ 12"], nested: {x: [1, 2.5, null]}}
        again: *b
        word: &w café
        keys:
          *w : 1
          ✓ ok: [*b, *w, [[], {}]]
        block: |
          line one ✓
          line two
        """;
    List<YamlDocument> docs = read(text);
    assertThat(docs).hasSize(1);
    YamlNode root = docs.get(0).root();
    assertSums(root);
    // The alias weighs what its target weighs: 4 scalars and 4 collections under "base".
    assertThat(((YamlMap) root).get("again").orElseThrow().bytes())
        .isEqualTo(((YamlMap) root).get("base").orElseThrow().bytes())
        .isGreaterThan(20);
  }

  @Test
  void shouldCountAnAsciiFileReadByTheFastPathCharacterByByteAndEscapesByTheirBytes() {
    // All ASCII, so the fast path takes each scalar's length for its bytes, but for the
    // double-quoted ones: their escapes make characters of two and three bytes.
    String text =
        """
        apiVersion: waymark/v1
        kind: Roadmap
        metadata:
          id: rm-1
          title: 'it''s single-quoted'
        spec:
          city: "Z\u00fcrich \u2192 Gen\u00e8ve"
          plain: a plain scalar
            over two lines
          literal: |
            line one
            line two
          folded: >-
            folded
            text
          items:
            - 1
            - 2.5
            - ~
            - ""
        """;
    List<YamlDocument> docs = read(text);
    assertThat(docs).hasSize(1);
    YamlMap root = (YamlMap) docs.get(0).root();
    assertSums(root);
    YamlMap spec = (YamlMap) root.get("spec").orElseThrow();
    assertThat(((YamlScalar) spec.get("city").orElseThrow()).text()).isEqualTo("Zürich → Genève");
    assertThat(root.bytes()).isEqualTo(YamlMap.bytes(root.entries()));
  }

  private static List<YamlDocument> read(String text) {
    YamlReader.Result result =
        new YamlReader(YamlLimits.DEFAULT).read("t.yaml", text.getBytes(StandardCharsets.UTF_8));
    assertThat(result.problem()).isEmpty();
    return result.documents();
  }

  private static void assertSums(YamlNode node) {
    if (node instanceof YamlMap map) {
      assertThat(map.weight()).isEqualTo(YamlMap.weight(map.entries()));
      assertThat(map.bytes()).isEqualTo(YamlMap.bytes(map.entries()));
      map.entries().values().forEach(e -> assertSums(e.value()));
    } else if (node instanceof YamlSeq seq) {
      YamlSeq summed = YamlSeq.of(seq.items(), seq.line(), seq.column());
      assertThat(seq.weight()).isEqualTo(summed.weight());
      assertThat(seq.bytes()).isEqualTo(summed.bytes());
      seq.items().forEach(YamlSizesTest::assertSums);
    }
  }
}
