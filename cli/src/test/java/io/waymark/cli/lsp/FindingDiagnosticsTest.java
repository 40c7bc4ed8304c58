package io.waymark.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.junit.jupiter.api.Test;

class FindingDiagnosticsTest {

  @Test
  void shouldShowABidiControlOfARoadmapTextAsAReplacementCharacter() {
    Finding f =
        new Finding(
            "ref-unresolved",
            Severity.ERROR,
            new Location("roadmap.yaml", 2, 3, "/spec"),
            "'dec-\u202Edevorppa' names no decision",
            "Declare it in \u2066governance.yaml\u2069.");

    List<Diagnostic> d = FindingDiagnostics.of(List.of(f), "roadmap.yaml", "a: 1\n  b: 2\n");

    assertThat(d)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.getMessage())
                  .isEqualTo(
                      "'dec-\uFFFDdevorppa' names no decision\nDeclare it in \uFFFDgovernance.yaml\uFFFD.");
              assertThat(x.getCode().getLeft()).isEqualTo("ref-unresolved");
            });
  }
}
