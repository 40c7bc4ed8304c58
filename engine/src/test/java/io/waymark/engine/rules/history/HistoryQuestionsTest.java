package io.waymark.engine.rules.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.rules.Rule;
import io.waymark.engine.rules.RuleRegistry;
import io.waymark.engine.rules.RuleScope;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules history-shallow and history-unavailable name are the rules that read the history for
 * their judgement: a rule that comes to read it cannot be left out of their messages.
 */
class HistoryQuestionsTest {

  /** They report on the history; milestone-done-undated reads it for its hint only. */
  private static final Set<String> NOT_ASKERS =
      Set.of("history-shallow", "history-unavailable", "milestone-done-undated");

  @Test
  void shouldNameEveryRegisteredRuleThatReadsTheHistory() {
    List<String> reading =
        RuleRegistry.discover().rules().stream()
            .filter(r -> r.scope() instanceof RuleScope.Kinds k && k.history())
            .map(Rule::descriptor)
            .map(d -> d.id())
            .filter(id -> !NOT_ASKERS.contains(id))
            .toList();

    assertThat(Arrays.stream(HistoryQuestions.Asker.values()).map(HistoryQuestions.Asker::rule))
        .containsExactlyInAnyOrderElementsOf(reading)
        .contains("actuals-stale");
  }

  @Test
  void shouldExplainEveryRuleTheFindingsName() {
    RuleRegistry registry = RuleRegistry.discover();
    for (String id : List.of("history-shallow", "history-unavailable")) {
      String rationale = registry.descriptor(id).orElseThrow().rationale();
      for (HistoryQuestions.Asker asker : HistoryQuestions.Asker.values()) {
        assertThat(rationale).as(id).contains("`" + asker.rule() + "`");
      }
    }
  }

  @Test
  void shouldJoinNamesAsASentenceDoes() {
    assertThat(HistoryQuestions.named(List.of())).isEmpty();
    assertThat(HistoryQuestions.named(List.of("a"))).isEqualTo("a");
    assertThat(HistoryQuestions.named(List.of("a", "b"))).isEqualTo("a and b");
    assertThat(HistoryQuestions.named(List.of("a", "b", "c"))).isEqualTo("a, b and c");
  }
}
