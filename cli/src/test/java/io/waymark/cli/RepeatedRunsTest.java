package io.waymark.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many validations in one JVM, as a resident server runs them one after another: whatever this JVM
 * keeps from one run for the next (the outcomes decoded from the on-disk cache, the stored
 * outcome's check) never shows. After every edit (an id, a cross-document reference, a file
 * deleted, added or renamed, a document's kind, the Config, the cache folder deleted, the pack
 * corrupted), with two folders validated in turn, the JSON and the text output and the exit code of
 * the cached runs are those of a run without the cache on the same files.
 */
class RepeatedRunsTest {

  private static final Path EXAMPLE = Path.of("..", "example-roadmap");
  private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path tmp;

  private int edits;

  @Test
  void shouldGiveWhatARunWithoutTheCacheGivesAfterEveryEditInOneJvm() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    CacheCliTest.copy(EXAMPLE, a);
    CacheCliTest.copy(EXAMPLE, b);
    CacheCliTest.age(a);
    CacheCliTest.age(b);
    Files.writeString(
        b.resolve("use-cases/extra.yaml"),
        "apiVersion: waymark/v1\nkind: UseCase\nmetadata:\n  id: uc-extra\n");
    age(b.resolve("use-cases/extra.yaml"));

    same(a, "cold");
    same(b, "the other folder, cold");
    same(a, "nothing changed");
    same(b, "the other folder, nothing changed");

    edit(a.resolve("use-cases/eta-prediction.yaml"), "id: uc-eta-prediction", "id: uc-eta-renamed");
    same(a, "an id changed");
    same(b, "the other folder after an id changed in the first");
    edit(a.resolve("roadmap.yaml"), "useCases: [uc-eta-prediction]", "useCases: [uc-eta-renamed]");
    same(a, "a reference changed");

    Files.delete(a.resolve("use-cases/legacy-faq-chatbot.yaml"));
    same(a, "a file deleted");
    Path added = a.resolve("use-cases/copy.yaml");
    Files.writeString(
        added,
        Files.readString(a.resolve("use-cases/customer-email-triage.yaml"))
            .replace("id: uc-customer-email-triage", "id: uc-copy"));
    age(added);
    same(a, "a file added");
    Files.move(added, a.resolve("use-cases/copy-renamed.yaml"));
    same(a, "a file renamed");
    edit(b.resolve("use-cases/extra.yaml"), "kind: UseCase", "kind: Vendor");
    same(b, "the other folder: a document's kind changed");
    same(a, "back to the first folder");
    edit(a.resolve("vendors/gpu-cloud-capacity.yaml"), "kind: Vendor", "kind: UseCase");
    same(a, "a document's kind changed");

    edit(a.resolve("waymark.yaml"), "tolerancePct: 1", "tolerancePct: 0");
    same(a, "the Config changed");
    edit(a.resolve("waymark.yaml"), "tolerancePct: 0", "tolerancePct: 1");
    same(a, "the Config changed back");

    deleteTree(a.resolve(".waymark"));
    same(a, "the cache folder deleted");
    Path pack = a.resolve(".waymark/cache/load.bin");
    byte[] bytes = Files.readAllBytes(pack);
    for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
      bytes[i] ^= 0x5a;
    }
    Files.write(pack, bytes);
    same(a, "the pack corrupted");
    Files.write(pack, new byte[] {1, 2, 3});
    same(a, "the pack cut short");
    edit(a.resolve("use-cases/eta-prediction.yaml"), "id: uc-eta-renamed", "id: uc-eta-prediction");
    same(a, "an id changed back, after the pack was rebuilt");
    same(b, "the other folder at the end");
  }

  /** Replaces {@code from} by {@code to} in {@code file}, dated a new second long ago. */
  private void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
    age(file);
  }

  /**
   * Long ago (the racy-clean rule would read a file written in the last two seconds whatever the
   * cache says), a second later each time so that its stamp changes.
   */
  private void age(Path file) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(LONG_AGO.plusSeconds(++edits)));
  }

  /** Twice with the cache (the second time: nothing changed), the same as without. */
  private static void same(Path root, String step) {
    for (List<String> format : List.of(List.of("--format", "json"), List.of("--no-color"))) {
      Cli reference = run(root, format, "--no-cache");
      assertThat(reference.out()).as(step).isNotEmpty();
      for (String run : List.of("", ", again")) {
        Cli cached = run(root, format);
        assertThat(cached.out()).as(step + run + " " + format).isEqualTo(reference.out());
        assertThat(cached.code()).as(step + run + " " + format).isEqualTo(reference.code());
        assertThat(cached.err()).as(step + run + " " + format).isEqualTo(reference.err());
      }
    }
  }

  private static Cli run(Path root, List<String> format, String... extra) {
    List<String> args = new ArrayList<>(List.of("validate", root.toString()));
    args.addAll(format);
    args.addAll(List.of(extra));
    return Cli.run(args.toArray(String[]::new));
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
