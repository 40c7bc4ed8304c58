package io.waymark.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.load.YamlSource;
import io.waymark.engine.model.Document;
import io.waymark.engine.model.Kind;
import io.waymark.engine.yaml.YamlDocument;
import io.waymark.engine.yaml.YamlLimits;
import io.waymark.engine.yaml.YamlMap;
import io.waymark.engine.yaml.YamlNode;
import io.waymark.engine.yaml.YamlReader;
import io.waymark.engine.yaml.YamlScalar;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The schema check's quick path (the quick verdict, and the findings it words itself) against the
 * full validator alone, on any text: for {@link SchemaVerdictDifferentialTest} and the fuzz tests
 * outside this package.
 */
public final class QuickAndFull {

  static final BundledSchemas SCHEMAS = new BundledSchemas();
  private static final SchemaCheck QUICK = new SchemaCheck(SCHEMAS, true);
  private static final SchemaCheck FULL = new SchemaCheck(SCHEMAS, false);

  private QuickAndFull() {}

  /** The YAML documents of {@code bytes} (none when they do not read). */
  static List<YamlDocument> read(String file, byte[] bytes) {
    return new YamlReader(YamlLimits.DEFAULT).read(file, bytes).documents();
  }

  /** The kind a document names, if it names one. */
  static Optional<Kind> kind(YamlNode root) {
    return root instanceof YamlMap map
        ? map.get("kind")
            .filter(k -> k instanceof YamlScalar s && s.isString())
            .flatMap(k -> Kind.of((String) ((YamlScalar) k).value()))
        : Optional.empty();
  }

  /**
   * Asserts that every document of {@code bytes} of a known kind gets the same schema findings from
   * the quick path as from the full validator.
   */
  public static void agree(String file, byte[] bytes) {
    for (YamlDocument doc : read(file, bytes)) {
      kind(doc.root()).ifPresent(k -> agree(file, bytes, doc, k));
    }
  }

  static void agree(String file, byte[] bytes, YamlDocument doc, Kind kind) {
    YamlNode root = doc.root();
    Document document = new Document(file, doc.index(), kind, "", YamlSource.of(root), false);
    List<Finding> quick = QUICK.check(document, root);
    assertThat(quick)
        .as("%s:%n%s", file, new String(bytes, StandardCharsets.UTF_8))
        .isEqualTo(FULL.check(document, root));
  }
}
