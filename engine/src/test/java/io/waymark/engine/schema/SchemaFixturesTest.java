package io.waymark.engine.schema;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.waymark.engine.load.FolderSource;
import io.waymark.engine.load.LoadResult;
import io.waymark.engine.load.Loader;
import io.waymark.engine.model.Document;
import io.waymark.engine.yaml.YamlLimits;
import io.waymark.engine.yaml.YamlNode;
import io.waymark.engine.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data-driven schema tests over {@code schema-fixtures/}: every {@code valid/*.yaml} loads without
 * a finding; every {@code invalid/*.yaml} yields a {@code schema} finding at the line, column and
 * JSON Pointer that {@code invalid/expected.tsv} names, for the schema keyword it names.
 */
class SchemaFixturesTest {

  private static final BundledSchemas SCHEMAS = new BundledSchemas();
  private static final Loader LOADER = new Loader(SCHEMAS);

  /** One row of {@code expected.tsv}. */
  record Expected(String file, int line, int column, String pointer, String keyword) {

    @Override
    public String toString() {
      return file + " " + line + ":" + column + " " + pointer + " " + keyword;
    }
  }

  private static Path fixtures(String folder) {
    URL url = SchemaFixturesTest.class.getClassLoader().getResource("schema-fixtures/" + folder);
    assertThat(url).as("schema-fixtures/%s on the test class path", folder).isNotNull();
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad fixture URL " + url, e);
    }
  }

  private static List<String> yamlFiles(String folder) {
    try (Stream<Path> files = Files.list(fixtures(folder))) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> validFixtures() {
    return yamlFiles("valid");
  }

  static List<Expected> invalidFixtures() {
    try {
      return Files.readAllLines(fixtures("invalid").resolve("expected.tsv"), StandardCharsets.UTF_8)
          .stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#") && !l.startsWith("file\t"))
          .map(
              l -> {
                String[] c = l.split("\t", -1);
                return new Expected(
                    c[0], Integer.parseInt(c[1]), Integer.parseInt(c[2]), c[3], c[4].strip());
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads one fixture alone, as the only file of a repository. */
  private static LoadResult load(Path repo, String folder, String file) throws IOException {
    Files.copy(fixtures(folder).resolve(file), repo.resolve(file));
    return LOADER.load(new FolderSource(repo, "fixtures"), Optional.empty());
  }

  @Test
  void shouldHaveAnExpectationForEveryInvalidFixture() {
    assertThat(invalidFixtures())
        .extracting(Expected::file)
        .containsExactlyInAnyOrderElementsOf(yamlFiles("invalid"));
    assertThat(validFixtures()).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validFixtures")
  void shouldAcceptValidFixture(String file, @TempDir Path repo) throws IOException {
    LoadResult result = load(repo, "valid", file);

    // A Config fixture is loaded as a file of the folder, not as its waymark.yaml: config-ignored
    // says so, rightly; it is about where the file is, not about the schema.
    assertThat(result.problems().stream().filter(f -> !f.rule().equals("config-ignored")).toList())
        .isEmpty();
    assertThat(result.documents()).isNotEmpty().allSatisfy(d -> assertThat(d.valid()).isTrue());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFixtures")
  void shouldReportInvalidFixtureAtTheExpectedNode(Expected expected, @TempDir Path repo)
      throws IOException {
    LoadResult result = load(repo, "invalid", expected.file());

    assertThat(result.problems())
        .containsRule("schema")
        .inFile(expected.file())
        .withPath(expected.pointer())
        .at(expected.line(), expected.column());
    assertThat(result.problems())
        .doesNotContainRule("yaml-syntax")
        .doesNotContainRule("unknown-kind")
        .doesNotContainRule("not-waymark");
    assertThat(keywordsAt(repo, result.documents(), expected))
        .as("schema keywords reported at %s", expected.pointer())
        .contains(expected.keyword());
  }

  /**
   * The keywords networknt reports for the node the row names. A finding for an unknown property
   * points at the property's key, while the schema error sits on the object that holds it.
   */
  private static List<String> keywordsAt(Path repo, List<Document> documents, Expected expected) {
    String instance = expected.pointer();
    if (List.of("additionalProperties", "unevaluatedProperties").contains(expected.keyword())) {
      instance = instance.substring(0, instance.lastIndexOf('/'));
    }
    String at = instance;
    return documents.stream()
        .flatMap(d -> SCHEMAS.forKind(d.kind()).validate(JsonTree.of(yaml(repo, d))).stream())
        .filter(e -> pointer(e.getInstanceLocation()).equals(at))
        .map(Error::getKeyword)
        .toList();
  }

  /**
   * The YAML nodes of a document, read again from its file (the document keeps the model's view).
   */
  private static YamlNode yaml(Path repo, Document document) {
    try {
      byte[] bytes = Files.readAllBytes(repo.resolve(document.file()));
      return new YamlReader(YamlLimits.DEFAULT)
          .read(document.file(), bytes)
          .documents()
          .get(document.index())
          .root();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pointer(NodePath path) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      out.append('/').append(YamlNode.escape(String.valueOf(path.getElement(i))));
    }
    return out.toString();
  }
}
