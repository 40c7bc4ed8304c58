package io.waymark.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.load.FolderCache;
import io.waymark.engine.load.Printed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stored outcome of a run whose inputs have not changed ({@link Waymark#recall}): given back
 * exactly when nothing it depends on changed, never when anything did, and never from bytes this
 * store did not write.
 */
class RecallTest {

  private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");
  private static final String KEY = "test output, text";

  @TempDir Path dir;
  Path repo;
  Path cacheDir;
  Waymark waymark;
  ValidationOptions options;

  @BeforeEach
  void setUp() throws IOException {
    repo = Fixtures.copyExample(dir.resolve("repo"));
    deleteTree(repo.resolve(".waymark"));
    age(repo);
    cacheDir = dir.resolve("cache");
    waymark = Waymark.withoutHistory();
    options = ValidationOptions.defaults().withAsOf(Fixtures.AS_OF);
  }

  private Waymark.Request request() {
    return Waymark.Request.folder(repo, "repo").cachedIn(cacheDir);
  }

  private Optional<String> recalled(String key, ValidationOptions with) {
    return waymark
        .recall(request(), with, key)
        .outcome()
        .map(b -> new String(b, StandardCharsets.UTF_8));
  }

  private Optional<String> recalled() {
    return recalled(KEY, options);
  }

  /** Judges the folder and keeps {@code outcome} as what the front end made of it. */
  private void judgeAndKeep(String outcome) throws IOException {
    Recall recall = waymark.recall(request(), options, KEY);
    assertThat(recall.keeps()).isTrue();
    try (Checkout checkout = waymark.open(request(), options)) {
      recall.keep(checkout.validate(), Printed.of(outcome.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void shouldGiveTheKeptOutcomeBackWhenNothingChanged() throws IOException {
    assertThat(recalled()).isEmpty();
    judgeAndKeep("the output of the first run");
    assertThat(cacheDir.resolve(FolderCache.OUTCOME)).isRegularFile();
    assertThat(recalled()).contains("the output of the first run");
    assertThat(recalled()).as("again").contains("the output of the first run");
  }

  @Test
  void shouldNotGiveItBackForOtherOptionsOrAnotherFrontEndKey() throws IOException {
    judgeAndKeep("kept");
    assertThat(recalled("json output", options)).isEmpty();
    assertThat(recalled(KEY, options.withAsOf(Fixtures.AS_OF.plusDays(1)))).isEmpty();
    assertThat(recalled(KEY, options.withBaseline(Set.of("abc")))).isEmpty();
    assertThat(recalled(KEY, options.withConfig("other.yaml", new byte[] {'a'}))).isEmpty();
    assertThat(
            waymark
                .recall(
                    Waymark.Request.folder(repo, "repo").cachedIn(cacheDir).at("HEAD"),
                    options,
                    KEY)
                .outcome())
        .as("a revision is read from Git, never recalled")
        .isEmpty();
    assertThat(waymark.recall(Waymark.Request.folder(repo, "repo"), options, KEY).keeps())
        .as("--no-cache: nothing kept")
        .isFalse();
    assertThat(recalled()).as("still there for the same inputs").contains("kept");
  }

  /**
   * A run after a recall that found nothing stored loads the folder as the recall walked it (one
   * walk, not two), with the load pack and the rule memory of the last run: its findings are
   * exactly those of a run without any cache, edit after edit, whether the edit is a moment old (no
   * snapshot) or older, including edits that change findings in another file.
   */
  @Test
  void aRunAfterARecallThatFoundNothingGivesTheFindingsOfARunWithoutCache() throws IOException {
    judgeAndKeep("first");
    List<String> edits =
        List.of("duplicate id", "referenced document deleted", "referenced id renamed");
    for (boolean aged : new boolean[] {false, true}) {
      for (String edit : edits) {
        ValidationResult before = withoutCache();
        switch (edit) {
          case "duplicate id" ->
              Files.copy(
                  repo.resolve("use-cases/eta-prediction.yaml"),
                  repo.resolve("use-cases/eta-prediction-" + aged + ".yaml"));
          case "referenced document deleted" ->
              Files.move(
                  repo.resolve("business-cases/retrieval-latency.yaml"),
                  dir.resolve("retrieval-latency-" + aged + ".yaml"));
          default ->
              Fixtures.replaceOnce(
                  repo.resolve("business-cases/pipeline-automation.yaml"),
                  "id: bc-pipeline-automation" + (aged ? "-renamed" : ""),
                  aged ? "id: bc-pipeline-automation" : "id: bc-pipeline-automation-renamed");
        }
        if (aged) {
          age(repo);
        }
        ValidationResult expected = withoutCache();
        assertThat(expected.findings()).as(edit).isNotEqualTo(before.findings());
        Recall recall = waymark.recall(request(), options, KEY);
        assertThat(recall.outcome()).isEmpty();
        try (Checkout checkout = waymark.open(request(), options, recall)) {
          ValidationResult judged = checkout.validate();
          assertThat(judged.findings()).as(edit + ", aged " + aged).isEqualTo(expected.findings());
          assertThat(judged.suppressed()).isEqualTo(expected.suppressed());
          recall.keep(judged, Printed.of(edit.getBytes(StandardCharsets.UTF_8)));
        }
      }
      // Undo the deletion, so that the second round deletes it again.
      Files.move(
          dir.resolve("retrieval-latency-" + aged + ".yaml"),
          repo.resolve("business-cases/retrieval-latency.yaml"));
    }
  }

  private ValidationResult withoutCache() throws IOException {
    try (Checkout checkout = waymark.open(Waymark.Request.folder(repo, "repo"), options)) {
      return checkout.validate();
    }
  }

  @Test
  void shouldNotGiveItBackOnceAnyFileChanged() throws IOException {
    Path file = repo.resolve("roadmap.yaml");
    List<String> changes = List.of("touched", "edited", "added", "removed", "renamed", "replaced");
    for (String change : changes) {
      judgeAndKeep("before " + change);
      assertThat(recalled()).contains("before " + change);
      switch (change) {
        case "touched" -> Files.setLastModifiedTime(file, FileTime.from(LONG_AGO.plusSeconds(60)));
        case "edited" -> {
          FileTime was = Files.getLastModifiedTime(file);
          Files.writeString(file, Files.readString(file) + "\n# edited\n");
          Files.setLastModifiedTime(file, was); // same time, other size
        }
        case "added" -> {
          Files.writeString(repo.resolve("notes.txt"), "not even YAML");
          Files.setLastModifiedTime(repo.resolve("notes.txt"), FileTime.from(LONG_AGO));
        }
        case "removed" -> Files.delete(repo.resolve("notes.txt"));
        case "renamed" -> {
          Path moved = repo.resolve("roadmap-moved.yaml");
          Files.move(file, moved);
          file = moved;
        }
        default -> {
          // the same bytes and time in a new file: another inode
          Path copy = repo.resolve("copy.tmp");
          Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
          Files.move(copy, file, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      assertThat(recalled()).as("after the file was " + change).isEmpty();
    }
  }

  @Test
  void shouldKeepNothingWhileAFileIsTooRecentForItsStampToTell() throws IOException {
    Files.writeString(repo.resolve("roadmap.yaml"), Files.readString(repo.resolve("roadmap.yaml")));
    assertThat(waymark.recall(request(), options, KEY).keeps()).isFalse();
  }

  @Test
  void shouldIgnoreAndReplaceACorruptTruncatedForeignOrCopiedOutcome() throws IOException {
    judgeAndKeep("good");
    Path stored = cacheDir.resolve(FolderCache.OUTCOME);
    byte[] good = Files.readAllBytes(stored);
    List<byte[]> bad = new ArrayList<>();
    for (int at : new int[] {3, good.length / 2, good.length - 20, good.length - 1}) {
      byte[] flipped = good.clone();
      flipped[at] ^= 0x01;
      bad.add(flipped);
    }
    bad.add(Arrays.copyOf(good, good.length / 2));
    bad.add(Arrays.copyOf(good, good.length - 1));
    bad.add(new byte[0]);
    bad.add("WAYMARK-RUN\nnot a stored run".getBytes(StandardCharsets.UTF_8));
    for (byte[] b : bad) {
      Files.write(stored, b);
      assertThat(recalled()).isEmpty();
      judgeAndKeep("rebuilt");
      assertThat(recalled()).contains("rebuilt");
    }
    // The very bytes in another file (restored from elsewhere, committed, copied): not trusted.
    Path copy = cacheDir.resolve("copy");
    Files.copy(stored, copy);
    Files.move(copy, stored, StandardCopyOption.REPLACE_EXISTING);
    assertThat(recalled()).isEmpty();
  }

  @Test
  void shouldNeitherReadNorWriteAnOutcomeThroughASymbolicLink() throws IOException {
    judgeAndKeep("good");
    Path stored = cacheDir.resolve(FolderCache.OUTCOME);
    Path elsewhere = dir.resolve("elsewhere.bin");
    Files.move(stored, elsewhere);
    Files.createSymbolicLink(stored, elsewhere);
    assertThat(recalled()).isEmpty();
    judgeAndKeep("after the link");
    assertThat(Files.isSymbolicLink(stored)).as("the link is replaced, not followed").isFalse();
    assertThat(Files.readAllBytes(elsewhere)).as("its target untouched").isNotEmpty();
  }

  private static void age(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        Files.setLastModifiedTime(f, FileTime.from(LONG_AGO));
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
