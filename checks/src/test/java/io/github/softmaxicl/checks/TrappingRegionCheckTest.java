package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.validated.TrappingRegionSearch;
import io.github.softmaxicl.numerics.validated.TubeStep;
import io.github.softmaxicl.numerics.validated.ValidatedTube;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * P1-proof on {@code small}'s tube (t_e + 5): certified and agreeing with the floating-point run; a fail when the
 * floating-point allocation or final state disagrees with the region; an error when the region was sized on an
 * earlier box that does not hold the tube's end, and when the tube stopped early.
 */
class TrappingRegionCheckTest {
  private static final ProblemConfig C = SmallProofTube.RUN.config();

  private static TrappingRegionSearch.Attempt atEnd(ValidatedTube tube) {
    TubeStep last = tube.steps().get(tube.steps().size() - 1);
    return TrappingRegionSearch.at(C, SmallProofTube.RUN.init(), last.t1(), last.atEnd());
  }

  private static Verdict check(int[] allocation, List<Double> finalState, ValidatedTube tube,
      TrappingRegionSearch.Attempt a) {
    return TrappingRegionCheck.check("small", C, allocation, SmallProofTube.RUN.tEnd(), finalState, tube, a, 1);
  }

  @Test
  void smallIsCertifiedAndTheFloatingPointRunAgrees() {
    TrappingRegionSearch.Attempt a = atEnd(SmallProofTube.TUBE);
    assertTrue(a.certified());
    Verdict v = TrappingRegionCheck.check("small", SmallProofTube.RUN, SmallProofTube.TUBE, a, 1);
    assertEquals(Verdict.Status.PASS, v.status(), String.join("\n", v.evidence()));
    assertEquals(0.0, v.measured());
  }

  @Test
  void aDifferentFloatingPointAllocationFails() {
    Verdict v = check(new int[] {1, 0}, TrappingRegionCheck.magnitudes(SmallProofTube.RUN), SmallProofTube.TUBE,
        atEnd(SmallProofTube.TUBE));
    assertEquals(Verdict.Status.FAIL, v.status());
    assertEquals(2.0, v.measured());
  }

  /** A floating-point limit 1 % off on one on-task ω is outside the region the exact solution cannot leave. */
  @Test
  void aFloatingPointFinalStateOutsideTheRegionFails() {
    List<Double> m = new ArrayList<>(TrappingRegionCheck.magnitudes(SmallProofTube.RUN));
    m.set(0, m.get(0) * 1.1);
    Verdict v = check(SmallProofTube.RUN.allocation(), m, SmallProofTube.TUBE, atEnd(SmallProofTube.TUBE));
    assertEquals(Verdict.Status.FAIL, v.status());
    assertEquals(1.0, v.measured());
  }

  /**
   * A region sized on the box at t ≈ 118 (mid-emergence) does not hold the tube's end box (and is not a trapping
   * region at all): an error (the proof is incomplete), never a pass.
   */
  @Test
  void aRegionThatDoesNotHoldTheEndBoxIsAnError() {
    TubeStep early = SmallProofTube.TUBE.stepAt(118.0).orElseThrow();
    TrappingRegionSearch.Attempt a =
        TrappingRegionSearch.at(C, SmallProofTube.RUN.init(), early.t1(), early.atEnd());
    Verdict v = check(SmallProofTube.RUN.allocation(), TrappingRegionCheck.magnitudes(SmallProofTube.RUN),
        SmallProofTube.TUBE, a);
    assertEquals(Verdict.Status.ERROR, v.status(), String.join("\n", v.evidence()));
  }

  @Test
  void aTubeThatStoppedEarlyIsAnError() {
    ValidatedTube t = SmallProofTube.TUBE;
    ValidatedTube stopped = new ValidatedTube(t.initial(), t.steps().subList(0, 20), t.requestedEnd(),
        Optional.of("step limit reached"), 0.0);
    Verdict v = check(SmallProofTube.RUN.allocation(), TrappingRegionCheck.magnitudes(SmallProofTube.RUN), stopped,
        atEnd(stopped));
    assertEquals(Verdict.Status.ERROR, v.status());
  }
}
