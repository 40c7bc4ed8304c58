package io.waymark.engine.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The typed model of a whole roadmap repository: every document that passed its schema, with the
 * look-ups rules need. Immutable.
 */
public record Plan(
    Config config,
    List<Roadmap> roadmaps,
    List<Assessment> assessments,
    List<BusinessCase> businessCases,
    List<VendorEvaluation> vendorEvaluations,
    List<UseCase> useCases,
    List<Metrics> metricsFiles,
    List<Governance> governance,
    Lookup lookup) {

  /** Id look-ups built once per plan, so rules stay linear on large repositories. */
  public static final class Lookup {
    private final Map<String, Metrics.Metric> metrics;
    private final Map<String, Governance.Decision> decisions;
    private final Map<String, BusinessCase> businessCases;
    private final Map<String, UseCase> useCases;

    /**
     * Per {@link BusinessCase#released released} case (by identity): whether its projected ROI was
     * positive, worked out before its cash flows were dropped; empty when no case was released.
     */
    private final Map<BusinessCase, Boolean> positiveRoi;

    private Lookup(Lookup of, Map<BusinessCase, Boolean> positiveRoi) {
      // Shared: none of them changes once built.
      metrics = of.metrics;
      decisions = of.decisions;
      businessCases = of.businessCases;
      useCases = of.useCases;
      this.positiveRoi = positiveRoi;
    }

    private Lookup(
        List<BusinessCase> businessCases,
        List<UseCase> useCases,
        List<Metrics> metricsFiles,
        List<Governance> governance) {
      this.metrics = new HashMap<>();
      this.decisions = new HashMap<>();
      this.businessCases = new HashMap<>();
      this.useCases = new HashMap<>();
      metricsFiles.forEach(f -> f.metrics().forEach(m -> metrics.putIfAbsent(m.id(), m)));
      governance.forEach(g -> g.decisions().forEach(d -> decisions.putIfAbsent(d.id(), d)));
      businessCases.forEach(b -> this.businessCases.putIfAbsent(b.metadata().id(), b));
      useCases.forEach(u -> this.useCases.putIfAbsent(u.id(), u));
      positiveRoi = Map.of();
    }
  }

  /**
   * The same plan, knowing for each of its {@link BusinessCase#released released} business cases
   * (by identity) whether its projected ROI is positive: what the gate facts read of a case's cash
   * flows ({@code gate.Facts}), worked out before they were dropped.
   */
  public Plan withPositiveRoi(Map<BusinessCase, Boolean> known) {
    Map<BusinessCase, Boolean> kept = new java.util.IdentityHashMap<>(known);
    return new Plan(
        config,
        roadmaps,
        assessments,
        businessCases,
        vendorEvaluations,
        useCases,
        metricsFiles,
        governance,
        new Lookup(lookup, kept));
  }

  /**
   * Whether the projected ROI of a {@link BusinessCase#released released} case of this plan is
   * positive, as {@link #withPositiveRoi} was told; empty for a case kept whole (work it out).
   */
  public Optional<Boolean> positiveRoi(BusinessCase bc) {
    return Optional.ofNullable(lookup.positiveRoi.get(bc));
  }

  public Plan(
      Config config,
      List<Roadmap> roadmaps,
      List<Assessment> assessments,
      List<BusinessCase> businessCases,
      List<VendorEvaluation> vendorEvaluations,
      List<UseCase> useCases,
      List<Metrics> metricsFiles,
      List<Governance> governance) {
    this(
        config,
        roadmaps,
        assessments,
        businessCases,
        vendorEvaluations,
        useCases,
        metricsFiles,
        governance,
        null);
  }

  public Plan {
    roadmaps = List.copyOf(roadmaps);
    assessments = List.copyOf(assessments);
    businessCases = List.copyOf(businessCases);
    vendorEvaluations = List.copyOf(vendorEvaluations);
    useCases = List.copyOf(useCases);
    metricsFiles = List.copyOf(metricsFiles);
    governance = List.copyOf(governance);
    if (lookup == null) {
      lookup = new Lookup(businessCases, useCases, metricsFiles, governance);
    }
  }

  /**
   * Builds a plan from typed documents (any order). The configuration in force is {@code config};
   * Config documents among {@code models} are left out. Sorting is a {@link DocumentModel.Visitor},
   * so a new document kind does not compile until it has its place here.
   */
  public static Plan of(Config config, Collection<? extends DocumentModel> models) {
    List<Roadmap> r = new ArrayList<>();
    List<Assessment> a = new ArrayList<>();
    List<BusinessCase> b = new ArrayList<>();
    List<VendorEvaluation> v = new ArrayList<>();
    List<UseCase> u = new ArrayList<>();
    List<Metrics> m = new ArrayList<>();
    List<Governance> g = new ArrayList<>();
    DocumentModel.Visitor<Boolean> sort =
        new DocumentModel.Visitor<>() {
          @Override
          public Boolean config(Config ignored) {
            return false; // the configuration in force is the one given
          }

          @Override
          public Boolean roadmap(Roadmap x) {
            return r.add(x);
          }

          @Override
          public Boolean assessment(Assessment x) {
            return a.add(x);
          }

          @Override
          public Boolean businessCase(BusinessCase x) {
            return b.add(x);
          }

          @Override
          public Boolean vendorEvaluation(VendorEvaluation x) {
            return v.add(x);
          }

          @Override
          public Boolean useCase(UseCase x) {
            return u.add(x);
          }

          @Override
          public Boolean metrics(Metrics x) {
            return m.add(x);
          }

          @Override
          public Boolean governance(Governance x) {
            return g.add(x);
          }
        };
    for (DocumentModel model : models) {
      model.accept(sort);
    }
    return new Plan(config, r, a, b, v, u, m, g);
  }

  /** The same plan without the documents written in {@code files}. */
  public Plan without(Set<String> files) {
    if (files.isEmpty()) {
      return this;
    }
    return new Plan(
        config,
        kept(roadmaps, files),
        kept(assessments, files),
        kept(businessCases, files),
        kept(vendorEvaluations, files),
        kept(useCases, files),
        kept(metricsFiles, files),
        kept(governance, files));
  }

  private static <M extends DocumentModel> List<M> kept(List<M> models, Set<String> files) {
    return models.stream().filter(m -> !files.contains(m.at().file())).toList();
  }

  /** The roadmap, when there is exactly one. */
  public Optional<Roadmap> roadmap() {
    return roadmaps.size() == 1 ? Optional.of(roadmaps.get(0)) : Optional.empty();
  }

  /** The assessment with the greatest date on or before {@code asOf}. */
  public Optional<Assessment> latestAssessment(LocalDate asOf) {
    return assessments.stream()
        .filter(x -> !x.date().isAfter(asOf))
        .max(Comparator.comparing(Assessment::date));
  }

  /** The assessments dated on or before {@code asOf}, oldest first. */
  public List<Assessment> assessmentsUpTo(LocalDate asOf) {
    return assessments.stream()
        .filter(x -> !x.date().isAfter(asOf))
        .sorted(Comparator.comparing(Assessment::date))
        .toList();
  }

  /** True when {@code a} is the earliest assessment of the repository. */
  public boolean firstAssessment(Assessment a) {
    return assessments.stream().noneMatch(x -> x.date().isBefore(a.date()));
  }

  /**
   * Each constraint once, as the latest assessment on or before {@code asOf} that mentions it ranks
   * it: a re-assessment re-ranks a constraint by naming its id again. Ordered by rank, then id.
   */
  public List<Assessment.Constraint> constraintsAsOf(LocalDate asOf) {
    Map<String, Assessment.Constraint> latest = new LinkedHashMap<>();
    for (Assessment a : assessmentsUpTo(asOf)) {
      a.constraints().forEach(c -> latest.put(c.id(), c));
    }
    return latest.values().stream()
        .sorted(
            Comparator.comparingInt(Assessment.Constraint::rank)
                .thenComparing(Assessment.Constraint::id))
        .toList();
  }

  public Stream<Metrics.Metric> metrics() {
    return metricsFiles.stream().flatMap(f -> f.metrics().stream());
  }

  public Optional<Metrics.Metric> metric(String id) {
    return Optional.ofNullable(lookup.metrics.get(id));
  }

  public Stream<Governance.Decision> decisions() {
    return governance.stream().flatMap(x -> x.decisions().stream());
  }

  public Optional<Governance.Decision> decision(String id) {
    return Optional.ofNullable(lookup.decisions.get(id));
  }

  public Optional<BusinessCase> businessCase(String id) {
    return Optional.ofNullable(lookup.businessCases.get(id));
  }

  public Stream<VendorEvaluation.Vendor> vendors() {
    return vendorEvaluations.stream().flatMap(x -> x.vendors().stream());
  }

  public Optional<UseCase> useCase(String id) {
    return Optional.ofNullable(lookup.useCases.get(id));
  }

  public Optional<Governance.ReviewBoard> reviewBoard() {
    return governance.stream().findFirst().map(Governance::reviewBoard);
  }
}
