package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.finding.Location;
import io.waymark.engine.model.Anchor;
import io.waymark.engine.model.Config;
import io.waymark.engine.model.SourceNode;
import io.waymark.engine.model.SourceNode.Shape;
import io.waymark.engine.yaml.YamlLimits;
import io.waymark.engine.yaml.YamlReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The YAML reader's nodes seen through the model's port: same values, same positions. */
class YamlSourceTest {

  private static final String YAML =
      """
      kind: Roadmap
      spec:
        phases:
          - id: p1
            months: [1, 2]
            done: true
            note: ~
      """;

  private static SourceNode root() {
    return YamlSource.of(
        new YamlReader(YamlLimits.DEFAULT)
            .read("roadmap.yaml", YAML.getBytes(StandardCharsets.UTF_8))
            .documents()
            .get(0)
            .root());
  }

  @Test
  void shouldShowMappingsSequencesAndScalarsWithTheirResolvedValues() {
    SourceNode spec = root().get("spec").orElseThrow();
    SourceNode phase = spec.get("phases").orElseThrow().items().get(0);

    assertThat(root().shape()).isEqualTo(Shape.MAPPING);
    assertThat(root().keys()).containsExactly("kind", "spec");
    assertThat(spec.get("phases").orElseThrow().shape()).isEqualTo(Shape.SEQUENCE);
    assertThat(phase.get("id").orElseThrow().value()).isEqualTo("p1");
    assertThat(phase.get("months").orElseThrow().items())
        .extracting(SourceNode::value)
        .containsExactly(BigDecimal.ONE, BigDecimal.valueOf(2));
    assertThat(phase.get("done").orElseThrow().value()).isEqualTo(Boolean.TRUE);
    assertThat(phase.get("note").orElseThrow().shape()).isEqualTo(Shape.SCALAR);
    assertThat(phase.get("note").orElseThrow().value()).isNull();
    assertThat(spec.value()).as("a mapping has no scalar value").isNull();
    assertThat(phase.get("id").orElseThrow().keys()).isEmpty();
    assertThat(phase.get("id").orElseThrow().items()).isEmpty();
    assertThat(phase.get("missing")).isEmpty();
  }

  @Test
  void shouldGiveAnchorsTheExactPositionOfAFieldAndOfAKey() {
    Anchor anchor = new Anchor("roadmap.yaml", "", root());

    assertThat(anchor.location("spec/phases/0/months/1"))
        .isEqualTo(new Location("roadmap.yaml", 5, 19, "/spec/phases/0/months/1"));
    assertThat(anchor.location("spec/phases/0/nothing"))
        .as("the nearest existing ancestor")
        .isEqualTo(new Location("roadmap.yaml", 4, 7, "/spec/phases/0"));
    assertThat(anchor.location("spec/phases/7"))
        .isEqualTo(new Location("roadmap.yaml", 4, 5, "/spec/phases"));
    assertThat(anchor.keyLocation("spec")).isEqualTo(new Location("roadmap.yaml", 2, 1, "/spec"));
    assertThat(anchor.keyLocation("absent")).isEqualTo(new Location("roadmap.yaml", 1, 1, ""));
  }

  @Test
  void shouldHandTheYamlReaderTheDefaultLimitsTheModelDeclares() {
    assertThat(Loader.yamlLimits(Config.Limits.DEFAULT)).isEqualTo(YamlLimits.DEFAULT);
    assertThat(Loader.yamlLimits(new Config.Limits(1, 2, 3, 4, 5)))
        .isEqualTo(new YamlLimits(1, 2, 3, 4, 5));
  }
}
