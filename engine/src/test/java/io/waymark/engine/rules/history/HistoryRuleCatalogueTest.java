package io.waymark.engine.rules.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The history and pull-request rules of SPEC §3 are registered with their default severities. */
class HistoryRuleCatalogueTest {

  @Test
  void shouldRegisterTheHistoryAndPullRequestRules() {
    RuleRegistry registry = RuleRegistry.discover();
    Map<String, String> expected =
        Map.of(
            "gate-transition", "error",
            "approved-case-edited", "error",
            "history-rewritten", "warning",
            "milestone-slipping", "warning",
            "roadmap-churn", "warning",
            "history-shallow", "info",
            "history-unavailable", "info");
    expected.forEach(
        (id, severity) ->
            assertThat(registry.descriptor(id).map(d -> d.severity().id()))
                .as(id)
                .contains(severity));
  }

  @Test
  void shouldDocumentTheUpdateWindowsAndTheMethodology() {
    RuleDescriptor churn = RuleRegistry.discover().descriptor("roadmap-churn").orElseThrow();
    RuleDescriptor slipping =
        RuleRegistry.discover().descriptor("milestone-slipping").orElseThrow();

    assertThat(churn.rationale())
        .contains("review quarterly, update semi-annually; avoid constant")
        .contains("start + 6 months")
        .contains("2027-01-04 to 2027-02-03");
    assertThat(slipping.rationale()).contains("milestones slipping repeatedly");
  }
}
