package io.waymark.report.view;

import io.waymark.report.text.Wording;

/** The review's header: organisation, title, quarter and as-of date. */
final class HeaderSection {

  private final Context c;

  private HeaderSection(Context c) {
    this.c = c;
  }

  static QuarterlyReview.Header of(Context c, String revision) {
    return new HeaderSection(c).header(revision);
  }

  private QuarterlyReview.Header header(String revision) {
    String organisation = c.plan().config().organisation();
    String title =
        c.roadmap()
            .map(r -> r.metadata().title())
            .filter(t -> !t.isBlank())
            .orElse("AI infrastructure roadmap");
    Quarter q = c.quarter();
    return new QuarterlyReview.Header(
        organisation.isBlank() ? "Quarterly business review" : organisation,
        title,
        q.id(),
        q.label(),
        Wording.date(q.start()) + " to " + Wording.date(q.end()),
        Wording.date(c.asOf()),
        c.asOf().toString(),
        c.currency(),
        "qbr-" + q.id() + ".html",
        revision);
  }
}
