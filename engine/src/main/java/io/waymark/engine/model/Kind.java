package io.waymark.engine.model;

import java.util.Optional;

/** The document kinds of SPEC §2 and the schema file of each. */
public enum Kind {
  CONFIG("Config", "config"),
  ROADMAP("Roadmap", "roadmap"),
  ASSESSMENT("Assessment", "assessment"),
  BUSINESS_CASE("BusinessCase", "business-case"),
  VENDOR_EVALUATION("VendorEvaluation", "vendor-evaluation"),
  USE_CASE("UseCase", "use-case"),
  METRICS("Metrics", "metrics"),
  GOVERNANCE("Governance", "governance");

  private final String id;
  private final String schemaName;

  Kind(String id, String schemaName) {
    this.id = id;
    this.schemaName = schemaName;
  }

  /** The value of {@code kind:} in YAML. */
  public String id() {
    return id;
  }

  /** The bundled schema's file name, e.g. {@code business-case.schema.json}. */
  public String schemaFile() {
    return schemaName + ".schema.json";
  }

  public static Optional<Kind> of(String text) {
    for (Kind k : values()) {
      if (k.id.equals(text)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
