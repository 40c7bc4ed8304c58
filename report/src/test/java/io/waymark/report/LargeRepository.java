package io.waymark.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The large repository of issue 15: the example grown to 60 initiatives ({@link
 * LargePortfolioTest#generate}), 40 more milestones (half of them overdue), 25 vendor evaluations
 * (23 generated, all in due diligence) and 30 dashboard metrics (23 generated, behind plan). The
 * overdue milestones and every other generated metric have names too long for the one-page
 * dashboard ({@link #LONG_TITLE}, {@link #LONG_NAME}), as real plans have.
 */
final class LargeRepository {

  static final int INITIATIVES = 60;
  static final int EVALUATIONS = 25;
  static final int METRICS = 30;
  static final int MILESTONES = 40;

  /** What follows "Generated milestone number N" in the title of an overdue milestone. */
  static final String LONG_TITLE =
      " — carrier, customs and warehouse datasets moved to the governed pipeline, with lineage,"
          + " data contracts and quality gates for every feed";

  /** What follows "Generated leading indicator number N" in the name of an odd metric. */
  static final String LONG_NAME =
      " — share of cross-border shipments with a machine-readable customs declaration";

  private LargeRepository() {}

  static Path generate(Path target) throws IOException {
    Path repo = LargePortfolioTest.generate(target, INITIATIVES - 12);
    Path roadmap = repo.resolve("roadmap.yaml");
    String yaml = Files.readString(roadmap, StandardCharsets.UTF_8);
    String list = "      milestones:\n";
    int second = yaml.indexOf(list, yaml.indexOf(list) + 1);
    int third = yaml.indexOf(list, second + 1);
    StringBuilder overdue = new StringBuilder(list);
    StringBuilder planned = new StringBuilder(list);
    for (int n = 1; n <= MILESTONES; n++) {
      boolean late = n % 2 == 0;
      (late ? overdue : planned)
          .append("        - id: ms-generated-")
          .append(n)
          .append("\n          title: Generated milestone number ")
          .append(n)
          .append(late ? LONG_TITLE : "")
          .append("\n          due: ")
          .append(late ? "2027-04-" : "2027-12-")
          .append(String.format("%02d", 1 + n % 28))
          .append("\n          status: ")
          .append(late ? "in-progress" : "planned")
          .append('\n');
    }
    yaml =
        yaml.substring(0, second)
            + overdue
            + yaml.substring(second + list.length(), third)
            + planned
            + yaml.substring(third + list.length());
    Files.writeString(roadmap, yaml, StandardCharsets.UTF_8);

    String vendors = Files.readString(repo.resolve("vendors/gpu-cloud-capacity.yaml"));
    for (int n = 1; n <= EVALUATIONS - 2; n++) {
      Files.writeString(
          repo.resolve("vendors/generated-" + n + ".yaml"),
          vendors
              .replaceAll("\\b(v-[a-z-]+)", "$1-" + n)
              .replace("id: eval-gpu-cloud-capacity", "id: eval-generated-" + n)
              .replace(
                  "title: Rented GPU capacity for peak-season inference, evaluation of April 2027",
                  "title: Generated vendor evaluation number " + n),
          StandardCharsets.UTF_8);
    }

    Path metrics = repo.resolve("metrics/executive-dashboard.yaml");
    String spec = Files.readString(metrics, StandardCharsets.UTF_8);
    StringBuilder ids = new StringBuilder("  dashboard:\n");
    StringBuilder defs = new StringBuilder("  metrics:\n");
    for (int n = 1; n <= METRICS - 7; n++) {
      ids.append("    - generated-metric-").append(n).append('\n');
      defs.append("    - id: generated-metric-")
          .append(n)
          .append("\n      name: Generated leading indicator number ")
          .append(n)
          .append(n % 2 == 1 ? LONG_NAME : "")
          .append("\n      unit: \"%\"\n      kind: leading\n      direction: higher-is-better\n")
          .append("      baseline: 10\n      target:\n        value: 90\n        by: 2027-06-30\n")
          .append("      cadence: monthly\n      series:\n")
          .append("        - {date: 2027-01-31, value: 10}\n")
          .append("        - {date: 2027-04-30, value: ")
          .append(12 + n % 5)
          .append("}\n\n");
    }
    spec = spec.replace("  dashboard:\n", ids).replace("  metrics:\n", defs);
    Files.writeString(metrics, spec, StandardCharsets.UTF_8);
    return repo;
  }
}
