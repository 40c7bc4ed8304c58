package io.waymark.engine.load;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.schema.BundledSchemas;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a cache, a document that needs the full schema validator before it is loaded is put aside
 * and read again after the others (on a large repository the validator is loaded on another thread
 * meanwhile): the result is exactly that of a load that waits for the validator (a load with a
 * cache, which never puts anything aside), with every document kept once.
 */
class LoaderPutAsideTest {

  @TempDir Path dir;

  /** Everything a load gives that a rule or the cache reads, as text. */
  private static String summary(LoadResult r) {
    return r.files()
        + "\n"
        + r.problems()
        + "\n"
        + r.documents().stream()
            .map(d -> d.file() + " " + d.index() + " " + d.kind() + " " + d.id() + " " + d.valid())
            .toList()
        + "\n"
        + r.models().stream()
            .map(m -> m.getClass().getSimpleName() + " " + m.at().location())
            .toList()
        + "\n"
        + new java.util.TreeMap<>(r.ignores());
  }

  /**
   * The example with {@code copies} use cases added, one in three with a status the schema refuses
   * that only the full validator words (a number where one of a list of texts goes), one in three
   * with one the quick verdict words itself (a text not in the list), and a phase of the roadmap
   * with a number for its status (its document then keeps a partial model).
   */
  private Path repository(int copies) {
    Path repo = Fixtures.copyExample(dir.resolve("repo"));
    Fixtures.replaceOnce(
        repo.resolve("roadmap.yaml"),
        "months: [1, 3]\n      status: done",
        "months: [1, 3]\n      status: 7");
    String useCase =
        Fixtures.read(repo.resolve("use-cases/customer-email-triage.yaml"))
            .replace("id: uc-", "id: uc-copy-N-");
    for (int i = 0; i < copies; i++) {
      String text = useCase.replace("-N-", "-" + i + "-");
      if (i % 3 == 1) {
        text = text.replaceFirst("status: [a-z-]+", "status: 7");
      } else if (i % 3 == 2) {
        text = text.replaceFirst("status: [a-z-]+", "status: someday");
      }
      Fixtures.write(repo, "use-cases/copies/uc-" + i + ".yaml", text);
    }
    return repo;
  }

  private static LoadResult load(RepositorySource source, LoadCache cache) throws IOException {
    return new Loader(new BundledSchemas()).load(source, Optional.empty(), cache);
  }

  @Test
  void shouldReadEveryDocumentThatNeedsTheFullValidatorAgainAndGiveTheSameResult()
      throws IOException {
    Path repo = repository(30);
    CountingSource put = new CountingSource(repo);

    LoadResult putAside = load(put, LoadCache.NONE);
    CountingSource waited = new CountingSource(repo);
    LoadResult patient = load(waited, new FolderCache(dir.resolve("cache")));

    assertThat(summary(putAside)).isEqualTo(summary(patient));
    // The first document that needs the full validator starts loading it on another thread and is
    // put aside: it, and each later one checked before the validator is loaded (of the 10 copies
    // with a status only it words and the roadmap), was read twice; the others once, as the
    // patient load did, the 10 copies whose status the quick verdict words too.
    assertThat(put.reads.get()).isBetween(waited.reads.get() + 1, waited.reads.get() + 11);
    for (int i = 0; i < 30; i++) {
      if (i % 3 != 0) {
        assertThat(putAside.problems())
            .containsRule("schema")
            .inFile("use-cases/copies/uc-" + i + ".yaml")
            .withPath("/spec/status");
      }
    }
    assertThat(putAside.problems()).containsRule("schema").inFile("roadmap.yaml");
    assertThat(putAside.models())
        .as("the roadmap's partial model is kept")
        .anyMatch(m -> m instanceof io.waymark.engine.model.Roadmap);
    assertThat(putAside.files()).hasSize(patient.files().size()).doesNotHaveDuplicates();
  }

  @Test
  void shouldGiveTheSameResultOnALargeRepositoryWhoseValidatorIsLoadedMeanwhile()
      throws IOException {
    Path repo = repository(Loader.LARGE_REPOSITORY);

    LoadResult putAside = load(new CountingSource(repo), LoadCache.NONE);
    LoadResult patient = load(new CountingSource(repo), new FolderCache(dir.resolve("cache")));

    assertThat(summary(putAside)).isEqualTo(summary(patient));
    assertThat(putAside.problems().stream().filter(f -> f.rule().equals("schema")).count())
        .isGreaterThan(2 * Loader.LARGE_REPOSITORY / 3);
  }
}
