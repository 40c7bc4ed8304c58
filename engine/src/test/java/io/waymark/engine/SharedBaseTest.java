package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.LoadCache;
import io.waymark.engine.load.LoadResult;
import io.waymark.engine.load.Loader;
import io.waymark.engine.load.Shared;
import io.waymark.engine.model.DocumentModel;
import io.waymark.engine.rules.RuleRegistry;
import io.waymark.engine.schema.BundledSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pull request's base takes the head's unchanged files as read (the same models) instead of
 * reading them again: the findings are exactly those of a base read whole, and every file whose
 * bytes are the head's is taken.
 */
class SharedBaseTest {

  @TempDir Path dir;

  private Path base;
  private Path head;

  @BeforeEach
  void pullRequest() throws IOException {
    base = Fixtures.copyExample(dir.resolve("base"));
    head = Fixtures.copyExample(dir.resolve("head"));
    // The change: an approved case edited, a gate opened, a milestone moved, a use case added,
    // a vendor evaluation removed; and the base holds a change of its own (a metric renamed).
    Fixtures.replaceOnce(
        head.resolve("business-cases/knowledge-layer.yaml"),
        "    - category: compute\n      annual: 30000\n",
        "    - category: compute\n      annual: 45000\n");
    Fixtures.replaceOnce(
        head.resolve("roadmap.yaml"),
        "        id: gate-build-foundations\n        status: pending\n",
        "        id: gate-build-foundations\n        status: passed\n        decidedOn: 2027-05-12\n");
    Fixtures.replaceOnce(head.resolve("roadmap.yaml"), "due: 2027-06-18", "due: 2027-07-02");
    Files.writeString(
        head.resolve("use-cases/copy.yaml"),
        Files.readString(head.resolve("use-cases/eta-prediction.yaml"))
            .replace("id: uc-eta-prediction", "id: uc-eta-prediction-copy"));
    Files.delete(head.resolve("vendors/gpu-cloud-capacity.yaml"));
    Fixtures.replaceOnce(
        base.resolve("metrics/executive-dashboard.yaml"),
        "name: Cost per 1,000 inferences",
        "name: Cost per thousand inferences");
  }

  private ValidationResult judge(Validator validator) throws IOException {
    return validator.validate(
        new FolderSource(head, "head"),
        ValidationOptions.defaults()
            .withAsOf(Fixtures.AS_OF)
            .withBase(new FolderSource(base, "base")));
  }

  @Test
  void shouldFindExactlyWhatABaseReadWholeFinds() throws IOException {
    Validator sharing = new Validator(RuleRegistry.discover());

    List<Finding> shared = judge(sharing).findings();
    List<Finding> whole = judge(sharing.readingTheBaseWhole()).findings();

    assertThat(shared).isEqualTo(whole);
    assertThat(shared)
        .extracting(Finding::rule)
        .contains("approved-case-edited", "gate-transition", "replan-unexplained");
  }

  @Test
  void shouldTakeEveryFileWhoseBytesAreTheHeadsAndReadTheOthers() throws IOException {
    Loader loader = new Loader(new BundledSchemas());
    Shared shared = new Shared();
    FolderSource first = new FolderSource(head, "head");
    loader.load(first, Optional.empty(), LoadCache.NONE, null, shared.keeping(first));

    LoadResult taken =
        loader.load(
            new FolderSource(base, "base"),
            Optional.empty(),
            LoadCache.NONE,
            null,
            shared.taking());
    LoadResult read = loader.load(new FolderSource(base, "base"), Optional.empty());

    assertThat(shared.taken()).isEqualTo(sameInBoth()).isGreaterThan(10);
    assertThat(taken.problems()).isEqualTo(read.problems());
    assertThat(taken.files()).isEqualTo(read.files());
    assertThat(ids(taken)).isEqualTo(ids(read));
  }

  /** The base's YAML files whose bytes the head holds under the same path. */
  private long sameInBoth() throws IOException {
    try (Stream<Path> files = Files.walk(base)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(
              p -> {
                Path other = head.resolve(base.relativize(p).toString());
                try {
                  return Files.exists(other)
                      && Arrays.equals(Files.readAllBytes(p), Files.readAllBytes(other));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .count();
    }
  }

  private static List<String> ids(LoadResult load) {
    return load.models().stream().map(DocumentModel::at).map(a -> a.location().toString()).toList();
  }
}
