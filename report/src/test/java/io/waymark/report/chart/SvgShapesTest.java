package io.waymark.report.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The typed shapes the timeline draws with: geometry first, then paint, coordinates rounded. */
class SvgShapesTest {

  @Test
  void shouldOutlineADiamondClockwiseFromTheTop() {
    Svg.Diamond d = new Svg.Diamond(100, 50.25, 8, 9);

    assertThat(d.element()).isEqualTo("path");
    assertThat(d.path()).isEqualTo("M100 41.2 L108 50.2 L100 59.2 L92 50.2 Z");
    assertThat(d.geometry("fill", "#fff")).containsExactly("d", d.path(), "fill", "#fff");
  }

  /** A chart label is roadmap text: a right-to-left override in it must not reorder the rest. */
  @Test
  void shouldShowBidirectionalControlsInLabelsAsReplacementCharacters() {
    Svg svg = new Svg(10, 10, "c", "label \u202Eevil");

    svg.titled("circle", "tip \u2066x\u2069", new Svg.Circle(4.5, 6, 5).geometry());

    assertThat(svg.finish())
        .doesNotContain("\u202E", "\u2066", "\u2069")
        .contains("label \uFFFDevil", "tip \uFFFDx\uFFFD");
  }

  @Test
  void shouldDrawACircleAndItsPaintInOrder() {
    Svg svg = new Svg(10, 10, "c", "label");
    Svg.Circle c = new Svg.Circle(4.5, 6, 5);

    svg.titled(c.element(), "tip", c.geometry("fill", "#ffffff", "stroke-width", 2));

    assertThat(svg.finish())
        .contains(
            "<circle cx=\"4.5\" cy=\"6\" r=\"5\" fill=\"#ffffff\" stroke-width=\"2\">"
                + "<title>tip</title></circle>");
  }

  @Test
  void shouldWriteLinesAndRectanglesWithTheirAttributesInOrder() {
    Svg svg = new Svg(10, 10, "c", "label");

    svg.line(1, 2.25, 3, 4, "#000", 1.6).rect(0, 0, 720, 100, "#fff");

    assertThat(svg.finish())
        .contains(
            "<line x1=\"1\" y1=\"2.2\" x2=\"3\" y2=\"4\" stroke=\"#000\" stroke-width=\"1.6\"/>"
                + "<rect x=\"0\" y=\"0\" width=\"720\" height=\"100\" fill=\"#fff\"/>");
  }

  @Test
  void shouldRefuseChartTextBelowTenUnits() {
    Svg svg = new Svg(10, 10, "c", "label");

    svg.text("ok", "font-size", 10);

    assertThatThrownBy(() -> svg.text("too small", "x", 0, "font-size", 9.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("below the minimum of 10");
  }

  @Test
  void shouldCarryTheDescribedValuesInTheAccessibleName() {
    String svg =
        new Svg(10, 10, "c", "Budget split").describe("Foundations 22% (rule 20%).").finish();

    assertThat(svg)
        .contains("aria-label=\"Budget split: Foundations 22% (rule 20%).\"")
        .contains("<title>Budget split</title><desc>Foundations 22% (rule 20%).</desc>");
  }
}
