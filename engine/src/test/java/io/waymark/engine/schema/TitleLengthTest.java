package io.waymark.engine.schema;

import static io.waymark.engine.FindingsAssert.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.LoadResult;
import io.waymark.engine.load.Loader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A title or name longer than 500 characters is a {@code schema} finding that says how long it is
 * and the limit: such a text heads sections and table rows of the reports (a hostile pull request's
 * title of 300,000 letters made a PDF of hundreds of pages). 500 characters are allowed.
 */
class TitleLengthTest {

  private static final Loader LOADER = new Loader(new BundledSchemas());

  @TempDir Path repo;

  /** file, text in the example, key, path. */
  static Stream<Arguments> shortFields() {
    return Stream.of(
        Arguments.of(
            "roadmap.yaml",
            "title: AI Infrastructure Modernisation 2027-2028",
            "title",
            "/metadata/title"),
        Arguments.of(
            "governance.yaml",
            "title: Purchase of 16 additional on-premises GPUs rejected",
            "title",
            "/spec/decisions/4/title"),
        Arguments.of(
            "metrics/executive-dashboard.yaml",
            "name: Cost per 1,000 inferences (all production models)",
            "name",
            "/spec/metrics/0/name"));
  }

  @ParameterizedTest(name = "{3} in {0}")
  @MethodSource("shortFields")
  void shouldReportATitleLongerThan500Characters(String file, String from, String key, String path)
      throws IOException {
    Fixtures.copyExample(repo);
    Fixtures.replaceOnce(repo.resolve(file), from, key + ": " + "x".repeat(80_000));

    LoadResult result = LOADER.load(new FolderSource(repo, "x"), Optional.empty());

    assertThat(result.problems())
        .containsRule("schema")
        .inFile(file)
        .withPath(path)
        .withMessageContaining(path + ": is 80,000 characters long, more than the 500 allowed")
        .hasCount(1);
  }

  @ParameterizedTest(name = "{3} in {0}")
  @MethodSource("shortFields")
  void shouldAcceptATitleOf500Characters(String file, String from, String key, String path)
      throws IOException {
    Fixtures.copyExample(repo);
    Fixtures.replaceOnce(repo.resolve(file), from, key + ": " + "é".repeat(500));

    LoadResult result = LOADER.load(new FolderSource(repo, "x"), Optional.empty());

    assertThat(result.problems()).doesNotContainRule("schema");
  }
}
