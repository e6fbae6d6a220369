package io.github.softmaxicl.numerics.validated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link LossCrossing#phaseTimes} and {@link LossCrossing#taskPhaseTimes} on a hand-made tube of two steps (no
 * integration): step 1 stays at the init, step 2 runs from the init to near the limit (its over-step box the hull
 * of both, its end box at the limit). The global and per-task losses fall from L(0) to about L* only on step 2,
 * so every marker is enclosed by [1, 2]; the levels and F(0), F* are checked against the double formulas.
 */
class PhaseTimesRulesTest {
  private static final ProblemConfig C = ProblemConfig.of(4, new int[] {2, 2}, 2, 40, 0.3, 1.0);
  private static final SpectralState INIT = Initialisations.paper(C);

  private static List<Interval> points(double[] y) {
    List<Interval> b = new ArrayList<>();
    for (double v : y) {
      b.add(Interval.point(v));
    }
    return b;
  }

  private static ValidatedTube initThenLimit() {
    BalancedSpectralField f = new BalancedSpectralField(new LeadingOrderLoss(C), INIT);
    double[][] omega = new double[2][2];
    double[][] mu = new double[2][2];
    for (int h = 0; h < 2; h++) {
      for (int j = 0; j < 2; j++) {
        omega[h][j] = h == j ? ClosedForms.omegaStar(C, j) : 1e-9;
        mu[h][j] = h == j ? ClosedForms.muStar(C, j) : 1e-9;
      }
    }
    double[] y0 = f.toLog(INIT);
    double[] y1 = f.toLog(SpectralState.of(omega, mu));
    List<Interval> start = points(y0);
    List<Interval> end = points(y1);
    List<Interval> hull = new ArrayList<>();
    for (int q = 0; q < y0.length; q++) {
      hull.add(start.get(q).hull(end.get(q)));
    }
    List<TubeStep> steps = List.of(new TubeStep(0, 1, start, start), new TubeStep(1, 2, hull, end));
    return new ValidatedTube(start, steps, 2.0, Optional.empty(), 0.0);
  }

  /** The double value lies in the enclosure up to a relative 1e-13 (a few dozen roundings of the doubles). */
  private static boolean near(Interval i, double x) {
    double slack = 1e-13 * Math.abs(x);
    return i.lo() - slack <= x && x <= i.hi() + slack;
  }

  @Test
  void theGlobalMarkersLieOnTheStepThatFalls() {
    ValidatedTube t = initThenLimit();
    LossCrossing.PhaseTimes p = LossCrossing.phaseTimes(t, C, INIT);
    double f0 = new LeadingOrderLoss(C).value(INIT);
    double fStar = ClosedForms.fStar(C);
    assertTrue(near(p.f0(), f0), p.f0() + " vs " + f0);
    assertTrue(near(p.fStar(), fStar), p.fStar() + " vs " + fStar);
    assertTrue(near(p.warmupLevel(), 0.99 * f0), p.warmupLevel().toString());
    assertTrue(near(p.emergenceLevel(), fStar + 0.01 * (f0 - fStar)), p.emergenceLevel().toString());
    assertEquals(Optional.of(Interval.of(1, 2)), p.warmupEnd());
    assertEquals(Optional.of(Interval.of(1, 2)), p.emergenceEnd());
    assertTrue(p.monotone(), "the init is not an equilibrium");
    List<Interval[]> losses = LossCrossing.losses(LossCrossing.intervalFlow(C, INIT), t);
    assertEquals(2, losses.size());
    assertTrue(near(losses.get(0)[1], f0));
    assertTrue(losses.get(1)[1].hi() < p.emergenceLevel().lo());
  }

  @Test
  void theTaskMarkersLieOnTheStepThatFalls() {
    ValidatedTube t = initThenLimit();
    List<LossCrossing.TaskPhaseTimes> tasks = LossCrossing.taskPhaseTimes(t, C, INIT);
    assertEquals(2, tasks.size());
    double[] l0 = new LeadingOrderLoss(C).taskLosses(INIT);
    for (int i = 0; i < 2; i++) {
      LossCrossing.TaskPhaseTimes p = tasks.get(i);
      assertEquals(i, p.task());
      assertTrue(near(p.l0(), l0[i]), p.l0() + " vs " + l0[i]);
      assertTrue(near(p.lStar(), ClosedForms.taskLossStar(C, i)), p.lStar().toString());
      assertEquals(Optional.of(Interval.of(1, 2)), p.warmupEnd(), "task " + i);
      assertEquals(Optional.of(Interval.of(1, 2)), p.emergenceEnd(), "task " + i);
    }
  }

  /**
   * A level the over-step boxes reach but no end box is proved below: the rule scans every later step and finds
   * no upper end, so no enclosure (the tube does not prove the fall before its end).
   */
  @Test
  void aLevelReachedButNeverProvedHasNoEnclosure() {
    ValidatedTube t = initThenLimit();
    List<Interval[]> f = List.of(new Interval[] {Interval.of(5, 6), Interval.of(5, 6)},
        new Interval[] {Interval.of(1, 6), Interval.of(2, 3)});
    assertTrue(LossCrossing.firstFall(t, f, Interval.point(7), Interval.point(1.5)).isEmpty());
  }

  /**
   * A box so far out (log coordinates near 700, entries near e^700) that the field's enclosure overflows proves
   * nothing: not certified equilibrium-free.
   */
  @Test
  void anOverflowingBoxIsNotCertifiedEquilibriumFree() {
    List<Interval> huge = new ArrayList<>();
    for (int q = 0; q < 8; q++) {
      huge.add(Interval.of(700, 709));
    }
    assertFalse(LossCrossing.startIsNotEquilibrium(LossCrossing.intervalFlow(C, INIT), huge));
  }

  /**
   * The proofs' settings are those docs/VALIDATED-INTEGRATION.md §4 states (order 12, tolerance 1e-12, steps of at
   * most 50, at most 20,000 steps), and valid.
   */
  @Test
  void theProofSettingsAreTheDocumentedOnes() {
    LohnerTaylorIntegrator.Settings s = LohnerTaylorIntegrator.Settings.reducedFlowProof();
    assertEquals(new LohnerTaylorIntegrator.Settings(12, 1e-12, 50.0, 20_000), s);
  }
}
