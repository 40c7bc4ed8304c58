package io.waymark.engine.history;

/** A file's content at one commit, under the path it had then (renames are followed). */
public record FileVersion(Commit commit, String path, byte[] bytes) {}
