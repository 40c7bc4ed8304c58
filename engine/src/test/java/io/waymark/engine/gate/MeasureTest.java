package io.waymark.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A metric's {@code measures:} name, read back. */
class MeasureTest {

  @Test
  void shouldParseEachMeasureByItsYamlName() {
    for (Measure m : Measure.values()) {
      assertThat(Measure.parse(m.id())).contains(m);
    }
    assertThat(Measure.parse("pilot-downtime")).contains(Measure.PILOT_DOWNTIME);
  }

  @Test
  void shouldParseNoUnknownName() {
    assertThat(Measure.parse("downtime")).isEmpty();
  }
}
