package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.schema.BundledSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second load takes a file of the first only when its bytes are the very same. */
class SharedTest {

  @TempDir Path dir;

  /**
   * With a checksum that every file of a length passes (as a crafted collision would), a base file
   * of the head's length but other content is still read: the bytes themselves decide.
   */
  @Test
  void shouldReadAFileWhoseChecksumMatchesButWhoseBytesDiffer() throws IOException {
    Path base = Fixtures.copyExample(dir.resolve("base"));
    Path head = Fixtures.copyExample(dir.resolve("head"));
    Path bc = head.resolve("business-cases/knowledge-layer.yaml");
    Files.writeString(bc, Files.readString(bc).replace("annual: 30000", "annual: 40000"));
    Loader loader = new Loader(new BundledSchemas());
    Shared shared = new Shared(bytes -> 0);
    FolderSource first = new FolderSource(head, "head");
    loader.load(first, Optional.empty(), LoadCache.NONE, null, shared.keeping(first));

    LoadResult taken =
        loader.load(
            new FolderSource(base, "base"),
            Optional.empty(),
            LoadCache.NONE,
            null,
            shared.taking());
    LoadResult read = loader.load(new FolderSource(base, "base"), Optional.empty());

    assertThat(shape(taken)).isEqualTo(shape(read)).contains("annual=30000");
    assertThat(shared.taken()).isPositive();
  }

  /** The models as text, without the anchors (objects of each load). */
  private static String shape(LoadResult load) {
    return load.models().toString().replaceAll("Anchor@[0-9a-f]+", "");
  }
}
