package io.waymark.engine.load;

import static io.waymark.engine.Fixtures.age;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.finding.Location;
import io.waymark.engine.model.UseCase;
import io.waymark.engine.schema.BundledSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large repository's load forgets where each valid document's values are written once its model
 * is read, and lays a document out again from its file when a finding asks: the positions given are
 * the ones a small repository's load keeps, a file changed since the load points at its document's
 * start, and only the documents asked for are read again.
 */
class ForgottenPositionsTest {

  private static final BundledSchemas SCHEMAS = new BundledSchemas();

  /** Line 7 column 11 is the value of spec.status; the document starts at line 2. */
  private static final String USE_CASE =
      """
      # yaml-language-server: $schema=../schema/use-case.schema.json
      apiVersion: waymark/v1
      kind: UseCase
      metadata:
        id: uc-ID
        title: Use case ID
      spec:
        status: pilot
        businessOutcome: Fewer support calls about late deliveries.
      """;

  private static final Location STATUS = new Location("use-cases/uc-7.yaml", 8, 11, "/spec/status");

  @TempDir Path repo;

  /** {@code count} use cases, uc-0 to uc-(count - 1). */
  private void useCases(int count) {
    for (int i = 0; i < count; i++) {
      Fixtures.write(repo, "use-cases/uc-" + i + ".yaml", USE_CASE.replace("ID", "" + i));
    }
    age(repo);
  }

  private static UseCase useCase(LoadResult load, String id) {
    return load.models().stream()
        .filter(m -> m instanceof UseCase u && u.metadata().id().equals(id))
        .map(UseCase.class::cast)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void shouldReadAgainOnlyTheDocumentAFindingPointsIntoInALargeRepository() throws IOException {
    useCases(Loader.LARGE_REPOSITORY);
    CountingSource source = new CountingSource(repo);
    LoadResult load = new Loader(SCHEMAS).load(source, Optional.empty());
    assertThat(source.reads).hasValue(Loader.LARGE_REPOSITORY);

    UseCase u = useCase(load, "uc-7");
    assertThat(u.at().location("spec/status")).isEqualTo(STATUS);
    assertThat(source.reads).as("the one document laid out again").hasValue(501);
    assertThat(u.at().location("spec/businessOutcome").line()).isEqualTo(9);
    assertThat(u.at().keyLocation("metadata").line()).isEqualTo(4);
    assertThat(source.reads).as("and only once").hasValue(501);
  }

  @Test
  void shouldKeepThePositionsOfASmallRepository() throws IOException {
    useCases(8);
    CountingSource source = new CountingSource(repo);
    LoadResult load = new Loader(SCHEMAS).load(source, Optional.empty());

    assertThat(useCase(load, "uc-7").at().location("spec/status")).isEqualTo(STATUS);
    assertThat(source.reads).hasValue(8);
  }

  @Test
  void shouldGiveThePositionsOfTheOrdinaryLoadWhenForgettingAlways() throws IOException {
    useCases(8);
    CountingSource source = new CountingSource(repo);
    LoadResult load = Loader.forgettingPositions(SCHEMAS).load(source, Optional.empty());

    assertThat(useCase(load, "uc-7").at().location("spec/status")).isEqualTo(STATUS);
    assertThat(source.reads).hasValue(9);
  }

  @Test
  void shouldPointAtTheDocumentStartWhenTheFileChangedAfterTheLoad() throws IOException {
    useCases(8);
    LoadResult load =
        Loader.forgettingPositions(SCHEMAS).load(new FolderSource(repo, "x"), Optional.empty());
    Path file = repo.resolve("use-cases/uc-7.yaml");
    // As long as it was: only the content tells.
    Files.writeString(file, Files.readString(file).replace("# yaml-", "#\n#yaml"));

    assertThat(useCase(load, "uc-7").at().location("spec/status"))
        .isEqualTo(new Location("use-cases/uc-7.yaml", 2, 1, "/spec/status"));
  }

  @Test
  void shouldPointAtTheDocumentStartWhenTheFileIsGone() throws IOException {
    useCases(8);
    LoadResult load =
        Loader.forgettingPositions(SCHEMAS).load(new FolderSource(repo, "x"), Optional.empty());
    Files.delete(repo.resolve("use-cases/uc-7.yaml"));

    assertThat(useCase(load, "uc-7").at().location("spec/status"))
        .isEqualTo(new Location("use-cases/uc-7.yaml", 2, 1, "/spec/status"));
  }

  @Test
  void shouldLayOutAgainADocumentTakenFromTheCache() throws IOException {
    useCases(8);
    FolderCache cache = new FolderCache(repo.resolveSibling(repo.getFileName() + "-cache"));
    Loader loader = Loader.forgettingPositions(SCHEMAS);
    loader.load(new CountingSource(repo), Optional.empty(), cache);
    CountingSource warm = new CountingSource(repo);
    LoadResult load = loader.load(warm, Optional.empty(), cache);
    assertThat(warm.reads).as("every file taken from the cache").hasValue(0);

    assertThat(useCase(load, "uc-7").at().location("spec/status")).isEqualTo(STATUS);
    assertThat(warm.reads).hasValue(1);
  }

  @Test
  void shouldNotTakeTheLayoutOfAFileChangedAfterALoadFromTheCache() throws IOException {
    useCases(8);
    FolderCache cache = new FolderCache(repo.resolveSibling(repo.getFileName() + "-cache"));
    Loader loader = Loader.forgettingPositions(SCHEMAS);
    loader.load(new FolderSource(repo, "x"), Optional.empty(), cache);
    LoadResult load = loader.load(new FolderSource(repo, "x"), Optional.empty(), cache);
    Path file = repo.resolve("use-cases/uc-7.yaml");
    Files.writeString(file, Files.readString(file).replace("# yaml-", "#\n#yaml"));

    assertThat(useCase(load, "uc-7").at().location("spec/status"))
        .isEqualTo(new Location("use-cases/uc-7.yaml", 2, 1, "/spec/status"));
  }
}
