package io.waymark.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.finding.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A value that fails a pattern of the bundled schemas is told what is expected in words, with an
 * example: the finding said "'Retrieval_Latency' does not match ^[a-z0-9][a-z0-9-]{1,62}$", a
 * regular expression a planner cannot be asked to read.
 */
class PatternMessageTest {

  @TempDir Path dir;

  /** One value per bundled pattern, written where the example has a value of that pattern. */
  @ParameterizedTest(name = "{3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "use-cases/eta-prediction.yaml|    - retrieval-latency-p95-ms|    - Retrieval_Latency"
            + "|'Retrieval_Latency' is not an id: 2 to 63 lower-case letters, digits and '-',"
            + " starting with a letter or digit, e.g. 'gpu-cluster'|ID_PATTERN",
        "waymark.yaml|  currency: EUR|  currency: eur"
            + "|'eur' is not a currency code: three capital letters (ISO 4217), e.g. 'EUR'"
            + "|CURRENCY_PATTERN",
        "roadmap.yaml|fact: milestones.completionPct|fact: milestones"
            + "|'milestones' is not a fact: a name, then one or more '.'-separated parts of"
            + " letters, digits and '-', e.g. 'useCases.production'|FACT_PATTERN",
        "waymark.yaml|spec:\\n|spec:\\n  suppressions:\\n    - {rule: Budget_Split, file: roadmap.yaml,"
            + " reason: agreed, owner: pmo}\\n"
            + "|'Budget_Split' is not a rule id: lower-case words of letters and digits joined by"
            + " single hyphens, starting with a letter, e.g. 'budget-split'|RULE_ID_PATTERN",
        "waymark.yaml|spec:\\n|spec:\\n  suppressions:\\n    - {rule: budget-split, file: roadmap.yaml,"
            + " path: spec/phases, reason: agreed, owner: pmo}\\n"
            + "|'spec/phases' is not a JSON Pointer: each name after a '/', with '~' written ~0"
            + " and '/' written ~1, e.g. '/spec/phases/0'|POINTER_PATTERN",
      })
  void shouldSayWhatABundledPatternExpectsInWords(
      String file, String from, String to, String expected, String pattern) throws Exception {
    Path copy = Fixtures.copyExample(dir.resolve("copy"));
    Fixtures.replaceOnce(copy.resolve(file), from.replace("\\n", "\n"), to.replace("\\n", "\n"));
    String regex = (String) SchemaCheck.class.getDeclaredField(pattern).get(null);

    // A configuration that fails its schema has a finding more that says so.
    assertThat(BundledPatterns.schemaFindings(copy))
        .extracting(Finding::message)
        .anyMatch(m -> m.endsWith(expected))
        .noneMatch(m -> m.contains(regex) || m.contains("does not match"));
  }

  /** Every pattern of the bundled schemas has its words; none is shown as a regex. */
  @Test
  void shouldHaveWordsForEveryPatternOfTheBundledSchemas() {
    List<String> patterns = BundledPatterns.all();

    assertThat(patterns).hasSizeGreaterThanOrEqualTo(6);
    assertThat(patterns)
        .allSatisfy(
            p -> assertThat(SchemaCheck.expected(p)).as(p).get().asString().contains("e.g. '"));
  }

  /**
   * A pattern Waymark does not know (a schema of the user's) is shown as it is: nothing else says
   * it.
   */
  @Test
  void shouldKeepTheRegexOfAnUnknownPattern() {
    assertThat(SchemaCheck.expected("^[A-Z]{2}-[0-9]+$")).isEmpty();
    assertThat(SchemaCheck.patternHint("^[A-Z]{2}-[0-9]+$")).contains("the pattern shown");
  }
}
