package io.waymark.cli.lsp;

import io.waymark.engine.EditSession;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.fix.FixPlan;
import io.waymark.engine.model.IdIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * One roadmap repository with files open in the editor: its edit session and the last judgement
 * (findings and the ids its documents declare), which hover, completion and definition read.
 */
final class OpenRepository implements AutoCloseable {

  /**
   * A judgement of the repository with the buffers as they were.
   *
   * @param texts the open buffers' texts judged, by path relative to the root
   */
  record Judged(ValidationResult result, IdIndex ids, Map<String, String> texts) {

    /** The mechanical fixes of the findings in the open buffers, planned on the texts judged. */
    FixPlan fixes() {
      return result.fixes(file -> Optional.ofNullable(texts.get(file)));
    }
  }

  private final EditSession session;
  private volatile Judged last;
  private ScheduledFuture<?> pending;

  OpenRepository(EditSession session) {
    this.session = session;
  }

  Path root() {
    return session.root();
  }

  /** Judges the repository with {@code buffers} over the files on disk; keeps the result. */
  Judged judge(Map<String, String> buffers) throws IOException {
    ValidationResult result = session.validate(buffers);
    Judged judged = new Judged(result, EditSession.ids(result), Map.copyOf(buffers));
    last = judged;
    return judged;
  }

  Optional<Judged> last() {
    return Optional.ofNullable(last);
  }

  /** Replaces the scheduled judgement (the debounce): the one before is cancelled. */
  synchronized void schedule(ScheduledFuture<?> next) {
    if (pending != null) {
      pending.cancel(false);
    }
    pending = next;
  }

  /** The path of {@code file} relative to the root, with {@code /}; empty when outside it. */
  Optional<String> relative(Path file) {
    Path root = root();
    Path absolute = file.toAbsolutePath().normalize();
    if (!absolute.startsWith(root)) {
      try {
        absolute = absolute.getParent().toRealPath().resolve(absolute.getFileName());
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }
    if (!absolute.startsWith(root)) {
      return Optional.empty();
    }
    return Optional.of(root.relativize(absolute).toString().replace('\\', '/'));
  }

  @Override
  public void close() {
    synchronized (this) {
      if (pending != null) {
        pending.cancel(false);
      }
    }
    session.close();
  }
}
