package io.waymark.engine.rules.core;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code roadmap-missing}. */
class RoadmapMissingTest extends CoreFixture {

  @Test
  void shouldReportARepositoryWithoutRoadmap() throws IOException {
    Files.delete(example().resolve(ROADMAP));

    assertThat(Fixtures.only("roadmap-missing").validate(repo))
        .containsRule("roadmap-missing")
        .inFile(".")
        .withMessageContaining("no Roadmap document in the folder")
        .withSeverity(Severity.ERROR)
        .hasCount(1);
  }

  @Test
  void shouldReportASecondRoadmapAtItsKind() throws IOException {
    example();
    Files.copy(repo.resolve(ROADMAP), repo.resolve("z-roadmap.yaml"));
    Position kind = Fixtures.positionOf(repo.resolve(ROADMAP), "kind: Roadmap");

    assertThat(Fixtures.only("roadmap-missing").validate(repo))
        .containsRule("roadmap-missing")
        .inFile("z-roadmap.yaml")
        .at(kind.line(), kind.column() + 6)
        .withPath("/kind")
        .withMessageContaining("second Roadmap")
        .hasCount(1);
  }

  @Test
  void shouldAcceptARoadmapUnderAnotherFileName() throws IOException {
    example();
    Files.move(repo.resolve(ROADMAP), repo.resolve("plan-2027.yml"));

    assertThat(Fixtures.only("roadmap-missing").validate(repo))
        .doesNotContainRule("roadmap-missing");
  }
}
