package io.waymark.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.internal.storage.dfs.DfsRepositoryDescription;
import org.eclipse.jgit.internal.storage.dfs.InMemoryRepository;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;

/**
 * {@link TreePath} against JGit's own lookup ({@code TreeWalk.forPath} and the file's mode), for
 * every kind of entry at the path or on the way to it, read fresh and read from the entries of each
 * other tree (the walk's shortcut).
 */
class TreePathTest {

  private final InMemoryRepository repository =
      new InMemoryRepository(new DfsRepositoryDescription("trees"));
  private final ObjectInserter inserter = repository.newObjectInserter();

  private ObjectId blob(String text) throws IOException {
    return inserter.insert(Constants.OBJ_BLOB, text.getBytes(StandardCharsets.UTF_8));
  }

  /** A tree of {@code entries} (name → mode and id), given in Git's order. */
  private ObjectId tree(Object... entries) throws IOException {
    TreeFormatter tree = new TreeFormatter();
    for (int i = 0; i < entries.length; i += 3) {
      tree.append((String) entries[i], (FileMode) entries[i + 1], (ObjectId) entries[i + 2]);
    }
    return inserter.insert(tree);
  }

  /** {@code a/b/<leaf>} with the leaf given, and a sibling of {@code b} in {@code a}. */
  private ObjectId plan(FileMode mode, ObjectId leaf, String sibling) throws IOException {
    ObjectId b = tree("c.yaml", mode, leaf);
    ObjectId a = tree("b", FileMode.TREE, b, "notes.yaml", FileMode.REGULAR_FILE, blob(sibling));
    return tree("a", FileMode.TREE, a, "z.txt", FileMode.REGULAR_FILE, blob("z"));
  }

  private static ObjectId forPath(ObjectReader reader, ObjectId tree, String path)
      throws IOException {
    try (TreeWalk walk = TreeWalk.forPath(reader, path, tree)) {
      if (walk == null) {
        return null;
      }
      FileMode mode = walk.getFileMode(0);
      return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE
          ? walk.getObjectId(0)
          : null;
    }
  }

  @Test
  void shouldFindWhatJGitFindsForEveryEntryAndFromEveryOtherTree() throws IOException {
    ObjectId x = blob("kind: Roadmap\n");
    ObjectId y = blob("kind: Roadmap\nx: 1\n");
    Map<String, ObjectId> trees = new LinkedHashMap<>();
    trees.put("regular", plan(FileMode.REGULAR_FILE, x, "n1"));
    trees.put("same file, other sibling", plan(FileMode.REGULAR_FILE, x, "n2"));
    trees.put("other content", plan(FileMode.REGULAR_FILE, y, "n1"));
    trees.put("executable", plan(FileMode.EXECUTABLE_FILE, x, "n1"));
    trees.put("symbolic link", plan(FileMode.SYMLINK, blob("../elsewhere.yaml"), "n1"));
    // A link whose target text is the file's very content: the same object, another mode.
    trees.put("symbolic link, same object", plan(FileMode.SYMLINK, x, "n1"));
    trees.put("submodule", plan(FileMode.GITLINK, ObjectId.zeroId(), "n1"));
    trees.put(
        "a folder at the path",
        plan(FileMode.TREE, tree("d.yaml", FileMode.REGULAR_FILE, x), "n1"));
    trees.put("a file on the way", tree("a", FileMode.TREE, tree("b", FileMode.REGULAR_FILE, x)));
    trees.put("no top folder", tree("z.txt", FileMode.REGULAR_FILE, blob("z")));
    trees.put("empty", tree());
    inserter.flush();
    byte[][] names = TreePath.names("a/b/c.yaml");

    try (ObjectReader reader = repository.newObjectReader()) {
      // Trees read fresh for each look-up, kept for all of them, and kept a few at a time.
      Map<String, java.util.function.Supplier<TreeCache>> caches = new LinkedHashMap<>();
      caches.put("fresh", () -> new TreeCache(reader));
      TreeCache shared = new TreeCache(reader);
      caches.put("shared", () -> shared);
      TreeCache small = new TreeCache(reader, 100);
      caches.put("small", () -> small);
      for (Map.Entry<String, java.util.function.Supplier<TreeCache>> cache : caches.entrySet()) {
        for (Map.Entry<String, ObjectId> to : trees.entrySet()) {
          ObjectId expected = forPath(reader, to.getValue(), "a/b/c.yaml");
          assertThat(TreePath.in(cache.getValue().get(), to.getValue(), names).blob())
              .as("%s, read fresh, trees %s", to.getKey(), cache.getKey())
              .isEqualTo(expected);
          for (Map.Entry<String, ObjectId> from : trees.entrySet()) {
            TreePath known = TreePath.in(cache.getValue().get(), from.getValue(), names);
            assertThat(TreePath.in(cache.getValue().get(), to.getValue(), names, known).blob())
                .as("%s, read after %s, trees %s", to.getKey(), from.getKey(), cache.getKey())
                .isEqualTo(expected);
          }
        }
      }
      assertThat(small.size()).as("the small cache let trees go").isLessThan(shared.size());
      assertThat(forPath(reader, trees.get("regular"), "a/b/c.yaml")).isEqualTo(x);
      assertThat(forPath(reader, trees.get("executable"), "a/b/c.yaml")).isEqualTo(x);
    }
  }

  @Test
  void shouldFindAFileAtTheTopAndTellNamesApartByEveryByte() throws IOException {
    ObjectId x = blob("kind: Roadmap\n");
    ObjectId root =
        tree(
            "roadmap.yam",
            FileMode.REGULAR_FILE,
            blob("a"),
            "roadmap.yaml",
            FileMode.REGULAR_FILE,
            x,
            "roadmap.yaml.bak",
            FileMode.REGULAR_FILE,
            blob("b"),
            "ünicode.yaml",
            FileMode.REGULAR_FILE,
            blob("c"));
    inserter.flush();

    try (ObjectReader reader = repository.newObjectReader()) {
      assertThat(TreePath.in(new TreeCache(reader), root, TreePath.names("roadmap.yaml")).blob())
          .isEqualTo(x);
      assertThat(TreePath.in(new TreeCache(reader), root, TreePath.names("ünicode.yaml")).blob())
          .isEqualTo(forPath(reader, root, "ünicode.yaml"))
          .isNotNull();
      assertThat(TreePath.in(new TreeCache(reader), root, TreePath.names("Roadmap.yaml")).blob())
          .isNull();
    }
  }

  @Test
  void shouldReadATreeOnceAndLetTheOldestGoBeyondItsSize() throws IOException {
    ObjectId a = tree("a.yaml", FileMode.REGULAR_FILE, blob("a"));
    ObjectId b = tree("b.yaml", FileMode.REGULAR_FILE, blob("b"));
    inserter.flush();
    try (ObjectReader reader = repository.newObjectReader()) {
      TreeCache trees = new TreeCache(reader, 40);
      byte[] first = trees.get(a);
      assertThat(trees.get(a)).as("kept").isSameAs(first);
      assertThat(first).isEqualTo(reader.open(a, Constants.OBJ_TREE).getBytes());
      trees.get(b);
      assertThat(trees.size()).as("two trees of 34 bytes exceed 40").isEqualTo(1);
      assertThat(trees.get(a)).as("read again after it went").isNotSameAs(first).isEqualTo(first);
    }
  }
}
