package io.waymark.engine.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A dated readiness assessment: diagnostics, RAG-rated dimensions and ranked constraints. */
public record Assessment(
    Metadata metadata,
    LocalDate date,
    Diagnostics diagnostics,
    Map<String, Dimension> dimensions,
    List<Constraint> constraints,
    Anchor at)
    implements DocumentModel {

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.assessment(this);
  }

  /**
   * Without the dimensions' notes and the constraints' descriptions, which no rule reads across
   * documents (see {@link DocumentModel#released}).
   */
  @Override
  public Assessment released() {
    Map<String, Dimension> kept = new java.util.LinkedHashMap<>();
    dimensions.forEach(
        (name, d) ->
            kept.put(
                name,
                new Dimension(d.name(), d.rating(), d.measurements(), "", d.roles(), d.at())));
    List<Constraint> constraints = new java.util.ArrayList<>(this.constraints.size());
    for (Constraint c : this.constraints) {
      constraints.add(new Constraint(c.id(), c.dimension(), c.rank(), "", c.at()));
    }
    return new Assessment(
        metadata, date, diagnostics, SmallMap.copyOf(kept), List.copyOf(constraints), at);
  }

  /** The dimensions every assessment rates. */
  public static final List<String> DIMENSIONS =
      List.of("compute", "network", "data", "security", "skills", "cost");

  /** Red, yellow or green; ordered from worst to best. */
  public enum Rating {
    RED,
    YELLOW,
    GREEN
  }

  /**
   * The five diagnostic questions, plus whether API orchestration is in place (agentic AI needs
   * it). {@code gpuUtilisationPct} is empty when there are no GPUs; {@code answered} holds the keys
   * that were written, so {@code gpuUtilisationPct: null} ("no GPUs") counts as an answer.
   */
  public record Diagnostics(
      Optional<Boolean> networkHandles10x,
      Optional<String> pipelineAutomation,
      Optional<Boolean> vectorDatabase,
      Optional<BigDecimal> gpuUtilisationPct,
      Optional<Boolean> retrievalLatencyMeasured,
      Optional<Boolean> apiOrchestration,
      Set<String> answered,
      Anchor at) {

    /** The keys of the guide's five diagnostic questions, in the guide's order. */
    public static final List<String> QUESTIONS =
        List.of(
            "networkHandles10x",
            "pipelineAutomation",
            "vectorDatabase",
            "gpuUtilisationPct",
            "retrievalLatencyMeasured");

    public Diagnostics {
      answered = Set.copyOf(answered);
    }
  }

  /**
   * How a role of the core team is staffed: someone of the team, part-time or shared with other
   * work (the guide accepts both), a contractor or advisor, or nobody.
   */
  public enum Staffing {
    IN_HOUSE,
    SHARED,
    EXTERNAL,
    MISSING
  }

  /**
   * The core team's roles as the skills dimension records them ({@code skills.roles}), by key in
   * written order.
   */
  public record Roles(Map<String, Staffing> staffing, Anchor at) {

    /** The four roles the guide names for the core team, in its order. */
    public static final List<String> CORE =
        List.of("infrastructureArchitect", "dataEngineer", "mlopsSpecialist", "financialAnalyst");

    public Roles {
      staffing = SmallMap.copyOf(staffing);
    }

    /** "MLOps specialist" for {@code mlopsSpecialist}; another role's key in words. */
    public static String label(String role) {
      return switch (role) {
        case "infrastructureArchitect" -> "infrastructure architect";
        case "dataEngineer" -> "data engineer";
        case "mlopsSpecialist" -> "MLOps specialist";
        case "financialAnalyst" -> "financial analyst";
        default -> role.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
      };
    }
  }

  /** One rated dimension with its measurements (and, for skills, the core team's roles). */
  public record Dimension(
      String name,
      Rating rating,
      Map<String, Object> measurements,
      String notes,
      Optional<Roles> roles,
      Anchor at) {

    /** A dimension that records no roles. */
    public Dimension(
        String name, Rating rating, Map<String, Object> measurements, String notes, Anchor at) {
      this(name, rating, measurements, notes, Optional.empty(), at);
    }

    public Optional<BigDecimal> number(String key) {
      return measurements.get(key) instanceof BigDecimal b ? Optional.of(b) : Optional.empty();
    }

    public Optional<String> text(String key) {
      return measurements.get(key) instanceof String s ? Optional.of(s) : Optional.empty();
    }
  }

  /** A ranked constraint found by the gap analysis. */
  public record Constraint(String id, String dimension, int rank, String description, Anchor at) {}

  public Optional<Dimension> dimension(String name) {
    return Optional.ofNullable(dimensions.get(name));
  }

  /** GPU utilisation from the diagnostics, else from the compute measurements. */
  public Optional<BigDecimal> gpuUtilisationPct() {
    return diagnostics
        .gpuUtilisationPct()
        .or(() -> dimension("compute").flatMap(d -> d.number("gpuUtilisationPct")));
  }

  /** Pipeline automation from the diagnostics, else from the data measurements. */
  public Optional<String> pipelineAutomation() {
    return diagnostics
        .pipelineAutomation()
        .or(() -> dimension("data").flatMap(d -> d.text("pipelineAutomation")));
  }

  static Assessment read(Fields f) {
    Fields spec = f.objectOrEmpty("spec");
    Fields d = spec.objectOrEmpty("diagnostics");
    Diagnostics diagnostics =
        new Diagnostics(
            d.optBoolean("networkHandles10x"),
            d.optString("pipelineAutomation"),
            d.optBoolean("vectorDatabase"),
            d.optNumber("gpuUtilisationPct"),
            d.optBoolean("retrievalLatencyMeasured"),
            d.optBoolean("apiOrchestration"),
            Diagnostics.QUESTIONS.stream().filter(d::has).collect(Collectors.toSet()),
            d.anchor());
    Map<String, Dimension> dimensions =
        spec.entries(
            "dimensions",
            (name, v) ->
                new Dimension(
                    name,
                    Kebab.parse(Rating.class, v.string("rating"), Rating.GREEN),
                    v.scalars("measurements"),
                    v.string("notes"),
                    v.object("roles").map(r -> roles(v.scalars("roles"), r.anchor())),
                    v.anchor()));
    return new Assessment(
        Metadata.read(f),
        spec.date("date"),
        diagnostics,
        dimensions,
        spec.list(
            "constraints",
            c ->
                new Constraint(
                    c.string("id"),
                    c.string("dimension"),
                    c.integer("rank"),
                    c.string("description"),
                    c.anchor())),
        f.anchor());
  }

  private static Roles roles(Map<String, Object> written, Anchor at) {
    Map<String, Staffing> staffing = new java.util.LinkedHashMap<>();
    written.forEach(
        (role, v) -> {
          if (v instanceof String text) {
            staffing.put(role, Kebab.parse(Staffing.class, text, Staffing.MISSING));
          }
        });
    return new Roles(staffing, at);
  }
}
