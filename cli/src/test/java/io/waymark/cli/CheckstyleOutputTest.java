package io.waymark.cli;

import static io.waymark.cli.MachineFormats.children;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class CheckstyleOutputTest {

  @TempDir Path tmp;

  @Test
  void shouldListEachFindingUnderItsRepositoryRelativeFile() {
    KnownFindings repo = KnownFindings.create(tmp);

    Cli cli = Cli.run("validate", repo.dir().toString(), "--format", "checkstyle");

    assertThat(cli.code()).isEqualTo(1);
    Element root = MachineFormats.xml(cli.out()).getDocumentElement();
    assertThat(root.getTagName()).isEqualTo("checkstyle");
    assertThat(root.getAttribute("version")).isEqualTo("4.3");
    List<Element> files = children(root, "file");
    assertThat(files)
        .extracting(f -> f.getAttribute("name"))
        .containsExactly(
            KnownFindings.EDGE,
            KnownFindings.GOVERNANCE,
            KnownFindings.OTHER,
            KnownFindings.ROADMAP,
            KnownFindings.GPU);
    assertThat(MachineFormats.elements(root, "error")).hasSize(7);

    List<Element> gpu = children(files.get(4), "error");
    assertThat(gpu)
        .extracting(e -> e.getAttribute("source"))
        .containsExactly("waymark.vendor-decision-mismatch", "waymark.vendor-red-flag");
    Element mismatch = gpu.get(0);
    assertThat(mismatch.getAttribute("line")).isEqualTo(String.valueOf(repo.decisionLine()));
    assertThat(mismatch.getAttribute("column")).isEqualTo("17");
    assertThat(mismatch.getAttribute("severity")).isEqualTo("error");
    assertThat(mismatch.getAttribute("message"))
        .startsWith("vendor 'v-helio-cloud' is declared go but scores 69.33%")
        .contains("\nhint: Set 'decision: diligence'");

    Element kpi = children(files.get(0), "error").get(0);
    assertThat(kpi.getAttribute("severity")).isEqualTo("warning");
    assertThat(kpi.getAttribute("line")).isEqualTo(String.valueOf(repo.edgeLine()));
    assertThat(kpi.getAttribute("source")).isEqualTo("waymark.pitfall-no-metrics");
    assertThat(children(files.get(2), "error").get(0).getAttribute("severity")).isEqualTo("info");
    assertThat(cli.out()).doesNotContain(KnownFindings.SCRATCH);
  }

  @Test
  void shouldWriteAnEmptyReportForTheCleanExample() {
    Cli cli = Cli.run("validate", GitWorkTree.EXAMPLE.toString(), "--format", "checkstyle");

    assertThat(cli.code()).isZero();
    assertThat(children(MachineFormats.xml(cli.out()).getDocumentElement(), "file")).isEmpty();
  }
}
