package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GithubOutputTest {

  @TempDir Path tmp;

  @Test
  void shouldPrintOneAnnotationPerFindingThenTheSummary() {
    KnownFindings repo = KnownFindings.create(tmp);
    String p = repo.prefix();

    Cli cli = Cli.run("validate", repo.dir().toString(), "--format", "github");

    assertThat(cli.code()).isEqualTo(1);
    List<String> lines = cli.out().lines().toList();
    assertThat(lines).hasSize(8);
    assertThat(lines.subList(0, 7))
        .extracting(l -> l.substring(0, l.indexOf(' ')))
        .containsExactly(
            "::warning", "::error", "::error", "::notice", "::notice", "::error", "::error");
    // Properties escape ':' and ','; the message escapes '%' and line breaks.
    String file = p.replace(":", "%3A").replace(",", "%2C") + KnownFindings.GPU;
    assertThat(lines.get(5))
        .startsWith(
            "::error file="
                + file
                + ",line="
                + repo.decisionLine()
                + ",col=17,title=waymark vendor-decision-mismatch::vendor 'v-helio-cloud' is"
                + " declared go but scores 69.33%25 (technical fit 3.67")
        .contains("%0Ahint: Set 'decision: diligence'")
        .doesNotContain("\r");
    assertThat(lines.get(0))
        .startsWith(
            "::warning file="
                + p.replace(":", "%3A").replace(",", "%2C")
                + KnownFindings.EDGE
                + ",line="
                + repo.edgeLine()
                + ",col=7,title=waymark pitfall-no-metrics::");
    assertThat(lines.get(7))
        .isEqualTo("✖ 4 errors, 1 warning, 2 infos in 24 documents (as of 2027-05-14)");
    assertThat(cli.out()).doesNotContain(KnownFindings.SCRATCH);
  }

  @Test
  void shouldPrintOnlyTheAnnotationsWhenQuiet() {
    KnownFindings repo = KnownFindings.create(tmp);

    Cli cli = Cli.run("validate", repo.dir().toString(), "--format", "github", "--quiet");

    assertThat(cli.out().lines()).hasSize(7).allMatch(l -> l.startsWith("::"));
  }

  @Test
  void shouldPrintOnlyTheSummaryForTheCleanExample() {
    Cli cli = Cli.run("validate", GitWorkTree.EXAMPLE.toString(), "--format", "github");

    assertThat(cli.code()).isZero();
    assertThat(cli.out()).isEqualTo("✔ no findings in 24 documents (as of 2027-05-14)\n");
  }
}
