package io.waymark.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.engine.load.YamlSource;
import io.waymark.engine.model.Document;
import io.waymark.engine.model.Kind;
import io.waymark.engine.yaml.YamlLimits;
import io.waymark.engine.yaml.YamlNode;
import io.waymark.engine.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The schema check's preparation ahead of the first document: the quick verdict and networknt's
 * schemas compiled on another thread give the same findings, and a check that must not wait for the
 * full validator says so instead of checking.
 */
class SchemaCheckPreparedTest {

  private static final String VALID =
      """
      apiVersion: waymark/v1
      kind: UseCase
      metadata:
        id: uc-eta
        title: ETA prediction
      spec:
        status: pilot
        businessOutcome: Fewer support calls about late deliveries.
      """;

  /** A status the quick verdict cannot word (a number where a text of a list goes). */
  private static final String INVALID = VALID.replace("status: pilot", "status: 7");

  /** A status the quick verdict words itself: a text not in the list. */
  private static final String WORDED = VALID.replace("status: pilot", "status: someday");

  private static YamlNode root(String text) {
    return new YamlReader(YamlLimits.DEFAULT)
        .read("uc.yaml", text.getBytes(StandardCharsets.UTF_8))
        .documents()
        .get(0)
        .root();
  }

  private static Document document(YamlNode root) {
    return new Document("uc.yaml", 0, Kind.USE_CASE, "uc-eta", YamlSource.of(root), false);
  }

  @Test
  void shouldNotCheckADocumentThatNeedsTheFullValidatorBeforeItIsLoadedWhenAskedNotToWait() {
    SchemaCheck check = new SchemaCheck(new BundledSchemas());
    YamlNode valid = root(VALID);
    YamlNode invalid = root(INVALID);

    assertThat(check.check(document(valid), valid, false)).isEmpty();
    assertThatThrownBy(() -> check.check(document(invalid), invalid, false))
        .isInstanceOf(SchemaCheck.NotReady.class);
    // Waiting, it is checked as ever.
    assertThat(check.check(document(invalid), invalid, true))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.location().path()).isEqualTo("/spec/status"));
  }

  @Test
  void shouldWordAnInvalidDocumentWhoseFailuresTheQuickVerdictIsSureOfWithoutTheFullValidator() {
    BundledSchemas schemas = new BundledSchemas();
    SchemaCheck check = new SchemaCheck(schemas);
    YamlNode worded = root(WORDED);
    var reference = new SchemaCheck(new BundledSchemas(), false).check(document(worded), worded);

    assertThat(check.check(document(worded), worded, false))
        .isEqualTo(reference)
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith("/spec/status: 'someday' is not one of ")
                    .contains("pilot"));
    // Nothing asked for the full validator, nor started loading it.
    assertThat(schemas.everyKindPending()).isTrue();
    assertThat(schemas.startLoading()).isTrue();
  }

  @Test
  void shouldStartLoadingTheFullValidatorWhenTheFirstDocumentNeedsIt() {
    BundledSchemas schemas = new BundledSchemas();
    SchemaCheck check = new SchemaCheck(schemas);
    YamlNode invalid = root(INVALID);

    assertThatThrownBy(() -> check.check(document(invalid), invalid, false))
        .isInstanceOf(SchemaCheck.NotReady.class);
    // Under way (or done) already: a second start is refused.
    assertThat(schemas.everyKindLoaded() || !schemas.startLoading()).isTrue();
  }

  @Test
  void shouldGiveTheSameFindingsOnceEverythingIsPreparedAheadAndThenNeverPutADocumentAside()
      throws InterruptedException {
    BundledSchemas schemas = new BundledSchemas();
    SchemaCheck check = new SchemaCheck(schemas);
    YamlNode invalid = root(INVALID);
    var reference = new SchemaCheck(new BundledSchemas(), false).check(document(invalid), invalid);

    check.prepareVerdict();
    check.prepareEveryKind();
    long deadline = System.nanoTime() + 120_000_000_000L;
    while ((schemas.verdictPending() || !schemas.everyKindLoaded())
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }

    assertThat(schemas.verdictPending()).isFalse();
    assertThat(schemas.everyKindLoaded()).isTrue();
    assertThat(schemas.everyKindPending()).isFalse();
    assertThat(check.check(document(invalid), invalid, false)).isEqualTo(reference).isNotEmpty();
    // A second preparation finds nothing to do.
    check.prepareEveryKind();
    assertThat(check.check(document(invalid), invalid, false)).isEqualTo(reference);
  }
}
