package io.waymark.engine.yaml;

/**
 * Bounds on one file (SPEC §2.2 {@code Config.spec.limits}, §8). {@code expandedNodes} bounds the
 * size of a document once aliases are expanded, which stops "billion laughs" documents that stay
 * under the alias count.
 */
public record YamlLimits(int aliases, int depth, long fileBytes, long expandedNodes) {

  public static final YamlLimits DEFAULT = new YamlLimits(50, 64, 3_145_728L, 1_000_000L);

  public YamlLimits {
    if (aliases < 0 || depth < 1 || fileBytes < 1 || expandedNodes < 1) {
      throw new IllegalArgumentException("YAML limits must be positive: " + aliases + ", " + depth);
    }
  }
}
