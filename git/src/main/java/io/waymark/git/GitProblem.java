package io.waymark.git;

/**
 * A Git problem the user can fix (not a repository, a bare repository, an index with unmerged
 * paths): the message says what is wrong and how to fix it, and the command line prints it without
 * a stack trace, with exit code 2.
 */
public final class GitProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public GitProblem(String message) {
    super(message);
  }
}
