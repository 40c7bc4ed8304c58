package io.waymark.engine.rules.gate;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateEvidenceMissingRuleTest {

  private static final String RULE = "gate-evidence-missing";

  @TempDir Path dir;

  @Test
  void shouldReportAPassedGateWithoutDecisionDate() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    Fixtures.replaceOnce(roadmap, "        decidedOn: 2027-03-31\n", "");
    Position status = valueOf(roadmap, "status: passed");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .withSeverity(Severity.ERROR)
        .inFile("roadmap.yaml")
        .at(status.line(), status.column())
        .withMessageContaining("gate gate-assess-stabilise of phase-assess-stabilise is passed")
        .withMessageContaining("no decidedOn")
        .hasCount(1);
  }

  @Test
  void shouldReportAPassedGateWithEmptyEvidence() {
    Path roadmap = Fixtures.copyExample(dir).resolve("roadmap.yaml");
    String text = Fixtures.read(roadmap);
    int from = text.indexOf("        evidence:\n");
    int to = text.indexOf("        # Waymark checks each criterion");
    Fixtures.write(
        dir,
        "roadmap.yaml",
        text.substring(0, from) + "        evidence: []\n" + text.substring(to));
    Position status = valueOf(roadmap, "status: passed");

    assertThat(Fixtures.only(RULE).validate(dir))
        .containsRule(RULE)
        .at(status.line(), status.column())
        .withMessageContaining("with no evidence")
        .hasCount(1);
  }

  @Test
  void shouldAcceptAPassedGateWithDateAndEvidence() {
    assertThat(Fixtures.only(RULE).validate(Fixtures.copyExample(dir))).doesNotContainRule(RULE);
  }

  /** The position of the value after {@code key: }. */
  static Position valueOf(Path file, String keyAndValue) {
    Position p = Fixtures.positionOf(file, keyAndValue);
    return new Position(p.line(), p.column() + keyAndValue.indexOf(": ") + 2);
  }
}
