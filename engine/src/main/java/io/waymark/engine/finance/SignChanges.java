package io.waymark.engine.finance;

import java.math.BigDecimal;
import java.util.List;

/** Descartes' count: sign changes between consecutive non-zero values. */
final class SignChanges {

  private SignChanges() {}

  static int count(List<BigDecimal> values) {
    int changes = 0;
    int previous = 0;
    for (BigDecimal v : values) {
      int sign = v.signum();
      if (sign != 0) {
        if (previous != 0 && sign != previous) {
          changes++;
        }
        previous = sign;
      }
    }
    return changes;
  }
}
