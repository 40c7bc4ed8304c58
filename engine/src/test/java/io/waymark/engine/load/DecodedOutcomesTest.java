package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.model.Document;
import io.waymark.engine.schema.BundledSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The outcomes one load decoded from the on-disk cache, taken again by the next load in the same
 * JVM: only for a file whose stored bytes are the same (its documents are then the very same
 * objects), and the load's result is always that of a load without the cache. Isolated: what is
 * kept is the JVM's, and another test's load in between would replace it.
 */
@Isolated
class DecodedOutcomesTest {

  private static final Loader LOADER = new Loader(new BundledSchemas());
  private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void shouldTakeAgainOnlyTheOutcomesOfTheSameStoredBytes() throws IOException {
    Path repo = Fixtures.copyExample(dir.resolve("repo"));
    age(repo, LONG_AGO);
    FolderCache cache = new FolderCache(dir.resolve("cache"));
    load(repo, cache); // cold: every file read and stored
    LoadResult decoded = load(repo, cache);
    LoadResult again = load(repo, cache);
    assertThat(LoadSummary.of(again)).isEqualTo(LoadSummary.of(load(repo, LoadCache.NONE)));
    Map<String, Object> roots = roots(decoded);
    assertThat(roots(again))
        .as("the same trees: taken again, not decoded again")
        .allSatisfy((file, root) -> assertThat(root).isSameAs(roots.get(file)));

    Path roadmap = repo.resolve("roadmap.yaml");
    Files.writeString(
        roadmap,
        Files.readString(roadmap).replaceFirst("\nspec:", "\n# edited\nspec:"),
        StandardCharsets.UTF_8);
    Files.setLastModifiedTime(roadmap, FileTime.from(LONG_AGO.plusSeconds(5)));
    LoadResult edited = load(repo, cache); // read and stored again
    LoadResult afterEdit = load(repo, cache); // decoded anew from its new bytes
    assertThat(LoadSummary.of(afterEdit)).isEqualTo(LoadSummary.of(load(repo, LoadCache.NONE)));
    assertThat(LoadSummary.of(edited)).isEqualTo(LoadSummary.of(afterEdit));
    Map<String, Object> now = roots(afterEdit);
    assertThat(now.get("roadmap.yaml")).isNotSameAs(roots.get("roadmap.yaml"));
    assertThat(now.get("governance.yaml")).isSameAs(roots.get("governance.yaml"));

    // Another folder with the same files in between: decoded for it, and the first one's files
    // (same paths, same bytes) taken again or decoded, never another file's.
    Path other = Fixtures.copyExample(dir.resolve("other"));
    Files.delete(other.resolve("governance.yaml"));
    age(other, LONG_AGO);
    FolderCache otherCache = new FolderCache(dir.resolve("other-cache"));
    load(other, otherCache);
    assertThat(LoadSummary.of(load(other, otherCache)))
        .isEqualTo(LoadSummary.of(load(other, LoadCache.NONE)));
    assertThat(LoadSummary.of(load(repo, cache)))
        .isEqualTo(LoadSummary.of(load(repo, LoadCache.NONE)));

    // A corrupted pack is not trusted, whatever was decoded from it before.
    Path pack = dir.resolve("cache/load.bin");
    byte[] bytes = Files.readAllBytes(pack);
    for (int i = bytes.length / 2; i < bytes.length / 2 + 32; i++) {
      bytes[i] ^= 0x33;
    }
    Files.write(pack, bytes);
    assertThat(LoadSummary.of(load(repo, cache)))
        .isEqualTo(LoadSummary.of(load(repo, LoadCache.NONE)));
    assertThat(LoadSummary.of(load(repo, cache)))
        .isEqualTo(LoadSummary.of(load(repo, LoadCache.NONE)));
  }

  private static LoadResult load(Path repo, LoadCache cache) throws IOException {
    return LOADER.load(new CountingSource(repo), Optional.empty(), cache);
  }

  /** Each file's first document's tree; not the Config file's, which is read on every load. */
  private static Map<String, Object> roots(LoadResult r) {
    Map<String, Object> roots = new HashMap<>();
    for (Document d : r.documents()) {
      if (!d.file().equals(Loader.CONFIG_FILE)) {
        roots.putIfAbsent(d.file(), d.root());
      }
    }
    return roots;
  }

  private static void age(Path root, Instant when) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        Files.setLastModifiedTime(f, FileTime.from(when));
      }
    }
  }
}
