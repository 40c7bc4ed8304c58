package io.waymark.jenkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.jenkins.MockPipeline.PipelineError;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaymarkReportTest {

  private final MockPipeline pipeline = new MockPipeline();

  private Object report(Map<String, Object> config) {
    return pipeline.run("waymarkReport", new HashMap<>(config));
  }

  @Test
  void shouldRenderArchiveAndLinkTheReports() {
    Object result = report(Map.of("quarter", "2027-Q2"));

    assertThat(pipeline.commandLine())
        .isEqualTo("waymark report . --out target/waymark/report --quarter 2027-Q2");
    assertThat(pipeline.calls("archiveArtifacts"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.named())
                    .containsEntry("artifacts", "target/waymark/report/**")
                    .containsEntry("allowEmptyArchive", true)
                    .containsEntry("fingerprint", false));
    assertThat(pipeline.calls("publishHTML"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.named().get("target"))
                    .isEqualTo(
                        Map.of(
                            "reportDir",
                            "target/waymark/report",
                            "reportFiles",
                            "dashboard.html,qbr-*.html",
                            "reportName",
                            "Waymark QBR",
                            "keepAll",
                            true,
                            "alwaysLinkToLastBuild",
                            true,
                            "allowMissing",
                            false)));
    assertThat(pipeline.result()).isEqualTo("SUCCESS");
    assertThat(result).isEqualTo(Map.of("reportDir", "target/waymark/report"));
  }

  @Test
  void shouldArchiveTheReportsWhenHtmlPublisherIsNotInstalled() {
    pipeline.without("publishHTML");

    report(Map.of());

    assertThat(pipeline.calls("archiveArtifacts")).hasSize(1);
    assertThat(pipeline.calls("echo"))
        .extracting(MockPipeline.Call::argument)
        .anySatisfy(m -> assertThat(m.toString()).contains("HTML Publisher is not installed"));
    assertThat(pipeline.result()).isEqualTo("SUCCESS");
  }

  @Test
  void shouldCarryOnWhenJenkinsKnowsNoPublishHtmlStep() {
    pipeline.jenkinsLacks("publishHTML");

    report(Map.of());

    assertThat(pipeline.calls("archiveArtifacts")).hasSize(1);
    assertThat(pipeline.result()).isEqualTo("SUCCESS");
  }

  @Test
  void shouldFailWithTheMessageOfTheCli() {
    pipeline.cliExits(2, "waymark: template qbr.html.ftlh failed: line 3\n");

    assertThatThrownBy(() -> report(Map.of()))
        .isInstanceOf(PipelineError.class)
        .hasMessage(
            "waymark report failed (exit 2): waymark: template qbr.html.ftlh failed: line 3");
    assertThat(pipeline.result()).isEqualTo("FAILURE");
    assertThat(pipeline.stepNames()).doesNotContain("archiveArtifacts", "publishHTML");
  }

  @Test
  void shouldRunBatOnWindowsAgents() {
    pipeline.windows();

    report(Map.of("out", "build\\waymark", "pdf", false));

    assertThat(pipeline.calls("sh")).isEmpty();
    assertThat(pipeline.commandLine())
        .isEqualTo("call waymark report . --out \"build\\waymark/report\" --no-pdf");
  }

  @Test
  void shouldPassTheOptionsToTheCli() {
    report(
        Map.of(
            "command", "./waymark",
            "dir", "example-roadmap",
            "asOf", "2027-05-14",
            "config", "waymark.yaml",
            "quiet", true));

    assertThat(pipeline.commandLine())
        .isEqualTo(
            "./waymark report example-roadmap --out target/waymark/report --as-of 2027-05-14"
                + " --config waymark.yaml --quiet");
  }

  @Test
  void shouldPublishNothingWhenTurnedOff() {
    report(Map.of("archive", false, "publishHtml", false));

    assertThat(pipeline.stepNames()).doesNotContain("archiveArtifacts", "publishHTML");
  }

  @Test
  void shouldRejectMisspeltOptions() {
    assertThatThrownBy(() -> report(Map.of("quater", "2027-Q2")))
        .hasMessageStartingWith("waymarkReport: unknown option 'quater'");
  }
}
