package io.waymark.engine.yaml;

/**
 * Bounds on one file (SPEC §2.2 {@code Config.spec.limits}, §8). {@code expandedNodes} bounds the
 * size of a document once aliases are expanded, which stops "billion laughs" documents that stay
 * under the alias count; {@code expandedBytes} bounds the text of a file once aliases are expanded
 * (every scalar counted in UTF-8 bytes each time it is used), which stops a file that repeats one
 * long string many times through aliases to scalars.
 */
public record YamlLimits(
    int aliases, int depth, long fileBytes, long expandedNodes, long expandedBytes) {

  /** The default of {@code expandedBytes}: 8 MiB, well above the 3 MiB default file size. */
  public static final long DEFAULT_EXPANDED_BYTES = 8_388_608L;

  public static final YamlLimits DEFAULT =
      new YamlLimits(50, 64, 3_145_728L, 1_000_000L, DEFAULT_EXPANDED_BYTES);

  public YamlLimits {
    if (aliases < 0 || depth < 1 || fileBytes < 1 || expandedNodes < 1 || expandedBytes < 1) {
      throw new IllegalArgumentException("YAML limits must be positive: " + aliases + ", " + depth);
    }
  }

  /**
   * As a record prints itself, written out: the loader's cache key holds it, and a record's own
   * {@code toString} links its bootstrap method on first use, about 3 ms of every start (the
   * pre-commit hook's included). {@code YamlLimitsTest} holds it to the record's format.
   */
  @Override
  public String toString() {
    // A builder, not "+": string concatenation links a bootstrap method of its own.
    return new StringBuilder(112)
        .append("YamlLimits[aliases=")
        .append(aliases)
        .append(", depth=")
        .append(depth)
        .append(", fileBytes=")
        .append(fileBytes)
        .append(", expandedNodes=")
        .append(expandedNodes)
        .append(", expandedBytes=")
        .append(expandedBytes)
        .append(']')
        .toString();
  }

  /** Limits with the default {@code expandedBytes}. */
  public YamlLimits(int aliases, int depth, long fileBytes, long expandedNodes) {
    this(aliases, depth, fileBytes, expandedNodes, DEFAULT_EXPANDED_BYTES);
  }
}
