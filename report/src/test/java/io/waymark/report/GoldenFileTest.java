package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reports of {@code example-roadmap/} byte for byte against the golden files in {@code
 * src/test/resources/golden/}. After an intended change, rewrite them with {@code mvn test -pl
 * engine,report -Dtest=GoldenFileTest -Dwaymark.updateGolden=true} and review the diff. Isolated:
 * one test renders under another default locale and time zone, which are the whole JVM's.
 */
@Isolated
class GoldenFileTest {

  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

  private static RenderedReport report;

  @BeforeAll
  static void render() {
    report = Reports.render(ReportInput.of(Examples.example()).withPdf(false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"qbr-2027-Q2.md", "qbr-2027-Q2.html", "dashboard.html"})
  void shouldMatchTheGoldenFile(String name) throws IOException {
    byte[] actual = report.files().get(name);
    Path golden = GOLDEN.resolve(name);
    if (Boolean.getBoolean("waymark.updateGolden")) {
      Files.createDirectories(GOLDEN);
      Files.write(golden, actual);
    }
    assertThat(golden)
        .as("golden file %s (create it with -Dwaymark.updateGolden=true)", golden)
        .exists();
    assertThat(new String(actual, StandardCharsets.UTF_8))
        .as(
            "%s differs from %s; after an intended change run with -Dwaymark.updateGolden=true",
            name, golden)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    assertThat(actual).isEqualTo(Files.readAllBytes(golden));
  }

  @Test
  void shouldRenderTheSameBytesUnderAnyLocaleAndTimeZone() {
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      ValidationResult again = Examples.example();
      RenderedReport other = Reports.render(ReportInput.of(again).withPdf(false));
      for (String name : report.files().keySet()) {
        assertThat(other.files().get(name)).as(name).isEqualTo(report.files().get(name));
      }
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
  }

  @Test
  void shouldWriteTheFilesSpecSixNames() {
    assertThat(report.files())
        .containsOnlyKeys("waymark.css", "qbr-2027-Q2.html", "qbr-2027-Q2.md", "dashboard.html");
  }
}
