package io.waymark.engine.rules.history;

import io.waymark.engine.history.Commit;
import io.waymark.engine.history.FileVersion;
import io.waymark.engine.history.History;
import io.waymark.engine.history.Revision;
import io.waymark.engine.history.UnknownRevisionException;
import io.waymark.engine.load.RepositorySource;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory {@link History}: file versions added oldest first, as commits would make them, so
 * that history rules are tested without a repository.
 */
public final class FakeHistory implements History {

  private final Optional<String> limitation;
  private final Map<String, List<FileVersion>> versions = new HashMap<>();
  private final List<String> reads = new ArrayList<>();
  private int counter;
  private Revision head;
  private boolean closed;

  private FakeHistory(Optional<String> limitation) {
    this.limitation = limitation;
  }

  /** A complete history. */
  public static FakeHistory complete() {
    return new FakeHistory(Optional.empty());
  }

  /** A history that is there but incomplete, e.g. "shallow clone: …". */
  public static FakeHistory limited(String limitation) {
    return new FakeHistory(Optional.of(limitation));
  }

  /** A commit on {@code date} (noon UTC) with an id made from {@code shortId}. */
  public static Commit commit(String shortId, String date, int parents) {
    return new Commit(
        (shortId + "0000000000000000000000000000000000000000").substring(0, 40),
        LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC),
        "Alex Example",
        "change " + shortId,
        parents);
  }

  /** The file {@code path} as changed by a commit on {@code date}; returns that commit. */
  public Commit change(String path, String date, String text) {
    return change(path, path, date, text, 1);
  }

  /**
   * @param current the file's path now (what the engine asks for)
   * @param then the path it had in that commit (renames)
   */
  public Commit change(String current, String then, String date, String text, int parents) {
    counter++;
    Commit commit = commit(String.format("c%06d", counter), date, parents);
    versions
        .computeIfAbsent(current, k -> new ArrayList<>())
        .add(0, new FileVersion(commit, then, text.getBytes(StandardCharsets.UTF_8)));
    return commit;
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Optional<String> limitation() {
    return limitation;
  }

  @Override
  public List<FileVersion> versions(String path) {
    synchronized (reads) {
      reads.add(path); // rules ask from several threads
    }
    return List.copyOf(versions.getOrDefault(path, List.of()));
  }

  /** Every file whose versions were asked for, in the order asked, once per asking. */
  public List<String> reads() {
    synchronized (reads) {
      return List.copyOf(reads);
    }
  }

  /** With {@code HEAD} (and every other name) at {@code commit}, holding {@code files}. */
  public FakeHistory atHead(Commit commit, RepositorySource files) {
    head = new Revision(commit, files);
    return this;
  }

  /** True once closed. */
  public boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public Revision revision(String name) {
    if (head == null) {
      throw new UnknownRevisionException("no revisions in a fake history: " + name);
    }
    return head;
  }
}
