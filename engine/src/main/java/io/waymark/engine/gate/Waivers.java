package io.waymark.engine.gate;

import io.waymark.engine.model.Gate;
import io.waymark.engine.model.Phase;
import io.waymark.engine.model.Plan;
import io.waymark.engine.model.Roadmap;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The time-boxed waivers of a plan (those with {@code expires}) whose shortfall is still there on a
 * date. A waiver accepts a shortfall until its expiry date; once the criterion it covers is met
 * (for a gate's waiver: every criterion of the gate is met or covered by a criterion waiver that
 * still applies), the waiver has done its job and its date no longer matters. A gate decided while
 * the waiver applied stays decided: an expiry never reopens a past decision, it asks the board to
 * renew the waiver or the team to close the shortfall.
 *
 * <p>Read by the rule {@code gate-waiver-expired} (the expired ones) and the QBR's "Decisions
 * needed" (those that expire by the end of next quarter).
 */
public final class Waivers {

  /**
   * One time-boxed waiver with its shortfall still open.
   *
   * @param criterion empty for the waiver of the whole gate
   * @param shortfall the criteria not met on the date (without the waiver itself), each judged by
   *     the latest data on or before it
   */
  public record Open(
      Roadmap roadmap,
      Phase phase,
      Optional<Gate.Criterion> criterion,
      Gate.Waiver waiver,
      LocalDate expires,
      List<CriterionResult> shortfall) {

    public Open {
      shortfall = List.copyOf(shortfall);
    }

    public Gate gate() {
      return phase.gate();
    }

    /** True when the waiver no longer applies on {@code asOf}. */
    public boolean expiredOn(LocalDate asOf) {
      return expires.isBefore(asOf);
    }

    /** "criterion gc-x of gate gate-y" or "gate gate-y". */
    public String subject() {
      return criterion.map(c -> "criterion " + c.id() + " of ").orElse("") + "gate " + gate().id();
    }
  }

  private Waivers() {}

  /** The time-boxed waivers whose shortfall is still open on {@code asOf}, in plan order. */
  public static List<Open> open(Plan plan, LocalDate asOf) {
    GateEvaluator evaluator = new GateEvaluator(plan);
    List<Open> out = new ArrayList<>();
    for (Roadmap roadmap : plan.roadmaps()) {
      for (Phase phase : roadmap.phases()) {
        Gate gate = phase.gate();
        if (gate.status() == Gate.Status.FAILED) {
          continue; // the board said no: no waiver applies
        }
        if (gate.status() == Gate.Status.WAIVED) {
          gate.waiver()
              .filter(w -> w.expires().isPresent())
              .ifPresent(
                  w -> {
                    List<CriterionResult> unmet =
                        gate.criteria().stream()
                            .map(c -> evaluator.evaluate(c, phase, asOf))
                            .filter(r -> !r.satisfied())
                            .toList();
                    if (!unmet.isEmpty()) {
                      out.add(
                          new Open(roadmap, phase, Optional.empty(), w, w.expires().get(), unmet));
                    }
                  });
        }
        for (Gate.Criterion c : gate.criteria()) {
          Optional<Gate.Waiver> w = c.waiver().filter(x -> x.expires().isPresent());
          if (w.isEmpty()) {
            continue;
          }
          CriterionResult r = evaluator.judge(c, phase, asOf);
          if (r.state() != CriterionResult.State.MET) {
            out.add(
                new Open(
                    roadmap, phase, Optional.of(c), w.get(), w.get().expires().get(), List.of(r)));
          }
        }
      }
    }
    return out;
  }
}
