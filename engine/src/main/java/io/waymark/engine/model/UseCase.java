package io.waymark.engine.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** An AI use case and how far it got: idea, pilot, production or retired. */
public record UseCase(
    Metadata metadata,
    Status status,
    Optional<LocalDate> since,
    boolean agentic,
    String businessOutcome,
    List<String> metrics,
    Anchor at) {

  /** Lifecycle stage. */
  public enum Status {
    IDEA,
    PILOT,
    PRODUCTION,
    RETIRED
  }

  public String id() {
    return metadata.id();
  }

  static UseCase read(Fields f) {
    Fields spec = f.objectOrEmpty("spec");
    return new UseCase(
        Metadata.read(f),
        Kebab.parse(Status.class, spec.string("status"), Status.IDEA),
        spec.optDate("since"),
        spec.optBoolean("agentic").orElse(false),
        spec.string("businessOutcome"),
        spec.strings("metrics"),
        f.anchor());
  }
}
