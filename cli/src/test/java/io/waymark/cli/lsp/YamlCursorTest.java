package io.waymark.cli.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cursor's place in a half-typed YAML buffer, from indentation alone. */
class YamlCursorTest {

  private static final String ROADMAP =
      String.join(
          "\n",
          "kind: Roadmap",
          "spec:",
          "  phases:",
          "    - id: phase-one",
          "      gate:",
          "        status: passed # decided",
          "        evidence:",
          "          - metrics/dash.yaml#uptime",
          "      initiatives:",
          "        - id: i-etl",
          "          businessCase: bc-etl",
          "          busi",
          "        - ",
          "",
          "          ");

  @Test
  void shouldFindAKeyInsideSequenceItems() {
    YamlCursor c = YamlCursor.at(ROADMAP, 5, 10);

    assertThat(c.place()).isEqualTo(YamlCursor.Place.KEY);
    assertThat(c.field()).containsExactly("spec", "phases", "-", "gate", "status");
    assertThat(c.word()).isEqualTo("status");
  }

  @Test
  void shouldFindAValueAndItsWord() {
    YamlCursor c = YamlCursor.at(ROADMAP, 10, 28);

    assertThat(c.place()).isEqualTo(YamlCursor.Place.VALUE);
    assertThat(c.parents()).containsExactly("spec", "phases", "-", "initiatives", "-");
    assertThat(c.fieldName()).isEqualTo("businessCase");
    assertThat(c.word()).isEqualTo("bc-etl");
    assertThat(c.wordStart()).isEqualTo(24);
  }

  @Test
  void shouldFindAScalarItemOfAList() {
    YamlCursor c = YamlCursor.at(ROADMAP, 7, 20);

    assertThat(c.place()).isEqualTo(YamlCursor.Place.ITEM);
    assertThat(c.fieldName()).isEqualTo("evidence");
    assertThat(c.field()).containsExactly("spec", "phases", "-", "gate", "evidence", "-");
    assertThat(c.word()).isEqualTo("metrics/dash.yaml#uptime");
  }

  @Test
  void shouldTreatAWordWithoutAColonAsAKeyBeingTyped() {
    YamlCursor c = YamlCursor.at(ROADMAP, 11, 14);

    assertThat(c.place()).isEqualTo(YamlCursor.Place.KEY);
    assertThat(c.key()).isEmpty();
    assertThat(c.parents()).containsExactly("spec", "phases", "-", "initiatives", "-");
    assertThat(c.word()).isEqualTo("busi");
  }

  @Test
  void shouldPlaceANewItemAndAnEmptyLineByTheirColumn() {
    assertThat(YamlCursor.at(ROADMAP, 12, 10).parents())
        .containsExactly("spec", "phases", "-", "initiatives", "-");
    assertThat(YamlCursor.at(ROADMAP, 14, 10).parents())
        .containsExactly("spec", "phases", "-", "initiatives", "-");
    assertThat(YamlCursor.at(ROADMAP, 13, 0).parents()).isEmpty();
  }

  @Test
  void shouldSeeNothingInAComment() {
    YamlCursor c = YamlCursor.at(ROADMAP, 5, 26);

    assertThat(c.place()).isEqualTo(YamlCursor.Place.NONE);
    assertThat(YamlCursor.at(ROADMAP, 99, 0).place()).isEqualTo(YamlCursor.Place.NONE);
  }

  @Test
  void shouldFindTheKindOfTheDocumentHoldingALine() {
    String twoDocuments = "kind: Metrics\nspec: {}\n---\nkind: UseCase\nspec:\n  status: pilot\n";

    assertThat(RoadmapDocuments.kindAt(twoDocuments, 1))
        .hasValueSatisfying(k -> assertThat(k.id()).isEqualTo("Metrics"));
    assertThat(RoadmapDocuments.kindAt(twoDocuments, 5))
        .hasValueSatisfying(k -> assertThat(k.id()).isEqualTo("UseCase"));
    assertThat(RoadmapDocuments.kindAt("spec: {}\n", 0)).isEmpty();
  }

  @Test
  void shouldApplyARangedChange() {
    org.eclipse.lsp4j.TextDocumentContentChangeEvent change =
        new org.eclipse.lsp4j.TextDocumentContentChangeEvent(
            new org.eclipse.lsp4j.Range(
                new org.eclipse.lsp4j.Position(1, 2), new org.eclipse.lsp4j.Position(1, 5)),
            "xyz");

    assertThat(RoadmapDocuments.apply("abc\ndefgh\n", change)).isEqualTo("abc\ndexyz\n");
  }
}
