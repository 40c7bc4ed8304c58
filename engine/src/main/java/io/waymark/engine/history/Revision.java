package io.waymark.engine.history;

import io.waymark.engine.load.RepositorySource;
import java.util.List;
import java.util.Optional;

/**
 * A commit's tree, readable like a folder, without a checkout.
 *
 * @param folder where the roadmap folder was at that commit, relative to the work tree, when it was
 *     elsewhere than now (the folder was moved since); empty when it is the same folder
 * @param limitations what this revision cannot show of the roadmap folder, so that a comparison
 *     with it must not be trusted silently (a submodule inside the folder)
 */
public record Revision(
    Commit commit, RepositorySource source, Optional<String> folder, List<String> limitations) {

  public Revision {
    limitations = List.copyOf(limitations);
  }

  public Revision(Commit commit, RepositorySource source) {
    this(commit, source, Optional.empty(), List.of());
  }
}
