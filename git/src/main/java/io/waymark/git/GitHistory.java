package io.waymark.git;

import io.waymark.engine.finding.Suggestion;
import io.waymark.engine.history.Commit;
import io.waymark.engine.history.FileHistory;
import io.waymark.engine.history.FileVersion;
import io.waymark.engine.history.History;
import io.waymark.engine.history.HistoryGap;
import io.waymark.engine.history.Revision;
import io.waymark.engine.history.UnknownRevisionException;
import io.waymark.engine.load.RepositorySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.jgit.diff.DiffConfig;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.diff.RenameDetector;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.errors.NoWorkTreeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The history of a roadmap folder in the Git repository that contains it, read with JGit.
 *
 * <p>{@link #versions(String)} walks the <em>first-parent</em> chain from the start revision (what
 * {@code git log --first-parent --follow} shows): each commit is compared with its first parent
 * only, so a merge is listed once, when it changed the file on the main line, and the commits of a
 * merged branch are not listed beside it. That keeps the versions a line of states the plan of
 * record went through, in commit order, which is what the history rules compare (a due date moved
 * on a branch and again on the main line must not look like two slips). Renames are followed: where
 * the file appears in a commit, Git's rename detection (similarity of 50 % or more, as {@code git
 * log --follow}) names the path it had before, as long as that path is inside the roadmap folder.
 *
 * <p>Not thread-safe for concurrent walks: the public methods are synchronized; the sources of
 * revisions can be read from many threads while the history is open.
 */
public final class GitHistory implements History {

  static final String NOT_A_REPOSITORY = "not a Git repository";
  static final String NO_COMMITS = "the Git repository has no commits yet";

  /** Git's default for {@code --follow}; JGit's own default is 60. */
  private static final int RENAME_SCORE = 50;

  private final Repository repository;
  private final String where;
  private final String prefix;
  private final RevCommit start;
  private final Optional<String> limitation;
  private final ObjectReader reader;
  private final TreeCache trees;
  private final RevWalk walk;
  private final DiffConfig diffConfig;
  private final Set<ObjectId> shallowCommits;
  private final boolean partialClone;
  private final boolean grafted;

  /** The index GIT_INDEX_FILE names for this repository, or null: the repository's own. */
  private final Path indexFile;

  private GitHistory(
      Repository repository,
      String where,
      String prefix,
      ObjectReader reader,
      RevWalk walk,
      RevCommit start,
      Optional<String> limitation,
      Path indexFile) {
    this.indexFile = indexFile;
    this.repository = repository;
    this.where = where;
    this.prefix = prefix;
    this.reader = reader;
    this.trees = new TreeCache(reader);
    this.walk = walk;
    this.start = start;
    this.limitation = limitation;
    this.diffConfig = repository.getConfig().get(DiffConfig.KEY);
    Set<ObjectId> shallow;
    try {
      shallow = Set.copyOf(repository.getObjectDatabase().getShallowCommits());
    } catch (IOException e) {
      shallow = Set.of();
    }
    this.shallowCommits = shallow;
    this.partialClone = isPartialClone(repository);
    this.grafted = limitation.filter(l -> l.startsWith("grafted")).isPresent();
  }

  /** A partial clone ({@code --filter=...}): Git fetches missing objects on demand, JGit not. */
  private static boolean isPartialClone(Repository repository) {
    org.eclipse.jgit.lib.StoredConfig config = repository.getConfig();
    if (config.getString("extensions", null, "partialclone") != null) {
      return true;
    }
    for (String remote : config.getSubsections("remote")) {
      if (config.getBoolean("remote", remote, "promisor", false)
          || config.getString("remote", remote, "partialclonefilter") != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Opens the history of {@code folder}.
   *
   * @param folder the roadmap folder: the Git repository is searched in it and its parents (a
   *     {@code .git} file, as in a linked work tree or a submodule, counts)
   * @param start where the history starts: {@code HEAD}, a branch, a tag, a commit id, {@code
   *     HEAD~2}, ...
   * @return {@link History#none} when there is no repository or no commit yet
   * @throws UnknownRevisionException when {@code start} names no commit
   */
  public static History open(Path folder, String start) throws IOException {
    return open(folder, start, System.getenv());
  }

  /** As {@link #open(Path, String)}, with Git's location variables read from {@code env}. */
  static History open(Path folder, String start, Map<String, String> env) throws IOException {
    Objects.requireNonNull(start, "start revision");
    GitSystemConfig.apply();
    Path dir = real(folder);
    FileRepositoryBuilder builder;
    String gitDirVariable = env.getOrDefault("GIT_DIR", "");
    if (!gitDirVariable.isEmpty()) {
      // Git takes this repository wherever the folder is (a bare repository with a work tree
      // elsewhere, `git --git-dir ... --work-tree ...` and the hooks it runs): so does Waymark.
      Path gitDir = real(Path.of(gitDirVariable));
      if (!Files.isRegularFile(gitDir.resolve(Constants.HEAD))) {
        return History.none("GIT_DIR names " + gitDir + ", which is not a Git repository");
      }
      builder = new FileRepositoryBuilder().setGitDir(gitDir.toFile());
      String workTree = env.getOrDefault("GIT_WORK_TREE", "");
      if (!workTree.isEmpty()) {
        builder.setWorkTree(real(Path.of(workTree)).toFile());
      }
    } else {
      if (noRepositoryAbove(dir)) {
        return History.none(NOT_A_REPOSITORY);
      }
      Optional<String> broken = brokenGitFile(dir);
      if (broken.isPresent()) {
        return History.none(broken.get());
      }
      builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
      if (builder.getGitDir() == null) {
        return History.none(NOT_A_REPOSITORY);
      }
    }
    Repository repository = builder.setMustExist(true).build();
    GitSystemConfig.learned();
    DeltaBaseLimit.atLeast(0);
    boolean handedOver = false;
    try {
      Optional<String> unread = unreadObjectFormat(repository);
      if (unread.isPresent()) {
        return History.none(unread.get());
      }
      Optional<String> prefix = prefix(repository, dir);
      if (prefix.isEmpty()) {
        return History.none(outsideTheWorkTree(repository, dir));
      }
      if (repository.resolve(Constants.HEAD) == null
          && repository.getRefDatabase().getRefsByPrefix(Constants.R_REFS).isEmpty()) {
        return History.none(NO_COMMITS);
      }
      String where = repository.getWorkTree().toString();
      ObjectReader reader = repository.newObjectReader();
      RevWalk walk = new RevWalk(reader);
      try {
        RevCommit first = resolve(repository, walk, start, where);
        History history =
            new GitHistory(
                repository,
                where,
                prefix.get(),
                reader,
                walk,
                first,
                shallowOrGrafted(repository),
                indexFile(repository, env));
        handedOver = true;
        return history;
      } finally {
        if (!handedOver) {
          walk.close();
          reader.close();
        }
      }
    } finally {
      if (!handedOver) {
        repository.close();
      }
    }
  }

  @Override
  public boolean available() {
    return true;
  }

  @Override
  public Optional<String> limitation() {
    return limitation;
  }

  @Override
  public List<FileVersion> versions(String path) throws IOException {
    return fileHistory(path).versions();
  }

  @Override
  public FileHistory fileHistory(String path) throws IOException {
    List<FileVersion> versions = new ArrayList<>();
    Optional<HistoryGap> gap = eachVersion(path, versions::add);
    return new FileHistory(versions, gap);
  }

  @Override
  public synchronized Optional<HistoryGap> eachVersion(String path, Consumer<FileVersion> visitor)
      throws IOException {
    String file = checkedPath(path);
    String tracked = prefix + file;
    RevCommit commit = start;
    TreePath entries;
    try {
      entries = TreePath.in(trees, commit.getTree(), TreePath.names(tracked));
    } catch (IOException e) {
      return Optional.of(gap(file, commit(commit), commit, e, "tree"));
    }
    ObjectId blob = entries.blob();
    // Room for a base of this file's size (see DeltaBaseLimit), in a reader of its own made after
    // the limit is set.
    DeltaBaseLimit.atLeast(2 * sizeOf(blob));
    try (ObjectReader contents = repository.newObjectReader()) {
      return walkVersions(file, tracked, commit, entries, contents, visitor);
    }
  }

  /** A blob's size, or 0 when there is none or it cannot be read (its read then says why). */
  private long sizeOf(ObjectId blob) {
    if (blob == null) {
      return 0;
    }
    try {
      return reader.getObjectSize(blob, Constants.OBJ_BLOB);
    } catch (IOException e) {
      return 0;
    }
  }

  private Optional<HistoryGap> walkVersions(
      String file,
      String tracked,
      RevCommit commit,
      TreePath entries,
      ObjectReader contents,
      Consumer<FileVersion> visitor) {
    Commit oldestRead = null;
    ObjectId blob = entries.blob();
    for (int depth = 0; commit != null; depth++) {
      Optional<HistoryGap> cut = Optional.empty();
      RevCommit parent = null;
      if (commit.getParentCount() == 0) {
        if (shallowCommits.contains(commit)) {
          cut =
              Optional.of(
                  new HistoryGap(
                      HistoryGap.Kind.SHALLOW,
                      file,
                      commit(commit),
                      "shallow clone: history before commit "
                          + commit.name().substring(0, 7)
                          + " ("
                          + commit(commit).date()
                          + ") is not available"));
        }
      } else {
        try {
          parent = walk.parseCommit(commit.getParent(0));
        } catch (IOException e) {
          cut = Optional.of(gap(file, commit(commit), commit, e, "parent commit"));
        }
      }
      String parentPath = tracked;
      TreePath parentEntries = null;
      ObjectId parentBlob = null;
      if (parent != null) {
        try {
          parentEntries =
              parent.getTree().equals(commit.getTree())
                  ? entries
                  : TreePath.in(trees, parent.getTree(), entries.names(), entries);
          parentBlob = parentEntries.blob();
          if (blob != null && parentBlob == null) {
            Optional<String> renamedFrom = renamedFrom(parent, commit, tracked);
            if (renamedFrom.isPresent()) {
              parentPath = renamedFrom.get();
              parentEntries = TreePath.in(trees, parent.getTree(), TreePath.names(parentPath));
              parentBlob = parentEntries.blob();
            }
          }
        } catch (IOException e) {
          cut = Optional.of(gap(file, commit(commit), parent, e, "tree"));
          parent = null;
          parentPath = tracked;
          parentEntries = null;
          parentBlob = null;
        }
      }
      if (blob != null && (!blob.equals(parentBlob) || !parentPath.equals(tracked))) {
        byte[] bytes;
        try {
          bytes = content(contents, blob);
        } catch (IOException e) {
          // This version's content is gone: the file is known from the newer versions on.
          Commit known = oldestRead == null ? commit(commit) : oldestRead;
          return Optional.of(gap(file, known, commit, e, "file"));
        }
        oldestRead = commit(commit);
        visitor.accept(
            new FileVersion(
                oldestRead, tracked.substring(prefix.length()), bytes, depth, blob.name()));
      }
      if (cut.isPresent()) {
        // The file did not exist at the boundary: its whole history was read.
        return blob == null ? Optional.empty() : cut;
      }
      commit = parent;
      tracked = parentPath;
      entries = parentEntries;
      blob = parentBlob;
    }
    return Optional.empty();
  }

  /**
   * The gap where an object of the history of {@code file} could not be read.
   *
   * @param known the oldest commit whose version of the file is known
   * @param at the commit whose object failed
   * @param what "file", "tree", "parent commit"
   */
  private HistoryGap gap(String file, Commit known, RevCommit at, IOException e, String what) {
    HistoryGap.Kind kind;
    String reason;
    String where = " of " + file + " at commit " + at.name().substring(0, 7);
    if (e instanceof MissingObjectException missing) {
      String id = missing.getObjectId() == null ? "" : " " + missing.getObjectId().name();
      if (partialClone && !"parent commit".equals(what)) {
        kind = HistoryGap.Kind.PARTIAL_CLONE;
        reason =
            "partial clone: the "
                + what
                + where
                + " was not fetched (Git object"
                + id
                + "), so older versions cannot be read";
      } else if (grafted) {
        kind = HistoryGap.Kind.GRAFTED;
        reason = "grafted repository: the " + what + where + " is missing (Git object" + id + ")";
      } else {
        kind = HistoryGap.Kind.MISSING_OBJECT;
        reason = "the " + what + where + " is missing from the repository (Git object" + id + ")";
      }
    } else {
      kind = HistoryGap.Kind.CORRUPT_OBJECT;
      reason = "the " + what + where + " cannot be read: " + e.getMessage();
    }
    return new HistoryGap(kind, file, known, reason);
  }

  @Override
  public synchronized Revision revision(String name) throws IOException {
    RevCommit commit = resolve(repository, walk, name, where);
    return revisionOf(commit, name);
  }

  /**
   * The revision's tree below the roadmap folder, following a move of the folder: where the folder
   * does not exist at {@code commit}, Git's rename detection over the files now in it names the
   * folder they came from.
   */
  private Revision revisionOf(RevCommit commit, String label) throws IOException {
    String at = prefix;
    Optional<String> moved = Optional.empty();
    if (!prefix.isEmpty() && !isFolder(commit, prefix)) {
      moved = movedFrom(commit);
      at = moved.orElse(prefix);
    }
    List<String> limitations = new ArrayList<>();
    for (String module : submodules(start, prefix)) {
      limitations.add(
          module + " is a submodule: its files are not part of this repository's history");
    }
    for (String module : submodules(commit, at)) {
      String text = module + " is a submodule: its files are not part of this repository's history";
      if (!limitations.contains(text)) {
        limitations.add(text);
      }
    }
    return new Revision(
        commit(commit),
        new GitTreeSource(repository, commit.getTree(), at, label, partialClone),
        moved.map(m -> m.isEmpty() ? "." : m.substring(0, m.length() - 1)),
        limitations);
  }

  private boolean isFolder(RevCommit commit, String folder) throws IOException {
    try (TreeWalk entry =
        TreeWalk.forPath(reader, folder.substring(0, folder.length() - 1), commit.getTree())) {
      return entry != null && entry.isSubtree();
    }
  }

  /** The gitlinks (submodules) in {@code folder} of {@code commit}, as work-tree paths. */
  private List<String> submodules(RevCommit commit, String folder) throws IOException {
    List<String> found = new ArrayList<>();
    try (TreeWalk tree = new TreeWalk(reader)) {
      tree.setRecursive(true);
      tree.addTree(commit.getTree());
      if (!folder.isEmpty()) {
        tree.setFilter(PathFilter.create(folder.substring(0, folder.length() - 1)));
      }
      while (tree.next()) {
        if (tree.getFileMode(0) == FileMode.GITLINK) {
          found.add(tree.getPathString());
        }
      }
    }
    return found;
  }

  /**
   * Where the files now in the roadmap folder were at {@code old}: the folder most of the renames
   * between {@code old} and the start come from, with a trailing slash.
   */
  private Optional<String> movedFrom(RevCommit old) throws IOException {
    List<DiffEntry> changes;
    try (TreeWalk diff = new TreeWalk(reader)) {
      diff.setRecursive(true);
      diff.addTree(old.getTree());
      diff.addTree(start.getTree());
      diff.setFilter(TreeFilter.ANY_DIFF);
      changes = DiffEntry.scan(diff);
    }
    RenameDetector renames = new RenameDetector(reader, diffConfig);
    renames.setRenameScore(RENAME_SCORE);
    renames.setRenameLimit(Math.max(diffConfig.getRenameLimit(), 5_000));
    for (DiffEntry change : changes) {
      boolean added =
          change.getChangeType() == ChangeType.ADD && change.getNewPath().startsWith(prefix);
      boolean deleted =
          change.getChangeType() == ChangeType.DELETE && TreePath.isRegular(change.getOldMode());
      if (added || deleted) {
        renames.add(change);
      }
    }
    Map<String, Integer> votes = new HashMap<>();
    for (DiffEntry change : renames.compute()) {
      if (change.getChangeType() != ChangeType.RENAME) {
        continue;
      }
      String inside = change.getNewPath().substring(prefix.length());
      String oldPath = change.getOldPath();
      if (oldPath.equals(inside)) {
        votes.merge("", 1, Integer::sum);
      } else if (oldPath.endsWith("/" + inside)) {
        votes.merge(oldPath.substring(0, oldPath.length() - inside.length()), 1, Integer::sum);
      }
    }
    return votes.entrySet().stream()
        .sorted(
            Map.Entry.<String, Integer>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /**
   * Not synchronized: the comparison reads through readers of its own, so the history rules can
   * read the history meanwhile (see {@link WorkTreeIndex}).
   */
  @Override
  public Optional<Set<String>> workTreeChanges(
      String commit,
      RepositorySource workTree,
      Map<String, RepositorySource.Entry> listed,
      Predicate<String> judged) {
    ObjectId id;
    try {
      id = ObjectId.fromString(commit);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return WorkTreeIndex.changes(repository, indexFile, id, prefix, workTree, listed, judged);
  }

  /**
   * The index GIT_INDEX_FILE names (relative to the current folder, as Git reads it) when it is
   * this repository's: with GIT_DIR set, or inside this repository's Git directory (what {@code git
   * commit -a} hands its hooks); null for the repository's own index.
   */
  private static Path indexFile(Repository repository, Map<String, String> env) {
    String named = env.getOrDefault("GIT_INDEX_FILE", "");
    if (named.isEmpty()) {
      return null;
    }
    Path file = Path.of(named).toAbsolutePath().normalize();
    boolean ours =
        !env.getOrDefault("GIT_DIR", "").isEmpty()
            || real(file.getParent()).equals(real(repository.getDirectory().toPath()));
    return ours ? file : null;
  }

  @Override
  public synchronized Optional<Revision> mergeBase(String name) throws IOException {
    RevCommit other = resolve(repository, walk, name, where);
    try (RevWalk bases = new RevWalk(reader)) {
      bases.setRevFilter(RevFilter.MERGE_BASE);
      bases.markStart(bases.parseCommit(start));
      bases.markStart(bases.parseCommit(other));
      RevCommit found = bases.next();
      if (found == null) {
        return Optional.empty();
      }
      return Optional.of(revisionOf(walk.parseCommit(found), found.name()));
    } catch (MissingObjectException e) {
      // A shallow clone can end before the common ancestor.
      return Optional.empty();
    }
  }

  @Override
  public synchronized Optional<Commit> lastCommitOnOrBefore(LocalDate day) throws IOException {
    // Newest first along the first parents: with skewed clocks the first match is still the
    // state the line had reached, never a commit of a merged branch.
    for (RevCommit commit = start; commit != null; ) {
      Commit c = commit(commit);
      if (!c.date().isAfter(day)) {
        return Optional.of(c);
      }
      commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
    }
    return Optional.empty();
  }

  /**
   * The same repository from {@code start}, sharing it (its use count is raised, so each history
   * closes on its own); its own reader and walk, so the two can be read one after the other.
   */
  @Override
  public synchronized Optional<History> from(String start) throws IOException {
    ObjectReader otherReader = repository.newObjectReader();
    RevWalk otherWalk = new RevWalk(otherReader);
    boolean handedOver = false;
    try {
      RevCommit first = resolve(repository, otherWalk, start, where);
      repository.incrementOpen();
      History history =
          new GitHistory(
              repository, where, prefix, otherReader, otherWalk, first, limitation, indexFile);
      handedOver = true;
      return Optional.of(history);
    } finally {
      if (!handedOver) {
        otherWalk.close();
        otherReader.close();
      }
    }
  }

  @Override
  public synchronized void close() {
    walk.close();
    reader.close();
    repository.close();
  }

  /**
   * True when no folder from {@code dir} up is known to hold a {@code .git} entry or a {@code HEAD}
   * entry: JGit's search ({@link FileRepositoryBuilder#findGitDir}) then finds no repository (it
   * takes a folder's {@code .git} folder or file, or a folder that is a repository itself, which
   * has a {@code HEAD}), and the history is none without starting JGit (its classes and its reading
   * of the Git configuration: a good part of a run in a folder outside Git). Links are not
   * followed: a link named so is an entry, and an entry that cannot be told absent (a folder that
   * cannot be read) leaves the search to JGit.
   */
  static boolean noRepositoryAbove(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      if (!Files.notExists(d.resolve(Constants.DOT_GIT), java.nio.file.LinkOption.NOFOLLOW_LINKS)
          || !Files.notExists(d.resolve(Constants.HEAD), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
    }
    return true;
  }

  /**
   * A {@code .git} file (a linked work tree, a submodule, {@code --separate-git-dir}) in the folder
   * or a parent whose Git directory cannot be opened: without this, the search would go on above it
   * and read another repository, or none, silently.
   */
  private static Optional<String> brokenGitFile(Path dir) {
    for (Path d = dir; d != null; d = d.getParent()) {
      Path dotGit = d.resolve(Constants.DOT_GIT);
      if (Files.isDirectory(dotGit, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
      if (Files.isRegularFile(dotGit, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        String text;
        try {
          text = Files.readString(dotGit, java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
          return Optional.of("the .git file in " + d + " cannot be read: " + e.getMessage());
        }
        if (!text.startsWith("gitdir:")) {
          return Optional.of("the .git file in " + d + " does not name a Git directory");
        }
        Path target = d.resolve(text.substring("gitdir:".length()).strip()).normalize();
        if (!Files.isDirectory(target) || !Files.isRegularFile(target.resolve(Constants.HEAD))) {
          return Optional.of(
              "the .git file in "
                  + d
                  + " points to "
                  + target
                  + ", which cannot be opened (a --separate-git-dir or linked work tree whose Git"
                  + " directory was moved, deleted or not mounted)");
        }
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Path real(Path folder) {
    Path absolute = folder.toAbsolutePath().normalize();
    try {
      return absolute.toRealPath();
    } catch (IOException e) {
      return absolute;
    }
  }

  /**
   * Why JGit cannot read {@code repository}: its object names are not SHA-1 ({@code git init
   * --object-format=sha256}); JGit would take the first 40 digits of a name for a SHA-1 one.
   */
  static Optional<String> unreadObjectFormat(Repository repository) {
    String format = repository.getConfig().getString("extensions", null, "objectformat");
    if (format == null || format.equalsIgnoreCase("sha1")) {
      return Optional.empty();
    }
    return Optional.of(
        "the Git repository uses "
            + format.toUpperCase(java.util.Locale.ROOT).replace("SHA", "SHA-")
            + " object names (extensions.objectFormat), which Waymark's Git library does not"
            + " read yet");
  }

  /**
   * Why a folder in which a repository was found has no place in a work tree: the repository is
   * bare (a server's, {@code git clone --bare}), or the folder is inside the Git directory; else (a
   * folder outside GIT_WORK_TREE) it is in no repository's work tree.
   */
  private static String outsideTheWorkTree(Repository repository, Path folder) {
    if (repository.isBare()) {
      return "a bare Git repository ("
          + repository.getDirectory()
          + "): it has no work tree, and Waymark reads a roadmap folder of one; run it in a clone"
          + " (`git clone "
          + repository.getDirectory()
          + "`)";
    }
    if (folder.startsWith(real(repository.getDirectory().toPath()))) {
      return "inside the Git directory " + repository.getDirectory() + ", not in its work tree";
    }
    return NOT_A_REPOSITORY;
  }

  /** The folder relative to the work tree, with a trailing slash; empty outside the work tree. */
  private static Optional<String> prefix(Repository repository, Path folder) {
    if (repository.isBare()) {
      return Optional.empty();
    }
    Path workTree;
    try {
      workTree = real(repository.getWorkTree().toPath());
    } catch (NoWorkTreeException e) {
      return Optional.empty();
    }
    Path gitDir = real(repository.getDirectory().toPath());
    if (!folder.startsWith(workTree) || folder.startsWith(gitDir)) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    workTree.relativize(folder).forEach(p -> parts.add(p.toString()));
    parts.removeIf(String::isEmpty);
    return Optional.of(parts.isEmpty() ? "" : String.join("/", parts) + "/");
  }

  private static RevCommit resolve(Repository repository, RevWalk walk, String name, String where)
      throws IOException {
    ObjectId id;
    try {
      id = repository.resolve(name);
    } catch (AmbiguousObjectException e) {
      throw new UnknownRevisionException(
          "ambiguous revision '" + name + "' in " + where + ": give more digits");
    } catch (RevisionSyntaxException | IncorrectObjectTypeException e) {
      throw new UnknownRevisionException("unknown revision '" + name + "' in " + where);
    }
    if (id == null) {
      throw new UnknownRevisionException(
          "unknown revision '" + name + "' in " + where + ": " + whyUnknown(repository, name));
    }
    try {
      return walk.parseCommit(id);
    } catch (IncorrectObjectTypeException e) {
      throw new UnknownRevisionException(
          "revision '" + name + "' in " + where + " is not a commit");
    } catch (MissingObjectException e) {
      boolean shallow = !repository.getObjectDatabase().getShallowCommits().isEmpty();
      throw new UnknownRevisionException(
          "unknown revision '"
              + name
              + "' in "
              + where
              + ": commit "
              + id.name()
              + " is missing"
              + (shallow
                  ? " from this shallow clone: fetch the full history with `git fetch"
                      + " --unshallow` (in CI: fetch-depth: 0 in GitHub Actions, GIT_DEPTH: 0 in"
                      + " GitLab, no shallow clone in Jenkins)"
                  : ""));
    }
  }

  /**
   * Why a revision name resolves to nothing, and the exact command that fetches it: CI checkouts
   * are shallow and fetch only the branch being built, so {@code origin/main} is often simply not
   * there; else it is a typo.
   */
  static String whyUnknown(Repository repository, String name) throws IOException {
    Optional<String> beyond = beyondTheHistory(repository, name);
    if (beyond.isPresent()) {
      return beyond.get();
    }
    boolean shallow = !repository.getObjectDatabase().getShallowCommits().isEmpty();
    Set<String> remotes = repository.getRemoteNames();
    List<String> refs = new ArrayList<>();
    for (org.eclipse.jgit.lib.Ref ref : repository.getRefDatabase().getRefs()) {
      refs.add(Repository.shortenRefName(ref.getName()));
    }
    String unshallow = shallow ? "--unshallow " : "";
    String clone =
        shallow
            ? "this is a shallow clone (as CI checkouts are by default), and"
            : "this clone has no such branch:";
    int slash = name.indexOf('/');
    if (slash > 0 && remotes.contains(name.substring(0, slash)) && slash < name.length() - 1) {
      String remote = name.substring(0, slash);
      String branch = name.substring(slash + 1);
      Optional<String> near = Suggestion.nearest(name, refs);
      if (near.isPresent() && !near.get().equals(name)) {
        return "not fetched, or a typo (did you mean '"
            + near.get()
            + "'?); "
            + clone
            + " '"
            + name
            + "' was not fetched: fetch it with `git fetch "
            + unshallow
            + remote
            + " +refs/heads/"
            + branch
            + ":refs/remotes/"
            + name
            + "`";
      }
      return clone
          + " '"
          + name
          + "' was not fetched: fetch it with `git fetch "
          + unshallow
          + remote
          + " +refs/heads/"
          + branch
          + ":refs/remotes/"
          + name
          + "` (in CI: fetch-depth: 0 in GitHub Actions, GIT_DEPTH: 0 in GitLab, no shallow"
          + " clone in Jenkins)";
    }
    for (String remote : remotes.stream().sorted().toList()) {
      if (refs.contains(remote + "/" + name)) {
        return "there is no local branch '"
            + name
            + "'; did you mean '"
            + remote
            + "/"
            + name
            + "'?";
      }
    }
    Optional<String> near = Suggestion.nearest(name, refs);
    if (near.isPresent()) {
      return "no branch, tag or commit of that name; did you mean '" + near.get() + "'?";
    }
    if (name.matches("[0-9a-fA-F]{4,40}") && shallow) {
      return "commit "
          + name
          + " is not in this shallow clone: fetch the full history with `git fetch --unshallow`";
    }
    if (remotes.isEmpty()) {
      return "no branch, tag or commit of that name (a typo?)";
    }
    String remote =
        remotes.contains("origin") ? "origin" : remotes.stream().sorted().findFirst().get();
    return "no branch, tag or commit of that name: a typo, or "
        + (shallow ? "not fetched into this shallow clone" : "not fetched")
        + "; to fetch branch '"
        + name
        + "' of "
        + remote
        + ": `git fetch "
        + unshallow
        + remote
        + " +refs/heads/"
        + name
        + ":refs/remotes/"
        + remote
        + "/"
        + name
        + "`, then use '"
        + remote
        + "/"
        + name
        + "'";
  }

  /** A revision name with ancestry steps ({@code HEAD~2}, {@code main^2}, {@code v1^^}). */
  private static final Pattern ANCESTRY = Pattern.compile("(.+?)((?:[~^][0-9]{0,6})+)");

  private static final Pattern STEP = Pattern.compile("([~^])([0-9]*)");

  /**
   * Why {@code HEAD~1}, {@code main^2} and the like name no commit where their base does: the walk
   * back leaves the history at a shallow clone's boundary (whose parents were not fetched: {@code
   * HEAD~1} in a CI checkout of depth 1), past the first commit, or to a parent the commit does not
   * have. Empty when the base names no commit either.
   */
  private static Optional<String> beyondTheHistory(Repository repository, String name)
      throws IOException {
    Matcher ancestry = ANCESTRY.matcher(name);
    if (!ancestry.matches()) {
      return Optional.empty();
    }
    ObjectId base;
    try {
      base = repository.resolve(ancestry.group(1));
    } catch (RevisionSyntaxException | AmbiguousObjectException | IncorrectObjectTypeException e) {
      return Optional.empty();
    }
    if (base == null) {
      return Optional.empty();
    }
    Set<ObjectId> shallow = repository.getObjectDatabase().getShallowCommits();
    try (RevWalk walk = new RevWalk(repository)) {
      RevCommit commit = walk.parseCommit(base);
      Matcher step = STEP.matcher(ancestry.group(2));
      while (step.find()) {
        int n = step.group(2).isEmpty() ? 1 : Integer.parseInt(step.group(2));
        boolean firstParents = step.group(1).equals("~");
        int parent = firstParents ? 0 : n - 1;
        for (int i = 0; i < (firstParents ? n : Math.min(n, 1)); i++) {
          if (commit.getParentCount() > parent) {
            commit = walk.parseCommit(commit.getParent(parent));
            continue;
          }
          String id = commit.name().substring(0, 7);
          if (commit.getParentCount() == 0 && shallow.contains(commit)) {
            return Optional.of(
                "it goes back before commit "
                    + id
                    + ", where the history of this shallow clone ends (as CI checkouts do by"
                    + " default): fetch the full history with `git fetch --unshallow` (in CI:"
                    + " fetch-depth: 0 in GitHub Actions, GIT_DEPTH: 0 in GitLab, no shallow clone"
                    + " in Jenkins)");
          }
          if (commit.getParentCount() == 0) {
            return Optional.of(
                "it goes back past commit "
                    + id
                    + ", the first commit of its history ("
                    + commit(commit).date()
                    + ")");
          }
          return Optional.of(
              "commit "
                  + id
                  + (commit.getParentCount() == 1
                      ? " is not a merge commit: it has one parent"
                      : " has " + commit.getParentCount() + " parents")
                  + ", not "
                  + n);
        }
      }
    } catch (MissingObjectException | IncorrectObjectTypeException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * Grafts ({@code info/grafts}) replace commits' parents: JGit does not apply them, so the history
   * read here may differ from what {@code git log} shows; say so.
   */
  private static Optional<String> grafted(Repository repository) throws IOException {
    for (Path dir : List.of(repository.getDirectory().toPath(), common(repository))) {
      Path grafts = dir.resolve("info").resolve("grafts");
      if (Files.isRegularFile(grafts) && Files.size(grafts) > 0) {
        return Optional.of(
            "grafted repository: info/grafts rewrites the parents of some commits, so the"
                + " history is not the real one");
      }
    }
    return Optional.empty();
  }

  private static Path common(Repository repository) {
    java.io.File common = repository.getCommonDirectory();
    return (common == null ? repository.getDirectory() : common).toPath();
  }

  private static Optional<String> shallowOrGrafted(Repository repository) throws IOException {
    Optional<String> shallow = shallow(repository);
    return shallow.isPresent() ? shallow : grafted(repository);
  }

  private static Optional<String> shallow(Repository repository) throws IOException {
    Set<ObjectId> boundary = repository.getObjectDatabase().getShallowCommits();
    if (boundary.isEmpty()) {
      // The object database reads the shallow file of the common directory; a linked work tree
      // might keep its own.
      Path file = repository.getDirectory().toPath().resolve("shallow");
      return Files.isRegularFile(file) && Files.size(file) > 0
          ? Optional.of("shallow clone: history is not complete")
          : Optional.empty();
    }
    String ids =
        boundary.stream()
            .map(id -> id.name().substring(0, 7))
            .sorted()
            .collect(Collectors.joining(", "));
    return Optional.of(
        "shallow clone: history before commit"
            + (boundary.size() > 1 ? "s " : " ")
            + ids
            + " is not available");
  }

  private static String checkedPath(String path) {
    if (path == null
        || path.isEmpty()
        || path.startsWith("/")
        || path.contains("\\")
        || List.of(path.split("/", -1)).stream()
            .anyMatch(p -> p.isEmpty() || p.equals(".") || p.equals(".."))) {
      throw new IllegalArgumentException(
          "not a path relative to the roadmap folder: '" + path + "'");
    }
    return path;
  }

  /** Where {@code path}, new in {@code commit}, was renamed from inside the roadmap folder. */
  private Optional<String> renamedFrom(RevCommit parent, RevCommit commit, String path)
      throws IOException {
    List<DiffEntry> changes;
    try (TreeWalk diff = new TreeWalk(reader)) {
      diff.setRecursive(true);
      diff.addTree(parent.getTree());
      diff.addTree(commit.getTree());
      diff.setFilter(
          prefix.isEmpty()
              ? TreeFilter.ANY_DIFF
              : AndTreeFilter.create(
                  PathFilter.create(prefix.substring(0, prefix.length() - 1)),
                  TreeFilter.ANY_DIFF));
      changes = DiffEntry.scan(diff);
    }
    RenameDetector renames = new RenameDetector(reader, diffConfig);
    renames.setRenameScore(RENAME_SCORE);
    for (DiffEntry change : changes) {
      boolean added = change.getChangeType() == ChangeType.ADD && change.getNewPath().equals(path);
      boolean deleted =
          change.getChangeType() == ChangeType.DELETE && TreePath.isRegular(change.getOldMode());
      if (added || deleted) {
        renames.add(change);
      }
    }
    for (DiffEntry change : renames.compute()) {
      if (change.getChangeType() == ChangeType.RENAME && change.getNewPath().equals(path)) {
        return Optional.of(change.getOldPath());
      }
    }
    return Optional.empty();
  }

  private static byte[] content(ObjectReader contents, ObjectId blob) throws IOException {
    try {
      return contents.open(blob, Constants.OBJ_BLOB).getBytes();
    } catch (LargeObjectException e) {
      throw new IOException("blob " + blob.name() + " is too large to read", e);
    }
  }

  static Commit commit(RevCommit commit) {
    PersonIdent committer = commit.getCommitterIdent();
    Instant time =
        committer != null
            ? committer.getWhenAsInstant()
            : Instant.ofEpochSecond(commit.getCommitTime());
    PersonIdent author = commit.getAuthorIdent();
    return new Commit(
        commit.name(),
        time,
        author == null ? "" : author.getName(),
        subject(commit.getFullMessage()),
        commit.getParentCount());
  }

  private static String subject(String message) {
    String text = message.strip();
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }
}
