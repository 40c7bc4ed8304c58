package io.waymark.cli;

import java.nio.file.Path;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A roadmap repository with a story, made with JGit: the example roadmap in {@code plan/}, drafted
 * in December 2026 (start 2027-01-04, as of 2027-05-14) and re-planned since.
 *
 * <pre>
 *   broken    2026-12-01  plan/ai-roadmap.yaml is not valid YAML yet
 *   draft     2026-12-15  the plan: ETL wave 1 due 2027-05-28, phase 2 "Foundations",
 *                         SLA target 98, phase 3 months [11, 18]
 *   replan    2027-02-10  wave 1 due 2027-06-04, phase 2 renamed "Build Foundations"
 *   rename    2027-03-15  ai-roadmap.yaml renamed to roadmap.yaml, SLA target 99
 *   empty     2027-04-01  an empty commit
 *   branch    2027-04-10  (branch "scale") phase 3 months [10, 18], April metrics
 *   merge     2027-04-20  "scale" merged into main with a merge commit
 *   again     2027-05-02  wave 1 due 2027-06-18: the work tree is now the example
 * </pre>
 *
 * So milestone ms-priority-etl-wave-1 slipped twice (replan, again), and the plan changed outside
 * the update windows in 2027-02, 2027-03 and 2027-04 (at the merge).
 */
record PlanRepository(
    Path dir,
    Path plan,
    RevCommit broken,
    RevCommit draft,
    RevCommit replan,
    RevCommit rename,
    RevCommit empty,
    RevCommit branch,
    RevCommit merge,
    RevCommit again) {

  static final String DUE = "due: 2027-06-18";
  static final String NAME = "name: Build Foundations";
  static final String TARGET = "operator: \">\"\n            target: 99";
  static final String MONTHS = "months: [10, 18]";
  static final String APRIL_POINT = "        - {date: 2027-04-30, value: 4.21}\n";

  static PlanRepository create(Path dir) {
    try (GitWorkTree repo = GitWorkTree.init(dir)) {
      repo.write(
          "plan/ai-roadmap.yaml", "apiVersion: waymark/v1\nkind: Roadmap\nspec: [unclosed\n");
      RevCommit broken = repo.commit("Start the roadmap", "2026-12-01");

      repo.copyExample("plan").move("plan/roadmap.yaml", "plan/ai-roadmap.yaml");
      repo.replace("plan/ai-roadmap.yaml", DUE, "due: 2027-05-28")
          .replace("plan/ai-roadmap.yaml", NAME, "name: Foundations")
          .replace("plan/ai-roadmap.yaml", TARGET, "operator: \">\"\n            target: 98")
          .replace("plan/ai-roadmap.yaml", MONTHS, "months: [11, 18]")
          .replace("plan/metrics/executive-dashboard.yaml", APRIL_POINT, "");
      RevCommit draft = repo.commit("Draft the roadmap", "2026-12-15");

      repo.replace("plan/ai-roadmap.yaml", "due: 2027-05-28", "due: 2027-06-04")
          .replace("plan/ai-roadmap.yaml", "name: Foundations", NAME);
      RevCommit replan = repo.commit("Re-plan ETL wave 1", "2027-02-10");

      repo.move("plan/ai-roadmap.yaml", "plan/roadmap.yaml")
          .replace("plan/roadmap.yaml", "operator: \">\"\n            target: 98", TARGET);
      RevCommit rename = repo.commit("Rename the roadmap file; SLA target 99", "2027-03-15");

      RevCommit empty = repo.commit("Empty commit", "2027-04-01");

      repo.branch("scale");
      repo.replace("plan/roadmap.yaml", "months: [11, 18]", MONTHS)
          .replace(
              "plan/metrics/executive-dashboard.yaml",
              "        - {date: 2027-03-31, value: 4.52}\n",
              "        - {date: 2027-03-31, value: 4.52}\n" + APRIL_POINT);
      RevCommit branch = repo.commit("Phase 3 starts a month earlier", "2027-04-10");
      repo.checkout("main");
      RevCommit merge = repo.merge("scale", "2027-04-20");

      repo.replace("plan/roadmap.yaml", "due: 2027-06-04", DUE);
      RevCommit again = repo.commit("Re-plan ETL wave 1 again", "2027-05-02");
      return new PlanRepository(
          dir, dir.resolve("plan"), broken, draft, replan, rename, empty, branch, merge, again);
    }
  }

  static String shortId(RevCommit commit) {
    return commit.name().substring(0, 7);
  }
}
