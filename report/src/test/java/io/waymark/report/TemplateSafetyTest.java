package io.waymark.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.engine.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §8 for templates: overrides stay inside the repository, Freemarker stays locked. */
class TemplateSafetyTest {

  private static ValidationResult example;

  @BeforeAll
  static void validate() {
    example = Examples.example();
  }

  private static RenderedReport render(Path repository) {
    return Reports.render(ReportInput.of(example).withPdf(false).withRepository(repository));
  }

  @Test
  void shouldUseTheRepositoryTemplateOverTheBundledOne(@TempDir Path repo) throws IOException {
    Files.createDirectories(repo.resolve("templates"));
    Files.writeString(
        repo.resolve("templates/qbr.ftlmd"), "# ${review.header.organisation} & <co>\n");
    Files.writeString(repo.resolve("templates/waymark.css"), "body { color: black; }\n");

    RenderedReport report = render(repo);

    assertThat(report.text("qbr-2027-Q2.md")).isEqualTo("# Northwind Logistics & <co>\n");
    assertThat(report.text("waymark.css")).isEqualTo("body { color: black; }\n");
    assertThat(report.text("qbr-2027-Q2.html")).contains("<h1>AI Infrastructure Modernisation");
  }

  @Test
  void shouldNotFollowASymbolicLinkOutOfTheTemplatesFolder(
      @TempDir Path repo, @TempDir Path outside) throws IOException {
    Files.createDirectories(repo.resolve("templates"));
    Files.writeString(outside.resolve("qbr.ftlmd"), "stolen\n");
    Files.createSymbolicLink(repo.resolve("templates/qbr.ftlmd"), outside.resolve("qbr.ftlmd"));

    assertThat(render(repo).text("qbr-2027-Q2.md"))
        .doesNotContain("stolen")
        .startsWith("# AI Infrastructure");
  }

  @Test
  void shouldIgnoreATemplatesFolderThatIsASymbolicLink(@TempDir Path repo, @TempDir Path outside)
      throws IOException {
    Files.writeString(outside.resolve("qbr.ftlmd"), "stolen\n");
    Files.createSymbolicLink(repo.resolve("templates"), outside);

    assertThat(render(repo).text("qbr-2027-Q2.md")).doesNotContain("stolen");
  }

  @Test
  void shouldNotIncludeFilesOutsideTheTemplatesFolder(@TempDir Path repo) throws IOException {
    Files.createDirectories(repo.resolve("templates"));
    Files.writeString(repo.resolve("secret.txt"), "top secret\n");
    Files.writeString(repo.resolve("templates/qbr.ftlmd"), "<#include \"../secret.txt\">\n");

    assertThatThrownBy(() -> render(repo))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("qbr.ftlmd")
        .hasMessageNotContaining("top secret");
  }

  @Test
  void shouldBlockNewAndApi(@TempDir Path repo) throws IOException {
    Files.createDirectories(repo.resolve("templates"));
    Files.writeString(
        repo.resolve("templates/qbr.ftlmd"),
        "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}\n");
    assertThatThrownBy(() -> render(repo))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("the repository's templates/qbr.ftlmd");

    Files.writeString(repo.resolve("templates/qbr.ftlmd"), "${review?api.getClass()}\n");
    assertThatThrownBy(() -> render(repo)).isInstanceOf(ReportException.class);
  }

  @Test
  void shouldNameTheTemplateAndLineOfAFailureAndWriteNothing(@TempDir Path repo, @TempDir Path out)
      throws IOException {
    Files.createDirectories(repo.resolve("templates"));
    Files.writeString(repo.resolve("templates/dashboard.ftlh"), "<p>\n${review.noSuchThing}</p>\n");

    assertThatThrownBy(() -> render(repo).writeTo(out))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("template dashboard.ftlh (the repository's templates/dashboard.ftlh)")
        .hasMessageContaining("line 2");
    try (Stream<Path> files = Files.list(out)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void shouldReportATemplateThatDoesNotParse(@TempDir Path repo) throws IOException {
    Files.createDirectories(repo.resolve("templates"));
    Files.writeString(repo.resolve("templates/qbr.ftlh"), "<#if>\n");

    assertThatThrownBy(() -> render(repo))
        .isInstanceOf(ReportException.class)
        .hasMessageStartingWith(
            "template qbr.ftlh (the repository's templates/qbr.ftlh) does not parse at line 1");
  }

  @Test
  void shouldEscapeEverythingButTheChartsInTheBundledHtml() {
    String html = Reports.render(ReportInput.of(example).withPdf(false)).text("qbr-2027-Q2.html");

    assertThat(html).doesNotContain("<script", "<style", " style=", "onerror", "javascript:");
    assertThat(html).contains("<link rel=\"stylesheet\" href=\"waymark.css\"/>");
  }
}
