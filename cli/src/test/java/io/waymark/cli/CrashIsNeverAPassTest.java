package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash must never read as a pass or as "findings" (exit 1), and a failed {@code ci} must never
 * leave the previous run's results looking current.
 */
class CrashIsNeverAPassTest {

  @TempDir Path tmp;

  private static List<String> names(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void shouldEndAStackOverflowWithExitTwoAndOneLine() {
    KnownFindings repo = KnownFindings.create(tmp);
    new GitWorkTreeFiles(repo.dir())
        .write("templates/qbr.ftlmd", "<#macro r><@r/></#macro><@r/>\n");

    Cli cli = Cli.run("report", repo.dir().toString(), "--out", tmp.resolve("q").toString());

    assertThat(cli.code()).isEqualTo(2);
    assertThat(cli.err()).startsWith("waymark: ").hasLineCount(1).doesNotContain("\tat ");
    assertThat(Files.exists(tmp.resolve("q"))).isFalse();
  }

  @Test
  void shouldTurnEveryErrorIntoOneLineAndExitTwo() {
    for (Throwable t :
        List.of(
            new OutOfMemoryError("Java heap space"),
            new StackOverflowError(),
            new IllegalStateException("boom"),
            new AssertionError("unexpected"))) {
      StringWriter err = new StringWriter();

      int code = Failures.crash(t, new PrintWriter(err), false);

      assertThat(code).isEqualTo(2);
      assertThat(err.toString()).startsWith("waymark: ").hasLineCount(1);
    }
  }

  /**
   * 'validate /proc/1/map_files' (a folder whose listing the system refuses part-way) said
   * "internal error: java.nio.file.AccessDeniedException: ...; report it": the input is unreadable,
   * and the line says which and why.
   */
  @Test
  void shouldNameTheFileTheSystemRefusedAndWhy() {
    StringWriter err = new StringWriter();

    int code =
        Failures.crash(
            new java.nio.file.AccessDeniedException("/proc/1/map_files"),
            new PrintWriter(err),
            false);

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .isEqualTo("waymark: cannot read /proc/1/map_files: permission denied\n");
  }

  @Test
  void shouldPrintTheStackTraceOnlyWithDebug() {
    StringWriter err = new StringWriter();

    Failures.crash(new StackOverflowError(), new PrintWriter(err), true);

    assertThat(err.toString()).contains("java.lang.StackOverflowError").contains("\tat ");
  }

  @Test
  void shouldLeaveNoOldReportWhenCiFailsAfterASuccessfulRun() throws IOException {
    KnownFindings repo = KnownFindings.create(tmp);
    Path out = tmp.resolve("out");
    Cli good = Cli.run("ci", repo.dir().toString(), "--out", out.toString(), "--no-pdf");
    assertThat(good.code()).isEqualTo(1);
    assertThat(names(out.resolve("report"))).contains("dashboard.html");
    assertThat(names(out)).doesNotContain(CiCommand.INCOMPLETE);

    new GitWorkTreeFiles(repo.dir())
        .write("templates/dashboard.ftlh", "<p>${review.noSuchThing.title}</p>\n");
    Cli failing = Cli.run("ci", repo.dir().toString(), "--out", out.toString(), "--no-pdf");

    assertThat(failing.code()).isEqualTo(2);
    assertThat(names(out.resolve("report"))).isEmpty();
    assertThat(names(out)).contains(CiCommand.INCOMPLETE);
    assertThat(Files.readString(out.resolve(CiCommand.INCOMPLETE))).contains("did not finish");
  }

  @Test
  void shouldLeaveNoOldResultsWhenTheRepositoryCannotBeRead() throws IOException {
    KnownFindings repo = KnownFindings.create(tmp);
    Path out = tmp.resolve("out");
    Files.createDirectories(out.resolve("report"));
    Files.writeString(out.resolve("report").resolve("notes-of-the-team.txt"), "keep me");
    assertThat(Cli.run("ci", repo.dir().toString(), "--out", out.toString(), "--no-pdf").code())
        .isEqualTo(1);

    Cli failing = Cli.run("ci", tmp.resolve("no-such-folder").toString(), "--out", out.toString());

    assertThat(failing.code()).isEqualTo(2);
    assertThat(names(out)).containsExactly(CiCommand.INCOMPLETE, "report");
    assertThat(names(out.resolve("report"))).containsExactly("notes-of-the-team.txt");
  }

  @Test
  void shouldWriteEveryReportWhenATitleHoldsControlCharacters() throws IOException {
    KnownFindings repo = KnownFindings.create(tmp);
    new GitWorkTreeFiles(repo.dir())
        .replace(
            "roadmap.yaml",
            "  title: AI Infrastructure Modernisation 2027-2028",
            "  title: \"AI \\e[31m\\v\\uFFFE\\uD800 Modernisation\"");
    Path out = tmp.resolve("out");

    Cli cli = Cli.run("ci", repo.dir().toString(), "--out", out.toString());

    assertThat(cli.code()).as(cli.err()).isEqualTo(1);
    assertThat(names(out.resolve("report")))
        .containsExactly(
            "dashboard.html",
            "qbr-2027-Q2.html",
            "qbr-2027-Q2.md",
            "qbr-2027-Q2.pdf",
            "waymark.css");
    assertThat(names(out)).doesNotContain(CiCommand.INCOMPLETE);
    assertThat(Files.readString(out.resolve("report").resolve("qbr-2027-Q2.html")))
        .contains("AI \uFFFD[31m\uFFFD\uFFFD\uFFFD Modernisation");
  }
}
