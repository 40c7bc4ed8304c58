package io.waymark.engine;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingsAssertTest {

  private static final List<Finding> FINDINGS =
      List.of(
          new Finding(
              "ref-unresolved",
              Severity.ERROR,
              new Location("roadmap.yaml", 12, 25, "/spec/phases/0/initiatives/0/vendor"),
              "'v-x' does not name any vendor",
              "Fix the id."),
          new Finding(
              "not-waymark",
              Severity.INFO,
              new Location("ci.yaml", 1, 1, ""),
              "not a Waymark document",
              ""));

  @Test
  void shouldPassWhenAChainOfConditionsMatchesOneFinding() {
    FindingsAssert narrowed =
        assertThat(FINDINGS)
            .containsRule("ref-unresolved")
            .inFile("roadmap.yaml")
            .atLine(12)
            .atColumn(25)
            .withPath("/spec/phases/0/initiatives/0/vendor")
            .withSeverity(Severity.ERROR)
            .withMessageContaining("v-x")
            .hasCount(1);

    assertThat(narrowed.findings().get(0)).isSameAs(FINDINGS.get(0));
    assertThat(FINDINGS)
        .doesNotContainRule("schema")
        .doesNotContainRuleInFile("not-waymark", "a.yaml");
  }

  @Test
  void shouldFailListingEveryFindingWhenNoneIsAtTheLine() {
    assertThatThrownBy(() -> assertThat(FINDINGS).containsRule("ref-unresolved").atLine(13))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("rule ref-unresolved, line 13")
        .hasMessageContaining("roadmap.yaml:12:25")
        .hasMessageContaining("ci.yaml:1:1");
  }

  @Test
  void shouldFailWhenARuleIsMissingOrUnexpected() {
    assertThatThrownBy(() -> assertThat(FINDINGS).containsRule("schema"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("rule schema");
    assertThatThrownBy(() -> assertThat(FINDINGS).doesNotContainRule("not-waymark"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not a Waymark document");
    assertThatThrownBy(() -> assertThat(FINDINGS).hasNothingAtLeast(Severity.ERROR))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ref-unresolved");
  }

  @Test
  void shouldFailWhenTheCountDiffers() {
    assertThatThrownBy(() -> assertThat(FINDINGS).isEmpty())
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Expected 0 finding(s)");
    assertThat(List.<Finding>of()).isEmpty();
  }
}
