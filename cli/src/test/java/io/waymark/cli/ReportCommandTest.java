package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag(LocaleSensitive.TAG)
class ReportCommandTest {

  static final Path EXAMPLE = Path.of("..", "example-roadmap");

  @TempDir Path tmp;

  @Test
  void shouldRenderAClosedQuarterFromItsLastCommitSoThatItCanBeRegeneratedExactly()
      throws IOException {
    GitWorkTree git = GitWorkTree.init(tmp.resolve("repo")).copyExample("plan");
    Path plan = git.dir().resolve("plan");
    // No pinned as-of: the commit date of what is reported on decides.
    git.replace("plan/waymark.yaml", "  asOf: 2027-05-14\n", "");
    // The end of March: the pilot tier not delivered yet, the cohort on plan.
    git.replace(
            "plan/roadmap.yaml",
            "status: done\n          completedOn: 2027-04-21",
            "status: in-progress")
        .replace("plan/roadmap.yaml", "status: at-risk", "status: planned");
    git.commit("End of March", "2027-03-29");
    Cli march = report(plan, "march", "--quarter", "2027-Q1");
    // Later commits: delivered on 21 April, a slip on 3 May, at risk in June.
    git.replace(
        "plan/roadmap.yaml",
        "due: 2027-04-23\n          status: in-progress",
        "due: 2027-04-23\n          status: done\n          completedOn: 2027-04-21");
    git.commit("Pilot tier delivered", "2027-04-21");
    git.replace("plan/roadmap.yaml", "due: 2027-06-18", "due: 2027-07-02");
    git.commit("ETL wave 1 slips", "2027-05-03");
    git.replace(
        "plan/roadmap.yaml",
        "has not moved.\n          status: planned",
        "has not moved.\n          status: at-risk");
    String head = git.commit("Cohort at risk", "2027-06-10").getName();

    Cli june = report(plan, "june", "--quarter", "2027-Q1");
    Cli today = report(plan, "today", "--quarter", "2027-Q1", "--rev", "HEAD");

    assertThat(march.code()).as(march.err()).isZero();
    assertThat(june.code()).as(june.err()).isZero();
    for (String file : List.of("qbr-2027-Q1.html", "qbr-2027-Q1.md", "dashboard.html")) {
      assertThat(tmp.resolve("june").resolve(file))
          .hasSameBinaryContentAs(tmp.resolve("march").resolve(file));
    }
    String md = Files.readString(tmp.resolve("june").resolve("qbr-2027-Q1.md"));
    assertThat(md).contains("Reflects commit ").contains(" of 29 March 2027.");
    assertThat(june.out()).contains("(as of 2027-03-29, commit ").contains(" of 29 March 2027)");
    // The review is usually prepared after the quarter, with its last facts committed since: the
    // run says what it leaves out, and how to include it.
    assertThat(june.err())
        .contains(
            "waymark: note: this review of 2027-Q1 is the repository as it stood at the quarter's"
                + " end: commit ")
        .contains("up to " + head.substring(0, 7) + " of 10 June 2027")
        .contains("give --rev " + head.substring(0, 7) + " to review the quarter with it");
    assertThat(march.err()).doesNotContain("this review of");
    assertThat(today.err()).doesNotContain("this review of");
    // The same quarter from today's state shows the later facts: that is what --rev HEAD is for.
    assertThat(today.code()).as(today.err()).isZero();
    assertThat(Files.readString(tmp.resolve("today").resolve("qbr-2027-Q1.md")))
        .isNotEqualTo(md)
        .contains("Reflects commit " + head.substring(0, 7) + " of 10 June 2027.");
  }

  private Cli report(Path plan, String out, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("report", plan.toString(), "--out", tmp.resolve(out).toString(), "--no-pdf"));
    args.addAll(List.of(options));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void shouldWriteTheQbrTheDashboardAndTheStylesheet() throws IOException {
    Path out = tmp.resolve("qbr");

    Cli cli = Cli.run("report", EXAMPLE.toString(), "--out", out.toString());

    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(cli.err()).isEmpty();
    assertThat(files(out))
        .containsExactly(
            "dashboard.html",
            "qbr-2027-Q2.html",
            "qbr-2027-Q2.md",
            "qbr-2027-Q2.pdf",
            "waymark.css");
    assertThat(cli.out()).contains("wrote ").contains("qbr-2027-Q2.pdf");
    assertThat(Files.readString(out.resolve("qbr-2027-Q2.md"), StandardCharsets.UTF_8))
        .contains("Northwind Logistics", "## 5. Roadmap adjustments");
    assertThat(Files.readAllBytes(out.resolve("qbr-2027-Q2.pdf")))
        .startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void shouldReviewTheQuarterAskedFor() throws IOException {
    Path out = tmp.resolve("q1");

    Cli cli =
        Cli.run(
            "report",
            EXAMPLE.toString(),
            "--out",
            out.toString(),
            "--quarter",
            "2027-Q1",
            "--no-pdf",
            "--quiet");

    assertThat(cli.code()).as(cli.err()).isZero();
    assertThat(cli.out()).isEmpty();
    assertThat(files(out))
        .containsExactly("dashboard.html", "qbr-2027-Q1.html", "qbr-2027-Q1.md", "waymark.css");
    assertThat(Files.readString(out.resolve("qbr-2027-Q1.md"), StandardCharsets.UTF_8))
        .contains("Quarterly business review, Q1 2027")
        .contains("**Assess and Stabilise: Passed** on 31 March 2027");
  }

  @Test
  void shouldExitTwoOnABadQuarter() {
    Cli cli =
        Cli.run(
            "report",
            EXAMPLE.toString(),
            "--out",
            tmp.resolve("x").toString(),
            "--quarter",
            "2027-Q5");

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err()).contains("--quarter '2027-Q5' is not a quarter; write it as YYYY-Qn");
    assertThat(tmp.resolve("x")).doesNotExist();
  }

  /**
   * '0000-Q1' was taken for the year 0 and written as qbr-0-Q1.*, a quarter nobody reviews (and a
   * slip for 2000-Q1 or 2027-Q1): a usage error that says what to write, with nothing written. The
   * same holds for an --as-of date whose quarter is reported.
   */
  @Test
  void shouldRefuseAQuarterOrDateWhoseYearIsNotAFourDigitYearFrom1000() {
    Cli zero =
        Cli.run(
            "report",
            EXAMPLE.toString(),
            "--out",
            tmp.resolve("zero").toString(),
            "--quarter",
            "0000-Q1",
            "--no-pdf");
    Cli early =
        Cli.run(
            "report",
            EXAMPLE.toString(),
            "--out",
            tmp.resolve("early").toString(),
            "--as-of",
            "0500-02-01",
            "--no-pdf");

    assertThat(zero.code()).isEqualTo(ExitCode.USAGE);
    assertThat(zero.err())
        .contains(
            "--quarter '0000-Q1' names the year 0000; write it as YYYY-Qn with a year from 1000 to"
                + " 9999, for example 2027-Q2");
    assertThat(tmp.resolve("zero")).doesNotExist();
    assertThat(early.code()).isEqualTo(ExitCode.USAGE);
    assertThat(early.err())
        .contains("--as-of '0500-02-01' names the year 0500; write the date as YYYY-MM-DD");
    assertThat(tmp.resolve("early")).doesNotExist();
  }

  @Test
  void shouldExitTwoWithoutOut() {
    Cli cli = Cli.run("report", EXAMPLE.toString());

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err()).contains("--out");
  }

  @Test
  void shouldExitTwoAndWriteNothingWhenARepositoryTemplateFails() throws IOException {
    Path repo = copyExample(tmp.resolve("repo"));
    Files.createDirectories(repo.resolve("templates"));
    Files.writeString(
        repo.resolve("templates/qbr.ftlmd"),
        "# ${review.header.title}\n${review.noSuchSection.title}\n");
    Path out = Files.createDirectories(tmp.resolve("out"));

    Cli cli = Cli.run("report", repo.toString(), "--out", out.toString());

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err())
        .startsWith(
            "waymark: no report written: template qbr.ftlmd (the repository's templates/qbr.ftlmd) failed at line 2")
        .doesNotContain("\tat ", "FTL stack trace");
    assertThat(files(out)).isEmpty();
  }

  @Test
  void shouldShowTheRoadmapAdjustmentsSinceTheEndOfThePreviousQuarterFromGit() throws IOException {
    Path out = tmp.resolve("out");
    try (GitWorkTree git = GitWorkTree.init(tmp.resolve("git"))) {
      git.copyExample("roadmap");
      git.commit("Roadmap as approved", "2027-01-12");
      git.replace("roadmap/roadmap.yaml", "due: 2027-06-25", "due: 2027-07-09");
      git.commit("Training cohort moved two weeks", "2027-04-20");
      git.replace("roadmap/roadmap.yaml", "due: 2027-07-09", "due: 2027-07-23");
      git.commit("Training cohort moved again", "2027-05-10");

      Cli cli =
          Cli.run(
              "report",
              git.dir().resolve("roadmap").toString(),
              "--out",
              out.toString(),
              "--no-pdf");

      assertThat(cli.code()).as(cli.err()).isZero();
    }
    String md = Files.readString(out.resolve("qbr-2027-Q2.md"), StandardCharsets.UTF_8);
    assertThat(md)
        .contains("Compared with commit ")
        .contains(
            "| Milestone | First MLOps training cohort certified | slipped from 25 June 2027 to 23 July 2027 (+28 days) |")
        .contains("Due date moved later 2 times")
        .contains("Due date moved: 25 June 2027 to 9 July 2027 (+14 days), commit ");
  }

  private static String[] files(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  private static Path copyExample(Path target) throws IOException {
    CacheCliTest.copy(EXAMPLE, target); // without the example's cache, which may be being written
    return target;
  }
}
