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
    Anchor at,
    Optional<LocalDate> pilotedOn,
    Optional<Origin> origin,
    Optional<LocalDate> productionOn)
    implements DocumentModel {

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.useCase(this);
  }

  /** Without its business outcome, which no rule reads across documents (see {@link #released}). */
  @Override
  public UseCase released() {
    return businessOutcome.isEmpty()
        ? this
        : new UseCase(
            metadata, status, since, agentic, "", metrics, at, pilotedOn, origin, productionOn);
  }

  /** Where a use case came from: through a pilot of the programme, or from before it. */
  public enum Origin {
    PILOT,
    PRE_EXISTING
  }

  /**
   * True when the use case went through a pilot by {@code date}: it is in pilot now (since that
   * date or earlier), or it records {@code pilotedOn} on or before the date, or {@code origin:
   * pilot}. A use case with {@code origin: pre-existing} never did.
   */
  public boolean pilotedBy(LocalDate date) {
    if (origin.filter(o -> o == Origin.PRE_EXISTING).isPresent()) {
      return false;
    }
    if (status == Status.PILOT) {
      return since.map(s -> !s.isAfter(date)).orElse(true);
    }
    return pilotedOn.map(d -> !d.isAfter(date)).orElse(false)
        || origin.filter(o -> o == Origin.PILOT).isPresent();
  }

  /**
   * True when the use case was in production on {@code date}: it is in production now, since that
   * date or earlier (or with no {@code since}), or from {@code productionOn}; or it is retired now
   * and was in production from {@code productionOn} until the day before {@code since}, its
   * retirement. A retired use case without both dates is not counted.
   */
  public boolean inProductionOn(LocalDate date) {
    boolean reached = productionOn.map(d -> !d.isAfter(date)).orElse(false);
    if (status == Status.PRODUCTION) {
      return reached || since.map(s -> !s.isAfter(date)).orElse(true);
    }
    return status == Status.RETIRED && reached && since.map(s -> s.isAfter(date)).orElse(false);
  }

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
        f.anchor(),
        spec.optDate("pilotedOn"),
        spec.optString("origin").map(o -> Kebab.parse(Origin.class, o, Origin.PILOT)),
        spec.optDate("productionOn"));
  }
}
