package io.waymark.engine.history;

import io.waymark.engine.load.RepositorySource;

/** A commit's tree, readable like a folder, without a checkout. */
public record Revision(Commit commit, RepositorySource source) {}
