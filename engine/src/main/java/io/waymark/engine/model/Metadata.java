package io.waymark.engine.model;

import java.util.Map;

/** The envelope's {@code metadata} (SPEC §2.1). */
public record Metadata(String id, String title, String owner, Map<String, Object> labels) {

  static Metadata read(Fields f) {
    Fields m = f.objectOrEmpty("metadata");
    return new Metadata(m.string("id"), m.string("title"), m.string("owner"), m.scalars("labels"));
  }
}
