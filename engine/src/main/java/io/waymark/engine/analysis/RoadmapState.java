package io.waymark.engine.analysis;

import io.waymark.engine.history.Commit;
import io.waymark.engine.model.Roadmap;
import java.util.Optional;

/**
 * The roadmap as it was at one commit, or as it is now ({@code commit} empty: the plan being
 * validated, which may hold changes that are not committed yet).
 */
public record RoadmapState(Optional<Commit> commit, Roadmap roadmap) {

  /** Where a change happened, for messages: "a1b2c3d (2027-02-10)" or "the working tree". */
  public String where() {
    return commit.map(c -> c.shortId() + " (" + c.date() + ")").orElse("the working tree");
  }
}
