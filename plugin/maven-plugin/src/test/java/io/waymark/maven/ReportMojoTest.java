package io.waymark.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportMojoTest {

  @TempDir Path tmp;

  private final RecordingLog log = new RecordingLog();

  private ReportMojo mojo(Path dir) {
    ReportMojo mojo = new ReportMojo();
    mojo.setLog(log);
    mojo.directory = dir.toFile();
    mojo.outputDirectory = tmp.resolve("report").toFile();
    mojo.pdf = true;
    return mojo;
  }

  @Test
  void shouldPassTheParametersAsOptionsOfTheReportCommand() throws Exception {
    ReportMojo mojo = mojo(tmp.resolve("roadmap"));
    mojo.quarter = "2027-Q2";
    mojo.pdf = false;
    mojo.asOf = "2027-05-14";
    List<String> seen = new ArrayList<>();
    mojo.cli =
        (out, err, args) -> {
          seen.addAll(List.of(args));
          return 0;
        };

    mojo.execute();

    assertThat(seen)
        .containsExactly(
            "report",
            WaymarkMojo.display(tmp.resolve("roadmap").toFile()),
            "--out",
            WaymarkMojo.display(tmp.resolve("report").toFile()),
            "--quarter",
            "2027-Q2",
            "--no-pdf",
            "--as-of",
            "2027-05-14");
  }

  @Test
  void shouldNotRunTheCliWhenSkipped() throws Exception {
    ReportMojo mojo = mojo(tmp);
    mojo.skip = true;
    mojo.cli =
        (out, err, args) -> {
          throw new AssertionError("must not run");
        };

    mojo.execute();

    assertThat(log.at("INFO")).containsExactly("Skipping waymark:report (waymark.skip)");
  }

  @Test
  void shouldReportAnExecutionErrorWhenNoReportIsWritten() throws Exception {
    // The report of an earlier build must not be left to pass for this one's.
    Path old = mojo(tmp).outputDirectory.toPath().resolve("qbr-2027-Q1.html");
    Files.createDirectories(old.getParent());
    Files.writeString(old, "<html>last quarter</html>");
    ReportMojo mojo = mojo(tmp);
    mojo.cli =
        (out, err, args) -> {
          err.println("waymark: --quarter '2027-Q5' is not a quarter");
          return 2;
        };

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageEndingWith(": --quarter '2027-Q5' is not a quarter");
    assertThat(old).doesNotExist();
  }

  @Test
  void shouldRenderTheQuarterlyReviewOfARealRoadmap() throws Exception {
    Path dir = ValidateMojoTest.copyOf(ValidateMojoTest.VALID, tmp.resolve("roadmap"));
    ReportMojo mojo = mojo(dir);
    mojo.pdf = false;

    mojo.execute();

    assertThat(tmp.resolve("report/qbr-2027-Q1.html")).isRegularFile();
    assertThat(tmp.resolve("report/dashboard.html")).isRegularFile();
    assertThat(tmp.resolve("report/qbr-2027-Q1.pdf")).doesNotExist();
    assertThat(log.at("INFO")).anyMatch(l -> l.contains("qbr-2027-Q1.html"));
  }
}
