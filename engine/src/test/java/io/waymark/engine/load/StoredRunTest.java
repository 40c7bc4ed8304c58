package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The bytes of a stored run: what is bound to a day, to an identity, to the inputs. */
class StoredRunTest {

  private static final LocalDate DAY = LocalDate.of(2026, 12, 5);
  private static final InputBytes INPUTS = new InputBytes(16).text("inputs");
  private static final byte[] OUTCOME = "outcome".getBytes(StandardCharsets.UTF_8);

  @Test
  void shouldGiveAnOutcomeBoundToADayBackOnThatDayOnly() {
    byte[] bound = StoredRun.write("id", "engine", INPUTS, DAY.toString(), OUTCOME);
    assertThat(StoredRun.parse(bound, "id", "engine", INPUTS, DAY))
        .hasValueSatisfying(o -> assertThat(o).isEqualTo(OUTCOME));
    assertThat(StoredRun.parse(bound, "id", "engine", INPUTS, DAY.plusDays(1))).isEmpty();
    byte[] unbound = StoredRun.write("id", "engine", INPUTS, "", OUTCOME);
    assertThat(StoredRun.parse(unbound, "id", "engine", INPUTS, DAY.plusDays(400))).isPresent();
  }

  @Test
  void shouldGiveNothingBackForAnotherIdentityOrOtherInputs() {
    byte[] bytes = StoredRun.write("id", "engine", INPUTS, "", OUTCOME);
    assertThat(StoredRun.parse(bytes, "other", "engine", INPUTS, DAY)).isEmpty();
    assertThat(StoredRun.parse(bytes, "id", "another build", INPUTS, DAY)).isEmpty();
    assertThat(StoredRun.parse(bytes, "id", "engine", new InputBytes(16).text("inputz"), DAY))
        .isEmpty();
    assertThat(StoredRun.parse(bytes, "id", "engine", new InputBytes(16).text("input"), DAY))
        .isEmpty();
    assertThat(
            StoredRun.parse(
                bytes, "id", "engine", new InputBytes(16).text("inputs").number(0), DAY))
        .isEmpty();
  }

  @Test
  void shouldGiveNothingBackForAnyChangedByteOrALengthThatRunsPastTheEnd() {
    byte[] bytes = StoredRun.write("id", "engine", INPUTS, "", OUTCOME);
    for (int i = 0; i < bytes.length; i++) {
      byte[] broken = bytes.clone();
      broken[i] ^= 0x20;
      assertThat(StoredRun.parse(broken, "id", "engine", INPUTS, DAY)).as("byte " + i).isEmpty();
    }
    int inputsLength = StoredRun.MAGIC.length + 2 + 4 + 2 + 4 + 6;
    int outcomeLength = bytes.length - 8 - OUTCOME.length - 4;
    for (int at : new int[] {inputsLength, outcomeLength}) {
      byte[] broken = bytes.clone();
      broken[at] = 0x7f;
      reseal(broken);
      assertThat(StoredRun.parse(broken, "id", "engine", INPUTS, DAY))
          .as("length at " + at)
          .isEmpty();
    }
  }

  /** A checksum that fits the bytes again: only the frame's own checks are left. */
  private static void reseal(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    long value = crc.getValue();
    for (int i = 0; i < 8; i++) {
      bytes[bytes.length - 8 + i] = (byte) (value >>> (56 - 8 * i));
    }
  }
}
