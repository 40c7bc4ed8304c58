package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.finding.Location;
import io.waymark.engine.finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A file's outcome is made compact once the file is read (a large repository holds every file's
 * until its load ends): the same items, no list that can grow by mistake, and the Config file's
 * problems can still be added.
 */
class FileOutcomeTest {

  private static Finding finding(String message) {
    return new Finding("schema", Severity.ERROR, Location.ofFile("a.yaml"), message, "hint");
  }

  @Test
  void shouldKeepEveryItemOfACompactOutcome() {
    Loader.FileOutcome o = new Loader.FileOutcome("a.yaml");
    o.valid.add(true);
    o.valid.add(false);
    o.models.add(null);
    o.roots.add(null);
    o.problems.add(finding("one"));
    Loader.FileOutcome compact = o.withoutTrees();

    assertThat(compact.valid).containsExactly(true, false);
    assertThat(compact.models).hasSize(1).containsOnlyNulls();
    assertThat(compact.roots).hasSize(1).containsOnlyNulls();
    assertThat(compact.documents).isEmpty();
    assertThat(compact.problems).extracting(Finding::message).containsExactly("one");
    assertThatThrownBy(() -> compact.valid.add(true))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> compact.documents.add(null))
        .isInstanceOf(UnsupportedOperationException.class);

    compact.addProblems(List.of(finding("two")));
    assertThat(compact.problems).extracting(Finding::message).containsExactly("one", "two");
    Loader.FileOutcome copy = compact.copy();
    copy.valid.add(true);
    assertThat(copy.valid).containsExactly(true, false, true);
    assertThat(compact.valid).containsExactly(true, false);
  }
}
