package io.waymark.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlSpansTest {

  @Test
  void shouldPointAtTheExactCharactersOfEveryScalarOfEveryYamlFileOfTheProject()
      throws IOException {
    Path project = Path.of(System.getProperty("basedir", ".")).resolve("..").normalize();
    List<Path> files = ProjectFiles.yaml(project);
    int scalars = 0;
    int read = 0;
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      YamlReader.Result parsed = new YamlReader(YamlLimits.DEFAULT).read("f", bytes(text));
      if (parsed.problem().isPresent()) {
        continue;
      }
      read++;
      for (YamlSpans.Scalar s : YamlSpans.of(text).scalars()) {
        String token = text.substring(s.start(), s.end());
        switch (s.style()) {
          case PLAIN -> {
            if (!token.contains("\n")) {
              assertThat(token).as(file + ":" + s.line()).isEqualTo(s.value());
            }
          }
          case SINGLE_QUOTED ->
              assertThat(token).as(file + ":" + s.line()).startsWith("'").endsWith("'");
          case DOUBLE_QUOTED ->
              assertThat(token).as(file + ":" + s.line()).startsWith("\"").endsWith("\"");
          default -> assertThat(token).as(file + ":" + s.line()).matches("(?s)[|>].*");
        }
        scalars++;
      }
    }
    assertThat(read).isGreaterThan(60);
    assertThat(scalars).isGreaterThan(5000);
  }

  @Test
  void shouldFindScalarsAndMappingsByTheLineAndColumnFindingsCarry() {
    String text =
        "\uFEFFa: 1\r\nlist:\r\n  - {id: x, status: done}\r\n  - id: y   # why\r\n"
            + "    status: 'done'\r\nname: \"\u00e9\ud83d\ude00 z\"\r\n";

    YamlSpans spans = YamlSpans.of(text);

    YamlSpans.Scalar one = spans.scalarAt(1, 4).orElseThrow();
    assertThat(text.substring(one.start(), one.end())).isEqualTo("1");
    assertThat(spans.mappingAt(3, 5).orElseThrow().flow()).isTrue();
    YamlSpans.Mapping y = spans.mappingAt(4, 5).orElseThrow();
    assertThat(y.flow()).isFalse();
    YamlSpans.Entry status = y.entry("status").orElseThrow();
    assertThat(text.substring(status.key().start(), status.valueEnd())).isEqualTo("status: 'done'");
    YamlSpans.Scalar name = spans.scalarAt(6, 7).orElseThrow();
    assertThat(text.substring(name.start(), name.end())).isEqualTo("\"\u00e9\ud83d\ude00 z\"");
    assertThat(name.style()).isEqualTo(YamlSpans.Style.DOUBLE_QUOTED);
  }

  @Test
  void shouldPointAtTheValueTokenAfterAnAnchorAndATag() {
    String text = "a: &one !!int 1 # c\nb: !<tag:yaml.org,2002:str> &two\n  'x y'\nc: [&three z]\n";

    YamlSpans spans = YamlSpans.of(text);

    // Found where the node starts (as findings point), spanning only the value as written.
    YamlSpans.Scalar one = spans.scalarAt(1, 4).orElseThrow();
    assertThat(text.substring(one.start(), one.end())).isEqualTo("1");
    YamlSpans.Scalar two = spans.scalarAt(2, 4).orElseThrow();
    assertThat(text.substring(two.start(), two.end())).isEqualTo("'x y'");
    YamlSpans.Scalar three = spans.scalarAt(4, 5).orElseThrow();
    assertThat(text.substring(three.start(), three.end())).isEqualTo("z");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
