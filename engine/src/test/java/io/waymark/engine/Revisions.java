package io.waymark.engine;

import io.waymark.engine.history.Commit;
import io.waymark.engine.history.FileVersion;
import io.waymark.engine.history.History;
import io.waymark.engine.history.Revision;
import io.waymark.engine.history.UnknownRevisionException;
import io.waymark.engine.load.RepositorySource;
import io.waymark.engine.rules.history.FakeHistory;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A repository of named revisions, each a folder, for the facade's tests (no Git): each revision is
 * found by its name and by its commit's id; counts the file-history reads.
 */
class Revisions implements History {
  final Map<String, Revision> revisions = new HashMap<>();
  final Map<String, List<FileVersion>> versions = new HashMap<>();
  final AtomicInteger reads = new AtomicInteger();
  Optional<Revision> mergeBase = Optional.empty();
  volatile boolean closed;

  /**
   * A revision named {@code name} at a commit of {@code date} (as the history rules' fake makes).
   */
  Commit add(String name, String shortId, String date, RepositorySource source) {
    Commit commit = FakeHistory.commit(shortId, date, 1);
    revisions.put(name, new Revision(commit, source));
    revisions.put(commit.id(), new Revision(commit, source));
    return commit;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Optional<String> limitation() {
    return Optional.empty();
  }

  @Override
  public List<FileVersion> versions(String path) {
    reads.incrementAndGet();
    return versions.getOrDefault(path, List.of());
  }

  @Override
  public Revision revision(String name) {
    Revision r = revisions.get(name);
    if (r == null) {
      throw new UnknownRevisionException("unknown revision '" + name + "'");
    }
    return r;
  }

  @Override
  public Optional<Revision> mergeBase(String name) {
    revision(name);
    return mergeBase;
  }

  @Override
  public Optional<Commit> lastCommitOnOrBefore(LocalDate day) {
    return revisions.values().stream()
        .map(Revision::commit)
        .filter(c -> !c.date().isAfter(day))
        .max(java.util.Comparator.comparing(Commit::date));
  }

  @Override
  public void close() {
    closed = true;
  }
}
