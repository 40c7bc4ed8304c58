package io.waymark.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InvalidSchemaException;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SPEC §8: only the bundled schemas are ever loaded; a {@code $ref} to a URL or a file, and an
 * unknown {@code $schema}, are refused without any network or file access. Isolated: it writes
 * schemas into the test class-path folder, whose files are among the inputs a stored outcome is
 * recalled by (RecallTest, running beside it, would see its inputs change).
 */
@Isolated
class SchemaSafetyTest {

  private static final String TEST_PREFIX = "https://waymark.io/schema-test/";
  private static final String TEST_FOLDER = "io/waymark/schema-test/";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BundledSchemas schemas =
      new BundledSchemas(TEST_PREFIX, "classpath:" + TEST_FOLDER);

  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<Path> generated = new ArrayList<>();

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = "{\"type\": \"string\"}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/schema+json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stopServer() throws IOException {
    server.stop(0);
    for (Path p : generated) {
      Files.deleteIfExists(p);
    }
  }

  private int port() {
    return server.getAddress().getPort();
  }

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  /** Every exception in the cause chain, outermost first. */
  private static List<Throwable> causes(Throwable t) {
    List<Throwable> out = new ArrayList<>();
    for (Throwable c = t; c != null && !out.contains(c); c = c.getCause()) {
      out.add(c);
    }
    return out;
  }

  /** networknt refuses an unknown {@code $schema} itself, before any loader is asked. */
  private static void assertUnknownDialect(Throwable thrown, String location) {
    assertThat(causes(thrown))
        .as("cause chain of %s", thrown)
        .anySatisfy(
            c -> {
              assertThat(c).isInstanceOf(InvalidSchemaException.class);
              assertThat(c.getMessage())
                  .contains("Unknown dialect")
                  .contains(location)
                  .contains("Only dialects that are explicitly configured");
            });
  }

  private static void assertRefused(Throwable thrown, String location) {
    assertThat(causes(thrown))
        .as("cause chain of %s", thrown)
        .anySatisfy(
            c -> {
              // Refused either by networknt's allow-list (before any loader runs) or by
              // Waymark's own loader; in both cases nothing was read.
              assertThat(c)
                  .isInstanceOfAny(SchemaRefusedException.class, InvalidSchemaException.class);
              assertThat(c.getMessage()).containsAnyOf("refused", "not allowed").contains(location);
            });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "remote-ref.schema.json, http://127.0.0.1:9/evil.schema.json",
    "file-ref.schema.json, file:///etc/passwd",
    "escape-ref.schema.json, schema/v1/common.schema.json"
  })
  void shouldRefuseAReferenceOutsideTheBundledSchemas(String file, String refused) {
    assertThatThrownBy(() -> schemas.load(TEST_PREFIX + file).validate(json("{\"name\": \"x\"}")))
        .satisfies(e -> assertRefused(e, refused));
  }

  @Test
  void shouldRefuseAClassPathReferenceOutsideTheBundledFolder() {
    assertThatThrownBy(
            () ->
                schemas
                    .load(TEST_PREFIX + "classpath-ref.schema.json")
                    .validate(json("{\"name\": \"x\"}")))
        .satisfies(e -> assertRefused(e, "classpath:io/waymark/schema/common.schema.json"));
  }

  @Test
  void shouldRefuseAnUnknownMetaSchema() {
    assertThatThrownBy(
            () -> schemas.load(TEST_PREFIX + "unknown-dialect.schema.json").validate(json("{}")))
        .satisfies(e -> assertUnknownDialect(e, "http://127.0.0.1:9/meta/evil-dialect"));
  }

  @Test
  void shouldRefuseToLoadASchemaByUrlOrPath() {
    assertThatThrownBy(() -> schemas.load("http://127.0.0.1:" + port() + "/x.json"))
        .satisfies(e -> assertRefused(e, "http://127.0.0.1:" + port() + "/x.json"));
    assertThatThrownBy(() -> schemas.load("file:///etc/hostname"))
        .satisfies(e -> assertRefused(e, "file:///etc/hostname"));
    assertThat(requests).hasValue(0);
  }

  @Test
  void shouldFollowAReferenceToAnotherBundledSchema() {
    Schema schema = schemas.load(TEST_PREFIX + "local-ref.schema.json");

    assertThat(schema.validate(json("{\"name\": \"abc\"}"))).isEmpty();
    assertThat(schema.validate(json("{\"name\": \"ABC\"}")))
        .singleElement()
        .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("pattern"));
  }

  /**
   * The reference must point at the test's live server, so the schema is written at run time into
   * the test class-path folder (the only place the locked-down loader reads from).
   */
  private String generatedSchema(String name, String text) throws IOException, URISyntaxException {
    URL anchor = getClass().getClassLoader().getResource(TEST_FOLDER + "defs.schema.json");
    assertThat(anchor).as("test schema folder on the class path").isNotNull();
    assertThat(anchor.getProtocol()).isEqualTo("file");
    Path file = Path.of(anchor.toURI()).resolveSibling(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    generated.add(file);
    return TEST_PREFIX + name;
  }

  @Test
  void shouldNotContactTheServerNamedInARef() throws Exception {
    String ref = "http://127.0.0.1:" + port() + "/x.json";
    String location =
        generatedSchema(
            "generated-live-ref-" + port() + ".schema.json",
            """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "properties": { "name": { "$ref": "%s" } }
            }
            """
                .formatted(ref));

    assertThatThrownBy(() -> schemas.load(location).validate(json("{\"name\": \"x\"}")))
        .satisfies(e -> assertRefused(e, ref));
    assertThat(requests).hasValue(0);
  }

  @Test
  void shouldNotContactTheServerNamedAsMetaSchema() throws Exception {
    String meta = "http://127.0.0.1:" + port() + "/meta";
    String location =
        generatedSchema(
            "generated-live-meta-" + port() + ".schema.json",
            "{\"$schema\": \"" + meta + "\", \"type\": \"object\"}");

    assertThatThrownBy(() -> schemas.load(location).validate(json("{}")))
        .satisfies(e -> assertUnknownDialect(e, meta));
    assertThat(requests).hasValue(0);
  }

  /** Proves the request counter works: an unlocked validator does fetch the same reference. */
  @Test
  void shouldSeeAFetchFromAValidatorThatAllowsRemoteReferences() {
    String ref = "http://127.0.0.1:" + port() + "/x.json";
    SchemaRegistry open =
        SchemaRegistry.withDialect(
            Dialects.getDraft202012(), b -> b.schemaLoader(l -> l.fetchRemoteResources(true)));
    Schema schema =
        open.getSchema(
            "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\","
                + " \"properties\": {\"name\": {\"$ref\": \""
                + ref
                + "\"}}}");

    assertThat(schema.validate(json("{\"name\": 12}")))
        .singleElement()
        .satisfies(e -> assertThat(e.getKeyword()).isEqualTo("type"));
    assertThat(requests.get()).isPositive();
  }
}
