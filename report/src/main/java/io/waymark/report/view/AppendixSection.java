package io.waymark.report.view;

import io.waymark.engine.finding.Finding;
import io.waymark.engine.model.Deviation;
import io.waymark.report.text.Wording;
import java.util.ArrayList;
import java.util.List;

/** The appendix: findings, suppressions, recorded deviations and history notes. */
final class AppendixSection {

  private final Context c;

  private AppendixSection(Context c) {
    this.c = c;
  }

  static QuarterlyReview.Appendix of(Context c) {
    return new AppendixSection(c).appendix();
  }

  private QuarterlyReview.Appendix appendix() {
    int max = QuarterlyReview.Appendix.MAX_ROWS;
    List<QuarterlyReview.FindingView> findings =
        c.result().findings().stream().limit(max).map(AppendixSection::finding).toList();
    List<QuarterlyReview.SuppressedView> suppressed =
        c.result().suppressed().stream()
            .limit(max)
            .map(
                s ->
                    new QuarterlyReview.SuppressedView(
                        s.finding().rule(),
                        s.finding().file() + ":" + s.finding().line() + ":" + s.finding().column(),
                        s.finding().message(),
                        s.reason()))
            .toList();
    List<String> notes = new ArrayList<>();
    c.history().limitation().ifPresent(notes::add);
    notes.addAll(c.history().notes());
    List<QuarterlyReview.DeviationView> deviations = new ArrayList<>();
    c.plan().roadmaps().stream()
        .flatMap(r -> r.phases().stream())
        .forEach(
            p ->
                p.gate()
                    .deviation()
                    .ifPresent(
                        d ->
                            deviations.add(
                                deviation("Gate " + p.gate().id() + " (" + p.name() + ")", d))));
    c.plan()
        .vendorEvaluations()
        .forEach(
            e ->
                e.deviation()
                    .ifPresent(
                        d ->
                            deviations.add(
                                deviation(
                                    "Vendor evaluation "
                                        + Context.title(e.metadata().title(), e.metadata().id()),
                                    d))));
    return new QuarterlyReview.Appendix(
        findings,
        c.result().findings().size() - findings.size(),
        suppressed,
        c.result().suppressed().size() - suppressed.size(),
        deviations,
        notes);
  }

  private QuarterlyReview.DeviationView deviation(String subject, Deviation d) {
    String decision =
        d.decision()
            .map(
                id ->
                    c.plan()
                        .decision(id)
                        .map(x -> x.id() + " (" + x.outcome() + ", " + Wording.date(x.date()) + ")")
                        .orElse(id + " (unknown decision)"))
            .orElse("No decision recorded");
    return new QuarterlyReview.DeviationView(subject, d.reason().strip(), decision);
  }

  static QuarterlyReview.FindingView finding(Finding f) {
    return new QuarterlyReview.FindingView(
        f.severity().id(),
        f.rule(),
        f.file() + ":" + f.line() + ":" + f.column(),
        f.message(),
        f.hint());
  }
}
