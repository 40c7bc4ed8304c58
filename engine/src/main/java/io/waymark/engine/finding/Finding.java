package io.waymark.engine.finding;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One result of validation (SPEC §3): which rule, how severe, where, what is wrong and how to fix
 * it. Immutable, totally ordered by file, line, column, rule, message.
 */
public record Finding(
    String rule, Severity severity, Location location, String message, String hint)
    implements Comparable<Finding> {

  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::location)
          .thenComparing(Finding::rule)
          .thenComparing(Finding::message)
          .thenComparing(Finding::severity);

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }

  public String file() {
    return location.file();
  }

  public int line() {
    return location.line();
  }

  public int column() {
    return location.column();
  }

  public String path() {
    return location.path();
  }

  public Finding withSeverity(Severity newSeverity) {
    return new Finding(rule, newSeverity, location, message, hint);
  }

  /**
   * A fingerprint that survives line moves: rule, file, JSON path and message, hashed. Used by
   * baselines and SARIF.
   */
  public String fingerprint() {
    return digest(
        rule + '\u0000' + location.file() + '\u0000' + location.path() + '\u0000' + message);
  }

  /**
   * What a baseline knows the finding by: its {@link #fingerprint()} with every number and date of
   * the message left out, so that a finding whose message counts something that moves with the
   * as-of date ("14 days overdue as of 2027-05-14") is still the known one the next day.
   */
  public String baselineKey() {
    return baselineKey(rule, location.file(), location.path(), message);
  }

  /** The {@link #baselineKey()} of a finding recorded with these fields. */
  public static String baselineKey(String rule, String file, String path, String message) {
    return digest(
        rule
            + '\u0000'
            + file
            + '\u0000'
            + path
            + '\u0000'
            + message.replaceAll("\\d+(?:[.,:-]\\d+)*", "#"));
  }

  private static String digest(String key) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

  @Override
  public int compareTo(Finding other) {
    return ORDER.compare(this, other);
  }
}
