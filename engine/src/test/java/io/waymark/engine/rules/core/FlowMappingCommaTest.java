package io.waymark.engine.rules.core;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code schema}. */
class FlowMappingCommaTest extends CoreFixture {

  @Test
  void shouldExplainAnUnknownFieldMadeByAnUnquotedCommaInAOneLineMapping() {
    Path april = example().resolve(APRIL);
    Fixtures.replaceOnce(
        april,
        "    - id: c-wan-headroom\n      dimension: network\n      rank: 4\n      description: >-\n"
            + "        The depot WAN links saturate at about 3x today's telematics volume, short"
            + " of the\n        10x in the diagnostic.\n",
        "    - {id: c-wan-headroom, dimension: network, rank: 4, description: WAN links"
            + " saturate, short of 10x}\n");
    Position key = Fixtures.positionOf(april, "short of 10x}");

    assertThat(Fixtures.only("schema").validate(repo))
        .containsRule("schema")
        .inFile(APRIL)
        .at(key.line(), key.column())
        .withMessageContaining("unknown field 'short of 10x'")
        .withHintContaining("The unquoted comma in the value of 'description' split it")
        .withHintContaining("description: \"WAN links saturate, short of 10x\"")
        .hasCount(1);
  }

  @Test
  void shouldStillRunThePlanRulesOnTheSchemaValidRestOfADocument() {
    Path roadmap = example().resolve(ROADMAP);
    // An enum typo in phase 1, and a budget that the initiatives overrun.
    Fixtures.replaceOnce(
        roadmap,
        "      months: [1, 3]\n      status: done",
        "      months: [1, 3]\n      status: dnoe");
    Fixtures.replaceOnce(roadmap, "total: 1800000", "total: 900000");
    Position typo = Fixtures.positionOf(roadmap, "dnoe");

    var result = Fixtures.only("schema", "budget-overrun").validate(repo);
    assertThat(result)
        .containsRule("schema")
        .inFile(ROADMAP)
        .at(typo.line(), typo.column())
        .withPath("/spec/phases/0/status")
        .hasCount(1);
    // The phase with the typo is left out; the rest of the roadmap is still checked.
    assertThat(result).containsRule("budget-overrun").inFile(ROADMAP).hasCount(1);
    assertThat(result.plan().roadmap().orElseThrow().phases())
        .extracting(io.waymark.engine.model.Phase::id)
        .containsExactly("phase-build-foundations", "phase-scale-optimise");
  }

  @Test
  void shouldLeaveOutADocumentWhoseErrorIsOutsideAnyListItem() {
    Path roadmap = example().resolve(ROADMAP);
    Fixtures.replaceOnce(roadmap, "horizonMonths: 18", "horizonMonths: eighteen");
    Fixtures.replaceOnce(roadmap, "total: 1800000", "total: 900000");

    var result = Fixtures.only("schema", "budget-overrun").validate(repo);
    assertThat(result).containsRule("schema").inFile(ROADMAP).hasCount(1);
    assertThat(result).doesNotContainRule("budget-overrun");
  }

  @Test
  void shouldKeepTheUsualHintForAnUnknownFieldInABlockMapping() {
    Path april = example().resolve(APRIL);
    Fixtures.replaceOnce(april, "      rank: 4\n", "      rank: 4\n      rnak: 4\n");

    assertThat(Fixtures.only("schema").validate(repo))
        .containsRule("schema")
        .withMessageContaining("unknown field 'rnak'")
        .withHintContaining("Remove the field or fix its name")
        .hasCount(1);
  }
}
