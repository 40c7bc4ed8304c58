package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.finance.CaseFinancials;
import io.waymark.engine.finding.Severity;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.model.BusinessCase;
import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleContext;
import io.waymark.engine.rules.RuleDescriptor;
import io.waymark.engine.rules.RuleRegistry;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Several business-case rules need every case's computed financials: a validation works them out
 * once per case and every rule gets that same result (the same numbers {@link CaseFinancials#of}
 * gives on its own).
 */
class SharedFinancialsTest {

  /** Notes what {@link RuleContext#financials} gave for each case. */
  private static final class Probe implements Rule {
    private final String id;
    final Map<BusinessCase, CaseFinancials> seen = new IdentityHashMap<>();

    Probe(String id) {
      this.id = id;
    }

    @Override
    public RuleDescriptor descriptor() {
      return new RuleDescriptor(
          id, Severity.INFO, "test", "a test rule", "for a test", "nothing", "", "");
    }

    @Override
    public void check(RuleContext context) {
      for (BusinessCase bc : context.plan().businessCases()) {
        seen.put(bc, context.financials(bc));
      }
    }
  }

  @Test
  void shouldHandEveryRuleTheSameFinancialsOfACase() throws Exception {
    Probe first = new Probe("test-first");
    Probe second = new Probe("test-second");
    Validator validator = new Validator(new RuleRegistry(List.of(first, second)));

    validator.validate(
        new FolderSource(Fixtures.exampleRoadmap(), "example"),
        ValidationOptions.defaults().withAsOf(Fixtures.AS_OF));

    assertThat(first.seen).isNotEmpty().hasSameSizeAs(second.seen);
    first.seen.forEach(
        (bc, financials) -> {
          assertThat(second.seen.get(bc)).isSameAs(financials);
          assertThat(financials).isEqualTo(CaseFinancials.of(bc));
        });
  }
}
