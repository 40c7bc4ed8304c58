package io.waymark.engine.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A weighted vendor comparison for one category of purchase (SPEC §2.2). */
public record VendorEvaluation(
    Metadata metadata,
    String category,
    Weights weights,
    Thresholds thresholds,
    List<Vendor> vendors,
    Optional<Deviation> deviation,
    Anchor at)
    implements DocumentModel {

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.vendorEvaluation(this);
  }

  /** An evaluation without a recorded deviation from the guide's method. */
  public VendorEvaluation(
      Metadata metadata,
      String category,
      Weights weights,
      Thresholds thresholds,
      List<Vendor> vendors,
      Anchor at) {
    this(metadata, category, weights, thresholds, vendors, Optional.empty(), at);
  }

  /** The four scoring dimensions, in SPEC order. */
  public static final List<String> DIMENSIONS =
      List.of("technicalFit", "economics", "viability", "lockIn");

  /** Dimension weights in percent (default 40/30/20/10). */
  public record Weights(
      BigDecimal technicalFit,
      BigDecimal economics,
      BigDecimal viability,
      BigDecimal lockIn,
      Anchor at) {

    public BigDecimal of(String dimension) {
      return switch (dimension) {
        case "technicalFit" -> technicalFit;
        case "economics" -> economics;
        case "viability" -> viability;
        case "lockIn" -> lockIn;
        default -> BigDecimal.ZERO;
      };
    }

    public BigDecimal sum() {
      return technicalFit.add(economics).add(viability).add(lockIn);
    }
  }

  /** Band thresholds in percent (default go 80, diligence 60). */
  public record Thresholds(BigDecimal go, BigDecimal diligence, Anchor at) {}

  /**
   * One vendor: scores per dimension and criterion, references, red flags, the decision, and the
   * weighted score the evaluation states (optional).
   */
  public record Vendor(
      String id,
      String name,
      Map<String, Map<String, BigDecimal>> scores,
      int references,
      List<String> redFlags,
      String decision,
      Optional<BigDecimal> weightedScorePct,
      Anchor at) {

    /** A vendor that states no weighted score. */
    public Vendor(
        String id,
        String name,
        Map<String, Map<String, BigDecimal>> scores,
        int references,
        List<String> redFlags,
        String decision,
        Anchor at) {
      this(id, name, scores, references, redFlags, decision, Optional.empty(), at);
    }
  }

  static VendorEvaluation read(Fields f) {
    Fields spec = f.objectOrEmpty("spec");
    Fields w = spec.objectOrEmpty("weights");
    Fields t = spec.objectOrEmpty("thresholds");
    return new VendorEvaluation(
        Metadata.read(f),
        spec.string("category"),
        new Weights(
            w.optNumber("technicalFit").orElse(BigDecimal.valueOf(40)),
            w.optNumber("economics").orElse(BigDecimal.valueOf(30)),
            w.optNumber("viability").orElse(BigDecimal.valueOf(20)),
            w.optNumber("lockIn").orElse(BigDecimal.valueOf(10)),
            w.anchor()),
        new Thresholds(
            t.optNumber("go").orElse(BigDecimal.valueOf(80)),
            t.optNumber("diligence").orElse(BigDecimal.valueOf(60)),
            t.anchor()),
        spec.list(
            "vendors",
            v ->
                new Vendor(
                    v.string("id"),
                    v.string("name"),
                    v.entries("scores", (dimension, d) -> d.numberMap()),
                    v.integer("references"),
                    v.strings("redFlags"),
                    v.string("decision"),
                    v.optNumber("weightedScorePct"),
                    v.anchor())),
        Deviation.read(spec, "deviation"),
        f.anchor());
  }
}
