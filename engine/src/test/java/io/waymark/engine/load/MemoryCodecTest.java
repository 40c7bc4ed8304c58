package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.model.Kind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The bytes of a rule memory kept on disk: what is written is read back exactly, and anything else
 * (a changed byte, a cut, bytes added) is no memory, never a memory with other findings.
 */
class MemoryCodecTest {

  private static final LocalDate DAY = LocalDate.of(2026, 12, 5);

  static MemoryCodec.Memory sample() {
    Finding one =
        new Finding(
            "ref-unresolved",
            Severity.ERROR,
            new Location("use-cases/a.yaml", 12, 5, "/spec/vendor"),
            "use case uc-a names vendor 'v-x', which no document declares",
            "Add the vendor evaluation or correct the id.");
    Finding two =
        new Finding(
            "bc-fragile",
            Severity.WARNING,
            new Location("business-cases/é.yaml", 1, 1, ""),
            "lone surrogate \ud800 and an emoji \ud83d\ude00 survive",
            "");
    return new MemoryCodec.Memory(
        DAY.toString(),
        Map.of("use-cases/a.yaml", "read:00ff", "business-cases/é.yaml", "read:abcd", "x", "DIR:0"),
        Map.of(
            "use-cases/a.yaml",
            Set.of(Kind.USE_CASE),
            "business-cases/é.yaml",
            Set.of(Kind.BUSINESS_CASE, Kind.VENDOR_EVALUATION)),
        Map.of(
            "ref-unresolved", List.of(one), "bc-fragile", List.of(two, one), "quiet", List.of()));
  }

  @Test
  void shouldReadBackExactlyWhatWasWritten() {
    MemoryCodec.Memory memory = sample();
    byte[] bytes = MemoryCodec.encode(memory);
    assertThat(MemoryCodec.decode(bytes)).contains(memory);
    assertThat(MemoryCodec.encode(MemoryCodec.decode(bytes).orElseThrow())).isEqualTo(bytes);
  }

  /**
   * The paths are written sorted whatever order the maps give them in (a run's are in listing
   * order, sorted already, and are not sorted again): the same memory, the same bytes.
   */
  @Test
  void shouldWriteThePathsSortedInWhateverOrderTheyCome() {
    Map<String, String> stamps = new LinkedHashMap<>();
    Map<String, Set<Kind>> kinds = new LinkedHashMap<>();
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      paths.add("use-cases/gen-" + i + ".yaml");
    }
    for (List<String> order : List.of(paths, reversed(paths), shuffled(paths))) {
      stamps.clear();
      kinds.clear();
      for (String path : order) {
        stamps.put(path, "read:" + path.hashCode());
        kinds.put(path, Set.of(Kind.USE_CASE));
      }
      MemoryCodec.Memory memory =
          new MemoryCodec.Memory(DAY.toString(), stamps, kinds, Map.of("quiet", List.of()));
      MemoryCodec.Memory sorted =
          new MemoryCodec.Memory(
              DAY.toString(), new TreeMap<>(stamps), new TreeMap<>(kinds), memory.findings());
      assertThat(MemoryCodec.encode(memory)).isEqualTo(MemoryCodec.encode(sorted));
      assertThat(MemoryCodec.decode(MemoryCodec.encode(memory))).contains(memory);
    }
  }

  private static List<String> reversed(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    Collections.reverse(copy);
    return copy;
  }

  private static List<String> shuffled(List<String> list) {
    List<String> copy = new ArrayList<>(list);
    Collections.shuffle(copy, new Random(13));
    return copy;
  }

  @Test
  void shouldGiveNoMemoryForACutOrLongerPayloadOrAnotherVersion() {
    byte[] bytes = MemoryCodec.encode(sample());
    for (int n = 0; n < bytes.length; n++) {
      assertThat(MemoryCodec.decode(Arrays.copyOf(bytes, n))).as("cut at " + n).isEmpty();
    }
    assertThat(MemoryCodec.decode(Arrays.copyOf(bytes, bytes.length + 1))).isEmpty();
    byte[] other = bytes.clone();
    other[1] = (byte) (MemoryCodec.VERSION + 1);
    assertThat(MemoryCodec.decode(other)).isEmpty();
  }

  @Test
  void shouldNeverFailOnAChangedByte() {
    byte[] bytes = MemoryCodec.encode(sample());
    for (int i = 0; i < bytes.length; i++) {
      for (int bit : new int[] {0x01, 0x20, 0x80}) {
        byte[] broken = bytes.clone();
        broken[i] ^= (byte) bit;
        // Without the frame's checksum a changed letter can still decode; it must never throw.
        Optional<MemoryCodec.Memory> decoded = MemoryCodec.decode(broken);
        assertThat(decoded).as("byte " + i).isNotNull();
      }
    }
  }

  @Test
  void shouldNeverTrustAChangedByteOfTheStoredFile() {
    byte[] payload = MemoryCodec.encode(sample());
    InputBytes inputs = new InputBytes(16).text("key");
    byte[] file = StoredRun.write("id", "engine", inputs, "", payload);
    assertThat(StoredRun.parse(file, "id", "engine", inputs, DAY).flatMap(MemoryCodec::decode))
        .contains(sample());
    for (int i = 0; i < file.length; i++) {
      byte[] broken = file.clone();
      broken[i] ^= 0x20;
      assertThat(StoredRun.parse(broken, "id", "engine", inputs, DAY)).as("byte " + i).isEmpty();
    }
  }
}
