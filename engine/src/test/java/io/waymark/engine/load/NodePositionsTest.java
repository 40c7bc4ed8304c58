package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.ProjectFiles;
import io.waymark.engine.model.Positions;
import io.waymark.engine.model.SourceNode;
import io.waymark.engine.yaml.YamlDocument;
import io.waymark.engine.yaml.YamlLimits;
import io.waymark.engine.yaml.YamlMap;
import io.waymark.engine.yaml.YamlNode;
import io.waymark.engine.yaml.YamlReader;
import io.waymark.engine.yaml.YamlSeq;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The compact positions anchors keep against the YAML tree they were made from, on every YAML file
 * of the repository: every node, every key, every pointer token, and the released view a valid
 * document keeps.
 */
class NodePositionsTest {

  private static Path root() {
    Path here = Path.of("").toAbsolutePath();
    return Files.isDirectory(here.resolve("example-roadmap")) ? here : here.getParent();
  }

  private static List<Path> yamlFiles() {
    return ProjectFiles.yaml(root());
  }

  @Test
  void shouldPlaceEveryNodeAndKeyOfEveryRepositoryFileWhereTheYamlTreeDoes() throws IOException {
    int nodes = 0;
    for (Path file : yamlFiles()) {
      YamlReader.Result parsed =
          new YamlReader(YamlLimits.DEFAULT).read(file.toString(), Files.readAllBytes(file));
      for (YamlDocument doc : parsed.documents()) {
        SourceNode source = YamlSource.of(doc.root());
        nodes += compare(file + " ", doc.root(), source.positions());
        compareReleased(file + " ", doc.root(), YamlSource.released(source));
      }
    }
    assertThat(nodes).as("nodes compared").isGreaterThan(5_000);
  }

  @Test
  void shouldLayEveryRepositoryFileOutAgainOnceWhenItsForgottenPositionsAreRead()
      throws IOException {
    int nodes = 0;
    for (Path file : yamlFiles()) {
      YamlReader.Result parsed =
          new YamlReader(YamlLimits.DEFAULT).read(file.toString(), Files.readAllBytes(file));
      for (YamlDocument doc : parsed.documents()) {
        NodePositions positions = (NodePositions) YamlSource.of(doc.root()).positions();
        AtomicInteger laidOut = new AtomicInteger();
        positions.forget(
            () -> {
              laidOut.incrementAndGet();
              return NodePositions.of(doc.root());
            });
        assertThat(laidOut).as(file + " laid out before it is read").hasValue(0);
        nodes += compare(file + " ", doc.root(), positions);
        assertThat(laidOut).as(file + " laid out again").hasValue(1);
      }
    }
    assertThat(nodes).as("nodes compared").isGreaterThan(5_000);
  }

  @Test
  void shouldPointEveryNodeAtTheDocumentStartWhenItCannotBeLaidOutAgain() {
    YamlNode root = readRoot("# a comment\n\n  a:\n    b: [1, {c: 2}]\n  d: x\n");
    List<Supplier<NodePositions>> failures =
        List.of(
            () -> null,
            () -> {
              throw new IllegalStateException("the file is gone");
            },
            // Another document's layout (the file changed): not taken.
            () -> (NodePositions) YamlSource.of(readRoot("a: 1\n")).positions().child("a").get());
    for (Supplier<NodePositions> failure : failures) {
      NodePositions positions = (NodePositions) YamlSource.of(root).positions();
      Positions deep = positions.child("a").orElseThrow().child("b").orElseThrow().child("1").get();
      Positions.Table table = positions.child("d").orElseThrow().table();
      int d = positions.child("d").orElseThrow().index();
      positions.forget(failure);

      // Every node, and every child asked for (a pointer stays whole), is the document's start.
      for (Positions p : List.of(positions, deep, table.node(d))) {
        for (Positions q : List.of(p, p.child("a").orElseThrow(), p.child("7").orElseThrow())) {
          assertThat(q.line()).isEqualTo(3);
          assertThat(q.column()).isEqualTo(3);
          assertThat(q.key("c").orElseThrow().line()).isEqualTo(3);
          assertThat(q.key("c").orElseThrow().column()).isEqualTo(3);
        }
      }
    }
  }

  @Test
  void shouldForgetOnlyAWholeDocument() {
    YamlNode root = readRoot("a:\n  b: 1\n");
    NodePositions positions = (NodePositions) YamlSource.of(root).positions();
    NodePositions a = positions.child("a").orElseThrow();
    a.forget(
        () -> {
          throw new AssertionError("a node inside a document is not forgotten");
        });
    assertThat(compare("a.yaml ", root, positions)).isEqualTo(3);
  }

  @Test
  void shouldLookUpKeysOfLargeMappingsByHash() {
    StringBuilder yaml = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      yaml.append("k").append(i).append(": [").append(i).append(", x]\n");
    }
    YamlNode node =
        new YamlReader(YamlLimits.DEFAULT)
            .read("big.yaml", yaml.toString().getBytes(StandardCharsets.UTF_8))
            .documents()
            .get(0)
            .root();
    assertThat(compare("big.yaml ", node, YamlSource.of(node).positions())).isEqualTo(121);
    Positions p = YamlSource.of(node).positions();
    assertThat(p.child("k39").orElseThrow().child("1").orElseThrow().column()).isEqualTo(11);
    assertThat(p.child("k40")).isEmpty();
    assertThat(p.key("k7").orElseThrow().line()).isEqualTo(8);
  }

  @Test
  void shouldKeepLinesAndOffsetsPastTheRangeOfACharExactly() {
    // Line numbers above 65,535 (the compact form then keeps ints) ...
    YamlNode late = readRoot("\n".repeat(70_000) + "a:\n  - x\n  - {b: 1}\n");
    assertThat(compare("late.yaml ", late, YamlSource.of(late).positions())).isEqualTo(5);
    assertThat(YamlSource.of(late).positions().child("a").orElseThrow().line()).isEqualTo(70_002);
    // ... and a document whose array of positions is longer than 65,535 slots.
    YamlNode long_ = readRoot("- 1\n".repeat(20_000) + "- last\n");
    assertThat(compare("long.yaml ", long_, YamlSource.of(long_).positions())).isEqualTo(20_002);
    assertThat(YamlSource.of(long_).positions().child("20000").orElseThrow().line())
        .isEqualTo(20_001);
  }

  @Test
  void shouldReadAPackedTreeAsTheYamlTreeOfEveryRepositoryFile() throws IOException {
    int nodes = 0;
    for (Path file : yamlFiles()) {
      YamlReader.Result parsed =
          new YamlReader(YamlLimits.DEFAULT).read(file.toString(), Files.readAllBytes(file));
      for (YamlDocument doc : parsed.documents()) {
        SourceNode packed = YamlSource.packed(YamlSource.of(doc.root()));
        assertThat(packed).isInstanceOf(PackedSource.class);
        nodes += comparePacked(file + " ", YamlSource.of(doc.root()), packed);
      }
    }
    assertThat(nodes).as("nodes compared").isGreaterThan(5_000);
  }

  private static YamlNode readRoot(String yaml) {
    return new YamlReader(YamlLimits.DEFAULT)
        .read("x.yaml", yaml.getBytes(StandardCharsets.UTF_8))
        .documents()
        .get(0)
        .root();
  }

  /** Same shapes, keys, items, values and positions, node by node. */
  private static int comparePacked(String where, SourceNode full, SourceNode packed) {
    assertThat(packed.shape()).as(where).isEqualTo(full.shape());
    assertThat(packed.keys()).as(where).containsExactlyElementsOf(full.keys());
    assertThat(packed.items()).as(where).hasSameSizeAs(full.items());
    assertThat(packed.value()).as(where).isEqualTo(full.value());
    assertThat(packed.line()).as(where).isEqualTo(full.line());
    assertThat(packed.column()).as(where).isEqualTo(full.column());
    int count = 1;
    for (String key : full.keys()) {
      assertThat(packed.key(key).orElseThrow().line())
          .isEqualTo(full.key(key).orElseThrow().line());
      count +=
          comparePacked(
              where + "/" + key, full.get(key).orElseThrow(), packed.get(key).orElseThrow());
    }
    for (int i = 0; i < full.items().size(); i++) {
      count += comparePacked(where + "/" + i, full.items().get(i), packed.items().get(i));
    }
    return count;
  }

  private static int compare(String where, YamlNode node, Positions positions) {
    assertThat(positions.line()).as(where + "line").isEqualTo(node.line());
    assertThat(positions.column()).as(where + "column").isEqualTo(node.column());
    int count = 1;
    if (node instanceof YamlMap map) {
      for (YamlMap.Entry e : map.entries().values()) {
        Positions key = positions.key(e.key()).orElseThrow();
        assertThat(key.line()).as(where + e.key()).isEqualTo(e.line());
        assertThat(key.column()).as(where + e.key()).isEqualTo(e.column());
        count += compare(where + "/" + e.key(), e.value(), positions.child(e.key()).orElseThrow());
      }
      assertThat(positions.child("no such key \u0000")).isEmpty();
    } else if (node instanceof YamlSeq seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        count +=
            compare(
                where + "/" + i,
                seq.items().get(i),
                positions.child(String.valueOf(i)).orElseThrow());
      }
      assertThat(positions.child(String.valueOf(seq.items().size()))).isEmpty();
      assertThat(positions.child("01x")).isEmpty();
      assertThat(positions.key("0")).isEmpty();
    } else {
      assertThat(positions.child("0")).isEmpty();
      assertThat(positions.key("a")).isEmpty();
    }
    return count;
  }

  /** The released view: same shapes, keys, items and positions as the full one, no values. */
  private static void compareReleased(String where, YamlNode node, SourceNode released) {
    SourceNode full = YamlSource.of(node);
    assertThat(released.shape()).as(where).isEqualTo(full.shape());
    assertThat(released.keys()).as(where).containsExactlyElementsOf(full.keys());
    assertThat(released.items()).as(where).hasSameSizeAs(full.items());
    assertThat(released.value()).as(where + " keeps no value").isNull();
    assertThat(released.line()).isEqualTo(node.line());
    assertThat(released.column()).isEqualTo(node.column());
    if (node instanceof YamlMap map) {
      for (YamlMap.Entry e : map.entries().values()) {
        compareReleased(where + "/" + e.key(), e.value(), released.get(e.key()).orElseThrow());
      }
    } else if (node instanceof YamlSeq seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        compareReleased(where + "/" + i, seq.items().get(i), released.items().get(i));
      }
    }
  }
}
