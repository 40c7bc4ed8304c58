package io.waymark.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A real Git repository in a test folder, made with JGit: files written into the work tree and
 * committed on given days (noon UTC), never signed, so commit ids and dates are known to the test.
 */
final class GitWorkTree implements AutoCloseable {

  static final Path EXAMPLE = Path.of("..", "example-roadmap");

  private final Git git;
  private final Path dir;

  private GitWorkTree(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  static GitWorkTree init(Path dir) {
    try {
      return new GitWorkTree(
          Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot create a repository in " + dir, e);
    }
  }

  /** Opens the repository made earlier in {@code dir}. */
  static GitWorkTree open(Path dir) {
    try {
      return new GitWorkTree(Git.open(dir.toFile()), dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path dir() {
    return dir;
  }

  Git git() {
    return git;
  }

  /** Copies the example roadmap into {@code folder} of the work tree. */
  GitWorkTree copyExample(String folder) {
    Path target = dir.resolve(folder);
    try {
      // Without what a validation of the example keeps in .waymark, which may be being written.
      CacheCliTest.copy(EXAMPLE, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  static String example(String relative) {
    try {
      return Files.readString(EXAMPLE.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  GitWorkTree write(String relative, String text) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + relative, e);
    }
  }

  String read(String relative) {
    try {
      return Files.readString(dir.resolve(relative), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the one occurrence of {@code from} in a work-tree file. */
  GitWorkTree replace(String relative, String from, String to) {
    String text = read(relative);
    int at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) {
      throw new IllegalStateException("expected exactly one '" + from + "' in " + relative);
    }
    return write(relative, text.replace(from, to));
  }

  GitWorkTree move(String from, String to) {
    try {
      Path target = dir.resolve(to);
      Files.createDirectories(target.getParent());
      Files.move(dir.resolve(from), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PersonIdent ident(String date) {
    return new PersonIdent(
        "Ada Example",
        "ada@example.com",
        LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC),
        ZoneOffset.UTC);
  }

  /** Commits everything in the work tree (new, changed and deleted files) on {@code date}. */
  RevCommit commit(String message, String date) {
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      return git.commit()
          .setMessage(message)
          .setAuthor(ident(date))
          .setCommitter(ident(date))
          .setAllowEmpty(true)
          .setSign(false)
          .call();
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot commit '" + message + "'", e);
    }
  }

  void branch(String name) {
    try {
      git.checkout().setCreateBranch(true).setName(name).call();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  void checkout(String name) {
    try {
      git.checkout().setName(name).call();
    } catch (GitAPIException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Merges {@code branch} into the current branch with a merge commit on {@code date}. */
  RevCommit merge(String branch, String date) {
    try {
      git.merge()
          .include(git.getRepository().resolve(branch))
          .setFastForward(MergeCommand.FastForwardMode.NO_FF)
          .setCommit(false)
          .call();
      return git.commit()
          .setMessage("Merge " + branch)
          .setAuthor(ident(date))
          .setCommitter(ident(date))
          .setSign(false)
          .call();
    } catch (GitAPIException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    git.getRepository().close();
    git.close();
  }
}
