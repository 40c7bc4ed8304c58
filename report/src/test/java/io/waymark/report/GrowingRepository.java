package io.waymark.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The example roadmap grown by copies of its own documents, each with a fresh id, for the lists of
 * the QBR that grow with the number of documents: proposed and approved business cases, use cases
 * that reached pilot in the quarter, earlier assessments that each rank one more constraint, and
 * vendor evaluations.
 */
final class GrowingRepository {

  private final Path repo;

  private GrowingRepository(Path repo) {
    this.repo = repo;
  }

  /** A fresh copy of the example in {@code target}. */
  static GrowingRepository of(Path target) throws IOException {
    return new GrowingRepository(Examples.copyExample(target));
  }

  Path path() {
    return repo;
  }

  /** {@code n} business cases awaiting approval: each is one more decision needed. */
  GrowingRepository proposedCases(int n) throws IOException {
    return copies(n, "business-cases/agentic-dispatch.yaml", "bc-agentic-dispatch", "bc-proposed");
  }

  /** {@code n} approved business cases: each counts in the approved total. */
  GrowingRepository approvedCases(int n) throws IOException {
    return copies(n, "business-cases/mlops-skills.yaml", "bc-mlops-skills", "bc-approved");
  }

  /** {@code n} use cases whose pilot started in the example's quarter (a win each). */
  GrowingRepository pilots(int n) throws IOException {
    return copies(
        n, "use-cases/dynamic-route-replanning.yaml", "uc-dynamic-route-replanning", "uc-pilot");
  }

  /** {@code n} vendor evaluations, each with vendors of its own. */
  GrowingRepository vendorEvaluations(int n) throws IOException {
    String yaml = read("vendors/gpu-cloud-capacity.yaml");
    for (int i = 1; i <= n; i++) {
      write(
          "vendors/grown-" + i + ".yaml",
          yaml.replaceAll("\\b(v-[a-z-]+)", "$1-grown-" + i)
              .replace("id: eval-gpu-cloud-capacity", "id: eval-grown-" + i)
              .replace(
                  "title: Rented GPU capacity for peak-season inference, evaluation of April 2027",
                  "title: Grown vendor evaluation number " + i));
    }
    return this;
  }

  /**
   * {@code n} assessments before the example's two, a day apart, each ranking one constraint of its
   * own: the scorecard lists a constraint that only an earlier assessment ranked.
   */
  GrowingRepository earlierConstraints(int n) throws IOException {
    String yaml = read("assessment/2027-01-assessment.yaml");
    int list = yaml.indexOf("  constraints:\n");
    int first = yaml.indexOf("    - id: c-", list);
    int second = yaml.indexOf("    - id: c-", first + 1);
    String oneConstraint = yaml.substring(0, second);
    for (int i = 1; i <= n; i++) {
      String id = "c-grown-" + i;
      write(
          "assessment/grown-" + i + ".yaml",
          oneConstraint
              .replace("id: assessment-2027-01", "id: assessment-grown-" + i)
              .replace("date: 2027-01-22", "date: " + LocalDate.of(2026, 12, 31).minusDays(i))
              .replaceFirst("    - id: c-[a-z-]+", "    - id: " + id));
    }
    return this;
  }

  private GrowingRepository copies(int n, String file, String id, String prefix)
      throws IOException {
    String yaml = read(file);
    for (int i = 1; i <= n; i++) {
      String fresh = prefix + "-" + i;
      write(
          file.substring(0, file.indexOf('/') + 1) + fresh + ".yaml",
          yaml.replace("id: " + id + "\n", "id: " + fresh + "\n"));
    }
    return this;
  }

  private String read(String file) throws IOException {
    return Files.readString(repo.resolve(file), StandardCharsets.UTF_8);
  }

  private void write(String file, String text) throws IOException {
    Files.writeString(repo.resolve(file), text, StandardCharsets.UTF_8);
  }
}
