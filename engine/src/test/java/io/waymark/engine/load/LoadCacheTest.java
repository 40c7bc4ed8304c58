package io.waymark.engine.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.waymark.engine.Fixtures;
import io.waymark.engine.model.Document;
import io.waymark.engine.model.Positions;
import io.waymark.engine.model.SourceNode;
import io.waymark.engine.schema.BundledSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-disk cache: what a warm run still reads, and that a pack that is corrupt, truncated,
 * foreign, of another configuration or reached through a symbolic link is never trusted.
 */
class LoadCacheTest {

  private static final Loader LOADER = new Loader(new BundledSchemas());
  private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path dir;
  Path repo;
  Path cacheDir;

  @BeforeEach
  void setUp() throws IOException {
    repo = Fixtures.copyExample(dir.resolve("repo"));
    deleteTree(repo.resolve(".waymark")); // a cache of the example's own runs, if any
    age(repo);
    cacheDir = dir.resolve("cache");
  }

  private LoadResult load(CountingSource source, LoadCache cache) throws IOException {
    return LOADER.load(source, Optional.empty(), cache);
  }

  @Test
  void shouldReadNoUnchangedFileOnAWarmRunAndOnlyTheChangedOne() throws IOException {
    FolderCache cache = new FolderCache(cacheDir);
    CountingSource cold = new CountingSource(repo);
    String reference = LoadSummary.of(load(cold, cache));
    int files = cold.reads.get();
    assertThat(files).isGreaterThan(10);

    CountingSource warm = new CountingSource(repo);
    assertThat(LoadSummary.of(load(warm, cache))).isEqualTo(reference);
    assertThat(warm.reads.get()).as("files read on a warm run").isZero();

    Path roadmap = repo.resolve("roadmap.yaml");
    Files.writeString(
        roadmap,
        Files.readString(roadmap).replaceFirst("\nspec:", "\n# a comment\nspec:"),
        StandardCharsets.UTF_8);
    Files.setLastModifiedTime(roadmap, FileTime.from(LONG_AGO.plusSeconds(5)));
    CountingSource changed = new CountingSource(repo);
    LoadResult after = load(changed, cache);
    assertThat(changed.reads.get()).as("files read after one changed").isEqualTo(1);
    assertThat(LoadSummary.of(after))
        .isEqualTo(LoadSummary.of(load(new CountingSource(repo), LoadCache.NONE)));
  }

  @Test
  void shouldGiveBackTheSameDocumentTreesFromThePackAsFromTheFiles() throws IOException {
    // A document that fails its schema keeps its values (the id index reads its loose ids); one
    // whose error sits in a sequence item has a partial model; a valid one keeps positions only.
    Path useCases = repo.resolve("use-cases");
    Path sample;
    try (Stream<Path> files = Files.list(useCases)) {
      sample = files.sorted().findFirst().orElseThrow();
    }
    String text = Files.readString(sample);
    Files.writeString(
        useCases.resolve("broken-top.yaml"),
        text.replace("id: uc-", "id: uc-broken-top-").replace("\nspec:", "\nspec:\n  bogus: 1"));
    Files.writeString(
        repo.resolve("not-waymark.yaml"), "just: [a, {list: 1.50}, true, ~]\n\"x\": 'y'\n");
    Files.writeString(
        useCases.resolve("two-docs.yaml"),
        text.replace("id: uc-", "id: uc-first-")
            + "\n---\n"
            + text.replace("id: uc-", "id: uc-second-").replace("\nspec:", "\nspec:\n  x: [1]"));
    age(repo);
    LoadResult fresh = load(new CountingSource(repo), LoadCache.NONE);
    FolderCache cache = new FolderCache(cacheDir);
    load(new CountingSource(repo), cache);
    CountingSource warm = new CountingSource(repo);
    LoadResult cached = load(warm, cache);
    assertThat(warm.reads.get()).isZero();

    assertThat(cached.documents()).hasSameSizeAs(fresh.documents());
    assertThat(fresh.documents()).anyMatch(d -> !d.valid()).anyMatch(Document::valid);
    int nodes = 0;
    for (int i = 0; i < fresh.documents().size(); i++) {
      Document a = fresh.documents().get(i);
      Document b = cached.documents().get(i);
      assertThat(b.file() + b.index() + b.kind() + b.id() + b.valid())
          .isEqualTo(a.file() + a.index() + a.kind() + a.id() + a.valid());
      nodes += sameTree(a.file() + "#" + a.index(), a.root(), b.root());
      if (a.valid()) {
        assertThat(b.root().get("kind").orElseThrow().value()).as("released").isNull();
      } else {
        assertThat(b.root().get("kind").orElseThrow().value()).isEqualTo(a.kind().id());
      }
    }
    assertThat(nodes).isGreaterThan(1_000);
    assertThat(cached.models()).hasSameSizeAs(fresh.models());
  }

  /** Same shapes, keys, values, items and positions (of values and keys), node by node. */
  private static int sameTree(String where, SourceNode a, SourceNode b) {
    assertThat(b.shape()).as(where).isEqualTo(a.shape());
    assertThat(b.value()).as(where).isEqualTo(a.value());
    assertThat(b.line()).as(where).isEqualTo(a.line());
    assertThat(b.column()).as(where).isEqualTo(a.column());
    assertThat(b.positions().line()).as(where).isEqualTo(a.positions().line());
    assertThat(new ArrayList<>(b.keys())).as(where).isEqualTo(new ArrayList<>(a.keys()));
    assertThat(b.items()).as(where).hasSameSizeAs(a.items());
    int count = 1;
    for (String key : a.keys()) {
      Positions ka = a.key(key).orElseThrow();
      Positions kb = b.key(key).orElseThrow();
      assertThat(kb.line() + ":" + kb.column())
          .as(where + "/" + key)
          .isEqualTo(ka.line() + ":" + ka.column());
      count += sameTree(where + "/" + key, a.get(key).orElseThrow(), b.get(key).orElseThrow());
    }
    for (int i = 0; i < a.items().size(); i++) {
      count += sameTree(where + "/" + i, a.items().get(i), b.items().get(i));
    }
    assertThat(b.get("no such key")).isEmpty();
    assertThat(b.child(String.valueOf(a.items().size()))).isEmpty();
    return count;
  }

  /** Appends a comment to a file and dates it a little later than the rest (an edit). */
  private static void edit(Path file, int seconds) throws IOException {
    Files.writeString(file, Files.readString(file) + "\n# edited " + seconds + "\n");
    Files.setLastModifiedTime(file, FileTime.from(LONG_AGO.plusSeconds(seconds)));
  }

  private List<Path> useCases() throws IOException {
    try (Stream<Path> files = Files.list(repo.resolve("use-cases"))) {
      return files.sorted().toList();
    }
  }

  /**
   * The files of a Git revision (the staged ones the pre-commit hook judges): no stamps, content
   * from {@code staged} where given, else the work tree's.
   */
  private static final class Staged extends CountingSource {
    final Map<String, byte[]> staged;

    Staged(Path root, Map<String, byte[]> staged) {
      super(root);
      this.staged = staged;
    }

    @Override
    byte[] bytes(String path) throws IOException {
      byte[] bytes = staged.get(path);
      return bytes != null ? bytes : source.read(path);
    }

    @Override
    public String stamp(String path) {
      return "";
    }
  }

  /**
   * A revision's files are taken from the pack by their content (read and hashed, not parsed) with
   * the findings of a run without it; they leave the work tree's stamps alone, so the next run on
   * the work tree still reads nothing; a staged content of its own is stored beside the pack alone.
   */
  @Test
  void shouldTakeARevisionsFilesByContentAndKeepTheWorkTreesStamps() throws IOException {
    FolderCache cache = new FolderCache(cacheDir);
    Path pack = cacheDir.resolve(FolderCache.PACK);
    Path changes = cacheDir.resolve(FolderCache.CHANGES);
    load(new CountingSource(repo), cache);
    byte[] written = Files.readAllBytes(pack);

    Staged same = new Staged(repo, Map.of());
    assertThat(LoadSummary.of(LOADER.load(same, Optional.empty(), cache)))
        .isEqualTo(
            LoadSummary.of(
                LOADER.load(new Staged(repo, Map.of()), Optional.empty(), LoadCache.NONE)));
    assertThat(same.reads.get()).isGreaterThan(10);
    assertThat(Files.readAllBytes(pack)).isEqualTo(written);
    assertThat(changes).doesNotExist();
    CountingSource workTree = new CountingSource(repo);
    load(workTree, cache);
    assertThat(workTree.reads.get()).as("work-tree files read after a revision's run").isZero();

    Path useCase = useCases().get(0);
    String name = repo.relativize(useCase).toString().replace('\\', '/');
    Map<String, byte[]> edited =
        Map.of(name, (Files.readString(useCase) + "\n# staged\n").getBytes(StandardCharsets.UTF_8));
    Staged one = new Staged(repo, edited);
    assertThat(LoadSummary.of(LOADER.load(one, Optional.empty(), cache)))
        .isEqualTo(
            LoadSummary.of(
                LOADER.load(new Staged(repo, edited), Optional.empty(), LoadCache.NONE)));
    assertThat(Files.readAllBytes(pack)).isEqualTo(written);
    assertThat(Files.size(changes)).isPositive().isLessThan(written.length / 4);
    CountingSource back = new CountingSource(repo);
    assertThat(LoadSummary.of(load(back, cache)))
        .isEqualTo(LoadSummary.of(load(new CountingSource(repo), LoadCache.NONE)));
    assertThat(back.reads.get()).as("only the file whose staged content differed").isEqualTo(1);
  }

  @Test
  void shouldWriteOnlyTheChangedEntriesBesideThePackUntilTheyAreMany() throws IOException {
    FolderCache cache = new FolderCache(cacheDir);
    Path pack = cacheDir.resolve(FolderCache.PACK);
    Path changes = cacheDir.resolve(FolderCache.CHANGES);
    load(new CountingSource(repo), cache);
    byte[] written = Files.readAllBytes(pack);
    assertThat(changes).doesNotExist();

    // One file changed: the pack stays as it was, the changed entry goes beside it.
    edit(useCases().get(0), 5);
    CountingSource one = new CountingSource(repo);
    assertThat(LoadSummary.of(load(one, cache)))
        .isEqualTo(LoadSummary.of(load(new CountingSource(repo), LoadCache.NONE)));
    assertThat(one.reads.get()).isEqualTo(1);
    assertThat(Files.readAllBytes(pack)).isEqualTo(written);
    assertThat(Files.size(changes)).isPositive().isLessThan(written.length / 4);
    CountingSource warm = new CountingSource(repo);
    assertThat(LoadSummary.of(load(warm, cache)))
        .isEqualTo(LoadSummary.of(load(new CountingSource(repo), LoadCache.NONE)));
    assertThat(warm.reads.get()).as("files read with the changes applied").isZero();

    // Another one: only it is read; the first one's entry stays in the changes.
    edit(useCases().get(1), 6);
    CountingSource two = new CountingSource(repo);
    assertThat(LoadSummary.of(load(two, cache)))
        .isEqualTo(LoadSummary.of(load(new CountingSource(repo), LoadCache.NONE)));
    assertThat(two.reads.get()).isEqualTo(1);

    // A file deleted: left out of the result, nothing read, the pack still as it was.
    Files.delete(useCases().get(2));
    CountingSource gone = new CountingSource(repo);
    assertThat(LoadSummary.of(load(gone, cache)))
        .isEqualTo(LoadSummary.of(load(new CountingSource(repo), LoadCache.NONE)));
    assertThat(gone.reads.get()).isZero();
    assertThat(Files.readAllBytes(pack)).isEqualTo(written);
    CountingSource after = new CountingSource(repo);
    load(after, cache);
    assertThat(after.reads.get()).isZero();

    // Most files changed: the whole pack is written again and the changes file goes.
    int seconds = 10;
    try (Stream<Path> files = Files.walk(repo)) {
      for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        if (!f.getFileName().toString().equals(Loader.CONFIG_FILE)) {
          edit(f, seconds++);
        }
      }
    }
    assertThat(LoadSummary.of(load(new CountingSource(repo), cache)))
        .isEqualTo(LoadSummary.of(load(new CountingSource(repo), LoadCache.NONE)));
    assertThat(Files.readAllBytes(pack)).isNotEqualTo(written);
    assertThat(changes).doesNotExist();
    CountingSource rewritten = new CountingSource(repo);
    load(rewritten, cache);
    assertThat(rewritten.reads.get()).isZero();
  }

  @Test
  void shouldIgnoreAndReplaceAChangesFileThatIsCorruptTruncatedOrCopiedIn() throws IOException {
    FolderCache cache = new FolderCache(cacheDir);
    Path changes = cacheDir.resolve(FolderCache.CHANGES);
    load(new CountingSource(repo), cache);
    edit(useCases().get(0), 5);
    load(new CountingSource(repo), cache);
    byte[] good = Files.readAllBytes(changes);
    String reference = LoadSummary.of(load(new CountingSource(repo), LoadCache.NONE));

    List<byte[]> bad = new ArrayList<>();
    byte[] flipped = good.clone();
    flipped[flipped.length / 2] ^= 0x20;
    bad.add(flipped);
    bad.add(Arrays.copyOf(good, good.length - 9));
    bad.add(new byte[0]);
    for (byte[] bytes : bad) {
      // Written in place: the same file, so only its content can give it away.
      Files.write(changes, bytes);
      CountingSource run = new CountingSource(repo);
      assertThat(LoadSummary.of(load(run, cache))).isEqualTo(reference);
      assertThat(run.reads.get()).as("the changed file read again").isEqualTo(1);
      CountingSource next = new CountingSource(repo);
      load(next, cache);
      assertThat(next.reads.get()).as("replaced by a good one").isZero();
    }

    // A good changes file copied in (another file than the one written): not trusted.
    Path copy = cacheDir.resolve("copy");
    Files.write(copy, Files.readAllBytes(changes));
    Files.move(copy, changes, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    CountingSource run = new CountingSource(repo);
    assertThat(LoadSummary.of(load(run, cache))).isEqualTo(reference);
    assertThat(run.reads.get()).isEqualTo(1);
  }

  @Test
  void shouldApplyAChangesFileOnlyToThePackItNames() throws IOException {
    FolderCache cache = new FolderCache(cacheDir);
    load(new CountingSource(repo), cache);
    byte[] pack = Files.readAllBytes(cacheDir.resolve(FolderCache.PACK));
    String fingerprint = fingerprintOf(pack);
    String identity = cache.read().orElseThrow().identity();
    String named = CachePack.parse(pack, fingerprint, identity).orElseThrow().reference();
    Path file = useCases().get(0);
    String path = "use-cases/" + file.getFileName();
    String reference = LoadSummary.of(load(new CountingSource(repo), LoadCache.NONE));
    // An entry that lies (garbage for the file's current stamp): used only where it applies.
    CachePack.Entry lie =
        new CachePack.Entry(path, stampOf(file), new byte[32], new byte[] {1, 0, 3, 'x'}, 0, 4);
    for (String target : List.of(named, "1:2 0000000000000000", "")) {
      cache
          .changesStore()
          .write(id -> CachePack.writeChanges(fingerprint, id, target, List.of(), List.of(lie)));
      CountingSource run = new CountingSource(repo);
      assertThat(LoadSummary.of(load(run, cache))).isEqualTo(reference);
      assertThat(run.reads.get())
          .as("applied to " + target)
          .isEqualTo(target.equals(named) ? 1 : 0);
    }
  }

  @Test
  void shouldKeepALoneSurrogateThroughThePack() throws IOException {
    Path odd = repo.resolve("odd.yaml");
    Files.writeString(
        odd, "apiVersion: waymark/v1\nkind: \"Road\\uD800map\"\nmetadata: {id: odd}\n");
    Files.setLastModifiedTime(odd, FileTime.from(LONG_AGO));
    String reference = LoadSummary.of(load(new CountingSource(repo), LoadCache.NONE));
    assertThat(reference).contains("Road\uD800map");

    FolderCache cache = new FolderCache(cacheDir);
    assertThat(LoadSummary.of(load(new CountingSource(repo), cache)))
        .as("cold")
        .isEqualTo(reference);
    CountingSource warm = new CountingSource(repo);
    assertThat(LoadSummary.of(load(warm, cache))).as("warm").isEqualTo(reference);
    assertThat(warm.reads.get()).isZero();
  }

  @Test
  void shouldReadAFileChangedInTheLastSecondsEvenWithAnUnchangedStamp() throws IOException {
    FolderCache cache = new FolderCache(cacheDir);
    Path roadmap = repo.resolve("roadmap.yaml");
    Files.setLastModifiedTime(roadmap, FileTime.from(Instant.now()));
    load(new CountingSource(repo), cache);
    CountingSource warm = new CountingSource(repo);
    load(warm, cache);
    assertThat(warm.reads.get()).as("a file too recent to stamp is read (and hashed)").isEqualTo(1);
  }

  @Test
  void shouldIgnoreAndRebuildACorruptTruncatedOrForeignPack() throws IOException {
    FolderCache cache = new FolderCache(cacheDir);
    String reference = LoadSummary.of(load(new CountingSource(repo), LoadCache.NONE));
    load(new CountingSource(repo), cache);
    Path pack = cacheDir.resolve(FolderCache.PACK);
    byte[] good = Files.readAllBytes(pack);

    List<byte[]> bad = new ArrayList<>();
    byte[] flipped = good.clone();
    flipped[good.length / 3] ^= 0x01;
    bad.add(flipped);
    bad.add(Arrays.copyOf(good, good.length / 2));
    bad.add(Arrays.copyOf(good, 5));
    bad.add(new byte[0]);
    bad.add("not a cache at all".getBytes(StandardCharsets.UTF_8));
    byte[] otherVersion = good.clone();
    otherVersion[CachePack.MAGIC.length + 1] = 99;
    bad.add(otherVersion);
    for (byte[] b : bad) {
      Files.write(pack, b);
      CountingSource run = new CountingSource(repo);
      assertThat(LoadSummary.of(load(run, cache))).isEqualTo(reference);
      assertThat(run.reads.get()).as("every file is read again").isGreaterThan(10);
      assertThat(Files.readAllBytes(pack)).as("and the pack is rebuilt").hasSize(good.length);
    }
  }

  @Test
  void shouldNotTrustAPackCopiedInFromElsewhere() throws IOException {
    FolderCache cache = new FolderCache(cacheDir);
    load(new CountingSource(repo), cache);
    Path pack = cacheDir.resolve(FolderCache.PACK);
    // The same bytes in another file (a copy, a checkout, a CI cache restore): another inode.
    Path copy = cacheDir.resolve("copy");
    Files.copy(pack, copy);
    Files.move(copy, pack, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    CountingSource run = new CountingSource(repo);
    load(run, cache);
    assertThat(run.reads.get()).isGreaterThan(10);
  }

  @Test
  void shouldNotTrustAPackWhoseEntriesLieAboutTheirContent() throws IOException {
    // A pack with a valid frame and checksum whose payload is garbage: the file is read instead.
    FolderCache cache = new FolderCache(cacheDir);
    String reference = LoadSummary.of(load(new CountingSource(repo), LoadCache.NONE));
    load(new CountingSource(repo), cache);
    LoadCache.Stored stored = cache.read().orElseThrow();
    byte[] forged =
        CachePack.write(
            CacheRun.ENGINE
                + "|"
                + fingerprintOf(stored.bytes()).substring(CacheRun.ENGINE.length() + 1),
            stored.identity(),
            List.of(
                new CachePack.Entry(
                    "roadmap.yaml",
                    stampOf(repo.resolve("roadmap.yaml")),
                    new byte[32],
                    new byte[] {1, 0, 3, 'x'},
                    0,
                    4)));
    writeAs(cache, forged);
    CountingSource run = new CountingSource(repo);
    assertThat(LoadSummary.of(load(run, cache))).isEqualTo(reference);
  }

  @Test
  void shouldNotUseAPackOfAnotherConfiguration() throws IOException {
    FolderCache cache = new FolderCache(cacheDir);
    load(new CountingSource(repo), cache);
    Path config = repo.resolve("waymark.yaml");
    Files.writeString(config, Files.readString(config) + "\n# changed\n");
    CountingSource run = new CountingSource(repo);
    load(run, cache);
    assertThat(run.reads.get()).isGreaterThan(10);
  }

  @Test
  void shouldNeitherReadNorWriteThroughASymbolicLink() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    // A symlinked .waymark folder: refused, nothing written where it points.
    Files.createSymbolicLink(repo.resolve(".waymark"), outside);
    LoadCache linked = new FolderCache(repo.resolve(FolderCache.DEFAULT), repo);
    load(new CountingSource(repo), linked);
    assertThat(linked.read()).isEmpty();
    try (Stream<Path> written = Files.list(outside)) {
      assertThat(written).isEmpty();
    }
    Files.delete(repo.resolve(".waymark"));

    // A symlinked cache folder.
    Files.createDirectories(repo.resolve(".waymark"));
    Files.createSymbolicLink(repo.resolve(FolderCache.DEFAULT), outside);
    load(new CountingSource(repo), linked);
    try (Stream<Path> written = Files.list(outside)) {
      assertThat(written).isEmpty();
    }
    Files.delete(repo.resolve(FolderCache.DEFAULT));

    // A symlinked pack: never read; a write replaces the link, never the file it names.
    Files.createDirectories(repo.resolve(FolderCache.DEFAULT));
    FolderCache good = new FolderCache(cacheDir);
    load(new CountingSource(repo), good);
    Path target = outside.resolve("pack");
    Files.copy(cacheDir.resolve(FolderCache.PACK), target);
    Path pack = repo.resolve(FolderCache.DEFAULT).resolve(FolderCache.PACK);
    Files.createSymbolicLink(pack, target);
    assertThat(linked.read()).isEmpty();
    byte[] before = Files.readAllBytes(target);
    load(new CountingSource(repo), linked);
    assertThat(Files.readAllBytes(target)).isEqualTo(before);
    assertThat(Files.isSymbolicLink(pack)).isFalse();
    assertThat(Files.isRegularFile(pack, LinkOption.NOFOLLOW_LINKS)).isTrue();
  }

  @Test
  void shouldKeepTheCacheFolderOutOfGit() throws IOException {
    LoadCache cache = new FolderCache(repo.resolve(FolderCache.DEFAULT), repo);
    load(new CountingSource(repo), cache);
    assertThat(Files.readString(repo.resolve(FolderCache.DEFAULT).resolve(".gitignore")))
        .contains("\n*\n");
  }

  @Test
  void shouldNotFailTheRunWhenTheCacheCannotBeWritten() throws IOException {
    Files.writeString(dir.resolve("blocked"), "a file where the folder should be");
    LoadCache cache = new FolderCache(dir.resolve("blocked").resolve("cache"));
    String reference = LoadSummary.of(load(new CountingSource(repo), LoadCache.NONE));
    assertThat(LoadSummary.of(load(new CountingSource(repo), cache))).isEqualTo(reference);
  }

  /**
   * The payloads of the files a run read wait for the pack in a scratch file beside the cache, not
   * in memory: the pack is the same entry for entry as one written from memory (a store without
   * scratch space, or whose scratch cannot be made), and no scratch file is left behind.
   */
  @Test
  void shouldWriteThePackFromTheScratchFileAsFromMemoryAndLeaveNoScratchBehind()
      throws IOException {
    FolderCache onDisk = new FolderCache(cacheDir);
    String reference = LoadSummary.of(load(new CountingSource(repo), onDisk));
    FolderCache memory = new FolderCache(dir.resolve("memory"));
    FolderCache failing = new FolderCache(dir.resolve("failing"));
    LoadCache withoutScratch = withScratch(memory, () -> Optional.empty());
    LoadCache scratchFails =
        withScratch(
            failing,
            () -> {
              throw new IOException("no space left on device");
            });

    assertThat(LoadSummary.of(load(new CountingSource(repo), withoutScratch))).isEqualTo(reference);
    assertThat(LoadSummary.of(load(new CountingSource(repo), scratchFails))).isEqualTo(reference);

    List<String> written = entryTexts(onDisk.read().orElseThrow().bytes());
    assertThat(written).hasSizeGreaterThan(10);
    assertThat(entryTexts(memory.read().orElseThrow().bytes())).isEqualTo(written);
    assertThat(entryTexts(failing.read().orElseThrow().bytes())).isEqualTo(written);
    try (Stream<Path> left = Files.list(cacheDir)) {
      assertThat(left.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder(".gitignore", FolderCache.PACK);
    }
    CountingSource warm = new CountingSource(repo);
    assertThat(LoadSummary.of(load(warm, onDisk))).isEqualTo(reference);
    assertThat(warm.reads.get()).as("files read on a warm run").isZero();
  }

  @Test
  void shouldReadTheStartOfAFileOfTheCacheAlone() throws IOException {
    FolderCache cache = new FolderCache(cacheDir);
    byte[] bytes = new byte[10_000];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    cache.write(identity -> bytes);

    assertThat(cache.readStart(100).orElseThrow().bytes()).isEqualTo(Arrays.copyOf(bytes, 100));
    assertThat(cache.readStart(100_000).orElseThrow().bytes()).isEqualTo(bytes);
    assertThat(cache.readStart(100).orElseThrow().identity())
        .isEqualTo(cache.read().orElseThrow().identity());
  }

  /** What scratch() gives, for a store that otherwise is {@code cache}. */
  @FunctionalInterface
  private interface ScratchMaker {
    Optional<java.nio.channels.FileChannel> make() throws IOException;
  }

  private static LoadCache withScratch(FolderCache cache, ScratchMaker scratch) {
    return new LoadCache() {
      @Override
      public Optional<Stored> read() throws IOException {
        return cache.read();
      }

      @Override
      public void write(Function<String, byte[]> content) throws IOException {
        cache.write(content);
      }

      @Override
      public void writeStreamed(Function<String, Writer> content) throws IOException {
        cache.writeStreamed(content);
      }

      @Override
      public Optional<java.nio.channels.FileChannel> scratch() throws IOException {
        return scratch.make();
      }
    };
  }

  /** Each entry of a pack as a text: path, stamp, hash and payload. */
  private static List<String> entryTexts(byte[] pack) {
    java.util.HexFormat hex = java.util.HexFormat.of();
    return entries(pack).stream()
        .map(
            e ->
                e.path()
                    + " "
                    + e.stamp()
                    + " "
                    + hex.formatHex(e.hash())
                    + " "
                    + hex.formatHex(e.payload(), e.offset(), e.offset() + e.length()))
        .toList();
  }

  private static String fingerprintOf(byte[] pack) {
    CachePack.Bytes in = new CachePack.Bytes(pack, CachePack.MAGIC.length, pack.length - 8);
    in.u16();
    return in.string();
  }

  private static String stampOf(Path file) throws IOException {
    return FolderSource.stamp(
        FolderWalk.stat(file, FolderWalk.unix(file.getFileSystem())), System.currentTimeMillis());
  }

  private static void writeAs(LoadCache cache, byte[] bytes) throws IOException {
    // Keep the identity the store gives the new file: the forged pack names it.
    Function<String, byte[]> content =
        identity -> {
          CachePack.Bytes in = new CachePack.Bytes(bytes, CachePack.MAGIC.length, bytes.length - 8);
          in.u16();
          String fingerprint = in.string();
          return CachePack.write(fingerprint, identity, entries(bytes));
        };
    cache.write(content);
  }

  private static List<CachePack.Entry> entries(byte[] pack) {
    CachePack.Bytes in = new CachePack.Bytes(pack, CachePack.MAGIC.length, pack.length - 8);
    in.u16();
    in.string();
    in.string();
    int n = in.i32();
    List<CachePack.Entry> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String path = in.string();
      String stamp = in.string();
      byte[] hash = in.bytes(CachePack.HASH_BYTES);
      int length = in.i32();
      int offset = in.skip(length);
      out.add(new CachePack.Entry(path, stamp, hash, pack, offset, length));
    }
    return out;
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

  private static void age(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
        Files.setLastModifiedTime(f, FileTime.from(LONG_AGO));
      }
    }
  }
}
