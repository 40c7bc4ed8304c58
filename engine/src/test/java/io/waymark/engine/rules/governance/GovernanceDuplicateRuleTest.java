package io.waymark.engine.rules.governance;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failing and passing fixtures for {@code governance-duplicate}: the example roadmap (one
 * Governance document, northwind-governance in governance.yaml) with more Governance documents
 * added.
 */
class GovernanceDuplicateRuleTest {

  private static final String RULE = "governance-duplicate";
  private static final String GOVERNANCE = "governance.yaml";

  /** Where the example's Governance document declares its kind (the value). */
  private static final String FIRST_AT = "governance.yaml:15:7";

  @TempDir Path repo;

  /** A Governance document with the id {@code id}, valid for its schema. */
  private static String governance(String id) {
    return "apiVersion: waymark/v1\n"
        + "kind: Governance\n"
        + "metadata: {id: "
        + id
        + ", title: Review board}\n"
        + "spec:\n"
        + "  reviewBoard: {name: AI Review Board, members: [cto, cfo], approvalThreshold: 50000}\n";
  }

  @Test
  void shouldAcceptTheExampleWithOneGovernanceDocument() {
    Fixtures.copyExample(repo);

    assertThat(Fixtures.only(RULE).validate(repo)).doesNotContainRule(RULE);
  }

  @Test
  void shouldReportASecondGovernanceDocumentAtItsKindNamingTheFirst() {
    Fixtures.copyExample(repo);
    Path added = Fixtures.write(repo, "governance/new-governance.yaml", governance("board-2027"));
    Position kind = Fixtures.positionOf(added, "kind: Governance");

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .inFile("governance/new-governance.yaml")
        .at(kind.line(), kind.column() + "kind: ".length())
        .withPath("/kind")
        .withSeverity(Severity.ERROR)
        .withMessageContaining(
            "a second Governance document ('board-2027'); the first is 'northwind-governance' at "
                + FIRST_AT)
        .withMessageContaining("only one review board and approval threshold can be in force")
        .withHintContaining("move this one's decisions into governance.yaml and delete it")
        .hasCount(1);
  }

  @Test
  void shouldReportEveryExtraDocumentAgainstTheFirst() {
    Fixtures.copyExample(repo);
    Fixtures.write(repo, "governance/a.yaml", governance("board-a"));
    Fixtures.write(repo, "governance/b.yaml", governance("board-b"));

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .withMessageContaining("the first is 'northwind-governance' at " + FIRST_AT)
        .hasCount(2);
    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .inFile("governance/b.yaml")
        .withMessageContaining("('board-b')")
        .hasCount(1);
  }

  @Test
  void shouldReportASecondDocumentInTheSameFile() {
    Path file = Fixtures.copyExample(repo).resolve(GOVERNANCE);
    Fixtures.write(repo, GOVERNANCE, Fixtures.read(file) + "---\n" + governance("board-2027"));

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .inFile(GOVERNANCE)
        .withMessageContaining("('board-2027')")
        .withHintContaining("into governance.yaml")
        .hasCount(1);
  }

  @Test
  void shouldCountASecondDocumentThatFailsItsSchema() {
    Fixtures.copyExample(repo);
    Fixtures.write(
        repo,
        "governance/draft.yaml",
        governance("board-draft").replace("approvalThreshold: 50000", "approvalThreshold: lots"));

    assertThat(Fixtures.only(RULE).validate(repo))
        .containsRule(RULE)
        .inFile("governance/draft.yaml")
        .withMessageContaining("('board-draft')")
        .hasCount(1);
  }
}
