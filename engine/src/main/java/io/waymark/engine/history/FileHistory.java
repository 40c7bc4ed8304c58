package io.waymark.engine.history;

import java.util.List;
import java.util.Optional;

/**
 * The versions of a file, newest first, and where reading them had to stop early.
 *
 * @param gap empty when every version back to the file's creation could be read
 */
public record FileHistory(List<FileVersion> versions, Optional<HistoryGap> gap) {

  public FileHistory {
    versions = List.copyOf(versions);
  }
}
