package io.waymark.git;

import io.waymark.engine.history.FetchAdvice;
import io.waymark.engine.load.RepositorySource;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A commit's tree below the roadmap folder, read from the object database without a checkout. It
 * lists exactly what {@link io.waymark.engine.load.FolderSource} lists for a clean checkout of the
 * same commit: the same paths (relative to the folder, sorted the same way), the same skipped
 * folders, symbolic links as {@link Type#SYMLINK} with the length of their target as size, and
 * submodules (gitlinks) as {@link Type#SUBMODULE}. Only regular files are read.
 *
 * <p>A file whose content the repository does not hold (a partial clone fetches old contents only
 * on demand, which JGit cannot do) fails the listing or the read with a {@link GitProblem} that
 * says so: judging the revision without it would report wrong facts.
 *
 * <p>Readable from many threads (the loader reads files in parallel); valid while the history that
 * made it is open.
 */
final class GitTreeSource implements RepositorySource {

  /** The folders {@code FolderSource} skips; Git never stores {@code .git}. */
  private static final Set<String> SKIPPED_DIRS = Set.of(".git", "node_modules", "target");

  private final Repository repository;
  private final ObjectId tree;
  private final String prefix;
  private final String label;
  private final boolean partialClone;
  private Map<String, Blob> files;

  private record Blob(Entry entry, ObjectId id) {}

  /**
   * @param tree the commit's root tree
   * @param prefix the roadmap folder relative to the work tree, with a trailing slash, or empty
   * @param partialClone whether the repository is a partial clone (objects left out on purpose)
   */
  GitTreeSource(
      Repository repository, ObjectId tree, String prefix, String label, boolean partialClone) {
    this.repository = repository;
    this.tree = tree.copy();
    this.prefix = prefix;
    this.label = label;
    this.partialClone = partialClone;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public List<Entry> list() throws IOException {
    return files().values().stream().map(Blob::entry).toList();
  }

  @Override
  public byte[] read(String path) throws IOException {
    if (path == null
        || path.isEmpty()
        || path.startsWith("/")
        || path.contains("\\")
        || List.of(path.split("/", -1)).stream()
            .anyMatch(p -> p.isEmpty() || p.equals(".") || p.equals(".."))) {
      throw new NoSuchFileException(String.valueOf(path), null, "outside the repository");
    }
    Blob file = files().get(path);
    if (file == null) {
      throw new NoSuchFileException(path, null, "not in revision " + label);
    }
    if (file.entry().type() == Type.SYMLINK) {
      throw new NoSuchFileException(path, null, "symbolic link not followed");
    }
    if (file.entry().type() == Type.SUBMODULE) {
      throw new NoSuchFileException(path, null, "a Git submodule, not a regular file");
    }
    if (file.entry().type() != Type.REGULAR) {
      throw new NoSuchFileException(path, null, "not a regular file");
    }
    try (ObjectReader reader = repository.newObjectReader()) {
      return reader.open(file.id(), Constants.OBJ_BLOB).getBytes();
    } catch (MissingObjectException e) {
      throw missing(path, file.id());
    } catch (LargeObjectException e) {
      throw new IOException(path + " in revision " + label + " is too large to read", e);
    }
  }

  /** The blob id: the same id, the same content. */
  @Override
  public String stamp(String path) {
    return blobId(path).map(id -> "git blob " + id).orElse("");
  }

  @Override
  public Optional<String> blobId(String path) {
    try {
      Blob file = files().get(path);
      return file == null || file.entry().type() != Type.REGULAR
          ? Optional.empty()
          : Optional.of(file.id().name());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private synchronized Map<String, Blob> files() throws IOException {
    if (files == null) {
      files = walk();
    }
    return files;
  }

  private Map<String, Blob> walk() throws IOException {
    List<Blob> found = new ArrayList<>();
    try (ObjectReader reader = repository.newObjectReader();
        TreeWalk walk = new TreeWalk(reader)) {
      if (prefix.isEmpty()) {
        walk.addTree(tree);
      } else {
        try (TreeWalk folder =
            TreeWalk.forPath(reader, prefix.substring(0, prefix.length() - 1), tree)) {
          if (folder == null || !folder.isSubtree()) {
            return Map.of(); // the folder did not exist at this commit
          }
          walk.addTree(folder.getObjectId(0));
        }
      }
      while (walk.next()) {
        if (walk.isSubtree()) {
          if (!SKIPPED_DIRS.contains(walk.getNameString())) {
            walk.enterSubtree();
          }
          continue;
        }
        Type type = type(walk.getFileMode(0));
        ObjectId id = walk.getObjectId(0);
        long size;
        try {
          size =
              type == Type.OTHER || type == Type.SUBMODULE
                  ? 0
                  : reader.getObjectSize(id, Constants.OBJ_BLOB);
        } catch (MissingObjectException e) {
          throw missing(walk.getPathString(), id);
        }
        found.add(new Blob(new Entry(walk.getPathString(), type, size), id));
      }
    }
    found.sort(Comparator.comparing(b -> b.entry().path()));
    Map<String, Blob> byPath = new LinkedHashMap<>();
    found.forEach(b -> byPath.put(b.entry().path(), b));
    return byPath;
  }

  /** The file of this revision at {@code path} is not in the repository: what and how to fetch. */
  private GitProblem missing(String path, ObjectId id) {
    String file = prefix + path + " of revision " + label + " (Git object " + id.name() + ")";
    return new GitProblem(
        partialClone
            ? file + " was not fetched (partial clone): " + FetchAdvice.unfilter()
            : file + " is missing from the repository: " + FetchAdvice.repair());
  }

  private static Type type(FileMode mode) {
    if (TreePath.isRegular(mode)) {
      return Type.REGULAR;
    }
    if (mode == FileMode.GITLINK) {
      return Type.SUBMODULE;
    }
    return mode == FileMode.SYMLINK ? Type.SYMLINK : Type.OTHER;
  }
}
