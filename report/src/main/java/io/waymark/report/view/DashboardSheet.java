package io.waymark.report.view;

import java.util.Optional;
import java.util.Set;

/**
 * How many items each list of the one-page dashboard sheet ({@code dashboard-sheet.ftlh}, {@code
 * dashboard.pdf}) shows; the template says how many it leaves out. {@link #smaller(Set)} gives the
 * next, shorter layout when a sheet does not fit one page.
 *
 * @param decisions decisions needed
 * @param metrics metric cards (red and amber first)
 * @param attention items that need attention
 * @param milestones milestones ahead
 */
public record DashboardSheet(int decisions, int metrics, int attention, int milestones) {

  /** The first layout tried: what the example's sheet shows, with room to spare. */
  public static final DashboardSheet FIRST = new DashboardSheet(5, 7, 5, 8);

  /**
   * One item fewer in the longest of the lists named in {@code lists} (the lists of a column that
   * runs off the page), or of all lists when none is named; the decisions last (ties: milestones,
   * then needs attention, then metrics). Empty when every such list is down to one item.
   */
  public Optional<DashboardSheet> smaller(Set<String> lists) {
    boolean all = lists.isEmpty();
    int m = all || lists.contains("milestones") ? milestones : 0;
    int a = all || lists.contains("attention") ? attention : 0;
    int k = all || lists.contains("metrics") ? metrics : 0;
    int d = all || lists.contains("decisions") ? decisions : 0;
    int longest = Math.max(Math.max(m, a), Math.max(k, d));
    if (longest <= 1) {
      return Optional.empty();
    }
    if (m == longest) {
      return Optional.of(new DashboardSheet(decisions, metrics, attention, milestones - 1));
    }
    if (a == longest) {
      return Optional.of(new DashboardSheet(decisions, metrics, attention - 1, milestones));
    }
    if (k == longest) {
      return Optional.of(new DashboardSheet(decisions, metrics - 1, attention, milestones));
    }
    return Optional.of(new DashboardSheet(decisions - 1, metrics, attention, milestones));
  }
}
