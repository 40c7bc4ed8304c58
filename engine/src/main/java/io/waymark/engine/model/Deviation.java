package io.waymark.engine.model;

import java.util.Optional;

/**
 * A recorded, deliberate departure from the guide's method (a gate weaker than the guide's, vendor
 * weights other than 40/30/20/10): why, and optionally which Governance decision approved it.
 */
public record Deviation(String reason, Optional<String> decision, Anchor at) {

  static Optional<Deviation> read(Fields f, String key) {
    return f.object(key)
        .map(d -> new Deviation(d.string("reason"), d.optString("decision"), d.anchor()));
  }
}
