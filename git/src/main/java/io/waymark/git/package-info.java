/**
 * The Git adapter (module {@code waymark-git}): the JGit implementation of the engine's {@link
 * io.waymark.engine.history.History} port, and the other things the command line needs from a
 * repository, all read straight from the object database without a {@code git} binary. Front ends
 * use {@link io.waymark.git.GitAdapter}, the module's entry point (the adapter factory handed to
 * the engine's facade, and the repository actions below).
 *
 * <ul>
 *   <li>{@link io.waymark.git.GitHistory#open}: commits, file versions and whole revisions ({@code
 *       GitTreeSource}, a commit's tree as a {@link io.waymark.engine.load.RepositorySource}, is
 *       package-private). Paths in and out are relative to the roadmap folder, which may be a
 *       sub-folder of the Git work tree.
 *   <li>{@code WorkTreeIndex} (package-private, behind {@code GitHistory#workTreeChanges}): the
 *       work tree compared with {@code HEAD} through Git's index, as {@code git status} compares
 *       them (sparse checkouts, Git LFS content, submodules), never running a filter.
 *   <li>{@link io.waymark.git.StagedCommit}: the index as an unreferenced commit ({@code validate
 *       --staged}).
 *   <li>{@link io.waymark.git.GitHooks}: where the pre-commit hook goes ({@code hook install}).
 * </ul>
 *
 * <p>The only module that may import {@code org.eclipse.jgit}: the engine knows Git only through
 * its {@code History} port, and the command line calls this package (ArchUnit tests in each module
 * hold them to that). Problems the user can fix are {@link io.waymark.git.GitProblem}s.
 */
package io.waymark.git;
