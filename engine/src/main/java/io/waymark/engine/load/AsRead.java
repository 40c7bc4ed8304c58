package io.waymark.engine.load;

import io.waymark.engine.model.Config;
import io.waymark.engine.model.DocumentModel;
import java.util.List;

/**
 * What a load does with each file as soon as it is read, before it reads on: a streaming load
 * judges the file on its own (the per-document rules) and keeps of its models only what the rest of
 * the run reads, so that a large repository's whole models are never all held at once
 * (docs/streaming.md).
 */
@FunctionalInterface
public interface AsRead {

  /**
   * Begun once the configuration in force is known, before any other file is read.
   *
   * @param large whether the repository has {@link Loader#LARGE_REPOSITORY} entries or more
   * @return what to do with each file; null to keep every file's models as read
   */
  Judge begin(Config config, boolean large);

  /**
   * Judges files as they are read, a few at a time (each run of files is judged as each of its
   * files alone would be: the judge's rules are per document); called from the load's threads at
   * once.
   */
  @FunctionalInterface
  interface Judge {

    /**
     * The models to keep of {@code files} (a load of those files alone: their documents, the models
     * of their valid ones in order, what could not be read of them; no problems), one for each of
     * their models, in the same order.
     */
    List<DocumentModel> judge(LoadResult files);
  }
}
