/**
 * The JGit adapter of the {@link io.waymark.engine.history.History} port: commits, file versions
 * and whole revisions read straight from the object database, never from a checkout, and without a
 * {@code git} binary.
 *
 * <p>{@link io.waymark.engine.history.git.GitHistory#open} is the one entry point; {@code
 * GitTreeSource} (a commit's tree as a {@link io.waymark.engine.load.RepositorySource}) is
 * package-private. Paths in and out are relative to the roadmap folder, which may be a sub-folder
 * of the Git work tree.
 *
 * <p>The only package of the engine that may import {@code org.eclipse.jgit} (an ArchUnit test
 * holds the rest of the engine to that); depends on the history and load packages.
 */
package io.waymark.engine.history.git;
