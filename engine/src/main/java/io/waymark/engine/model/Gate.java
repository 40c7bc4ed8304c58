package io.waymark.engine.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The success gate that closes a phase. */
public record Gate(
    String id,
    Status status,
    Optional<LocalDate> decidedOn,
    List<String> evidence,
    Optional<Waiver> waiver,
    List<Criterion> criteria,
    Optional<Deviation> deviation,
    List<Replan> replanned,
    Anchor at) {

  public Gate {
    replanned = List.copyOf(replanned);
  }

  /** A gate without a recorded deviation from the guide's gate, nor reasons for change. */
  public Gate(
      String id,
      Status status,
      Optional<LocalDate> decidedOn,
      List<String> evidence,
      Optional<Waiver> waiver,
      List<Criterion> criteria,
      Anchor at) {
    this(id, status, decidedOn, evidence, waiver, criteria, Optional.empty(), List.of(), at);
  }

  /** The gate decision. */
  public enum Status {
    PENDING,
    PASSED,
    FAILED,
    WAIVED
  }

  /**
   * Why a gate (or one criterion) was waived, which Governance decision approved it, and the last
   * day the waiver applies, if the board time-boxed it.
   */
  public record Waiver(String decision, String reason, Optional<LocalDate> expires, Anchor at) {

    /** A waiver without an expiry date. */
    public Waiver(String decision, String reason, Anchor at) {
      this(decision, reason, Optional.empty(), at);
    }

    /** True when the waiver has an expiry date before {@code asOf}: it no longer applies. */
    public boolean expiredOn(LocalDate asOf) {
      return expires.filter(e -> e.isBefore(asOf)).isPresent();
    }
  }

  /** One measurable condition of the gate: a metric or a fact compared with a target. */
  public record Criterion(
      String id,
      String description,
      Optional<String> metric,
      Optional<String> fact,
      String operator,
      Optional<BigDecimal> target,
      Optional<Waiver> waiver,
      Anchor at) {

    static Criterion read(Fields f) {
      return new Criterion(
          f.string("id"),
          f.string("description"),
          f.optString("metric"),
          f.optString("fact"),
          f.string("operator"),
          f.optNumber("target"),
          f.object("waiver").map(Gate::waiver),
          f.anchor());
    }
  }

  /** True when at least one non-blank evidence entry is recorded. */
  public boolean hasEvidence() {
    return evidence.stream().anyMatch(e -> !e.isBlank());
  }

  /** True when the next phase may start. */
  public boolean open() {
    return status == Status.PASSED || status == Status.WAIVED;
  }

  static Gate read(Fields f) {
    return new Gate(
        f.string("id"),
        Kebab.parse(Status.class, f.string("status"), Status.PENDING),
        f.optDate("decidedOn"),
        f.strings("evidence"),
        f.object("waiver").map(Gate::waiver),
        f.list("criteria", Criterion::read),
        Deviation.read(f, "deviation"),
        Replan.readAll(f),
        f.anchor());
  }

  private static Waiver waiver(Fields w) {
    return new Waiver(w.string("decision"), w.string("reason"), w.optDate("expires"), w.anchor());
  }

  static Gate absent(Anchor at) {
    return new Gate(
        "", Status.PENDING, Optional.empty(), List.of(), Optional.empty(), List.of(), at);
  }
}
