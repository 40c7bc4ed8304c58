package io.waymark.engine.rules.pullrequest;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApprovedCaseEditedRuleTest {

  private static final String RULE = "approved-case-edited";
  private static final String COMPUTE = "    - category: compute\n      annual: 30000\n";

  @TempDir Path dir;

  private Path base;
  private Path head;
  private Path bc;

  @BeforeEach
  void copies() {
    base = Fixtures.copyExample(dir.resolve("base"));
    head = Fixtures.copyExample(dir.resolve("head"));
    bc = head.resolve("business-cases/knowledge-layer.yaml");
  }

  @Test
  void shouldNameTheChangedCostAndTheNpvBeforeAndAfter() {
    Fixtures.replaceOnce(bc, COMPUTE, "    - category: compute\n      annual: 45000\n");
    Position costs = Fixtures.positionOf(bc, "- category: personnel");

    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), head, base))
        .containsRule(RULE)
        .withSeverity(Severity.ERROR)
        .inFile("business-cases/knowledge-layer.yaml")
        .at(costs.line(), costs.column())
        .withPath("/spec/costs")
        .withMessageContaining(
            "approved business case bc-knowledge-layer (approved by dec-bc-knowledge-layer on"
                + " 2027-03-31) is edited without a new approval decision: costs: compute annual"
                + " 30,000.00 → 45,000.00 EUR (computed NPV ")
        .hasCount(1);
  }

  @Test
  void shouldReportEachChangedSection() {
    Fixtures.replaceOnce(bc, "      annual: 90000\n", "      annual: 120000\n");
    Fixtures.replaceOnce(bc, "    discountRatePct: 8\n", "    discountRatePct: 6\n");
    Fixtures.replaceOnce(bc, "  contingencyPct: 20\n", "  contingencyPct: 15\n");

    var result = PullRequestFixtures.validate(Fixtures.only(RULE), head, base);

    assertThat(result)
        .containsRule(RULE)
        .withPath("/spec/benefits")
        .withMessageContaining(
            "benefits: benefit time-to-deploy-days annual 90,000.00 → 120,000.00 EUR")
        .hasCount(1);
    assertThat(result)
        .containsRule(RULE)
        .withPath("/spec/financials")
        .withMessageContaining("financials: discountRatePct 8 → 6")
        .hasCount(1);
    assertThat(result)
        .containsRule(RULE)
        .withPath("/spec/contingencyPct")
        .withMessageContaining("contingencyPct: contingencyPct 20 → 15")
        .hasCount(1);
  }

  /** A ramp-up, a staged cost and contingency moved onto the total cost are edits too. */
  @Test
  void shouldNameYearByYearEditsAndTheContingencyBasis() {
    Fixtures.replaceOnce(
        bc, "      annual: 90000\n", "      annual: 90000\n      byYear: [30000, 60000]\n");
    Fixtures.replaceOnce(
        bc, COMPUTE, "    - category: compute\n      annual: 30000\n      byYear: [50000]\n");
    Fixtures.replaceOnce(
        bc, "  contingencyPct: 20\n", "  contingencyPct: 20\n  contingencyOn: total\n");

    var result = PullRequestFixtures.validate(Fixtures.only(RULE), head, base);

    assertThat(result)
        .containsRule(RULE)
        .withPath("/spec/benefits")
        .withMessageContaining(
            "benefit time-to-deploy-days year 1 90,000.00 → 30,000.00 EUR, benefit"
                + " time-to-deploy-days year 2 90,000.00 → 60,000.00 EUR")
        .hasCount(1);
    assertThat(result)
        .containsRule(RULE)
        .withPath("/spec/costs")
        .withMessageContaining("compute year 1 30,000.00 → 50,000.00 EUR")
        .hasCount(1);
    assertThat(result)
        .containsRule(RULE)
        .withPath("/spec/contingencyPct")
        .withMessageContaining("contingency on recurring costs (%) 0 → 20")
        .hasCount(1);
  }

  @Test
  void shouldAcceptTheEditWithANewApprovalDecision() {
    Fixtures.replaceOnce(bc, COMPUTE, "    - category: compute\n      annual: 45000\n");
    Fixtures.replaceOnce(bc, "    date: 2027-03-31\n", "    date: 2027-05-12\n");

    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), head, base))
        .doesNotContainRule(RULE);
  }

  @Test
  void shouldAcceptEditsToWordsAndToCasesThatWereNotApproved() {
    Fixtures.replaceOnce(bc, "    sourcing: build\n", "    sourcing: hybrid\n");
    Path proposed = head.resolve("business-cases/agentic-dispatch.yaml");
    String text = Fixtures.read(proposed);
    Fixtures.write(
        head,
        "business-cases/agentic-dispatch.yaml",
        text.replaceFirst("discountRatePct: (\\d+)", "discountRatePct: 11"));

    assertThat(PullRequestFixtures.validate(Fixtures.only(RULE), head, base))
        .doesNotContainRule(RULE);
  }

  @Test
  void shouldStaySilentWithoutABase() {
    Fixtures.replaceOnce(bc, COMPUTE, "    - category: compute\n      annual: 45000\n");

    assertThat(Fixtures.only(RULE).validate(head)).doesNotContainRule(RULE);
  }
}
