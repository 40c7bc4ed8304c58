package io.waymark.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.waymark.engine.model.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** SPEC §8: the bundled schemas are checked against the draft 2020-12 meta-schema. */
class BundledSchemasMetaTest {

  private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The meta-schema ships inside networknt; remote fetching stays off so nothing is downloaded. */
  private static final Schema META =
      SchemaRegistry.withDialect(
              Dialects.getDraft202012(), b -> b.schemaLoader(l -> l.fetchRemoteResources(false)))
          .getSchema(SchemaLocation.of(DRAFT_2020_12));

  private static final BundledSchemas SCHEMAS = new BundledSchemas();

  static Stream<String> files() {
    return BundledSchemas.FILES.stream();
  }

  private static JsonNode bundled(String file) {
    String text =
        BundledSchemas.text(file).orElseThrow(() -> new AssertionError("not bundled: " + file));
    return JSON.readTree(text);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void shouldBeValidAgainstTheDraft202012MetaSchema(String file) {
    JsonNode schema = bundled(file);

    List<Error> errors = META.validate(schema);

    assertThat(errors).as("meta-schema errors of %s", file).isEmpty();
    assertThat(schema.get("$schema").asString()).isEqualTo(DRAFT_2020_12);
    assertThat(schema.get("$id").asString()).isEqualTo(BundledSchemas.ID_PREFIX + file);
  }

  @Test
  void shouldRejectASchemaThatBreaksTheMetaSchema() {
    JsonNode broken =
        JSON.readTree(
            "{\"$schema\": \"" + DRAFT_2020_12 + "\", \"type\": \"objekt\", \"required\": \"id\"}");

    assertThat(META.validate(broken)).extracting(Error::getKeyword).isNotEmpty();
  }

  @Test
  void shouldBundleEverySchemaOfTheSchemaFolder() throws IOException {
    Path folder = Path.of(System.getProperty("basedir", "."), "..", "schema");
    List<String> onDisk;
    try (Stream<Path> list = Files.list(folder)) {
      onDisk =
          list.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".schema.json"))
              .toList();
    }

    assertThat(BundledSchemas.FILES).containsExactlyInAnyOrderElementsOf(onDisk);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kind.class)
  void shouldLoadTheSchemaOfEveryKind(Kind kind) {
    Schema schema = SCHEMAS.forKind(kind);

    assertThat(schema).isSameAs(SCHEMAS.forKind(kind));
    // An empty document resolves the references to common.schema.json and misses the envelope.
    List<Error> errors = schema.validate(JSON.readTree("{}"));
    assertThat(errors)
        .filteredOn(e -> "required".equals(e.getKeyword()))
        .extracting(Error::getProperty)
        .contains("apiVersion", "kind", "metadata");
    List<Error> wrongKind =
        schema.validate(
            JSON.readTree(
                "{\"apiVersion\": \"waymark/v1\", \"kind\": \"Nope\", \"metadata\": {\"id\": \"x\"}}"));
    assertThat(wrongKind).extracting(Error::getKeyword).isNotEmpty();
  }
}
