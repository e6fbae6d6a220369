package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.numerics.validated.AllocationMargin;
import io.github.softmaxicl.numerics.validated.LohnerTaylorIntegrator;
import io.github.softmaxicl.numerics.validated.LossCrossing;
import io.github.softmaxicl.numerics.validated.ReducedLogTaylorField;
import io.github.softmaxicl.numerics.validated.TubeStep;
import io.github.softmaxicl.numerics.validated.ValidatedTube;
import io.github.softmaxicl.theory.interval.Interval;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link AllocationProofCheck} on the real {@code small} tube (pass, every head certified with a positive margin
 * to the tube's end), on swapped heads (fail), on the tube with a last over-step box too coarse to separate the
 * heads (fail), and on tubes that stop early or end before emergence (error,
 * although the paper init's favoured heads already lead there: the check must not pass on them).
 */
class AllocationProofCheckTest {
  /** The integrator settings of the experiment (docs/VALIDATED-INTEGRATION.md §4). */
  private static final LohnerTaylorIntegrator.Settings SETTINGS =
      LohnerTaylorIntegrator.Settings.reducedFlowProof();

  private static ReducedRun small;
  private static ReducedLogTaylorField field;
  private static ValidatedTube tube;

  @BeforeAll
  static void prove() {
    small = SmallProofTube.RUN;
    field = SmallProofTube.FIELD;
    tube = SmallProofTube.TUBE;
  }

  private static AllocationProofCheck.Result check(int[] allocation, ValidatedTube t) {
    return AllocationProofCheck.check("small-reduced", small.config(), small.init(), allocation, t);
  }

  @Test
  void theRealSmallRunPasses() {
    AllocationProofCheck.Result r = AllocationProofCheck.check("small-reduced", small, tube);
    Verdict v = r.verdict();
    assertEquals(Verdict.Status.PASS, v.status(), v.evidence().toString());
    assertEquals("certified (interval arithmetic)", v.provenance());
    assertEquals(0.0, v.measured());
    int[] fp = small.allocation();
    for (AllocationMargin.TaskAllocation a : r.tasks()) {
      assertEquals(fp[a.task()], a.head().orElseThrow(), a.toString());
      assertTrue(a.minimumMargin() > 0 && a.minimumMargin() <= a.finalMargin(), a.toString());
      assertTrue(a.from() >= 0 && a.from() < tube.reached(), a.toString());
    }
  }

  /** The two tasks' heads exchanged: both disagree with the certified allocation, a fail counting 2. */
  @Test
  void swappedHeadsFail() {
    int[] fp = small.allocation();
    int[] swapped = {fp[1], fp[0]};
    Verdict v = check(swapped, tube).verdict();
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
    assertEquals(2.0, v.measured());
    assertTrue(v.evidence().stream().anyMatch(l -> l.contains("DIFFERS")), v.evidence().toString());
  }

  /**
   * A complete tube to t = 20, long before emergence (t_e ≈ 123): the favoured heads lead there by construction,
   * so margins alone would pass; the check must refuse it as an error.
   */
  @Test
  void aTubeCutBeforeEmergenceIsAnErrorNeverAPass() {
    ValidatedTube shortTube = LohnerTaylorIntegrator.integrate(field, field.startEnclosure(), 20.0, SETTINGS);
    assertTrue(shortTube.complete());
    // The margins on the short tube are positive: this is why the emergence guard is needed.
    assertTrue(AllocationMargin.certify(shortTube, small.config(), small.init(), 0).head().isPresent());
    Verdict v = check(small.allocation(), shortTube).verdict();
    assertEquals(Verdict.Status.ERROR, v.status(), v.evidence().toString());
    ValidatedTube stopped = LohnerTaylorIntegrator.integrate(field, field.startEnclosure(),
        small.markers().emergenceEnd() + 5.0, new LohnerTaylorIntegrator.Settings(12, 1e-12, 50.0, 10));
    assertFalse(stopped.complete());
    assertEquals(Verdict.Status.ERROR, check(small.allocation(), stopped).verdict().status());
  }

  /**
   * The real tube with the lower end of every log coordinate of its last over-step box moved down by 50 (every |ω|
   * and |μ| allowed down to e^{-50} times its bound: still an enclosure of the solution, only a coarser one, and one
   * on which F stays finite, unlike a box widened upwards). t_e is still certified by the earlier steps, but no
   * head's signal is bounded away from the others' on that box, so no task has a certified head: a fail counting
   * both tasks, never a pass, with each task named from 1 beside its floating-point head.
   */
  @Test
  void aTubeTooCoarseAtItsEndToSeparateTheHeadsFails() {
    List<TubeStep> steps = new ArrayList<>(tube.steps());
    TubeStep last = steps.get(steps.size() - 1);
    List<Interval> wide = last.overStep().stream().map(y -> Interval.of(y.lo() - 50, y.hi())).toList();
    steps.set(steps.size() - 1, new TubeStep(last.t0(), last.t1(), wide, last.atEnd()));
    ValidatedTube coarse = new ValidatedTube(tube.initial(), steps, tube.requestedEnd(), tube.stopReason(), 0.0);
    assertTrue(LossCrossing.phaseTimes(coarse, small.config(), small.init()).emergenceEnd().isPresent());
    int[] fp = small.allocation();
    AllocationProofCheck.Result r = check(fp, coarse);
    Verdict v = r.verdict();
    assertEquals(Verdict.Status.FAIL, v.status(), v.evidence().toString());
    assertEquals(2.0, v.measured());
    for (int i = 0; i < fp.length; i++) {
      assertTrue(r.tasks().get(i).head().isEmpty(), r.tasks().get(i).toString());
      String line = "task " + (i + 1) + ": no head has a certified positive margin on the tube's last box "
          + "(floating-point head " + (fp[i] + 1) + ")";
      assertTrue(v.evidence().contains(line), line + " in " + v.evidence());
    }
  }
}
