package io.waymark.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule of SPEC §3 is registered, and every rule is documented well enough to explain. */
class RuleCatalogueTest {

  /** The rule ids of SPEC §3 that do not need Git history. */
  static final List<String> SPEC_RULES =
      List.of(
          "yaml-syntax",
          "schema",
          "unknown-kind",
          "ref-unresolved",
          "duplicate-id",
          "not-waymark",
          "roadmap-missing",
          "roadmap-horizon",
          "phase-overlap",
          "milestone-cadence",
          "milestone-outside-phase",
          "milestone-overdue",
          "component-missing",
          "gate-criteria-unmet",
          "gate-evidence-missing",
          "gate-waiver-invalid",
          "gate-waiver-expired",
          "phase-started-before-gate",
          "gate-unmeasurable",
          "budget-split",
          "contingency-range",
          "budget-overrun",
          "pitfall-big-bang",
          "pitfall-premature-gpu",
          "pitfall-data-readiness",
          "pitfall-no-metrics",
          "pitfall-inference-economics",
          "pitfall-vendor-lock-in",
          "pitfall-no-review",
          "assessment-rating-inconsistent",
          "assessment-stale",
          "constraints-unaddressed",
          "agentic-not-ready",
          "bc-incomplete",
          "bc-financials-mismatch",
          "bc-hidden-costs",
          "bc-ownership-threshold",
          "bc-negative-npv-approved",
          "vendor-weights",
          "vendor-score-range",
          "vendor-decision-mismatch",
          "vendor-references",
          "vendor-red-flag",
          "dashboard-size",
          "metric-stale",
          "metric-target-unambitious",
          "decision-unknown",
          "suppression-expired");

  private final RuleRegistry registry = RuleRegistry.discover();

  @Test
  void shouldRegisterEveryRuleOfTheSpec() {
    assertThat(registry.descriptors()).extracting(RuleDescriptor::id).containsAll(SPEC_RULES);
  }

  @Test
  void shouldDocumentEveryRuleWithRationaleFixAndBothExamples() {
    for (RuleDescriptor d : registry.descriptors()) {
      assertThat(d.rationale()).as(d.id() + " rationale").hasSizeGreaterThan(80);
      assertThat(d.fix()).as(d.id() + " fix").hasSizeGreaterThan(20);
      assertThat(d.failingExample()).as(d.id() + " failing example").isNotBlank();
      assertThat(d.passingExample()).as(d.id() + " passing example").isNotBlank();
      assertThat(d.summary()).as(d.id() + " summary is one line").doesNotContain("\n");
    }
  }

  @Test
  void shouldKeepTheSpecDefaultSeverities() {
    assertThat(registry.descriptor("gate-criteria-unmet").orElseThrow().severity().id())
        .isEqualTo("error");
    assertThat(registry.descriptor("budget-split").orElseThrow().severity().id())
        .isEqualTo("warning");
    assertThat(registry.descriptor("bc-ownership-threshold").orElseThrow().severity().id())
        .isEqualTo("info");
    assertThat(registry.descriptor("not-waymark").orElseThrow().severity().id()).isEqualTo("info");
    assertThat(registry.descriptor("pitfall-no-review").orElseThrow().severity().id())
        .isEqualTo("error");
    assertThat(registry.descriptor("criterion-description-mismatch").orElseThrow().severity().id())
        .isEqualTo("warning");
  }
}
