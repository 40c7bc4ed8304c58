package io.waymark.engine;

import io.waymark.engine.history.Commit;
import io.waymark.engine.history.History;
import io.waymark.engine.history.Revision;
import io.waymark.engine.history.UnknownRevisionException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a base revision is compared at: the merge-base of the head and the base (the default), or
 * the base's tip ({@code --tip}, or when the available history holds no common ancestor).
 *
 * @param name the revision as the user gave it
 * @param revision the commit compared with
 * @param tip the commit {@code name} resolves to
 * @param mergeBase true when {@code revision} is the merge-base
 * @param note what the user should know about the choice (empty when the base is simply the tip, an
 *     ancestor of the head)
 */
record BasePoint(
    String name, Revision revision, Commit tip, boolean mergeBase, Optional<String> note) {

  static BasePoint of(
      History history, String name, String option, String head, Path dir, boolean tipOnly)
      throws IOException {
    BasePoint point = choose(history, name, option, head, dir, tipOnly);
    Optional<String> moved = point.revision().folder();
    if (moved.isEmpty()) {
      return point;
    }
    String folder =
        option
            + " "
            + name
            + ": the roadmap folder was at '"
            + moved.get()
            + "' in "
            + point.revision().commit().shortId()
            + " (moved since): compared with that folder";
    return new BasePoint(
        name,
        point.revision(),
        point.tip(),
        point.mergeBase(),
        Optional.of(point.note().map(n -> n + "; " + folder).orElse(folder)));
  }

  private static BasePoint choose(
      History history, String name, String option, String head, Path dir, boolean tipOnly)
      throws IOException {
    Revision tip = Waymark.revision(history, name, option, dir);
    if (tipOnly) {
      return new BasePoint(name, tip, tip.commit(), false, Optional.empty());
    }
    Optional<Revision> mergeBase;
    try {
      mergeBase = history.mergeBase(name);
    } catch (UnknownRevisionException e) {
      throw new RequestException(option + " " + name + ": " + e.getMessage());
    }
    if (mergeBase.isEmpty()) {
      return new BasePoint(
          name,
          tip,
          tip.commit(),
          false,
          Optional.of(
              option
                  + " "
                  + name
                  + ": "
                  + head
                  + " and "
                  + name
                  + " have no common ancestor in the available history"
                  + history.limitation().map(l -> " (" + l + ")").orElse("")
                  + "; compared with the tip of "
                  + name
                  + " ("
                  + tip.commit().shortId()
                  + "), so changes made on "
                  + name
                  + " may be shown as the pull request's. Fetch the full history (`git fetch"
                  + " --unshallow`, `fetch-depth: 0`) to compare with the merge-base."));
    }
    Commit at = mergeBase.get().commit();
    if (at.id().equals(tip.commit().id())) {
      return new BasePoint(name, mergeBase.get(), tip.commit(), true, Optional.empty());
    }
    return new BasePoint(
        name,
        mergeBase.get(),
        tip.commit(),
        true,
        Optional.of(
            option
                + " "
                + name
                + ": compared with "
                + at.shortId()
                + " ("
                + at.date()
                + "), the merge-base of "
                + head
                + " and "
                + name
                + " (at "
                + tip.commit().shortId()
                + "); use --tip to compare with "
                + name
                + "'s tip"));
  }
}
