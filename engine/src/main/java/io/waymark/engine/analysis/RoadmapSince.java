package io.waymark.engine.analysis;

import io.waymark.engine.history.Coverage;
import io.waymark.engine.history.PlanHistory;
import io.waymark.engine.history.Snapshot;
import io.waymark.engine.model.Roadmap;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The roadmap's adjustments since a date, as far as the history tells: the state to compare with
 * and the commits after it.
 *
 * @param base the last commit on or before the date; empty when the history starts after it (or
 *     ends early, see {@code coverage})
 * @param from the state the changes are counted from: {@code base}, or else the oldest commit
 * @param after the commits after {@code from}, oldest first
 * @param coverage how far the history answers the question
 */
public record RoadmapSince(
    Optional<Snapshot<Roadmap>> base,
    Snapshot<Roadmap> from,
    List<Snapshot<Roadmap>> after,
    Coverage coverage) {

  public RoadmapSince {
    after = List.copyOf(after);
  }

  /**
   * The adjustments since {@code since}; empty without a readable roadmap history.
   *
   * @param question the question, for the coverage statement ("roadmap changes since …")
   */
  public static Optional<RoadmapSince> of(PlanHistory history, LocalDate since, String question) {
    List<Snapshot<Roadmap>> snapshots = history.roadmap();
    if (snapshots.isEmpty()) {
      return Optional.empty();
    }
    Optional<Snapshot<Roadmap>> base =
        snapshots.stream().filter(s -> !s.commit().date().isAfter(since)).reduce((a, b) -> b);
    int from = base.map(snapshots::indexOf).orElse(0);
    return Optional.of(
        new RoadmapSince(
            base,
            snapshots.get(from),
            snapshots.subList(from + 1, snapshots.size()),
            history.roadmapSince(since, question)));
  }

  /** True when the history ends early and misses some of the changes since the date. */
  public boolean partial() {
    return base.isEmpty() && coverage.extent() == Coverage.Extent.PARTIAL;
  }
}
