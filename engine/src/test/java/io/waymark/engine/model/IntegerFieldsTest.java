package io.waymark.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.load.YamlSource;
import io.waymark.engine.yaml.YamlLimits;
import io.waymark.engine.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model never wraps an integer, even one the schema did not stop. */
class IntegerFieldsTest {

  private static Roadmap read(String horizon, String months, List<ModelProblem> problems) {
    String yaml =
        """
        apiVersion: waymark/v1
        kind: Roadmap
        metadata: {id: plan, title: Plan}
        spec:
          start: 2027-01-04
          horizonMonths: %s
          phases:
            - id: p1
              name: One
              months: %s
              status: planned
        """
            .formatted(horizon, months);
    YamlReader.Result parsed =
        new YamlReader(YamlLimits.DEFAULT)
            .read("roadmap.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    Document d =
        new Document(
            "roadmap.yaml",
            0,
            Kind.ROADMAP,
            "plan",
            YamlSource.of(parsed.documents().get(0).root()),
            true);
    return (Roadmap) d.read(problems);
  }

  @Test
  void shouldReportAnIntegerBeyondIntInsteadOfWrappingIt() {
    List<ModelProblem> problems = new ArrayList<>();

    Roadmap roadmap = read("4294967314", "[4294967297, 2]", problems);

    assertThat(roadmap.horizonMonths()).isZero();
    assertThat(roadmap.phases().get(0).firstMonth()).isZero();
    assertThat(problems)
        .extracting(ModelProblem::message)
        .containsExactlyInAnyOrder(
            "/spec/horizonMonths: 4294967314 is not a whole number Waymark can use",
            "/spec/phases/0/months/0: 4294967297 is not a whole number Waymark can use");
    assertThat(problems.get(0).location().path()).isEqualTo("/spec/horizonMonths");
  }

  @Test
  void shouldReadIntegersInRangeExactly() {
    List<ModelProblem> problems = new ArrayList<>();

    Roadmap roadmap = read("2147483647", "[1, 120]", problems);

    assertThat(problems).isEmpty();
    assertThat(roadmap.horizonMonths()).isEqualTo(Integer.MAX_VALUE);
    assertThat(roadmap.phases().get(0).lastMonth()).isEqualTo(120);
  }
}
