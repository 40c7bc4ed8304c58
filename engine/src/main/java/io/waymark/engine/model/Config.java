package io.waymark.engine.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Repository settings ({@code waymark.yaml}, kind Config); every field has a default. */
public record Config(
    String organisation,
    String currency,
    Optional<LocalDate> asOf,
    List<String> exclude,
    Limits limits,
    FindingCaps findingCaps,
    BigDecimal tolerancePct,
    Map<String, RuleSetting> rules,
    List<Suppression> suppressions,
    Anchor at)
    implements DocumentModel {

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.config(this);
  }

  /**
   * Bounds on one file (SPEC §2.2 {@code spec.limits}, §8), as the loader hands them to the YAML
   * reader: aliases, nesting depth, file size, nodes and scalar bytes once aliases are expanded.
   */
  public record Limits(
      int aliases, int depth, long fileBytes, long expandedNodes, long expandedBytes) {

    /** The defaults of SPEC §2.2 (the YAML reader's own defaults are the same, and tested so). */
    public static final Limits DEFAULT = new Limits(50, 64, 3_145_728L, 1_000_000L, 8_388_608L);

    public Limits {
      if (aliases < 0 || depth < 1 || fileBytes < 1 || expandedNodes < 1 || expandedBytes < 1) {
        throw new IllegalArgumentException("limits must be positive: " + aliases + ", " + depth);
      }
    }
  }

  /** A rule's severity changed ("error", "warning", "info") or turned "off", with the reason. */
  public record RuleSetting(String severity, String justification, Anchor at) {}

  /** Suppresses findings of a rule in a file (optionally at a JSON path), until it expires. */
  public record Suppression(
      String rule,
      String file,
      Optional<String> path,
      String reason,
      String owner,
      Optional<LocalDate> expires,
      Anchor at) {}

  /**
   * At most {@code perRule} findings of one rule and {@code perFile} findings in all are listed for
   * one file; the rest are counted in a {@code findings-capped} finding.
   */
  public record FindingCaps(int perRule, int perFile) {
    public static final FindingCaps DEFAULT = new FindingCaps(100, 1000);

    public FindingCaps {
      if (perRule < 1 || perFile < 1) {
        throw new IllegalArgumentException("finding caps must be positive");
      }
    }
  }

  public static Config defaults() {
    return new Config(
        "",
        "USD",
        Optional.empty(),
        List.of(),
        Limits.DEFAULT,
        FindingCaps.DEFAULT,
        BigDecimal.ONE,
        Map.of(),
        List.of(),
        Anchor.ofFile("waymark.yaml"));
  }

  static Config read(Fields f) {
    Fields spec = f.objectOrEmpty("spec");
    Fields limits = spec.objectOrEmpty("limits");
    Limits d = Limits.DEFAULT;
    return new Config(
        spec.string("organisation"),
        spec.optCurrency("currency").orElse("USD"),
        spec.optDate("asOf"),
        spec.strings("exclude"),
        new Limits(
            (int) bounded(limits.optNumber("aliases"), d.aliases(), MAX_ALIASES),
            (int) bounded(limits.optNumber("depth"), d.depth(), MAX_DEPTH),
            bounded(limits.optNumber("fileBytes"), d.fileBytes(), MAX_FILE_BYTES),
            d.expandedNodes(),
            bounded(limits.optNumber("expandedBytes"), d.expandedBytes(), MAX_EXPANDED_BYTES)),
        new FindingCaps(
            (int)
                bounded(
                    limits.optNumber("findingsPerRule"),
                    FindingCaps.DEFAULT.perRule(),
                    MAX_FINDINGS),
            (int)
                bounded(
                    limits.optNumber("findingsPerFile"),
                    FindingCaps.DEFAULT.perFile(),
                    MAX_FINDINGS)),
        spec.optNumber("tolerancePct").orElse(BigDecimal.ONE),
        spec.entries(
            "rules",
            (id, r) ->
                new RuleSetting(r.string("severity"), r.string("justification"), r.anchor())),
        spec.list(
            "suppressions",
            s ->
                new Suppression(
                    s.string("rule"),
                    s.string("file"),
                    s.optString("path"),
                    s.string("reason"),
                    s.string("owner"),
                    s.optDate("expires"),
                    s.anchor())),
        f.anchor());
  }

  /** Upper bounds of spec.limits (the schema says the same): a pull request cannot lift them. */
  public static final long MAX_ALIASES = 10_000;

  public static final long MAX_DEPTH = 1_000;
  public static final long MAX_FILE_BYTES = 67_108_864;
  public static final long MAX_EXPANDED_BYTES = 268_435_456;
  public static final long MAX_FINDINGS = 1_000_000;

  private static long bounded(Optional<BigDecimal> value, long fallback, long max) {
    return value
        .filter(n -> n.signum() > 0)
        .map(n -> n.min(BigDecimal.valueOf(max)).longValue())
        .orElse(fallback);
  }
}
