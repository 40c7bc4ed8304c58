package io.waymark.engine.finance;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.model.BusinessCase;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The year-by-year cash-flow forms checked against a second, independent computation written from
 * SPEC §3.1 and issue 10 alone: flows summed line by line in a different order, NPV as one exact
 * fraction Σ Ct·g^(H−t) / g^H divided once at the end, ROI as an exact fraction, payback by ceiling
 * division per year instead of stepping month by month. Several hundred generated cases with
 * ramp-ups, staged and later one-off costs and both contingency bases.
 */
class YearByYearDifferentialTest {

  private static final String[] RATES = {"0", "5", "8", "10", "12.5"};

  @Test
  void shouldAgreeWithAnIndependentComputationOnGeneratedCases() {
    Random random = new Random(20270514L);
    int withOutlay = 0;
    int withoutOutlay = 0;
    for (int i = 0; i < 400; i++) {
      Cases c = Cases.aCase();
      int horizon = 1 + random.nextInt(6);
      c.horizon(horizon).discountRate(RATES[random.nextInt(RATES.length)]);
      c.contingency(random.nextInt(25));
      if (random.nextBoolean()) {
        c.contingencyOnTotal();
      }
      int lines = 1 + random.nextInt(3);
      for (int l = 0; l < lines; l++) {
        long oneOff = random.nextInt(3) == 0 ? 0 : 1_000L * random.nextInt(200);
        c.costByYear("compute", oneOff, 1_000L * random.nextInt(50), years(random, horizon + 1));
      }
      for (int b = 0; b < 1 + random.nextInt(2); b++) {
        c.benefitByYear(1_000L * random.nextInt(150), years(random, horizon + 1));
      }
      BusinessCase bc = c.build();
      CaseFinancials engine = CaseFinancials.of(bc);
      Independent expected = Independent.of(bc);

      assertThat(engine.flows())
          .as("flows of case %d", i)
          .usingElementComparator(BigDecimal::compareTo)
          .containsExactlyElementsOf(expected.flows);
      assertThat(engine.npv()).as("NPV of case %d", i).isEqualByComparingTo(expected.npv());
      assertThat(engine.tco()).as("TCO of case %d", i).isEqualByComparingTo(expected.tco);
      assertThat(engine.paybackMonths()).as("payback of case %d", i).isEqualTo(expected.payback());
      Optional<BigDecimal> roi = expected.roi();
      assertThat(engine.roi().isPresent())
          .as("ROI defined for case %d", i)
          .isEqualTo(roi.isPresent());
      if (roi.isPresent()) {
        assertThat(engine.roi().get()).as("ROI %d", i).isEqualByComparingTo(roi.get());
      }
      if (expected.flows.get(0).signum() != 0) {
        withOutlay++;
      } else {
        withoutOutlay++;
      }
    }
    assertThat(withOutlay).isGreaterThan(100);
    assertThat(withoutOutlay).isGreaterThan(50);
  }

  private static long[] years(Random random, int max) {
    long[] out = new long[random.nextInt(max + 1)];
    for (int t = 0; t < out.length; t++) {
      out[t] = 1_000L * random.nextInt(120);
    }
    return out;
  }

  /** The second computation. */
  private record Independent(
      List<BigDecimal> flows, BigDecimal totalBenefit, BigDecimal tco, BigDecimal rate) {

    static Independent of(BusinessCase bc) {
      int h = bc.financials().horizonYears();
      BigDecimal pct = bc.contingencyPct().divide(BigDecimal.valueOf(100));
      boolean total = bc.contingencyOn() == BusinessCase.ContingencyBasis.TOTAL;
      BigDecimal[] flows = new BigDecimal[h + 1];
      java.util.Arrays.fill(flows, BigDecimal.ZERO);
      BigDecimal benefits = BigDecimal.ZERO;
      BigDecimal costs = BigDecimal.ZERO;
      for (BusinessCase.Cost line : bc.costs()) {
        BigDecimal upFront = line.oneOff().add(line.oneOff().multiply(pct));
        flows[0] = flows[0].subtract(upFront);
        costs = costs.add(upFront);
        for (int t = 1; t <= h; t++) {
          BigDecimal amount =
              t - 1 < line.byYear().size() ? line.byYear().get(t - 1) : line.annual();
          if (total) {
            amount = amount.add(amount.multiply(pct));
          }
          flows[t] = flows[t].subtract(amount);
          costs = costs.add(amount);
        }
      }
      for (BusinessCase.Benefit b : bc.benefits()) {
        for (int t = 1; t <= h; t++) {
          BigDecimal amount = t - 1 < b.byYear().size() ? b.byYear().get(t - 1) : b.annual();
          flows[t] = flows[t].add(amount);
          benefits = benefits.add(amount);
        }
      }
      return new Independent(List.of(flows), benefits, costs, bc.financials().discountRatePct());
    }

    BigDecimal npv() {
      BigDecimal g = BigDecimal.ONE.add(rate.movePointLeft(2));
      int h = flows.size() - 1;
      BigDecimal numerator = BigDecimal.ZERO;
      for (int t = 0; t <= h; t++) {
        numerator = numerator.add(flows.get(t).multiply(g.pow(h - t)));
      }
      return numerator
          .divide(g.pow(h), new MathContext(40, RoundingMode.HALF_EVEN))
          .setScale(2, RoundingMode.HALF_EVEN);
    }

    Optional<BigDecimal> roi() {
      BigDecimal outlay = flows.get(0).negate();
      BigDecimal later = flows.stream().skip(1).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal base;
      BigDecimal gain;
      if (outlay.signum() != 0) {
        base = outlay;
        gain = later.subtract(outlay);
      } else if (tco.signum() != 0) {
        base = tco;
        gain = totalBenefit.subtract(tco);
      } else {
        return Optional.empty();
      }
      return Optional.of(
          gain.multiply(BigDecimal.valueOf(100))
              .divide(base, new MathContext(40, RoundingMode.HALF_EVEN))
              .setScale(4, RoundingMode.HALF_EVEN));
    }

    /** Per year: the months needed are ceil(-cumulative x 12 / flow), if that is within 1..12. */
    Optional<Integer> payback() {
      BigDecimal cumulative = flows.get(0);
      for (int year = 1; year < flows.size(); year++) {
        BigDecimal flow = flows.get(year);
        if (cumulative.add(flow.divide(BigDecimal.valueOf(12), MathContext.DECIMAL128)).signum()
            >= 0) {
          return Optional.of((year - 1) * 12 + 1);
        }
        if (flow.signum() > 0) {
          BigInteger months =
              cumulative
                  .negate()
                  .multiply(BigDecimal.valueOf(12))
                  .divide(flow, 0, RoundingMode.CEILING)
                  .toBigIntegerExact();
          if (months.compareTo(BigInteger.valueOf(12)) <= 0) {
            return Optional.of((year - 1) * 12 + months.intValueExact());
          }
        }
        cumulative = cumulative.add(flow);
      }
      return Optional.empty();
    }
  }
}
