package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scratch file a run's payloads wait in: written from many threads, read back exactly. */
class ScratchTest {

  @TempDir Path dir;

  @Test
  void shouldGiveBackEveryPayloadWrittenFromManyThreadsExactly() throws IOException {
    FolderCache cache = new FolderCache(dir.resolve("cache"));
    Scratch scratch = new Scratch(cache);
    // Sizes around the slice a payload is read back in, and an empty one.
    List<byte[]> payloads = new ArrayList<>();
    for (int size : new int[] {0, 1, 7, 65_535, 65_536, 65_537, 200_000}) {
      for (int copy = 0; copy < 4; copy++) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) (size + copy));
        payloads.add(bytes);
      }
    }
    ConcurrentHashMap<Integer, Long> at = new ConcurrentHashMap<>();
    IntStream.range(0, payloads.size())
        .parallel()
        .forEach(i -> at.put(i, scratch.put(payloads.get(i))));

    for (int i = 0; i < payloads.size(); i++) {
      assertThat(at.get(i)).as("payload %d written", i).isNotNegative();
      ByteArrayOutputStream back = new ByteArrayOutputStream();
      scratch.copy(at.get(i), payloads.get(i).length, back);
      assertThat(back.toByteArray()).as("payload %d", i).isEqualTo(payloads.get(i));
    }
    try (Stream<Path> files = Files.list(dir.resolve("cache"))) {
      // The scratch is unlinked while open; the folder is kept out of Git all the same.
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly(".gitignore");
    }
    scratch.close();
  }

  @Test
  void shouldKeepNothingWhenTheStoreHasNoScratchOrItCannotBeMade() {
    LoadCache none = store(() -> Optional.empty());
    LoadCache failing =
        store(
            () -> {
              throw new IOException("read-only file system");
            });

    assertThat(new Scratch(none).put(new byte[] {1, 2})).isNegative();
    assertThat(new Scratch(failing).put(new byte[] {1, 2})).isNegative();
    assertThat(new Scratch(LoadCache.NONE).put(new byte[] {1, 2})).isNegative();
  }

  @Test
  void shouldRefuseToMakeAScratchFileThroughALinkedFolder() throws IOException {
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.createDirectories(dir.resolve("repo/.waymark"));
    Files.createSymbolicLink(dir.resolve("repo/.waymark/cache"), elsewhere);
    FolderCache cache = new FolderCache(dir.resolve("repo/.waymark/cache"));

    assertThat(new Scratch(cache).put(new byte[] {1})).isNegative();
    try (Stream<Path> files = Files.list(elsewhere)) {
      assertThat(files).isEmpty();
    }
  }

  @FunctionalInterface
  private interface Maker {
    Optional<FileChannel> make() throws IOException;
  }

  private static LoadCache store(Maker maker) {
    return new LoadCache() {
      @Override
      public Optional<Stored> read() {
        return Optional.empty();
      }

      @Override
      public void write(Function<String, byte[]> content) {
        // nothing is kept
      }

      @Override
      public Optional<FileChannel> scratch() throws IOException {
        return maker.make();
      }
    };
  }
}
