package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.report.view.QuarterlyReview;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15: a repository of 60 initiatives (the example plus 48 generated ones, most of them quick
 * wins crowded into few cells) still gives a prioritisation matrix where no circle and no number
 * overlaps another, and a timeline with one row per initiative.
 */
class LargePortfolioTest {

  private static final String[] CATEGORIES = {
    "quick-win", "foundation", "experimentation", "constraint-removal"
  };

  @TempDir Path work;

  /** The example with {@code extra} generated initiatives in its first phase. */
  static Path generate(Path target, int extra) throws IOException {
    Path repo = Examples.copyExample(target);
    Path roadmap = repo.resolve("roadmap.yaml");
    String yaml = Files.readString(roadmap, StandardCharsets.UTF_8);
    StringBuilder more = new StringBuilder("      initiatives:\n");
    Random random = new Random(15);
    for (int n = 1; n <= extra; n++) {
      String category = CATEGORIES[n % CATEGORIES.length];
      more.append("        - id: i-generated-")
          .append(n)
          .append("\n          title: Generated initiative number ")
          .append(n)
          .append("\n          category: ")
          .append(category)
          .append("\n          type: data-pipeline\n");
      if (category.equals("constraint-removal")) {
        more.append("          constraint: c-manual-pipelines\n");
      }
      more.append("          impact: ")
          .append(5 - Math.min(4, (int) Math.abs(random.nextGaussian())))
          .append("\n          effort: ")
          .append(1 + Math.min(4, (int) Math.abs(random.nextGaussian())))
          .append("\n          budget: ")
          .append(5_000 + random.nextInt(40) * 1_000)
          .append('\n');
    }
    int at = yaml.indexOf("      initiatives:\n");
    Files.writeString(
        roadmap,
        yaml.substring(0, at) + more + yaml.substring(at + "      initiatives:\n".length()),
        StandardCharsets.UTF_8);
    return repo;
  }

  private record Circle(double cx, double cy, double r, String number) {}

  @Test
  void shouldKeepTheMatrixOfSixtyInitiativesReadable() throws IOException {
    Path repo = generate(work.resolve("large"), 48);

    QuarterlyReview review = Reports.review(ReportInput.of(Examples.validate(repo, "large")));

    assertThat(review.matrix().initiatives()).hasSize(60);
    Matcher m =
        Pattern.compile(
                "<circle cx=\"([0-9.]+)\" cy=\"([0-9.]+)\" r=\"([0-9.]+)\"[^>]*><title>([0-9]+)\\. ")
            .matcher(review.matrix().svg());
    List<Circle> circles = new ArrayList<>();
    while (m.find()) {
      circles.add(
          new Circle(
              Double.parseDouble(m.group(1)),
              Double.parseDouble(m.group(2)),
              Double.parseDouble(m.group(3)),
              m.group(4)));
    }
    assertThat(circles).hasSize(60);
    for (int i = 0; i < circles.size(); i++) {
      Circle a = circles.get(i);
      assertThat(a.r()).as("radius of %s", a.number()).isGreaterThanOrEqualTo(8);
      for (int j = i + 1; j < circles.size(); j++) {
        Circle b = circles.get(j);
        // coordinates are rounded to 0.1 in the markup
        assertThat(Math.hypot(a.cx() - b.cx(), a.cy() - b.cy()))
            .as("circles %s and %s", a.number(), b.number())
            .isGreaterThanOrEqualTo(a.r() + b.r() - 0.2);
        boolean numbersApart =
            Math.abs(a.cx() - b.cx()) >= (a.number().length() + b.number().length()) * 3.5
                || Math.abs(a.cy() - b.cy()) >= 11;
        assertThat(numbersApart).as("numbers %s and %s", a.number(), b.number()).isTrue();
      }
    }
    // and the timeline has a row for each of them
    assertThat(review.timeline().svg()).contains(">Generated initiative number 48</text>");
  }
}
