package io.waymark.report.view;

import io.waymark.engine.model.Assessment;
import io.waymark.engine.model.Initiative;
import io.waymark.engine.model.Kind;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Roadmap;
import io.waymark.report.chart.Rag;
import io.waymark.report.text.Wording;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The readiness scorecard: six rated dimensions, red flags, the five questions, constraints. */
final class ReadinessScorecard {

  private ReadinessScorecard() {}

  /**
   * What to do about a red or amber dimension: deliver the initiatives that remove its ranked
   * constraints (those of a phase that is done are delivered already: re-assess, and plan what
   * still holds the dimension back), else plan one.
   */
  static String nextStep(Context c, String dimension) {
    List<String> open = new ArrayList<>();
    List<String> delivered = new ArrayList<>();
    // The day the last delivered initiative's phase closed: its gate's decision, else its end.
    LocalDate deliveredBy = LocalDate.MIN;
    for (Assessment.Constraint k : c.plan().constraintsAsOf(c.asOf())) {
      if (!k.dimension().equals(dimension)) {
        continue;
      }
      for (Remover r : removers(c, k)) {
        if (!open.contains(r.title()) && !delivered.contains(r.title())) {
          (r.closed().isPresent() ? delivered : open).add(r.title());
        }
        LocalDate closed = r.closed().orElse(LocalDate.MIN);
        deliveredBy = closed.isAfter(deliveredBy) ? closed : deliveredBy;
      }
    }
    if (open.isEmpty() && delivered.isEmpty()) {
      return c.roadmapNotJudged().isPresent()
          ? "Not known: " + c.roadmapNotJudged().get()
          : "Plan an initiative that removes the constraint and re-assess";
    }
    if (open.isEmpty()) {
      LocalDate closedBy = deliveredBy;
      boolean assessedSince =
          c.plan().latestAssessment(c.asOf()).filter(a -> !a.date().isBefore(closedBy)).isPresent();
      return "Delivered "
          + String.join("; ", delivered)
          + (assessedSince
              ? " before this assessment: plan what still holds it back"
              : ": re-assess to see what it changed");
    }
    return "Deliver "
        + String.join("; ", open)
        + (delivered.isEmpty() ? "" : " (delivered: " + String.join("; ", delivered) + ")")
        + "; then re-assess";
  }

  /**
   * An initiative that removes a constraint; {@code closed} when its phase is done: the day it
   * closed (its gate's decision, else its last day; {@link LocalDate#MIN} when neither is known).
   */
  private record Remover(String title, Optional<LocalDate> closed) {}

  /** The initiatives that name {@code k} as the constraint they remove, in the roadmap's order. */
  private static List<Remover> removers(Context c, Assessment.Constraint k) {
    List<Remover> out = new ArrayList<>();
    for (Phase p : c.roadmap().map(Roadmap::phases).orElse(List.of())) {
      for (Initiative i : p.initiatives()) {
        // A stopped initiative removes nothing.
        if (i.constraint().filter(k.id()::equals).isPresent() && !i.stoppedBy(c.asOf())) {
          out.add(
              new Remover(
                  i.title(),
                  p.status() == Phase.Status.DONE
                      ? Optional.of(
                          p.gate().decidedOn().or(() -> c.phaseEnd(p)).orElse(LocalDate.MIN))
                      : Optional.empty()));
        }
      }
    }
    return out;
  }

  static QuarterlyReview.Scorecard of(Context c) {
    Optional<Assessment> latest = c.plan().latestAssessment(c.asOf());
    if (latest.isEmpty()) {
      return new QuarterlyReview.Scorecard(
          false,
          "",
          "",
          "",
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          leftOut(c),
          QuarterlyReview.More.NONE);
    }
    Assessment a = latest.get();
    Optional<Assessment> previous =
        c.plan().assessments().stream()
            .filter(x -> x.date().isBefore(a.date()))
            .max(Comparator.comparing(Assessment::date));
    List<QuarterlyReview.DimensionView> dimensions = new ArrayList<>();
    for (String name : Assessment.DIMENSIONS) {
      Optional<Assessment.Dimension> d = a.dimension(name);
      if (d.isEmpty()) {
        continue;
      }
      Rag now = rag(d.get().rating());
      Rag before =
          previous.flatMap(p -> p.dimension(name)).map(x -> rag(x.rating())).orElse(Rag.NONE);
      String trend = "";
      if (before != Rag.NONE) {
        int diff =
            d.get().rating().ordinal() - previous.get().dimension(name).get().rating().ordinal();
        trend = diff > 0 ? "improved" : diff < 0 ? "worse" : "unchanged";
      }
      dimensions.add(
          new QuarterlyReview.DimensionView(
              Wording.capitalised(name),
              now,
              before,
              trend,
              Stream.of(
                      measurements(d.get().measurements(), c.currency()),
                      d.get().roles().map(ReadinessScorecard::roles).orElse(""))
                  .filter(t -> !t.isEmpty())
                  .collect(Collectors.joining("; ")),
              d.get().notes().strip(),
              now == Rag.RED || now == Rag.AMBER
                  ? ChallengesSection.owner(a.metadata().owner())
                  : "",
              now == Rag.RED || now == Rag.AMBER ? nextStep(c, name) : ""));
    }
    List<String> flags = new ArrayList<>();
    a.gpuUtilisationPct()
        .filter(v -> v.compareTo(BigDecimal.valueOf(40)) < 0)
        .ifPresent(v -> flags.add("GPU utilisation below 40% (" + Wording.percent(v) + ")"));
    a.dimension("network")
        .flatMap(d -> d.number("p95LatencyMs"))
        .filter(v -> v.compareTo(BigDecimal.valueOf(200)) > 0)
        .ifPresent(
            v ->
                flags.add("Data-retrieval latency above 200 ms (" + Wording.number(v, 1) + " ms)"));
    a.pipelineAutomation()
        .filter("manual"::equals)
        .ifPresent(v -> flags.add("Data pipelines are manual"));
    Assessment.Diagnostics dx = a.diagnostics();
    List<QuarterlyReview.Item> diagnostics = new ArrayList<>();
    diagnostics.add(
        new QuarterlyReview.Item(
            "Can the network handle 10x today's data volume?", yesNo(dx.networkHandles10x())));
    diagnostics.add(
        new QuarterlyReview.Item(
            "Are data pipelines automated?",
            a.pipelineAutomation()
                .map(
                    v ->
                        switch (v) {
                          case "automated" -> "Yes";
                          case "partial" -> "Partly";
                          case "manual" -> "No, manual";
                          default -> v;
                        })
                .orElse("Not answered")));
    diagnostics.add(
        new QuarterlyReview.Item("Is there a vector database?", yesNo(dx.vectorDatabase())));
    diagnostics.add(
        new QuarterlyReview.Item(
            "What is GPU utilisation?",
            a.gpuUtilisationPct().map(Wording::percent).orElse("No GPUs, or not measured")));
    diagnostics.add(
        new QuarterlyReview.Item(
            "Can data-retrieval latency be measured?", yesNo(dx.retrievalLatencyMeasured())));

    String unaddressed =
        c.roadmapNotJudged().map(why -> "Not known: " + why).orElse("Not yet addressed");
    List<QuarterlyReview.ConstraintView> constraints = new ArrayList<>();
    // Each constraint once, at its latest rank; "addressed by" comes from any phase. Those this
    // assessment ranks come first; one that only an earlier assessment ranked says when it was
    // ranked (a re-assessment that leaves a constraint out does not re-rank it).
    java.util.Set<String> rankedNow = new java.util.HashSet<>();
    a.constraints().forEach(k -> rankedNow.add(k.id()));
    List<Assessment.Constraint> ranked =
        c.plan().constraintsAsOf(c.asOf()).stream()
            .sorted(
                java.util.Comparator.comparing(
                    (Assessment.Constraint k) -> !rankedNow.contains(k.id())))
            .toList();
    List<Assessment.Constraint> listed =
        Shortlist.head(ranked, QuarterlyReview.Scorecard.MAX_CONSTRAINTS);
    QuarterlyReview.More moreConstraints =
        Shortlist.more(
            ranked.size(),
            listed.size(),
            "constraint ranked by an earlier assessment",
            "constraints ranked by earlier assessments",
            "each assessment file ranks its own (spec.constraints)");
    listed.forEach(
        k -> {
          // One of a phase that is done is named as delivered.
          List<String> by =
              removers(c, k).stream()
                  .map(r -> r.title() + (r.closed().isPresent() ? " (delivered)" : ""))
                  .toList();
          String rank =
              rankedNow.contains(k.id())
                  ? String.valueOf(k.rank())
                  : k.rank() + " (ranked " + rankedOn(c, k.id()) + ")";
          constraints.add(
              new QuarterlyReview.ConstraintView(
                  rank,
                  Wording.capitalised(k.dimension()),
                  k.description().strip(),
                  by.isEmpty() ? unaddressed : String.join("; ", by)));
        });
    return new QuarterlyReview.Scorecard(
        true,
        a.metadata().title().isBlank() ? a.metadata().id() : a.metadata().title(),
        Wording.date(a.date()),
        previous.map(p -> Wording.date(p.date())).orElse(""),
        dimensions,
        flags,
        diagnostics,
        constraints,
        leftOut(c),
        moreConstraints);
  }

  /** The date of the latest assessment up to as-of that ranks constraint {@code id}. */
  private static String rankedOn(Context c, String id) {
    List<Assessment> upTo = c.plan().assessmentsUpTo(c.asOf());
    for (int i = upTo.size() - 1; i >= 0; i--) {
      if (upTo.get(i).constraints().stream().anyMatch(k -> k.id().equals(id))) {
        return Wording.shortDate(upTo.get(i).date());
      }
    }
    return "earlier";
  }

  /**
   * "Not in this scorecard: assessment/2027-04.yaml (failed its schema)." for the assessments the
   * plan lacks, since one of them may be the latest; empty when there is none.
   */
  private static String leftOut(Context c) {
    List<String> files =
        c.result().notInPlan(Kind.ASSESSMENT).entrySet().stream()
            .map(e -> e.getKey() + " (" + e.getValue().why() + ")")
            .toList();
    if (files.isEmpty()) {
      return "";
    }
    int max = QuarterlyReview.Scorecard.MAX_LEFT_OUT;
    if (files.size() <= max) {
      return "Not in this scorecard: " + String.join(", ", files) + ".";
    }
    return "Not in this scorecard: "
        + String.join(", ", files.subList(0, max))
        + " and "
        + Wording.number(BigDecimal.valueOf(files.size() - max), 0)
        + (files.size() - max == 1 ? " more file" : " more files")
        + " (the JSON output lists the findings of each: "
        + Shortlist.JSON
        + ").";
  }

  static Rag rag(Assessment.Rating rating) {
    return switch (rating) {
      case RED -> Rag.RED;
      case YELLOW -> Rag.AMBER;
      case GREEN -> Rag.GREEN;
    };
  }

  private static String yesNo(Optional<Boolean> b) {
    return b.map(v -> v ? "Yes" : "No").orElse("Not answered");
  }

  private static String measurements(Map<String, Object> m, String currency) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Object v = e.getValue();
      String text =
          switch (e.getKey()) {
            case "gpuUtilisationPct" -> "GPU utilisation " + pct(v);
            case "p95LatencyMs" -> "p95 latency " + num(v) + " ms";
            case "bandwidthUtilisationPct" -> "bandwidth used " + pct(v);
            case "cleanDataPct" -> "clean data " + pct(v);
            case "pipelineAutomation" -> "pipelines " + v;
            case "trainedStaffPct" -> "staff trained " + pct(v);
            case "monthlySpend" ->
                "monthly spend "
                    + (v instanceof BigDecimal b ? Wording.money(b, currency) : String.valueOf(v));
            case "costPerInferenceMeasured" ->
                "cost per inference " + (Boolean.TRUE.equals(v) ? "measured" : "not measured");
            default -> Wording.words(camel(e.getKey())) + " " + num(v);
          };
      parts.add(text);
    }
    return String.join(", ", parts);
  }

  /**
   * "MLOps specialist external, financial analyst shared, no data engineer": the core team's roles
   * that are not staffed in-house; empty when all are.
   */
  private static String roles(Assessment.Roles roles) {
    List<String> parts = new ArrayList<>();
    roles
        .staffing()
        .forEach(
            (role, staffing) -> {
              String label = Assessment.Roles.label(role);
              switch (staffing) {
                case IN_HOUSE -> {}
                case SHARED -> parts.add(label + " shared");
                case EXTERNAL -> parts.add(label + " external");
                case MISSING -> parts.add("no " + label);
              }
            });
    return String.join(", ", parts);
  }

  private static String pct(Object v) {
    return v instanceof BigDecimal b ? Wording.percent(b) : String.valueOf(v);
  }

  private static String num(Object v) {
    if (v instanceof BigDecimal b) {
      return Wording.number(b, 2);
    }
    if (v instanceof Boolean b) {
      return b ? "yes" : "no";
    }
    return String.valueOf(v);
  }

  private static String camel(String key) {
    return key.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
  }
}
