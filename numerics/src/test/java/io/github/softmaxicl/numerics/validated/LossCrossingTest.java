package io.github.softmaxicl.numerics.validated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.LogCoordinateFlow;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import io.github.softmaxicl.theory.interval.IntervalCoefficients;
import io.github.softmaxicl.theory.interval.TaylorSeries;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The crossing rule of {@link LossCrossing#firstFall} on a closed form (x' = −x falls to ½ at ln 2) and on
 * hand-made steps (exact endpoints, a level touching an end box, a start at the level, a level never reached),
 * the enclosures of F(0) and F* against the double formulas, and the equilibrium test refusing a box it cannot
 * prove equilibrium-free.
 */
class LossCrossingTest {
  /** x' = −x. */
  private static final TaylorVectorField DECAY = TestFields.DECAY;

  /** F = x itself, per step {over-step, end}. */
  private static List<Interval[]> identityLosses(ValidatedTube tube) {
    List<Interval[]> out = new ArrayList<>();
    for (TubeStep s : tube.steps()) {
      out.add(new Interval[] {s.overStep().get(0), s.atEnd().get(0)});
    }
    return out;
  }

  @Test
  void theDecayFallsToHalfAtLog2() {
    ValidatedTube tube = LohnerTaylorIntegrator.integrate(DECAY, List.of(Interval.ONE), 3.0,
        new LohnerTaylorIntegrator.Settings(12, 1e-13, 0.25, 10_000));
    assertTrue(tube.complete());
    List<Interval[]> f = identityLosses(tube);
    Interval e = LossCrossing.firstFall(tube, f, Interval.ONE, Interval.point(0.5)).orElseThrow();
    assertTrue(e.contains(StrictMath.log(2.0)), e.toString());
    // At most two steps of at most 0.25: the rule locates the crossing to the steps around it.
    assertTrue(e.width() <= 0.5, e.toString());
    // The start at the level is no crossing; a level below e^{-3} is not reached on the tube.
    assertTrue(LossCrossing.firstFall(tube, f, Interval.ONE, Interval.ONE).isEmpty());
    assertTrue(LossCrossing.firstFall(tube, f, Interval.ONE, Interval.point(0.01)).isEmpty());
  }

  /** Three unit steps with given F-enclosures: the endpoints follow the rule exactly. */
  @Test
  void handMadeStepsGiveTheRulesEndpoints() {
    List<TubeStep> steps = new ArrayList<>();
    for (int k = 0; k < 3; k++) {
      steps.add(new TubeStep(k, k + 1, List.of(Interval.ZERO), List.of(Interval.ZERO)));
    }
    ValidatedTube tube = new ValidatedTube(List.of(Interval.ZERO), steps, 3.0, Optional.empty(), 0.0);
    List<Interval[]> f = List.of(
        new Interval[] {Interval.of(5, 6), Interval.of(4.5, 4.6)},
        new Interval[] {Interval.of(2.8, 5), Interval.of(2.9, 3.0)},
        new Interval[] {Interval.of(1, 3.5), Interval.of(1, 1.2)});
    Interval start = Interval.point(6);
    // Step 0 lies wholly above 3.2; step 1 reaches it and ends wholly below.
    assertEquals(Interval.of(1, 2), LossCrossing.firstFall(tube, f, start, Interval.point(3.2)).orElseThrow());
    // A level inside step 1's end box is not proved crossed there: the upper end moves to step 2's end.
    assertEquals(Interval.of(1, 3), LossCrossing.firstFall(tube, f, start, Interval.point(2.95)).orElseThrow());
    // A level enclosure straddling step 0's over-step bound: step 0 may already cross, so the lower end is 0.
    assertEquals(Interval.of(0, 2), LossCrossing.firstFall(tube, f, start, Interval.of(3.0, 5.0)).orElseThrow());
    // Below everything the tube proves: empty, not an enclosure reaching its end.
    assertTrue(LossCrossing.firstFall(tube, f, start, Interval.point(0.5)).isEmpty());
  }

  /**
   * F(0) and F* enclose the double formulas (LeadingOrderLoss at the init; ClosedForms.fStar). Budget for the
   * doubles' rounding: a few dozen operations of relative error u each, so 1e-13 relative is ample and far
   * below the levels' spacing (1 % of F(0)).
   */
  @Test
  void startAndLimitLossesEncloseTheDoubleFormulas() {
    for (Preset p : Preset.values()) {
      ProblemConfig c = p.config();
      SpectralState init = p.initialState();
      double f0 = new LeadingOrderLoss(c).value(init);
      Interval f0i = LossCrossing.lossAt(c, init);
      assertTrue(near(f0i, f0), p.id() + ": " + f0i + " vs " + f0);
      Interval fs = LossCrossing.fStar(c);
      assertTrue(near(fs, ClosedForms.fStar(c)), p.id() + ": " + fs + " vs " + ClosedForms.fStar(c));
      assertTrue(fs.width() < 1e-12 * fs.midpoint(), fs.toString());
      assertTrue(fs.hi() < f0i.lo(), p.id());
      assertTrue(LossCrossing.startIsNotEquilibrium(LossCrossing.intervalFlow(c, init),
          new ReducedLogTaylorField(c, init).startEnclosure()), p.id());
    }
  }

  private static boolean near(Interval i, double x) {
    return i.lo() - 1e-13 * Math.abs(x) <= x && x <= i.hi() + 1e-13 * Math.abs(x);
  }

  /**
   * A box so wide (every log coordinate in [−40, −1]) that every component of the field changes sign over it is not
   * certified equilibrium-free: the test must not claim a monotonicity it cannot prove.
   */
  @Test
  void aWideBoxIsNotCertifiedEquilibriumFree() {
    ProblemConfig c = Preset.SMALL.config();
    SpectralState init = Preset.SMALL.initialState();
    List<Interval> wide = new ArrayList<>(Collections.nCopies(2 * c.heads() * c.tasks(), Interval.of(-40, -1)));
    assertFalse(LossCrossing.startIsNotEquilibrium(LossCrossing.intervalFlow(c, init), wide));
  }

  /**
   * A component enclosed by exactly [0, 0] does not exclude 0: a box on which some components of the field vanish
   * identically and the others change sign may hold an equilibrium, so it is not certified. The ω rates are set to
   * 0 (ω frozen), which makes every dy_ω exactly 0 (0 times a finite interval is exact), and the wide box of the
   * previous test makes every dy_μ change sign. Reading an end at 0 as excluding 0 (≥ for >, ≤ for <) would
   * certify it.
   */
  @Test
  void aComponentThatIsExactlyZeroDoesNotExcludeAnEquilibrium() {
    ProblemConfig c = Preset.SMALL.config();
    SpectralState init = Preset.SMALL.initialState();
    LogCoordinateFlow<Interval> frozenOmega = new LogCoordinateFlow<>(IntervalCoefficients.of(c),
        Collections.nCopies(c.tasks(), Interval.ZERO), init);
    List<Interval> wide = new ArrayList<>(Collections.nCopies(2 * c.heads() * c.tasks(), Interval.of(-40, -1)));
    List<Interval> field = frozenOmega.derivative(wide);
    int omegas = c.heads() * c.tasks();
    for (int q = 0; q < field.size(); q++) {
      Interval v = field.get(q);
      if (q < omegas) {
        assertTrue(v.lo() == 0.0 && v.hi() == 0.0, q + ": " + v);
      } else {
        assertTrue(v.lo() < 0.0 && v.hi() > 0.0, q + ": " + v);
      }
    }
    assertFalse(LossCrossing.startIsNotEquilibrium(frozenOmega, wide));
  }
}
