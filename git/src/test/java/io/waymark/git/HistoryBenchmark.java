package io.waymark.git;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.ValidationOptions;
import io.waymark.engine.Validator;
import io.waymark.engine.history.History;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.LoadResult;
import io.waymark.engine.rules.RuleRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The history of a real repository read end to end: {@link GitHistory} walks the commits and {@link
 * PlanHistory} parses every version. Runs only when {@code bench/history.sh} names the repository
 * ({@code -Dwaymark.bench.history=DIR}); prints the first (cold) run and the median.
 */
@EnabledIfSystemProperty(named = "waymark.bench.history", matches = ".+")
class HistoryBenchmark {

  @Test
  void shouldReadTheHistoryOfTheBenchRepository() throws Exception {
    Path folder = Path.of(System.getProperty("waymark.bench.history"));
    int runs = Integer.getInteger("waymark.bench.runs", 5);
    LoadResult current =
        new Validator(RuleRegistry.discover())
            .validate(new FolderSource(folder, "bench"), ValidationOptions.defaults())
            .load();

    List<Double> seconds = new ArrayList<>();
    List<Double> walkSeconds = new ArrayList<>();
    PlanHistory plan = null;
    for (int run = 0; run < runs; run++) {
      long started = System.nanoTime();
      try (History history = GitHistory.open(folder, "HEAD")) {
        history.versions("roadmap.yaml");
      }
      walkSeconds.add((System.nanoTime() - started) / 1e9);
      started = System.nanoTime();
      try (History history = GitHistory.open(folder, "HEAD")) {
        plan = PlanHistory.read(history, current.documents(), current.config().limits());
      }
      seconds.add((System.nanoTime() - started) / 1e9);
    }

    assertThat(plan.roadmap()).isNotEmpty();
    System.out.printf(
        "history-bench: %d roadmap versions, %d notes, %d cores%n",
        plan.roadmap().size(), plan.notes().size(), Runtime.getRuntime().availableProcessors());
    System.out.printf(
        "history-bench: open + versions(roadmap.yaml): first %.3f s, median %.3f s%n",
        walkSeconds.get(0), median(walkSeconds));
    System.out.printf(
        "history-bench: open + PlanHistory.read (walk and parse): first %.3f s, median %.3f s%n",
        seconds.get(0), median(seconds));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
