package io.waymark.engine.rules.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.ValidationOptions;
import io.waymark.engine.ValidationResult;
import io.waymark.engine.finding.Finding;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.RepositorySource;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that cannot be read (permission denied: {@code chmod 000} as a user other than root) may
 * declare the ids the plan refers to. References to them said "does not name any UseCase in this
 * repository", as if the id were a typo, while a file with a YAML syntax error is named as what may
 * hold it. Root cannot make a file unreadable, so the source refuses to read it, as the file system
 * does.
 */
class NotReadFileReferencesTest {

  private static final String FILE = "use-cases/eta-prediction.yaml";

  @TempDir Path repo;

  @Test
  void shouldSayAnUnknownIdMayBeDeclaredInTheFileThatCouldNotBeRead() throws IOException {
    Fixtures.copyExample(repo);
    RepositorySource source = new Refusing(new FolderSource(repo, "x"), FILE);

    ValidationResult result =
        Fixtures.only("ref-unresolved")
            .validate(source, ValidationOptions.defaults().withAsOf(Fixtures.AS_OF));

    List<Finding> unresolved =
        result.findings().stream().filter(f -> f.rule().equals("ref-unresolved")).toList();
    assertThat(unresolved).isNotEmpty();
    assertThat(unresolved)
        .allSatisfy(
            f -> {
              assertThat(f.message())
                  .startsWith("'uc-eta-prediction' does not name any UseCase")
                  .endsWith(
                      "it may be declared in "
                          + FILE
                          + ", which could not be read, see the file-skipped finding in "
                          + FILE);
              assertThat(f.hint())
                  .startsWith("Make " + FILE + " readable for the user that runs Waymark")
                  .endsWith("fix the id, or add the UseCase it refers to.");
            });
    assertThat(result.findings())
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo("file-skipped");
              assertThat(f.location().file()).isEqualTo(FILE);
              assertThat(f.message()).contains("permission denied");
            });
  }

  @Test
  void shouldKeepThePlainMessageWhenEveryFileWasRead() {
    Path copy = Fixtures.copyExample(repo);
    Fixtures.replaceOnce(
        copy.resolve("roadmap.yaml"),
        "useCases: [uc-eta-prediction]",
        "useCases: [uc-eta-predictions]");

    assertThat(Fixtures.only("ref-unresolved").validate(copy).findings())
        .filteredOn(f -> f.rule().equals("ref-unresolved"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message())
                  .isEqualTo("'uc-eta-predictions' does not name any UseCase in this repository");
              assertThat(f.hint()).startsWith("Did you mean 'uc-eta-prediction'? Fix the id");
            });
  }

  /**
   * The rules that name a missing business case, decision or metric say where it may still be, as
   * ref-unresolved does: a business case and the Metrics document that could not be read.
   */
  @Test
  void shouldSayWhatIsMissingMayBeInTheFilesThatCouldNotBeRead() throws IOException {
    Fixtures.copyExample(repo);
    String bc = "business-cases/data-foundations.yaml";
    String metrics = "metrics/executive-dashboard.yaml";
    RepositorySource source = new Refusing(new Refusing(new FolderSource(repo, "x"), bc), metrics);

    ValidationResult result =
        Fixtures.only(
                "pitfall-no-review",
                "use-case-unmeasured",
                "pitfall-inference-economics",
                "agentic-not-ready")
            .validate(source, ValidationOptions.defaults().withAsOf(Fixtures.AS_OF));

    String unread = bc + " (and 1 more file), which could not be read";
    for (String rule :
        List.of(
            "pitfall-no-review",
            "use-case-unmeasured",
            "pitfall-inference-economics",
            "agentic-not-ready")) {
      assertThat(result.findings())
          .as(rule)
          .filteredOn(f -> f.rule().equals(rule))
          .isNotEmpty()
          .allSatisfy(f -> assertThat(f.message()).contains(unread));
    }
    assertThat(result.findings())
        .filteredOn(f -> f.rule().equals("pitfall-no-review"))
        .anySatisfy(
            f ->
                assertThat(f.message())
                    .contains(
                        "its business case 'bc-data-foundations' does not exist (it may be"
                            + " declared in "
                            + unread));
    assertThat(result.findings())
        .filteredOn(f -> f.rule().equals("agentic-not-ready"))
        .anySatisfy(
            f -> assertThat(f.message()).contains("a Metrics document may be in " + unread));
  }

  /** A folder whose one file the user that runs Waymark may not read. */
  private record Refusing(RepositorySource folder, String refused) implements RepositorySource {

    @Override
    public String label() {
      return folder.label();
    }

    @Override
    public List<Entry> list() throws IOException {
      return folder.list();
    }

    @Override
    public byte[] read(String path) throws IOException {
      if (path.equals(refused)) {
        throw new AccessDeniedException(path);
      }
      return folder.read(path);
    }
  }
}
