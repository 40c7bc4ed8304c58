/**
 * The typed, immutable domain model built from schema-valid documents: {@link
 * io.waymark.engine.model.Plan} and the records of each kind. Every record carries an {@link
 * io.waymark.engine.model.Anchor} so rules can point at the most specific node without reading
 * YAML. Depends only on the finding package: it is read from the {@link
 * io.waymark.engine.model.SourceNode} port, which the loader adapts YAML nodes to, and its anchors
 * keep positions, never nodes.
 */
package io.waymark.engine.model;
