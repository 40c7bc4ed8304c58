package io.waymark.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.load.YamlSource;
import io.waymark.engine.yaml.YamlLimits;
import io.waymark.engine.yaml.YamlReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A value that recurs across documents is read as one shared {@code Optional} (a large repository
 * keeps one per value its models read), and every read still gives exactly that value.
 */
// Alone: the tables of shared values are the JVM's, and a class reading YAML beside this one could
// take a value's place between two reads of it.
@Isolated
class FieldsSharingTest {

  private final List<ModelProblem> problems = new ArrayList<>();

  private Fields fields(String yaml) {
    SourceNode root =
        YamlSource.of(
            new YamlReader(YamlLimits.DEFAULT)
                .read("f.yaml", yaml.getBytes(StandardCharsets.UTF_8))
                .documents()
                .get(0)
                .root());
    return new Fields(root, new Anchor("f.yaml", "", root), problems);
  }

  @Test
  void shouldShareTheOptionalOfARecurringValueAndReadEachValueAsWritten() {
    String yaml = "owner: platform\nscore: 4.5\nstart: 2027-01-04\nflag: true\n";
    Fields a = fields(yaml);
    Fields b = fields(yaml);
    assertThat(b.optString("owner")).isSameAs(a.optString("owner")).contains("platform");
    assertThat(b.optNumber("score")).isSameAs(a.optNumber("score")).contains(new BigDecimal("4.5"));
    assertThat(b.optDate("start")).isSameAs(a.optDate("start")).contains(LocalDate.of(2027, 1, 4));
    assertThat(b.optBoolean("flag")).isSameAs(a.optBoolean("flag")).contains(true);

    Fields c = fields("owner: data\nscore: 5\nstart: 2027-01-05\nflag: false\n");
    assertThat(c.optString("owner")).contains("data");
    assertThat(c.optNumber("score")).contains(new BigDecimal("5"));
    assertThat(c.optDate("start")).contains(LocalDate.of(2027, 1, 5));
    assertThat(c.optBoolean("flag")).contains(false);
    // A value of another type, or none, reads as absent.
    assertThat(c.optNumber("owner")).isEmpty();
    assertThat(c.optString("missing")).isEmpty();
    assertThat(problems).isEmpty();
  }

  @Test
  void shouldReportADateThatIsNotOnTheCalendarEachTimeItIsRead() {
    assertThat(fields("start: 2027-02-30\n").optDate("start")).isEmpty();
    assertThat(fields("start: 2027-02-30\n").optDate("start")).isEmpty();
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0).message()).contains("2027-02-30");
  }

  @Test
  void shouldNotLookUpLongTexts() {
    String text = "x".repeat(60);
    Fields a = fields("note: " + text + "\n");
    Fields b = fields("note: " + text + "\n");
    assertThat(a.optString("note")).contains(text);
    assertThat(b.optString("note")).isNotSameAs(a.optString("note")).contains(text);
  }
}
