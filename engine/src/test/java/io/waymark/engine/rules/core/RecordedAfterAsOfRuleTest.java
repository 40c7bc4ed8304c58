package io.waymark.engine.rules.core;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * recorded-after-as-of on the example roadmap (as of 2027-05-14): each kind of record of something
 * that happened, dated later, is named where it is written; a record on the as-of day, a planned
 * date and a pending gate are not.
 */
class RecordedAfterAsOfRuleTest {

  private static final String RULE = "recorded-after-as-of";
  private static final String ROADMAP = "roadmap.yaml";
  private static final String METRICS = "metrics/executive-dashboard.yaml";

  @TempDir Path repo;

  @BeforeEach
  void copy() {
    Fixtures.copyExample(repo);
  }

  private void edit(String file, String from, String to) {
    Fixtures.replaceOnce(repo.resolve(file), from, to);
  }

  private List<Finding> findings() {
    ValidationResult result = Fixtures.only(RULE).validate(repo);
    return result.findings().stream().filter(f -> f.rule().equals(RULE)).toList();
  }

  @Test
  void shouldFindNothingInTheExample() {
    Assertions.assertThat(findings()).isEmpty();
  }

  @Test
  void shouldNameADeliveryRecordedAfterTheAsOfDate() {
    edit(ROADMAP, "completedOn: 2027-04-21", "completedOn: 2027-06-21");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .inFile(ROADMAP)
        .withMessageContaining(
            "milestone 'ms-vector-db-pilot-tier' is done with completedOn 2027-06-21, after the"
                + " as-of date 2027-05-14")
        .withHintContaining("a typo");
    Assertions.assertThat(findings()).singleElement();
  }

  @Test
  void shouldAcceptARecordOnTheAsOfDayAndTheDayAfter() {
    // The as-of date is UTC's; a team east of UTC writes its own date, a day ahead in its morning.
    edit(ROADMAP, "completedOn: 2027-04-21", "completedOn: 2027-05-15");
    edit(
        METRICS,
        "        - {date: 2027-04-30, value: 4.21}",
        "        - {date: 2027-04-30, value: 4.21}\n        - {date: 2027-05-14, value: 4.20}");

    Assertions.assertThat(findings()).isEmpty();

    edit(ROADMAP, "completedOn: 2027-05-15", "completedOn: 2027-05-16");

    Assertions.assertThat(findings()).singleElement();
  }

  @Test
  void shouldLeaveAMilestoneThatIsNotDoneToTheOtherRules() {
    edit(
        ROADMAP,
        "status: done\n          completedOn: 2027-04-21",
        "status: in-progress\n          completedOn: 2027-06-21");

    Assertions.assertThat(findings()).isEmpty();
  }

  @Test
  void shouldNameAGateDecidedAfterTheAsOfDateButNotAPendingOne() {
    edit(ROADMAP, "decidedOn: 2027-03-31", "decidedOn: 2027-06-30");

    Assertions.assertThat(findings())
        .singleElement()
        .satisfies(
            f ->
                Assertions.assertThat(f.message())
                    .isEqualTo(
                        "gate 'gate-assess-stabilise' is passed with decidedOn 2027-06-30, after"
                            + " the as-of date 2027-05-14"));
  }

  @Test
  void shouldCountTheReadingsOfAMetricDatedLaterAndPointAtTheFirst() {
    edit(
        METRICS,
        "        - {date: 2027-04-30, value: 4.21}",
        "        - {date: 2027-04-30, value: 4.21}\n"
            + "        - {date: 2027-06-30, value: 4.10}\n"
            + "        - {date: 2027-07-31, value: 4.00}");

    Assertions.assertThat(findings())
        .singleElement()
        .satisfies(
            f -> {
              Assertions.assertThat(f.message())
                  .isEqualTo(
                      "metric 'cost-per-inference' has a reading dated 2027-06-30, after the as-of"
                          + " date 2027-05-14 (2 readings in all dated later); it is left out of"
                          + " every figure until that day");
              Assertions.assertThat(f.location().file()).isEqualTo(METRICS);
              Assertions.assertThat(f.location().line())
                  .isEqualTo(Fixtures.positionOf(repo.resolve(METRICS), "2027-06-30").line());
            });
  }

  @Test
  void shouldNameSpendDatedLater() {
    edit(
        ROADMAP,
        "{date: 2027-03-31, amount: 58000, source: finance-export-2027-03}",
        "{date: 2027-08-31, amount: 58000, source: finance-export-2027-03}");

    Assertions.assertThat(findings())
        .singleElement()
        .satisfies(
            f ->
                Assertions.assertThat(f.message())
                    .isEqualTo(
                        "initiative 'i-automate-core-pipelines' records actual spend dated 2027-08-31,"
                            + " after the as-of date 2027-05-14; the spend counts only from that"
                            + " day on"));
  }

  @Test
  void shouldNameADecisionAReplanAnApprovalAndAUseCaseDatedLater() {
    edit(
        "governance.yaml",
        "    - id: dec-roadmap-2027-approved\n      date: 2027-01-12",
        "    - id: dec-roadmap-2027-approved\n      date: 2027-11-12");
    edit(ROADMAP, "            - on: 2027-04-09", "            - on: 2027-09-04");
    edit(
        "business-cases/pipeline-automation.yaml",
        "    decision: dec-bc-pipeline-automation\n    date: 2027-01-12",
        "    decision: dec-bc-pipeline-automation\n    date: 2028-01-12");
    edit("use-cases/customer-email-triage.yaml", "pilotedOn: 2027-02-22", "pilotedOn: 2027-12-22");
    edit("use-cases/agentic-dispatch-assistant.yaml", "since: 2027-05-03", "since: 2027-05-30");

    Assertions.assertThat(findings())
        .extracting(Finding::message)
        .containsExactlyInAnyOrder(
            "decision 'dec-roadmap-2027-approved' (approved) is dated 2027-11-12, after the as-of"
                + " date 2027-05-14",
            "milestone 'ms-knowledge-layer-production' records a re-plan on 2027-09-04, after the as-of"
                + " date 2027-05-14",
            "business case 'bc-pipeline-automation' records its approval on 2028-01-12, after the"
                + " as-of date 2027-05-14",
            "use case 'uc-customer-email-triage' was piloted on 2027-12-22, after the as-of date"
                + " 2027-05-14",
            "use case 'uc-agentic-dispatch-assistant' is in pilot since 2027-05-30, after the"
                + " as-of date 2027-05-14");
  }

  @Test
  void shouldSayARetiredUseCaseWasRetiredAndAnIdeaIsOne() {
    edit("use-cases/legacy-faq-chatbot.yaml", "since: 2027-02-01", "since: 2027-06-01");
    edit("use-cases/cold-chain-anomaly-edge.yaml", "since: 2027-04-01", "since: 2027-06-02");

    Assertions.assertThat(findings())
        .extracting(Finding::message)
        .containsExactlyInAnyOrder(
            "use case 'uc-legacy-faq-chatbot' was retired on 2027-06-01, after the as-of date"
                + " 2027-05-14",
            "use case 'uc-cold-chain-anomaly-edge' is an idea since 2027-06-02, after the as-of"
                + " date 2027-05-14");
  }

  @Test
  void shouldNameRealisedFiguresAsOfALaterDay() {
    edit(
        "business-cases/pipeline-automation.yaml",
        "  approval:\n",
        "  realised: {benefits: 10000, costs: 5000, asOf: 2027-09-30}\n  approval:\n");

    Assertions.assertThat(findings())
        .extracting(Finding::message)
        .containsExactly(
            "business case 'bc-pipeline-automation' records realised benefits and costs as of"
                + " 2027-09-30, after the as-of date 2027-05-14");
  }
}
