package io.waymark.engine.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One commit as the engine sees it: id, committer time (UTC), author, first line of the message,
 * and the number of parents (2 or more for a merge).
 */
public record Commit(String id, Instant time, String author, String subject, int parents) {

  /** The first seven characters of the id, as Git prints them. */
  public String shortId() {
    return id.length() > 7 ? id.substring(0, 7) : id;
  }

  /** The commit day in UTC. */
  public LocalDate date() {
    return LocalDate.ofInstant(time, ZoneOffset.UTC);
  }
}
