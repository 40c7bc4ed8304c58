package io.waymark.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.finding.Location;
import io.waymark.engine.load.YamlSource;
import io.waymark.engine.yaml.YamlLimits;
import io.waymark.engine.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An anchor's JSON Pointer is written from its parent's when asked (a model keeps no string per
 * value): the same pointers, escapes and locations as one written whole.
 */
class AnchorTest {

  private static SourceNode root(String yaml) {
    return YamlSource.of(
        new YamlReader(YamlLimits.DEFAULT)
            .read("f.yaml", yaml.getBytes(StandardCharsets.UTF_8))
            .documents()
            .get(0)
            .root());
  }

  @Test
  void shouldWriteTheEscapedPointerOfADeepChildFromItsParents() {
    StringBuilder items = new StringBuilder();
    for (int i = 0; i < 70; i++) {
      items.append("    - {n: ").append(i).append("}\n");
    }
    SourceNode root = root("spec:\n  a/b~c:\n" + items);
    Anchor top = new Anchor("f.yaml", "", root);
    SourceNode spec = root.get("spec").orElseThrow();
    Anchor specAnchor = top.child("spec", spec);
    SourceNode list = spec.get("a/b~c").orElseThrow();
    Anchor listAnchor = specAnchor.child("a/b~c", list);
    Anchor item3 = listAnchor.child(Anchor.indexToken(3), list.items().get(3));
    Anchor item69 = listAnchor.child(Anchor.indexToken(69), list.items().get(69));

    assertThat(listAnchor.pointer()).isEqualTo("/spec/a~1b~0c");
    assertThat(item3.pointer()).isEqualTo("/spec/a~1b~0c/3");
    assertThat(item69.pointer()).isEqualTo("/spec/a~1b~0c/69");
    assertThat(item69.location()).isEqualTo(new Location("f.yaml", 72, 7, "/spec/a~1b~0c/69"));
    assertThat(item3.location("n")).isEqualTo(new Location("f.yaml", 6, 11, "/spec/a~1b~0c/3/n"));
    assertThat(item3.location("missing/deeper"))
        .isEqualTo(new Location("f.yaml", 6, 7, "/spec/a~1b~0c/3"));
    assertThat(item3.keyLocation("n")).isEqualTo(new Location("f.yaml", 6, 8, "/spec/a~1b~0c/3/n"));
    assertThat(specAnchor.file()).isEqualTo("f.yaml");
    // Written once, the same string each time it is asked.
    assertThat(item3.pointer()).isSameAs(item3.pointer());
  }

  @Test
  void shouldShareTheTokensOfTheFirstItemsAndWriteTheOthers() {
    assertThat(Anchor.indexToken(0)).isEqualTo("0").isSameAs(Anchor.indexToken(0));
    assertThat(Anchor.indexToken(63)).isEqualTo("63").isSameAs(Anchor.indexToken(63));
    assertThat(Anchor.indexToken(64)).isEqualTo("64");
    assertThat(Anchor.indexToken(12_345)).isEqualTo("12345");
  }

  @Test
  void shouldKeepTheFileOnlyForADetachedAnchorAndItsChildren() {
    Anchor detached = Anchor.detached("old.yaml");
    assertThat(detached.child("spec", null)).isSameAs(detached);
    assertThat(detached.pointer()).isEmpty();
    assertThat(detached.location("spec/x")).isEqualTo(Location.ofFile("old.yaml"));
  }

  @Test
  void shouldReadTheSamePositionsFromADocumentsTableOrFromPositionsOfItsOwn() {
    Positions b = root("a:\n  b: 1\n").get("a").orElseThrow().get("b").orElseThrow().positions();
    // A parsed document's positions are one table: the anchor keeps the table and the index.
    assertThat(b.table()).isNotNull();
    Positions again = b.table().node(b.index());
    assertThat(again.line()).isEqualTo(2);
    assertThat(again.column()).isEqualTo(6);
    // Positions of another kind are kept and asked as they are.
    Positions plain =
        new Positions() {
          @Override
          public int line() {
            return 7;
          }

          @Override
          public int column() {
            return 3;
          }

          @Override
          public java.util.Optional<Positions> child(String token) {
            return java.util.Optional.empty();
          }

          @Override
          public java.util.Optional<Positions> key(String key) {
            return java.util.Optional.empty();
          }
        };
    Anchor anchor = new Anchor("g.yaml", "/x", plain);
    Location at = new Location("g.yaml", 7, 3, "/x");
    assertThat(anchor.location()).isEqualTo(at);
    assertThat(anchor.location("y/z")).isEqualTo(at);
    assertThat(anchor.keyLocation("k")).isEqualTo(at);
    assertThat(Anchor.ofFile("h.yaml").location("y")).isEqualTo(Location.ofFile("h.yaml"));
  }
}
