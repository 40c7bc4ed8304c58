/**
 * Version control behind a port: {@link io.waymark.engine.history.History} (commits, file versions
 * following renames, revisions as folders) with no-history implementations, and {@link
 * io.waymark.engine.history.PlanHistory}, the roadmap and metrics as they were at each commit. The
 * JGit adapter is the {@code waymark-git} module ({@code io.waymark.git}).
 */
package io.waymark.engine.history;
