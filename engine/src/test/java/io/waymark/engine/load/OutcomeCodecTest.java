package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.engine.model.Document;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.SourceNode;
import io.waymark.engine.model.UnreadableFile;
import io.waymark.engine.yaml.YamlLimits;
import io.waymark.engine.yaml.YamlNode;
import io.waymark.engine.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * One file's outcome through the cache's bytes: the tree comes back in the compact form (positions
 * and values beside them), and forged bytes (a mapping with a key twice, a tree deeper than the
 * limit) are refused, never trusted.
 */
class OutcomeCodecTest {

  private static Loader.FileOutcome outcome(String yaml) {
    YamlNode root =
        new YamlReader(YamlLimits.DEFAULT)
            .read("f.yaml", yaml.getBytes(StandardCharsets.UTF_8))
            .documents()
            .get(0)
            .root();
    Loader.FileOutcome o = new Loader.FileOutcome("f.yaml");
    o.documents.add(new Document("f.yaml", 0, Kind.USE_CASE, "x", YamlSource.of(root), false));
    o.valid.add(false);
    o.models.add(null);
    o.roots.add(root);
    o.modelExclusions.add(null);
    return o;
  }

  private static Loader.FileOutcome decode(byte[] bytes, int maxDepth) {
    return OutcomeCodec.decode(bytes, 0, bytes.length, "f.yaml", maxDepth);
  }

  @Test
  void shouldGiveBackWhatTheLinesOfAnUnreadableFileShow() {
    Loader.FileOutcome o = outcome("a: 1\n");
    o.unreadable =
        new UnreadableFile(
            "f.yaml",
            java.util.List.of(
                new UnreadableFile.Declared(Kind.ROADMAP, "r"),
                new UnreadableFile.Declared(Kind.METRICS, "")),
            java.util.List.of("r", "phase-1"));

    Loader.FileOutcome back = decode(OutcomeCodec.encode(o), 64);

    assertThat(back.unreadable).isEqualTo(o.unreadable);
    assertThat(decode(OutcomeCodec.encode(outcome("a: 1\n")), 64).unreadable).isNull();
  }

  @Test
  void shouldGiveBackTheTreeInTheCompactFormWithEveryValue() {
    byte[] bytes = OutcomeCodec.encode(outcome("a: [1, {b: x}]\nc: ~\nd: true\n"));
    SourceNode root = decode(bytes, 64).documents.get(0).root();
    assertThat(root).isInstanceOf(PackedSource.class);
    assertThat(root.positions()).isInstanceOf(NodePositions.class);
    assertThat(root.keys()).containsExactly("a", "c", "d");
    SourceNode list = root.get("a").orElseThrow();
    assertThat(list.items().get(0).value()).isEqualTo(java.math.BigDecimal.ONE);
    assertThat(list.items().get(1).get("b").orElseThrow().value()).isEqualTo("x");
    assertThat(list.items().get(1).get("b").orElseThrow().column()).isEqualTo(12);
    assertThat(root.get("c").orElseThrow().value()).isNull();
    assertThat(root.get("d").orElseThrow().value()).isEqualTo(Boolean.TRUE);
    assertThat(root.value()).isNull();
    assertThatThrownBy(() -> list.items().get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    SourceNode released = YamlSource.released(root);
    assertThat(released.get("d").orElseThrow().value()).isNull();
    assertThat(released.get("d").orElseThrow().line()).isEqualTo(3);
    assertThat(released.keys()).containsExactly("a", "c", "d");
  }

  @Test
  void shouldRefuseAMappingWithAKeyTwice() {
    // Small mappings are checked by a scan, large ones (more than twelve keys) by a set.
    assertThat(forgedTwice("kk: 1\nkj: 2\n")).isTrue();
    StringBuilder large = new StringBuilder();
    for (int i = 10; i < 30; i++) {
      large.append('k').append(i).append(": ").append(i).append('\n');
    }
    assertThat(forgedTwice(large.toString().replace("k29:", "kzz:"))).isTrue();
  }

  /** Renames the last key to the one before it in the bytes: the decoder must refuse them. */
  private static boolean forgedTwice(String yaml) {
    byte[] bytes = OutcomeCodec.encode(outcome(yaml));
    String[] lines = yaml.split("\n");
    byte[] before = lines[lines.length - 2].split(":")[0].getBytes(StandardCharsets.US_ASCII);
    byte[] last = lines[lines.length - 1].split(":")[0].getBytes(StandardCharsets.US_ASCII);
    assertThat(decode(bytes, 64).documents).hasSize(1);
    assertThat(last).hasSameSizeAs(before);
    int at = indexOf(bytes, last);
    assertThat(at).isPositive();
    byte[] forged = bytes.clone();
    System.arraycopy(before, 0, forged, at, before.length);
    try {
      decode(forged, 64);
      return false;
    } catch (CachePack.Bytes.Malformed e) {
      return true;
    }
  }

  @Test
  void shouldRefuseATreeDeeperThanTheLimit() {
    byte[] bytes = OutcomeCodec.encode(outcome("a: {b: {c: [1]}}\n"));
    assertThat(decode(bytes, 4).documents).hasSize(1);
    assertThatThrownBy(() -> decode(bytes, 2)).isInstanceOf(CachePack.Bytes.Malformed.class);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
        return i;
      }
    }
    return -1;
  }
}
