package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.model.Kind;
import io.waymark.engine.model.UnreadableFile;
import io.waymark.engine.yaml.YamlDocument;
import io.waymark.engine.yaml.YamlLimits;
import io.waymark.engine.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the lines of a file the YAML reader stopped in still show: the kind and {@code metadata.id}
 * of each Waymark document from the one it stopped in to the end, and the ids under {@code id} keys
 * in them. Each case is read by the real reader first, so the documents it read are the real ones.
 */
class UnreadableLinesTest {

  private static final String BROKEN_ROADMAP =
      """
      apiVersion: waymark/v1
      kind: Roadmap
      metadata:
        id: ai-infra-2027
        title: [unclosed AI infrastructure
      spec:
        phases:
          - id: phase-assess   # the first phase
            milestones:
              - id: "ms-inventory"
            initiatives:
              - id: 'i-automate-etl'
                businessCase: bc-etl
      """;

  private static Optional<UnreadableFile> scan(String yaml) {
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    YamlReader.Result read = new YamlReader(YamlLimits.DEFAULT).read("f.yaml", bytes);
    assertThat(read.problem()).isPresent();
    List<YamlDocument> documents = read.documents();
    int lastRead = documents.isEmpty() ? 0 : documents.get(documents.size() - 1).root().line();
    return UnreadableLines.scan("f.yaml", bytes, lastRead);
  }

  @Test
  void shouldShowTheKindTheMetadataIdAndEveryIdOfABrokenDocument() {
    UnreadableFile file = scan(BROKEN_ROADMAP).orElseThrow();

    assertThat(file.file()).isEqualTo("f.yaml");
    assertThat(file.documents())
        .containsExactly(new UnreadableFile.Declared(Kind.ROADMAP, "ai-infra-2027"));
    assertThat(file.ids())
        .containsExactly("ai-infra-2027", "phase-assess", "ms-inventory", "i-automate-etl");
    assertThat(file.declares(Kind.ROADMAP)).isTrue();
    assertThat(file.declares(Kind.METRICS)).isFalse();
  }

  @Test
  void shouldReadCrLfLinesAndAByteOrderMark() {
    String windows = "\uFEFF" + BROKEN_ROADMAP.replace("\n", "\r\n");

    assertThat(scan(windows).orElseThrow().ids())
        .containsExactly("ai-infra-2027", "phase-assess", "ms-inventory", "i-automate-etl");
  }

  @Test
  void shouldStartAtTheDocumentTheReaderStoppedIn() {
    String yaml =
        """
        apiVersion: waymark/v1
        kind: UseCase
        metadata:
          id: uc-read-fine
        ---
        apiVersion: waymark/v1
        kind: BusinessCase
        metadata:
          id: bc-broken
          title: [unclosed
        ---
        apiVersion: waymark/v1
        kind: VendorEvaluation
        metadata:
          id: never-reached
        """;

    UnreadableFile file = scan(yaml).orElseThrow();

    // The first document was read (the loader has it); the third was never reached.
    assertThat(file.documents())
        .containsExactly(
            new UnreadableFile.Declared(Kind.BUSINESS_CASE, "bc-broken"),
            new UnreadableFile.Declared(Kind.VENDOR_EVALUATION, "never-reached"));
    assertThat(file.ids()).containsExactly("bc-broken", "never-reached");
  }

  @Test
  void shouldShowNothingOfAFileThatIsNoWaymarkDocument() {
    String ci = "kind: Pipeline\nsteps:\n  - id: build\n    run: [unclosed\n";

    assertThat(scan(ci)).isEmpty();
  }

  @Test
  void shouldShowNothingOfADocumentOfAnUnknownKind() {
    String unknown = "apiVersion: waymark/v1\nkind: Budget\nmetadata:\n  id: b\n  title: [x\n";

    assertThat(scan(unknown)).isEmpty();
  }

  @Test
  void shouldLeaveTheMetadataIdEmptyWhenTheLinesShowNone() {
    String yaml =
        "apiVersion: waymark/v1\nkind: Metrics\nspec:\n  metrics:\n    - id: m-1\n"
            + "      name: [unclosed\n";

    UnreadableFile file = scan(yaml).orElseThrow();

    assertThat(file.documents()).containsExactly(new UnreadableFile.Declared(Kind.METRICS, ""));
    assertThat(file.ids()).containsExactly("m-1");
  }
}
