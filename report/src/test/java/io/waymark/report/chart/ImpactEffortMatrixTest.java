package io.waymark.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The matrix layout stays readable however many initiatives share a cell (issue 15). */
class ImpactEffortMatrixTest {

  private static ImpactEffortMatrix.Dot dot(int n, int impact, int effort, long budget) {
    return new ImpactEffortMatrix.Dot(
        String.valueOf(n),
        impact,
        effort,
        BigDecimal.valueOf(budget),
        "#0a4f8f",
        "Initiative " + n);
  }

  /** No two circles overlap, and no two numbers (about 7 units a digit, 11 high) touch. */
  static void assertNothingOverlaps(ImpactEffortMatrix.Layout layout) {
    List<ImpactEffortMatrix.Placed> dots = layout.dots();
    for (int i = 0; i < dots.size(); i++) {
      ImpactEffortMatrix.Placed a = dots.get(i);
      assertThat(a.r()).as("radius of %s", a.dot().number()).isGreaterThanOrEqualTo(8);
      for (int j = i + 1; j < dots.size(); j++) {
        ImpactEffortMatrix.Placed b = dots.get(j);
        double distance = Math.hypot(a.cx() - b.cx(), a.cy() - b.cy());
        assertThat(distance)
            .as("circles %s and %s", a.dot().number(), b.dot().number())
            .isGreaterThanOrEqualTo(a.r() + b.r());
        double wa = a.dot().number().length() * 7.0;
        double wb = b.dot().number().length() * 7.0;
        boolean apart =
            Math.abs(a.cx() - b.cx()) >= (wa + wb) / 2 || Math.abs(a.cy() - b.cy()) >= 11;
        assertThat(apart).as("numbers %s and %s", a.dot().number(), b.dot().number()).isTrue();
      }
    }
  }

  @Test
  void shouldKeepSixtyInitiativesInRandomCellsApart() {
    Random random = new Random(60);
    for (int round = 0; round < 50; round++) {
      List<ImpactEffortMatrix.Dot> dots = new ArrayList<>();
      for (int n = 1; n <= 60; n++) {
        // skewed towards high impact and low effort, as real portfolios are
        int impact = 5 - Math.min(4, (int) Math.abs(random.nextGaussian() * 1.5));
        int effort = 1 + Math.min(4, (int) Math.abs(random.nextGaussian() * 1.5));
        dots.add(dot(n, impact, effort, 10_000 + random.nextInt(900_000)));
      }

      ImpactEffortMatrix.Layout layout = ImpactEffortMatrix.layout(dots);

      assertThat(layout.dots()).hasSize(60);
      assertNothingOverlaps(layout);
    }
  }

  @Test
  void shouldGrowARowRatherThanShrinkCirclesWhenSixtyShareOneCell() {
    List<ImpactEffortMatrix.Dot> dots = new ArrayList<>();
    for (int n = 1; n <= 60; n++) {
      dots.add(dot(n, 4, 2, n * 1000L));
    }

    ImpactEffortMatrix.Layout layout = ImpactEffortMatrix.layout(dots);

    assertNothingOverlaps(layout);
    // 60 circles, four across: 15 rows of slots in the impact-4 row; the other rows keep 70.
    assertThat(layout.heightOf(4)).isGreaterThanOrEqualTo(15 * ImpactEffortMatrix.SLOT_H);
    assertThat(layout.heightOf(5)).isEqualTo(70);
    for (ImpactEffortMatrix.Placed p : layout.dots()) {
      assertThat(p.cy() - p.r()).isGreaterThanOrEqualTo(layout.rowOf(4));
      assertThat(p.cy() + p.r()).isLessThanOrEqualTo(layout.rowOf(4) + layout.heightOf(4));
    }
  }

  @Test
  void shouldDrawEveryNumberOfASixtyInitiativeMatrixAtTenUnitsOrMore() {
    List<ImpactEffortMatrix.Dot> dots = new ArrayList<>();
    for (int n = 1; n <= 60; n++) {
      dots.add(dot(n, 1 + n % 5, 1 + n % 3, 50_000));
    }

    String svg = ImpactEffortMatrix.draw("matrix", dots, List.of());

    assertThat(svg.split("<circle", -1)).hasSize(61);
    assertThat(svg).contains(">60</text>").doesNotContain("font-size=\"9");
  }

  @Test
  void shouldWriteNumbersInInkOnLightCirclesAndInWhiteOnDarkOnes() {
    assertThat(Palette.textOn(Palette.QUICK_WIN)).isEqualTo(Palette.INK);
    assertThat(Palette.textOn(Palette.CONSTRAINT_REMOVAL)).isEqualTo("#ffffff");
    assertThat(Palette.contrast(Palette.INK, Palette.QUICK_WIN)).isGreaterThanOrEqualTo(4.5);
    assertThat(Palette.contrast("#ffffff", Palette.FOUNDATION)).isGreaterThanOrEqualTo(4.5);
    assertThat(Palette.contrast("#ffffff", Palette.EXPERIMENTATION)).isGreaterThanOrEqualTo(4.5);
  }
}
