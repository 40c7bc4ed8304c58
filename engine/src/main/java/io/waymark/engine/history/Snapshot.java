package io.waymark.engine.history;

/** A document's typed model as it was at one commit. */
public record Snapshot<T>(Commit commit, String path, T model) {}
