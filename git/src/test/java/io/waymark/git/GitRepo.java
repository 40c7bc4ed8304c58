package io.waymark.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A real Git repository in a test folder, made with JGit: files written into the work tree and
 * committed with fixed people and dates, so commit times are known and nothing is signed.
 */
final class GitRepo implements AutoCloseable {

  /** When the first commit of every test repository is made; later ones follow a day apart. */
  static final Instant FIRST_DAY = Instant.parse("2027-01-10T10:00:00Z");

  private final Git git;
  private final Path dir;
  private Instant next = FIRST_DAY;

  private GitRepo(Git git, Path dir) {
    this.git = git;
    this.dir = dir;
  }

  static GitRepo init(Path dir) {
    try {
      return new GitRepo(
          Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call(), dir);
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot create a repository in " + dir, e);
    }
  }

  static PersonIdent ident(String name, Instant when) {
    return new PersonIdent(
        name, name.toLowerCase() + "@example.com", when, ZoneOffset.ofHours(name.length() % 3));
  }

  Git git() {
    return git;
  }

  Path dir() {
    return dir;
  }

  /** The time the next {@link #commit(String)} gets. */
  Instant nextTime() {
    return next;
  }

  /** The next {@link #commit(String)} is made at {@code when} (later ones a day after it). */
  GitRepo at(Instant when) {
    next = when;
    return this;
  }

  GitRepo write(String relative, String text) {
    try {
      Path file = dir.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + relative, e);
    }
  }

  GitRepo delete(String relative) {
    try {
      Files.delete(dir.resolve(relative));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + relative, e);
    }
  }

  GitRepo move(String from, String to) {
    try {
      Path target = dir.resolve(to);
      Files.createDirectories(target.getParent());
      Files.move(dir.resolve(from), target);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + from, e);
    }
  }

  /** Commits everything in the work tree (new, changed and deleted files) as Ada, a day later. */
  RevCommit commit(String message) {
    return commit(message, "Ada");
  }

  RevCommit commit(String message, String author) {
    Instant when = next;
    next = next.plus(Duration.ofDays(1));
    try {
      git.add().addFilepattern(".").call();
      git.add().addFilepattern(".").setUpdate(true).call();
      return git.commit()
          .setMessage(message)
          .setAuthor(ident(author, when))
          .setCommitter(ident("Grace", when))
          .setAllowEmpty(true)
          .setSign(false)
          .call();
    } catch (GitAPIException e) {
      throw new IllegalStateException("cannot commit '" + message + "'", e);
    }
  }

  @Override
  public void close() {
    git.getRepository().close();
    git.close();
  }
}
