package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.schema.BundledSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language server's remembering loader: a file whose stamp (size, times, inode) is the one it
 * was read with is taken as it was, without reading it; anything else is read again, and the result
 * is always a fresh loader's.
 */
class RememberingLoaderTest {

  private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;

  @Test
  void shouldTakeAFileWhoseStampIsUnchangedWithoutReadingIt() throws IOException {
    Path repo = Fixtures.age(Fixtures.copyExample(dir.resolve("repo")));
    Loader loader = Loader.remembering(new BundledSchemas());
    CountingSource first = new CountingSource(repo);
    LoadResult before = loader.load(first, Optional.empty());
    assertThat(first.reads.get()).as("the first load reads every file").isGreaterThan(20);

    CountingSource second = new CountingSource(repo);
    // Told from the loader's threads at once.
    Map<String, byte[]> digests = new ConcurrentHashMap<>();
    LoadResult again = loader.load(second, Optional.empty(), LoadCache.NONE, digests::put);

    assertThat(second.reads.get()).as("files read again").isZero();
    assertThat(LoadSummary.of(again)).isEqualTo(LoadSummary.of(before));
    // Every file's digest is told as if it had been read: the rule memory compares them.
    byte[] roadmap = Files.readAllBytes(repo.resolve("roadmap.yaml"));
    assertThat(digests.get("roadmap.yaml")).isEqualTo(CacheRun.sha256(roadmap));
    assertThat(digests).hasSize(before.files().size());
  }

  @Test
  void shouldReadAFileAgainOnceItChangedEvenWithItsSizeAndTimeAsBefore() throws IOException {
    Path repo = Fixtures.age(Fixtures.copyExample(dir.resolve("repo")));
    Loader loader = Loader.remembering(new BundledSchemas());
    loader.load(new CountingSource(repo), Optional.empty());

    // Just written: its stamp tells nothing for two seconds, so it is read.
    Path governance = repo.resolve("governance.yaml");
    Files.writeString(governance, "\nbroken: [", StandardCharsets.UTF_8, APPEND);
    CountingSource written = new CountingSource(repo);
    LoadResult afterWrite = loader.load(written, Optional.empty());
    assertThat(written.reads.get()).isEqualTo(1);
    assertThat(LoadSummary.of(afterWrite))
        .isEqualTo(LoadSummary.of(fresh(repo)))
        .contains("yaml-syntax");

    // The same size and modification time as the remembered file, other bytes: the inode change
    // time differs, so it is read again.
    Fixtures.age(repo);
    loader.load(new CountingSource(repo), Optional.empty());
    byte[] bytes = Files.readAllBytes(governance);
    bytes[bytes.length - 1] = (byte) '{';
    Files.write(governance, bytes);
    Files.setLastModifiedTime(governance, FileTime.from(LONG_AGO));
    CountingSource rewritten = new CountingSource(repo);
    LoadResult afterRewrite = loader.load(rewritten, Optional.empty());
    assertThat(rewritten.reads.get()).isEqualTo(1);
    assertThat(LoadSummary.of(afterRewrite)).isEqualTo(LoadSummary.of(fresh(repo)));
  }

  @Test
  void shouldReadEveryFileAgainFromASourceThatGivesNoStamps() throws IOException {
    Path repo = Fixtures.age(Fixtures.copyExample(dir.resolve("repo")));
    Loader loader = Loader.remembering(new BundledSchemas());
    loader.load(new CountingSource(repo), Optional.empty());
    CountingSource unstamped =
        new CountingSource(repo) {
          @Override
          public String stamp(String path) {
            return "";
          }
        };

    LoadResult again = loader.load(unstamped, Optional.empty());

    assertThat(unstamped.reads.get()).isEqualTo(again.files().size() - 1); // but the Config file
    assertThat(LoadSummary.of(again)).isEqualTo(LoadSummary.of(fresh(repo)));
  }

  private static final java.nio.file.OpenOption APPEND = java.nio.file.StandardOpenOption.APPEND;

  private static LoadResult fresh(Path repo) throws IOException {
    return new Loader(new BundledSchemas()).load(new CountingSource(repo), Optional.empty());
  }
}
