package io.waymark.engine.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The architecture review board, the review cadence and the decisions it took. */
public record Governance(
    Metadata metadata,
    ReviewBoard reviewBoard,
    String review,
    String update,
    List<Decision> decisions,
    Anchor at)
    implements DocumentModel {

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.governance(this);
  }

  /** Who decides, and the budget above which an initiative needs an approved business case. */
  public record ReviewBoard(
      String name, List<String> members, BigDecimal approvalThreshold, Anchor at) {}

  /** A recorded decision of the board. */
  public record Decision(
      String id,
      LocalDate date,
      String title,
      String outcome,
      List<String> relatesTo,
      List<String> selects,
      Anchor at) {

    public boolean approved() {
      return "approved".equals(outcome);
    }
  }

  static Governance read(Fields f) {
    Fields spec = f.objectOrEmpty("spec");
    Fields board = spec.objectOrEmpty("reviewBoard");
    Fields cadence = spec.objectOrEmpty("cadence");
    return new Governance(
        Metadata.read(f),
        new ReviewBoard(
            board.string("name"),
            board.strings("members"),
            board.number("approvalThreshold"),
            board.anchor()),
        cadence.optString("review").orElse("quarterly"),
        cadence.optString("update").orElse("semi-annual"),
        spec.list(
            "decisions",
            d ->
                new Decision(
                    d.string("id"),
                    d.date("date"),
                    d.string("title"),
                    d.string("outcome"),
                    d.strings("relatesTo"),
                    d.strings("selects"),
                    d.anchor())),
        f.anchor());
  }
}
