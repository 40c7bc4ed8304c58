package io.waymark.engine.analysis;

import java.time.LocalDate;

/**
 * The semi-annual update windows of a roadmap ("review quarterly, update semi-annually"): window
 * {@code k} (k = 0, 1, 2, …) runs from {@code start + 6k months} (inclusive) to {@code start + 6k +
 * 1 months} (exclusive), month arithmetic clamping to the end of a shorter month as {@link
 * LocalDate#plusMonths} does. A roadmap starting 2027-01-04 has the windows 2027-01-04 to
 * 2027-02-03, 2027-07-04 to 2027-08-03, 2028-01-04 to 2028-02-03, and so on. Changes dated before
 * {@code start} are the plan being drafted and count as inside a window.
 */
public record UpdateWindows(LocalDate start) {

  /** A window, both ends inclusive. */
  public record Window(LocalDate from, LocalDate to) {
    @Override
    public String toString() {
      return from + " to " + to;
    }
  }

  /** Window {@code k}. */
  public Window window(int k) {
    return new Window(start.plusMonths(6L * k), start.plusMonths(6L * k + 1).minusDays(1));
  }

  /** True when a plan change on {@code date} is expected: inside a window, or before the start. */
  public boolean contains(LocalDate date) {
    if (date.isBefore(start)) {
      return true;
    }
    for (int k = 0; !start.plusMonths(6L * k).isAfter(date); k++) {
      if (date.isBefore(start.plusMonths(6L * k + 1))) {
        return true;
      }
    }
    return false;
  }

  /** The first window that ends on or after {@code date}. */
  public Window next(LocalDate date) {
    int k = 0;
    while (window(k).to().isBefore(date)) {
      k++;
    }
    return window(k);
  }
}
