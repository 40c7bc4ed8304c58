package io.waymark.engine.rules.vendor;

import static io.waymark.engine.FindingsAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.Fixtures.Position;
import io.waymark.engine.finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Failing and passing fixtures for {@code vendor-references}. */
class VendorReferencesTest extends VendorFixture {

  @Test
  void shouldReportAGoWithFewerThanThreeReferences() {
    Path file = pipelines();
    Position key = Fixtures.positionOf(file, "references: 5");
    Fixtures.replaceOnce(file, "references: 5", "references: 2");

    assertThat(Fixtures.only("vendor-references").validate(repo))
        .containsRule("vendor-references")
        .inFile(PIPELINES)
        .at(key.line(), key.column() + "references: ".length())
        .withPath("/spec/vendors/0/references")
        .withSeverity(Severity.WARNING)
        .withMessageContaining("'v-streamforge' (go) has 2 customer references; at least 3")
        .withHintContaining("Check 1 more customer reference(s)")
        .hasCount(1);
  }

  @Test
  void shouldReportADiligenceWithFewerThanThreeReferences() {
    Path file = pipelines();
    Fixtures.replaceOnce(file, "references: 3", "references: 0");

    assertThat(Fixtures.only("vendor-references").validate(repo))
        .containsRule("vendor-references")
        .withPath("/spec/vendors/1/references")
        .withMessageContaining("(diligence) has 0 customer references")
        .hasCount(1);
  }

  @Test
  void shouldNotAskANoGoForReferences() {
    // DataLoom is a no-go with a single reference in the example.
    assertThat(Fixtures.only("vendor-references").validate(Fixtures.copyExample(repo)))
        .doesNotContainRule("vendor-references");
    assertThat(Fixtures.read(Fixtures.exampleRoadmap().resolve(PIPELINES)))
        .contains("references: 1");
  }
}
