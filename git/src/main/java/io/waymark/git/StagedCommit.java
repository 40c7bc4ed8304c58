package io.waymark.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.errors.UnmergedPathException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * {@code validate --staged}: the index of the Git repository that contains DIR as a commit on top
 * of {@code HEAD}, so that what is about to be committed is validated straight from the object
 * database (as {@code --rev} does), whatever the work tree holds besides: unstaged changes and
 * untracked files play no part. The commit is written as {@code git write-tree} and {@code git
 * commit-tree} would, unreferenced (no branch moves; Git's garbage collection removes it), which is
 * what the pre-commit hooks need. The index is the one Git's hooks are given in {@code
 * GIT_INDEX_FILE} when it is set ({@code git commit -a}, {@code git commit PATH}). Before the first
 * commit of a repository, when nothing else refers to a commit yet, a temporary ref {@value
 * #FIRST_COMMIT_REF} points at it until {@link #close()}, so that its history can be read.
 */
public final class StagedCommit implements AutoCloseable {

  /** The ref that holds the commit of the index while a repository has no commit of its own. */
  public static final String FIRST_COMMIT_REF = "refs/waymark/staged";

  private final String id;
  private final Path gitDir;

  private StagedCommit(String id, Path gitDir) {
    this.id = id;
    this.gitDir = gitDir;
  }

  /** The commit's id. */
  public String id() {
    return id;
  }

  /** Removes the temporary ref of a first commit, if there is one. */
  @Override
  public void close() {
    if (gitDir == null) {
      return;
    }
    try (Repository repository = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).build()) {
      RefUpdate delete = repository.updateRef(FIRST_COMMIT_REF);
      delete.setForceUpdate(true);
      delete.delete();
    } catch (IOException e) {
      throw new GitProblem(
          "--staged: cannot remove the temporary ref " + FIRST_COMMIT_REF + ": " + e.getMessage());
    }
  }

  /**
   * Writes the commit of the index of the repository that contains the folder {@code dir}.
   *
   * @param display how messages name {@code dir}
   * @throws GitProblem when there is no repository, the index has unmerged paths or cannot be
   *     written
   */
  public static StagedCommit write(Path dir, String display) {
    return write(dir, display, System.getenv());
  }

  /** As {@link #write(Path, String)}, with Git's variables read from {@code env}. */
  static StagedCommit write(Path dir, String display, java.util.Map<String, String> env) {
    GitSystemConfig.apply();
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().findGitDir(dir.toAbsolutePath().toFile());
    if (builder.getGitDir() == null) {
      throw new GitProblem("--staged: '" + display + "' is not in a Git repository");
    }
    String indexFile = env.getOrDefault("GIT_INDEX_FILE", "");
    if (!indexFile.isEmpty()) {
      // What `git commit -a` and `git commit PATH` are about to commit: an index of their own,
      // which the hook is told of (relative to the current folder, as Git reads it).
      builder.setIndexFile(Path.of(indexFile).toAbsolutePath().toFile());
    }
    try (Repository repository = builder.setMustExist(true).build();
        ObjectInserter inserter = repository.newObjectInserter()) {
      Optional<String> unread = GitHistory.unreadObjectFormat(repository);
      if (unread.isPresent()) {
        throw new GitProblem("--staged: " + unread.get());
      }
      DirCache index = repository.readDirCache();
      ObjectId tree = index.writeTree(inserter);
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(tree);
      ObjectId head = repository.resolve("HEAD^{commit}");
      if (head != null) {
        commit.setParentId(head);
      }
      PersonIdent who = new PersonIdent("waymark", "waymark-staged.invalid");
      commit.setAuthor(who);
      commit.setCommitter(who);
      commit.setMessage("waymark --staged: the index as the next commit\n");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      if (head != null) {
        return new StagedCommit(id.name(), null);
      }
      RefUpdate ref = repository.updateRef(FIRST_COMMIT_REF);
      ref.setNewObjectId(id);
      ref.setForceUpdate(true);
      ref.update();
      return new StagedCommit(id.name(), repository.getDirectory().toPath());
    } catch (UnmergedPathException e) {
      throw new GitProblem(
          "--staged: the index has unmerged paths ("
              + e.getMessage()
              + "); resolve the merge conflict and stage the result first");
    } catch (IOException e) {
      throw new GitProblem(
          "--staged: cannot write the staged files of '"
              + display
              + "' as a commit: "
              + e.getMessage());
    }
  }
}
