package io.waymark.engine;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.waymark.engine.finance.FinanceFuzzTest;
import io.waymark.engine.yaml.YamlReaderFuzzTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every engine fuzz target in one: what the fuzz execution of {@code mvn verify} runs (issue 11,
 * docs/reliability.md). Jazzer fuzzes one fuzz test per JVM, and starting its agent is the slow
 * part, so the first byte picks the target and coverage guidance serves all five. Each target is
 * also a fuzz test of its own, to fuzz one alone ({@code JAZZER_FUZZ=1 mvn test -Dtest=...}).
 */
class EngineFuzzTest {

  /**
   * Loads the classes every target needs before the fuzzing clock starts: on a busy machine the
   * first validation in a fresh JVM takes seconds, which would otherwise eat the budget.
   */
  @BeforeAll
  static void warmUp() throws IOException {
    RepositoryFuzzTest.validate(RepositoryFuzzTest.EXAMPLE);
  }

  @FuzzTest(maxDuration = "15s")
  void everyEngineTarget(FuzzedDataProvider data) throws IOException {
    switch (data.consumeInt(0, 4)) {
      case 0 -> YamlReaderFuzzTest.agree(data);
      case 1 -> RepositoryFuzzTest.loader(data);
      case 2 -> RepositoryFuzzTest.schema(data);
      case 3 -> RepositoryFuzzTest.rules(data);
      default -> FinanceFuzzTest.consistent(data);
    }
  }
}
