package io.waymark.report.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static final LocalDate START = LocalDate.of(2027, 1, 1);
  private static final LocalDate END = LocalDate.of(2028, 6, 30);

  private static String draw(LocalDate from, LocalDate to) {
    LocalDate today = from.plusMonths(1);
    return Timeline.draw("plan", from, to, List.of(), today, today, today.plusMonths(2), "Q");
  }

  private static String draw(List<Timeline.Row> rows) {
    return Timeline.draw(
        "plan",
        START,
        END,
        rows,
        START.plusMonths(4),
        START.plusMonths(3),
        START.plusMonths(6),
        "Q2");
  }

  private static Timeline.Marker milestone(int n, LocalDate due, Timeline.Kind kind) {
    return new Timeline.Marker(due, kind, String.valueOf(n), Optional.empty(), "Milestone " + n);
  }

  private static Timeline.Row phase(List<Timeline.Marker> markers, List<Timeline.Initiative> in) {
    return new Timeline.Row("Build", "Months 1–18", START, END, "#0a4f8f", markers, in);
  }

  private static int monthLines(String svg) {
    return svg.split("<line", -1).length - 1;
  }

  @Test
  void shouldDrawOneLinePerMonthUpToTheCap() {
    LocalDate from = LocalDate.of(2027, 1, 1);

    String svg = draw(from, from.plusMonths(Timeline.MAX_TICKS - 1));

    // every month a faint line; some months a grid line on top of it; today's line
    assertThat(monthLines(svg))
        .isBetween(Timeline.MAX_TICKS, Timeline.MAX_TICKS + Timeline.MAX_TICKS / 3 + 2);
  }

  @Test
  void shouldThinOutTheMonthLinesOfAVeryLongSpan() {
    String svg = draw(LocalDate.of(2000, 1, 1), LocalDate.of(9999, 12, 31));

    assertThat(monthLines(svg))
        .isLessThanOrEqualTo(Timeline.MAX_TICKS + Timeline.MAX_TICKS / 3 + 2);
    assertThat(svg.length()).isLessThan(200_000);
  }

  @Test
  void shouldPutOverlappingSpansInLanesBelowAndReuseFreeLanes() {
    List<double[]> spans =
        List.of(
            new double[] {100, 100},
            new double[] {105, 105},
            new double[] {110, 110},
            new double[] {200, 200},
            new double[] {300, 300},
            new double[] {90, 250});

    int[] lanes = Timeline.lanes(spans, 18);

    // 90–250 first (it starts first), then 100 and 105 and 110 each need a lane of their own;
    // 200 fits after 110's lane-mate? No: after 100 (lane 1 ends at 109), so lane 1 again.
    assertThat(lanes).containsExactly(1, 2, 3, 1, 0, 0);
  }

  @Test
  void shouldNeverLetTwoMarkersOfALaneOverlap() {
    Random random = new Random(15);
    for (int round = 0; round < 200; round++) {
      List<double[]> spans = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(30); i++) {
        double a = random.nextDouble() * 500;
        double b = random.nextBoolean() ? a : a + random.nextDouble() * 80;
        spans.add(new double[] {a, b});
      }

      int[] lanes = Timeline.lanes(spans, 18);

      for (int i = 0; i < spans.size(); i++) {
        for (int j = i + 1; j < spans.size(); j++) {
          if (lanes[i] == lanes[j]) {
            double[] p = spans.get(i);
            double[] q = spans.get(j);
            boolean apart = p[1] + 18 <= q[0] + 1e-9 || q[1] + 18 <= p[0] + 1e-9;
            assertThat(apart)
                .as("round %d: %s and %s share lane %d", round, i, j, lanes[i])
                .isTrue();
          }
        }
      }
    }
  }

  @Test
  void shouldNumberEveryMilestoneWithoutOverlappingMarkers() {
    List<Timeline.Marker> markers = new ArrayList<>();
    for (int n = 1; n <= 12; n++) {
      // twelve milestones within three weeks: at 28 px a month they would sit on each other
      markers.add(milestone(n, START.plusMonths(5).plusDays(n * 2L), Timeline.Kind.PLANNED));
    }

    String svg = draw(List.of(phase(markers, List.of())));

    Matcher m =
        Pattern.compile(
                "<text x=\"([0-9.]+)\" y=\"([0-9.]+)\" font-size=\"10\" font-weight=\"bold\""
                    + " fill=\"#1f2328\" text-anchor=\"middle\">([0-9]+)</text>")
            .matcher(svg);
    List<double[]> numbers = new ArrayList<>();
    while (m.find()) {
      numbers.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
    }
    assertThat(numbers).hasSize(12);
    for (int i = 0; i < numbers.size(); i++) {
      for (int j = i + 1; j < numbers.size(); j++) {
        double[] a = numbers.get(i);
        double[] b = numbers.get(j);
        boolean apart =
            Math.abs(a[0] - b[0]) >= Timeline.MARKER_ROOM - 0.1 || Math.abs(a[1] - b[1]) >= 20;
        assertThat(apart).as("milestones %d and %d overlap", i + 1, j + 1).isTrue();
      }
    }
  }

  @Test
  void shouldTellDeliveredFromOverdueByShapeNotOnlyColour() {
    Svg delivered = new Svg(20, 20, "c", "l");
    Timeline.milestone(delivered, Timeline.Kind.DELIVERED, 10, 10, 6, "d");
    Svg overdue = new Svg(20, 20, "c", "l");
    Timeline.milestone(overdue, Timeline.Kind.OVERDUE, 10, 10, 6, "o");
    Svg atRisk = new Svg(20, 20, "c", "l");
    Timeline.milestone(atRisk, Timeline.Kind.AT_RISK, 10, 10, 6, "a");

    // a disc with a tick, a square with a cross, a triangle
    assertThat(delivered.finish()).contains("<circle").contains("<path").doesNotContain("<rect");
    assertThat(overdue.finish()).contains("<rect").contains("<line").doesNotContain("<circle");
    assertThat(atRisk.finish()).contains("<path d=\"M10 3 L17 16 L3 16 Z\"");
  }

  @Test
  void shouldShowTheFirstDueDateOfASlippedMilestone() {
    Timeline.Marker slipped =
        new Timeline.Marker(
            START.plusMonths(7),
            Timeline.Kind.OVERDUE,
            "1",
            Optional.of(START.plusMonths(5)),
            "Pilot live: due 1 August 2027 (first due 1 June 2027), overdue");

    String svg = draw(List.of(phase(List.of(slipped), List.of())));

    assertThat(svg)
        .contains(
            "<title>Pilot live: due 1 August 2027 (first due 1 June 2027), overdue: first due 1 June 2027</title>")
        .contains("stroke-dasharray=\"3 2\"")
        .contains(">First due date (moved since)</text>");
  }

  @Test
  void shouldDrawEachInitiativeAsARowWithItsSpendAndANameThatFits() {
    List<Timeline.Initiative> initiatives =
        List.of(
            new Timeline.Initiative("GPU pool", Optional.of(0.62), "GPU pool: 62% spent"),
            new Timeline.Initiative(
                "A very long initiative title that cannot fit in the label column",
                Optional.empty(),
                "long: no spend recorded"));

    String svg = draw(List.of(phase(List.of(), initiatives)));

    assertThat(svg)
        .contains(">GPU pool</text>")
        .contains(">62%</text>")
        .contains(">–</text>")
        .containsPattern(">A very long initiative title [a-z ]+…</text>")
        .doesNotContain("label column</text>")
        .contains("<title>GPU pool: 62% spent</title>")
        .contains(">Initiative: share of budget spent</text>");
  }

  @Test
  void shouldClipANameBetweenCodePointsNeverInsideOne() {
    String rockets = "\uD83D\uDE80".repeat(10);

    String clipped = Timeline.clip(rockets, 30, 6);

    assertThat(clipped).isEqualTo("\uD83D\uDE80".repeat(4) + "…");
    assertThat(Timeline.clip("short", 30, 6)).isEqualTo("short");
  }
}
