package io.github.softmaxicl.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.validated.TrappingRegionSearch;
import io.github.softmaxicl.numerics.validated.TubeStep;
import io.github.softmaxicl.numerics.validated.ValidatedTube;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.interval.Interval;
import io.github.softmaxicl.theory.interval.TrappingRegionCertificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * P1-proof on {@code small}'s tube (t_e + 5): certified and agreeing with the floating-point run; a fail when the
 * floating-point allocation or final state disagrees with the region; an error when the region was sized on an
 * earlier box that does not hold the tube's end, when a certified region does not hold a (shorter) tube's end,
 * when the end box certifies no allocation, and when the tube stopped early. The evidence names each task's heads
 * (from 1) and what was or was not proved.
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
    // Per task, the region's head and the floating-point head, numbered from 1 as in the rest of the report.
    List<Integer> heads = a.allocation().orElseThrow();
    for (int i = 0; i < C.tasks(); i++) {
      String line = "task " + (i + 1) + ": head " + (heads.get(i) + 1) + " in B; floating-point head "
          + (SmallProofTube.RUN.allocation()[i] + 1) + ", agrees";
      assertTrue(v.evidence().contains(line), line + " in " + v.evidence());
    }
    assertTrue(v.evidence().stream().anyMatch(l -> l.startsWith("the floating-point state at t_end = ")
        && l.endsWith(" lies in B")), v.evidence().toString());
  }

  /**
   * A floating-point allocation that names a head for the first task only: the missing task is a disagreement (a
   * fail counting 1, never an exception or a pass), shown as head -1.
   */
  @Test
  void aFloatingPointAllocationMissingATaskFails() {
    TrappingRegionSearch.Attempt a = atEnd(SmallProofTube.TUBE);
    int[] fp = SmallProofTube.RUN.allocation();
    Verdict v = check(new int[] {fp[0]}, TrappingRegionCheck.magnitudes(SmallProofTube.RUN), SmallProofTube.TUBE,
        a);
    assertEquals(Verdict.Status.FAIL, v.status(), String.join("\n", v.evidence()));
    assertEquals(1.0, v.measured());
    String missing = "task 2: head " + (a.allocation().orElseThrow().get(1) + 1)
        + " in B; floating-point head -1, DIFFERS";
    assertTrue(v.evidence().contains(missing), missing + " in " + v.evidence());
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
    assertTrue(v.evidence().stream().anyMatch(l -> l.startsWith("the floating-point state at t_end = ")
        && l.endsWith(" is NOT in B")), v.evidence().toString());
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
    // The evidence counts the proved conditions itself (the count is not a copy of the number of conditions).
    TrappingRegionCertificate cert = a.certificate().orElseThrow();
    long proved = cert.conditions().stream().filter(TrappingRegionCertificate.Condition::proved).count();
    assertTrue(proved < cert.conditions().size(), "the early region is not certified");
    String counts = cert.conditions().size() + " conditions, " + proved + " proved, ";
    assertTrue(v.evidence().stream().anyMatch(l -> l.startsWith(counts)), counts + " in " + v.evidence());
    assertTrue(v.evidence().contains("B is not certified"), v.evidence().toString());
  }

  /**
   * The region certified around the end of the full tube, against a complete tube requested to t = 118 only
   * (mid-emergence): a certified region that does not hold this tube's end box proves nothing about its
   * continuation, an error naming that reason (not "not certified").
   */
  @Test
  void aCertifiedRegionThatDoesNotHoldTheTubesEndIsAnError() {
    TrappingRegionSearch.Attempt a = atEnd(SmallProofTube.TUBE);
    assertTrue(a.certified());
    ValidatedTube t = SmallProofTube.TUBE;
    int k = t.steps().indexOf(t.stepAt(118.0).orElseThrow());
    ValidatedTube shorter = new ValidatedTube(t.initial(), t.steps().subList(0, k + 1), t.steps().get(k).t1(),
        Optional.empty(), 0.0);
    assertTrue(shorter.complete());
    Verdict v = check(SmallProofTube.RUN.allocation(), TrappingRegionCheck.magnitudes(SmallProofTube.RUN), shorter,
        a);
    assertEquals(Verdict.Status.ERROR, v.status(), String.join("\n", v.evidence()));
    assertTrue(v.evidence().contains("the tube's end box is NOT inside B"), v.evidence().toString());
  }

  /**
   * An end box 30 wide in every log coordinate (e^{±15} around the tube's end: an enclosure still, but one that
   * separates no head from another) certifies no allocation, so no region is tried: an error.
   */
  @Test
  void anEndBoxThatCertifiesNoAllocationIsAnError() {
    TubeStep last = SmallProofTube.TUBE.steps().get(SmallProofTube.TUBE.steps().size() - 1);
    List<Interval> wide = last.atEnd().stream().map(y -> Interval.of(y.lo() - 15, y.hi() + 15)).toList();
    TrappingRegionSearch.Attempt a = TrappingRegionSearch.at(C, SmallProofTube.RUN.init(), last.t1(), wide);
    assertTrue(a.allocation().isEmpty());
    Verdict v = check(SmallProofTube.RUN.allocation(), TrappingRegionCheck.magnitudes(SmallProofTube.RUN),
        SmallProofTube.TUBE, a);
    assertEquals(Verdict.Status.ERROR, v.status(), String.join("\n", v.evidence()));
    assertTrue(v.evidence().get(v.evidence().size() - 1).startsWith("ERROR: no region tried"), v.evidence()
        .toString());
  }

  /**
   * The smallest proved lower bound, on conditions built by hand: the unproved condition (lower end −2) is left
   * out, the smaller of the proved ones (0.1) is the answer; on the certified region of {@code small} it is the
   * smallest lower end of all conditions and positive (proved means a positive lower end).
   */
  @Test
  void theSmallestMarginIsTakenOverProvedConditionsOnly() {
    TrappingRegionCertificate real = atEnd(SmallProofTube.TUBE).certificate().orElseThrow();
    TrappingRegionCertificate hand = new TrappingRegionCertificate(real.region(), List.of(
        new TrappingRegionCertificate.Condition("a", Interval.of(0.3, 1.0), true, 1),
        new TrappingRegionCertificate.Condition("b", Interval.of(-2.0, 1.0), false, 1),
        new TrappingRegionCertificate.Condition("c", Interval.of(0.1, 0.2), true, 1)), real.slants(), 0.0);
    assertEquals(0.1, TrappingRegionCheck.smallestMargin(hand));
    double min = real.conditions().stream().mapToDouble(k -> k.enclosure().lo()).min().orElseThrow();
    assertTrue(min > 0);
    assertEquals(min, TrappingRegionCheck.smallestMargin(real));
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
