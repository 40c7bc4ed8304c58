package io.waymark.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The quick schema verdict reads the bundled schema files with Jackson's streaming parser into
 * plain values: every file must read as exactly the tree Jackson's object mapper, the full
 * validator's reader, makes of it.
 */
class PlainJsonTest {

  static List<String> files() {
    return BundledSchemas.FILES;
  }

  @ParameterizedTest
  @MethodSource("files")
  void shouldReadEveryBundledSchemaAsJacksonDoes(String file) {
    String text = BundledSchemas.text(file).orElseThrow();

    assertSame(new ObjectMapper().readTree(text), PlainJson.read(text), file);
  }

  @Test
  void shouldReadJsonLiteralsNumbersAndEscapesExactly() {
    String text =
        "{\"s\": \"a\\\"b\\\\c\\/d\\u00e9\\n\", \"n\": [0, -1, 2.50, 1e3, 12345678901234567890],"
            + " \"t\": true, \"f\": false, \"z\": null, \"q\": \"true\", \"e\": {}, \"a\": []}";

    assertSame(new ObjectMapper().readTree(text), PlainJson.read(text), "literals");
    @SuppressWarnings("unchecked")
    Map<String, Object> read = (Map<String, Object>) PlainJson.read(text);
    assertThat(((List<?>) read.get("n")).get(2)).isEqualTo(new BigDecimal("2.50"));
    assertThat(read.get("q")).isEqualTo("true");
    assertThat(read.keySet()).containsExactly("s", "n", "t", "f", "z", "q", "e", "a");
  }

  @Test
  void shouldRefuseATextThatIsNotOneJsonValue() {
    for (String text : List.of("", "   ", "{} {}", "[1] 2")) {
      org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
          .as(text)
          .isThrownBy(() -> PlainJson.read(text));
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlainJson.read("{\"a\": }"))
        .as("malformed")
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void shouldFindJsonPointersWithTheirEscapes() {
    Object root = PlainJson.read("{\"a/b\": {\"m~n\": [10, 20]}, \"\": 1}");

    assertThat(PlainJson.at(root, "")).containsSame(root);
    assertThat(PlainJson.at(root, "/a~1b/m~0n/1")).contains(new BigDecimal("20"));
    assertThat(PlainJson.at(root, "/")).contains(new BigDecimal("1"));
    for (String missing : List.of("/a~1b/m~0n/2", "/a~1b/m~0n/01", "/a~1b/m~0n/-1", "/x", "a")) {
      assertThat(PlainJson.at(root, missing)).as(missing).isEmpty();
    }
  }

  /** Jackson's node and the plain value hold the same JSON. */
  private static void assertSame(JsonNode expected, Object actual, String where) {
    if (expected.isObject()) {
      assertThat(actual).as(where).isInstanceOf(Map.class);
      Map<?, ?> map = (Map<?, ?>) actual;
      List<String> names = new ArrayList<>();
      expected.propertyNames().forEach(names::add);
      assertThat(new ArrayList<>(map.keySet())).as(where).isEqualTo(names);
      for (Map.Entry<String, JsonNode> e : expected.properties()) {
        assertSame(e.getValue(), map.get(e.getKey()), where + "/" + e.getKey());
      }
    } else if (expected.isArray()) {
      assertThat(actual).as(where).isInstanceOf(List.class);
      List<?> list = (List<?>) actual;
      assertThat(list).as(where).hasSize(expected.size());
      Iterator<?> items = list.iterator();
      int i = 0;
      for (JsonNode item : expected) {
        assertSame(item, items.next(), where + "/" + i++);
      }
    } else if (expected.isString()) {
      assertThat(actual).as(where).isEqualTo(expected.asString());
    } else if (expected.isNumber()) {
      assertThat(actual).as(where).isInstanceOf(BigDecimal.class);
      assertThat(((BigDecimal) actual).compareTo(expected.decimalValue())).as(where).isZero();
    } else if (expected.isBoolean()) {
      assertThat(actual).as(where).isEqualTo(expected.booleanValue());
    } else {
      assertThat(expected.isNull()).as(where).isTrue();
      assertThat(actual).as(where).isSameAs(PlainJson.NULL);
    }
  }
}
