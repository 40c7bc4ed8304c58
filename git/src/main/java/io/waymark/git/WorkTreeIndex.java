package io.waymark.git;

import io.waymark.engine.load.GitBlobs;
import io.waymark.engine.load.RepositorySource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.dircache.DirCacheIterator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.submodule.SubmoduleWalk;
import org.eclipse.jgit.treewalk.FileTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.WorkingTreeIterator;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * The work tree of a roadmap folder compared with a commit through Git's index, as {@code git
 * status} compares them: one walk over the commit's tree, the index ({@link DirCacheIterator}) and
 * the work tree ({@link FileTreeIterator}, which never follows a link). A judged file whose stat
 * data match its index entry ({@link WorkingTreeIterator#compareMetadata}), whose entry is not
 * racily clean (its modification time is older than the index file's) and holds the commit's object
 * id is the commit's without being read; any other is read through the roadmap folder's source and
 * hashed. A file a sparse checkout leaves out (skip-worktree bit, the commit's id) is the commit's.
 * The files below a submodule are compared with the commit recorded for it, read from the
 * submodule's own repository, through its own index.
 *
 * <p>Nothing is executed: no clean filter runs. A work-tree file matches a Git LFS pointer when its
 * SHA-256 and size are the pointer's. The index is never trusted beyond what it can vouch for: an
 * assume-unchanged entry and a skip-worktree entry whose file is present are read. An index that
 * cannot be read (none, damaged, a version or extension JGit refuses, a split index, a sparse
 * index) gives no answer, and the caller compares by reading every file.
 */
final class WorkTreeIndex {

  /** How deep submodules inside submodules are followed before giving up (no answer). */
  private static final int SUBMODULE_DEPTH = 8;

  private static final byte[] LFS_POINTER =
      "version https://git-lfs.github.com/spec/v1\n".getBytes(StandardCharsets.US_ASCII);

  /** A pointer file is small (git-lfs refuses pointers larger than 1024 bytes). */
  private static final int LFS_POINTER_MAX = 1024;

  private final RepositorySource workTree;
  private final Predicate<String> judged;
  private final Set<String> changed = new TreeSet<>();

  private WorkTreeIndex(RepositorySource workTree, Predicate<String> judged) {
    this.workTree = workTree;
    this.judged = judged;
  }

  /**
   * The judged paths (relative to the roadmap folder {@code prefix} of {@code repository}) that
   * differ between the work tree and {@code commit}; empty when the index cannot tell.
   *
   * @param indexFile the index to read (GIT_INDEX_FILE), or null for the repository's
   */
  static Optional<Set<String>> changes(
      Repository repository,
      Path indexFile,
      ObjectId commit,
      String prefix,
      RepositorySource workTree,
      Map<String, RepositorySource.Entry> listed,
      Predicate<String> judged) {
    WorkTreeIndex comparison = new WorkTreeIndex(workTree, judged);
    try {
      if (!comparison.compare(repository, indexFile, commit, prefix, "", listed, 0)) {
        return Optional.empty();
      }
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // as if there were no index: the caller reads every file
    }
    return Optional.of(Set.copyOf(comparison.changed));
  }

  /**
   * Compares the files below {@code repoPrefix} of {@code repository} (with its trailing slash, or
   * empty) with {@code commit}; {@code relPrefix} turns a path of the repository into one of the
   * roadmap folder. False when the index cannot tell.
   */
  private boolean compare(
      Repository repository,
      Path indexFile,
      ObjectId commit,
      String repoPrefix,
      String relPrefix,
      Map<String, RepositorySource.Entry> listed,
      int depth)
      throws IOException {
    if (repository.isBare() || splitIndex(repository)) {
      return false;
    }
    Path index = indexFile != null ? indexFile : repository.getIndexFile().toPath();
    Optional<Instant> before = modified(index);
    if (before.isEmpty()) {
      return false;
    }
    DirCache cache = DirCache.read(index.toFile(), repository.getFS());
    if (!modified(index).equals(before)) {
      return false; // written while it was read
    }
    Instant written = before.get();
    Set<String> seen = new HashSet<>();
    Map<String, Gitlink> gitlinks = new TreeMap<>();
    try (ObjectReader reader = repository.newObjectReader();
        RevWalk commits = new RevWalk(reader);
        TreeWalk walk = new TreeWalk(repository, reader)) {
      RevTree tree = commits.parseCommit(commit).getTree();
      walk.setRecursive(true);
      int head = walk.addTree(tree);
      int entries = walk.addTree(new DirCacheIterator(cache));
      int files = walk.addTree(new FileTreeIterator(repository));
      if (!repoPrefix.isEmpty()) {
        walk.setFilter(PathFilter.create(repoPrefix.substring(0, repoPrefix.length() - 1)));
      }
      while (walk.next()) {
        String path = walk.getPathString();
        if (!path.startsWith(repoPrefix)) {
          continue; // the folder itself, when it is a file somewhere
        }
        String rel = relPrefix + path.substring(repoPrefix.length());
        FileMode mode = walk.getFileMode(head);
        if (mode == FileMode.GITLINK) {
          gitlinks.put(rel, new Gitlink(path, walk.getObjectId(head)));
          continue;
        }
        RepositorySource.Entry mine = listed.get(rel);
        if (mine == null && !judged.test(rel)) {
          continue;
        }
        if (!seen.add(rel)) {
          continue; // an unmerged path again, for its next stage: the first visit decided
        }
        DirCacheIterator indexed = walk.getTree(entries, DirCacheIterator.class);
        DirCacheEntry entry = indexed == null ? null : indexed.getDirCacheEntry();
        if (mode == FileMode.MISSING) {
          if (mine != null) {
            changed.add(rel); // new: untracked, or added to the index
          }
          continue;
        }
        ObjectId committed = walk.getObjectId(head);
        if (mine == null) {
          // Absent: the commit's only where a sparse checkout leaves it out.
          boolean sparse =
              entry != null
                  && entry.getStage() == DirCacheEntry.STAGE_0
                  && entry.isSkipWorkTree()
                  && entry.getRawMode() == walk.getRawMode(head)
                  && committed.equals(entry.getObjectId());
          if (!sparse) {
            changed.add(rel);
          }
          continue;
        }
        if (mine.type() != type(mode)) {
          changed.add(rel);
        } else if (mine.type() == RepositorySource.Type.REGULAR
            && !vouched(entry, walk.getTree(files, WorkingTreeIterator.class), committed, written)
            && !sameContent(rel, committed, reader)) {
          changed.add(rel);
        }
      }
    }
    for (Map.Entry<String, RepositorySource.Entry> mine : listed.entrySet()) {
      String rel = mine.getKey();
      if (rel.startsWith(relPrefix) && !seen.contains(rel) && !insideAny(rel, gitlinks)) {
        changed.add(rel); // in no walk: not in the commit (links and unread folders included)
      }
    }
    for (Map.Entry<String, Gitlink> link : gitlinks.entrySet()) {
      if (!submodule(repository, link.getKey(), link.getValue(), listed, depth)) {
        return false;
      }
    }
    return true;
  }

  /** A submodule in a commit: its path in the work tree of the repository, the commit recorded. */
  private record Gitlink(String path, ObjectId recorded) {}

  /**
   * The judged files below the submodule at {@code rel}, compared with the commit recorded for it,
   * read from the submodule's repository, through its own index (which vouches only for files whose
   * entry holds that commit's version). A submodule that is not checked out (no repository) has no
   * file to compare: none is no change, as {@code git status} says. So the answer depends on the
   * files alone, wherever the submodule's {@code HEAD} is: a submodule moved to a commit that
   * changed none of its judged files is no change to the plan.
   */
  private boolean submodule(
      Repository repository,
      String rel,
      Gitlink link,
      Map<String, RepositorySource.Entry> listed,
      int depth)
      throws IOException {
    String inside = rel + "/";
    Map<String, RepositorySource.Entry> below = new TreeMap<>();
    listed.forEach(
        (path, entry) -> {
          if (path.startsWith(inside)) {
            below.put(path, entry);
          }
        });
    if (depth >= SUBMODULE_DEPTH) {
      return false;
    }
    try (Repository module =
        SubmoduleWalk.getSubmoduleRepository(repository.getWorkTree(), link.path())) {
      if (module == null || !module.getObjectDatabase().has(link.recorded())) {
        // Not checked out (as after a clone without --recurse-submodules: no file, no change), or
        // the commit recorded is not there to compare with.
        changed.addAll(below.keySet());
        return true;
      }
      return compare(module, null, link.recorded(), "", inside, below, depth + 1);
    }
  }

  private static boolean insideAny(String rel, Map<String, Gitlink> gitlinks) {
    for (String link : gitlinks.keySet()) {
      if (rel.startsWith(link + "/")) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the index vouches that the work-tree file is the commit's: its entry is merged (stage
   * 0), holds the commit's id, is neither skip-worktree nor assume-unchanged (which would not be
   * checked), is not racily clean, and its stat data match the file's.
   */
  private static boolean vouched(
      DirCacheEntry entry, WorkingTreeIterator file, ObjectId committed, Instant written) {
    if (entry == null
        || file == null
        || entry.getStage() != DirCacheEntry.STAGE_0
        || entry.isSkipWorkTree()
        || entry.isAssumeValid()
        || !committed.equals(entry.getObjectId())
        || !entry.getLastModifiedInstant().isBefore(written)) {
      return false;
    }
    return file.compareMetadata(entry) == WorkingTreeIterator.MetadataDiff.EQUAL;
  }

  /**
   * The file's bytes are the commit's blob: the same id, or the same with CR LF made LF (a checkout
   * with {@code core.autocrlf=true}), or the content a Git LFS pointer blob names.
   */
  private boolean sameContent(String rel, ObjectId committed, ObjectReader reader)
      throws IOException {
    byte[] bytes = workTree.read(rel);
    String id = committed.name();
    if (id.equals(GitBlobs.sha1(bytes))) {
      return true;
    }
    byte[] lf = GitBlobs.withLf(bytes);
    if (lf != bytes && id.equals(GitBlobs.sha1(lf))) {
      return true;
    }
    return reader.getObjectSize(committed, Constants.OBJ_BLOB) <= LFS_POINTER_MAX
        && lfsContent(reader.open(committed, Constants.OBJ_BLOB).getBytes(), bytes);
  }

  /** True when {@code pointer} is a Git LFS pointer to {@code bytes} (SHA-256 and size). */
  static boolean lfsContent(byte[] pointer, byte[] bytes) {
    if (pointer.length < LFS_POINTER.length
        || !Arrays.equals(pointer, 0, LFS_POINTER.length, LFS_POINTER, 0, LFS_POINTER.length)) {
      return false;
    }
    String oid = null;
    String size = null;
    for (String line : new String(pointer, StandardCharsets.US_ASCII).split("\n")) {
      if (line.startsWith("oid sha256:")) {
        oid = line.substring("oid sha256:".length());
      } else if (line.startsWith("size ")) {
        size = line.substring("size ".length());
      }
    }
    if (oid == null || size == null || !size.equals(Long.toString(bytes.length))) {
      return false;
    }
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return oid.equals(HexFormat.of().formatHex(sha256.digest(bytes)));
    } catch (NoSuchAlgorithmException e) {
      return false;
    }
  }

  private static RepositorySource.Type type(FileMode mode) {
    if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
      return RepositorySource.Type.REGULAR;
    }
    return mode == FileMode.SYMLINK ? RepositorySource.Type.SYMLINK : RepositorySource.Type.OTHER;
  }

  /**
   * A split index ({@code core.splitIndex}, {@code git update-index --split-index}): most entries
   * live in a shared index that JGit does not read.
   */
  private static boolean splitIndex(Repository repository) throws IOException {
    if (repository.getConfig().getBoolean("core", null, "splitindex", false)) {
      return true;
    }
    try (var names = Files.list(repository.getDirectory().toPath())) {
      return names.anyMatch(p -> p.getFileName().toString().startsWith("sharedindex."));
    }
  }

  /** The index file's modification time, not following a link; empty when there is none. */
  private static Optional<Instant> modified(Path index) throws IOException {
    try {
      BasicFileAttributes attrs =
          Files.readAttributes(index, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attrs.isRegularFile()
          ? Optional.of(attrs.lastModifiedTime().toInstant())
          : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }
}
