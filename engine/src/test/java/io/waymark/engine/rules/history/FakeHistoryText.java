package io.waymark.engine.rules.history;

/** Text edits for building old versions of a file in tests. */
public final class FakeHistoryText {

  private FakeHistoryText() {}

  /** {@code text} with each {@code [from, to]} pair replaced once (each must occur once). */
  public static String edit(String text, String... pairs) {
    return HistoryFixtures.edit(text, pairs);
  }
}
