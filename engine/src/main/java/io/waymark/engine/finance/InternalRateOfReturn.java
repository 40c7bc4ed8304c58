package io.waymark.engine.finance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * IRR: the rate r in (-100%, ∞) at which the NPV is zero. It may be negative (a case that returns
 * less than it costs).
 *
 * <p>With x = 1/(1+r) the NPV is the polynomial Σ Ct·x^t, and r ranges over (-100%, ∞) exactly when
 * x ranges over (0, ∞). Cauchy's bounds bracket every positive root; by Descartes' rule of signs,
 * flows whose sign changes once (the usual invest-then-earn shape) have exactly one root, found by
 * bisection in {@code DECIMAL64}. Flows whose sign never changes have no IRR. Flows that change
 * sign more than once may have several IRRs; then every crossing is isolated between the roots of
 * the derivative (recursively) and the one closest to the reference rate — the case's discount rate
 * — is returned (the lower one on a tie). A root where the NPV only touches zero without crossing
 * it may be missed; none exists when no rate makes the NPV zero.
 */
final class InternalRateOfReturn {

  private static final MathContext MC = MathContext.DECIMAL64;
  private static final BigDecimal TWO = BigDecimal.valueOf(2);
  private static final BigDecimal RELATIVE_WIDTH = new BigDecimal("1E-15");
  private static final int MAX_HALVINGS = 400;

  private InternalRateOfReturn() {}

  /** The IRR in percent, rounded to four decimals (half-even); the root nearest 0% if several. */
  static Optional<BigDecimal> of(CashFlows flows) {
    return of(flows, BigDecimal.ZERO);
  }

  /** The IRR in percent; among several, the one nearest {@code referencePct}. */
  static Optional<BigDecimal> of(CashFlows flows, BigDecimal referencePct) {
    if (flows.signChanges() == 0) {
      return Optional.empty();
    }
    List<BigDecimal> poly = withoutZeroEnds(flows.flows());
    BigDecimal lo = lowerBound(poly);
    BigDecimal hi = upperBound(poly);
    List<BigDecimal> roots =
        flows.signChanges() == 1 ? List.of(bisectFast(poly, lo, hi)) : roots(poly, lo, hi);
    return roots.stream()
        .map(InternalRateOfReturn::ratePct)
        .min(
            Comparator.<BigDecimal, BigDecimal>comparing(r -> r.subtract(referencePct).abs())
                .thenComparing(Comparator.naturalOrder()))
        .map(r -> r.setScale(4, RoundingMode.HALF_EVEN));
  }

  /** r in percent for x = 1/(1+r). */
  private static BigDecimal ratePct(BigDecimal x) {
    return BigDecimal.ONE.divide(x, MC).subtract(BigDecimal.ONE).movePointRight(2);
  }

  /**
   * Drops zero flows at both ends: leading zeros are roots at x = 0 (r = ∞) and trailing zeros
   * lower the degree; neither changes the positive roots.
   */
  private static List<BigDecimal> withoutZeroEnds(List<BigDecimal> flows) {
    int first = 0;
    int last = flows.size() - 1;
    while (flows.get(first).signum() == 0) {
      first++;
    }
    while (flows.get(last).signum() == 0) {
      last--;
    }
    return List.copyOf(flows.subList(first, last + 1));
  }

  /** Below every positive root: 1/(1 + max|b_i/b_0|), halved until the sign is b_0's. */
  private static BigDecimal lowerBound(List<BigDecimal> b) {
    BigDecimal m = BigDecimal.ZERO;
    for (int i = 1; i < b.size(); i++) {
      m = m.max(b.get(i).divide(b.get(0), MC).abs());
    }
    BigDecimal lo = BigDecimal.ONE.divide(BigDecimal.ONE.add(m), MC);
    while (sign(b, lo) != b.get(0).signum()) {
      lo = lo.divide(TWO, MC);
    }
    return lo;
  }

  /** Above every positive root: 1 + max|b_i/b_d|, doubled until the sign is b_d's. */
  private static BigDecimal upperBound(List<BigDecimal> b) {
    int d = b.size() - 1;
    BigDecimal m = BigDecimal.ZERO;
    for (int i = 0; i < d; i++) {
      m = m.max(b.get(i).divide(b.get(d), MC).abs());
    }
    BigDecimal hi = BigDecimal.ONE.add(m);
    while (sign(b, hi) != b.get(d).signum()) {
      hi = hi.multiply(TWO, MC);
    }
    return hi;
  }

  /** Every crossing of zero in (lo, hi), in ascending order. */
  private static List<BigDecimal> roots(List<BigDecimal> b, BigDecimal lo, BigDecimal hi) {
    List<BigDecimal> found = new ArrayList<>();
    if (b.size() < 2) {
      return found;
    }
    List<BigDecimal> points = new ArrayList<>();
    points.add(lo);
    for (BigDecimal c : roots(derivative(b), lo, hi)) {
      if (c.compareTo(points.get(points.size() - 1)) > 0 && c.compareTo(hi) < 0) {
        points.add(c);
      }
    }
    points.add(hi);
    for (int k = 0; k + 1 < points.size(); k++) {
      BigDecimal a = points.get(k);
      BigDecimal z = points.get(k + 1);
      int sa = sign(b, a);
      int sz = sign(b, z);
      if (sa == 0 && k > 0) {
        found.add(a);
      } else if (sa != 0 && sz != 0 && sa != sz) {
        found.add(bisect(b, a, z));
      }
    }
    return found;
  }

  private static List<BigDecimal> derivative(List<BigDecimal> b) {
    List<BigDecimal> d = new ArrayList<>(b.size() - 1);
    for (int i = 1; i < b.size(); i++) {
      d.add(b.get(i).multiply(BigDecimal.valueOf(i)));
    }
    return d;
  }

  /** The root between {@code lo} and {@code hi}, where the polynomial has opposite signs. */
  private static BigDecimal bisect(List<BigDecimal> b, BigDecimal lo, BigDecimal hi) {
    int signLo = sign(b, lo);
    for (int i = 0; i < MAX_HALVINGS; i++) {
      BigDecimal mid = lo.add(hi).divide(TWO, MC);
      if (mid.compareTo(lo) <= 0
          || mid.compareTo(hi) >= 0
          || hi.subtract(lo).compareTo(hi.multiply(RELATIVE_WIDTH, MC)) <= 0) {
        return mid;
      }
      int s = sign(b, mid);
      if (s == 0) {
        return mid;
      }
      if (s == signLo) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo.add(hi).divide(TWO, MC);
  }

  /**
   * The single root of the usual invest-then-earn shape: bisection in doubles down to a relative
   * width of 1e-13 (far below the four decimals reported), then confirmed in {@code DECIMAL64}: the
   * exact polynomial must change sign across the final bracket, else the exact bisection decides.
   */
  private static BigDecimal bisectFast(List<BigDecimal> b, BigDecimal lo, BigDecimal hi) {
    double[] c = new double[b.size()];
    for (int i = 0; i < c.length; i++) {
      c[i] = b.get(i).doubleValue();
    }
    double l = lo.doubleValue();
    double h = hi.doubleValue();
    double signLo = Math.signum(horner(c, l));
    if (signLo == 0 || Double.isNaN(signLo) || Double.isInfinite(h)) {
      return bisect(b, lo, hi);
    }
    for (int i = 0; i < 200 && h - l > 1e-13 * h; i++) {
      double mid = (l + h) / 2;
      double s = Math.signum(horner(c, mid));
      if (s == 0) {
        l = mid;
        h = mid;
        break;
      }
      if (s == signLo) {
        l = mid;
      } else {
        h = mid;
      }
    }
    BigDecimal bl = new BigDecimal(l);
    BigDecimal bh = new BigDecimal(h);
    int sl = sign(b, bl);
    int sh = sign(b, bh);
    if (sl == 0) {
      return bl;
    }
    if (sh == 0) {
      return bh;
    }
    return sl != sh ? bl.add(bh).divide(TWO, MC) : bisect(b, lo, hi);
  }

  private static double horner(double[] c, double x) {
    double value = 0;
    for (int i = c.length - 1; i >= 0; i--) {
      value = value * x + c[i];
    }
    return value;
  }

  /** The sign of Σ b_i·x^i, evaluated by Horner's scheme. */
  private static int sign(List<BigDecimal> b, BigDecimal x) {
    BigDecimal value = BigDecimal.ZERO;
    for (int i = b.size() - 1; i >= 0; i--) {
      value = value.multiply(x, MC).add(b.get(i), MC);
    }
    return value.signum();
  }
}
