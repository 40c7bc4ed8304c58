package io.waymark.engine.gate;

import io.waymark.engine.Fixtures;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.LoadResult;
import io.waymark.engine.load.Loader;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Plan;
import io.waymark.engine.schema.BundledSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;

/** The typed plan of a roadmap folder (the example, or an edited copy), without any rule. */
final class ExamplePlan {

  private static final Loader LOADER = new Loader(new BundledSchemas());

  private ExamplePlan() {}

  static Plan load(Path root) {
    try {
      LoadResult load = LOADER.load(new FolderSource(root, "x"), Optional.empty());
      return Plan.of(load.config(), load.models());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + root, e);
    }
  }

  static Plan example() {
    return load(Fixtures.exampleRoadmap());
  }

  static Phase phase(Plan plan, String id) {
    return plan.roadmap().orElseThrow().phases().stream()
        .filter(p -> p.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no phase " + id));
  }
}
