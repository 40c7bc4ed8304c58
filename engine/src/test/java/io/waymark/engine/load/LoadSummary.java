package io.waymark.engine.load;

import java.util.TreeMap;

/** What a load found, as one text two loads of the same files must give alike. */
final class LoadSummary {

  private LoadSummary() {}

  /** The files, problems, documents (file, id, validity), model count and inline ignores. */
  static String of(LoadResult r) {
    return r.files()
        + "\n"
        + r.problems()
        + "\n"
        + r.documents().stream().map(d -> d.file() + " " + d.id() + " " + d.valid()).toList()
        + "\n"
        + r.models().size()
        + "\n"
        + new TreeMap<>(r.ignores());
  }
}
