/**
 * Safe YAML reading: SnakeYAML Engine's event stream turned into position-keeping nodes with an
 * explicit stack, YAML 1.2 core scalars (stricter, per SPEC §8), and every limit of Config
 * spec.limits enforced here. The only package that uses SnakeYAML.
 */
package io.waymark.engine.yaml;
