package io.github.softmaxicl.numerics.validated;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.interval.Interval;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The validated integrator on ODEs with closed-form solutions: every step's enclosures contain the exact solution
 * (checked with a margin of one ulp of the closed form's double evaluation, which is StrictMath within 1 ulp), the
 * proof refuses to pass a blow-up, and Lohner's frame keeps a rotated box from growing (wrapping).
 */
class ClosedFormEnclosureTest {
  private static final LohnerTaylorIntegrator.Settings SETTINGS =
      new LohnerTaylorIntegrator.Settings(12, 1e-13, 1.0, 100_000);

  /** x' = −y, y' = x. */
  private static final TaylorVectorField ROTATION =
      TestFields.of(2, x -> List.of(x.get(1).multiply(-1.0), x.get(0)));

  /** The closed form's double evaluation widened by an ulp either side (StrictMath.exp is within one ulp). */
  private static boolean holds(Interval box, double exactDouble) {
    return box.contains(Math.nextDown(exactDouble)) && box.contains(Math.nextUp(exactDouble));
  }

  /**
   * x(t) = e^{−t} at every step end, and a sample of interior times against the over-step box. Width budget at
   * t = 20: the flow contracts, so the end width is at most the sum of the per-step local widths; each is at most
   * the remainder target 1e-13 plus the rounding of the Taylor polynomial (≤ 2p ulps of |x| ≤ 1, i.e. ≤ 6e-15),
   * so width ≤ steps · 1.1e-13.
   */
  @Test
  void decayIsEnclosedAtEveryStep() {
    ValidatedTube tube = LohnerTaylorIntegrator.integrate(TestFields.DECAY, List.of(Interval.ONE), 20.0, SETTINGS);
    assertTrue(tube.complete(), tube.stopReason().toString());
    for (TubeStep s : tube.steps()) {
      assertTrue(holds(s.atEnd().get(0), StrictMath.exp(-s.t1())), "end of step at " + s.t1());
      double mid = 0.5 * (s.t0() + s.t1());
      assertTrue(holds(s.overStep().get(0), StrictMath.exp(-mid)), "inside step at " + mid);
    }
    assertTrue(tube.finalWidth() <= tube.steps().size() * 1.1e-13, "final width " + tube.finalWidth());
  }

  /**
   * x(t) = 1/(1 − t) from x(0) = 1 is enclosed up to t = 0.9; a proof to t = 1.1 must stop before the
   * blow-up at t = 1 (each step proves existence on the step, and no solution exists at t = 1).
   */
  @Test
  void blowUpIsEnclosedBeforeAndNeverCrossed() {
    ValidatedTube tube = LohnerTaylorIntegrator.integrate(TestFields.SQUARE, List.of(Interval.ONE), 0.9, SETTINGS);
    assertTrue(tube.complete(), tube.stopReason().toString());
    for (TubeStep s : tube.steps()) {
      assertTrue(holds(s.atEnd().get(0), 1.0 / (1.0 - s.t1())), "end of step at " + s.t1());
    }
    ValidatedTube past = LohnerTaylorIntegrator.integrate(TestFields.SQUARE, List.of(Interval.ONE), 1.1,
        new LohnerTaylorIntegrator.Settings(12, 1e-13, 1.0, 2_000));
    assertFalse(past.complete(), "a proof across the blow-up at t = 1");
    assertTrue(past.reached() < 1.0, "reached " + past.reached());
  }

  /**
   * A box of half-width 1e-6 around (1, 0) rotated for five turns. The exact set stays a square of side 2e-6,
   * whose box hull is at most √2 · 2e-6 wide; Lohner's orthogonal frame follows the rotation, so the enclosure
   * grows only by the local errors (≤ 1e-13 remainder + rounding ≤ 1e-14 per step). A plain interval box would
   * grow by a factor ≈ √2 per eighth of a turn.
   */
  @Test
  void rotationDoesNotWrap() {
    double r = 1e-6;
    double tEnd = 10 * Math.PI;
    ValidatedTube tube = LohnerTaylorIntegrator.integrate(ROTATION,
        List.of(Interval.around(1.0, r), Interval.around(0.0, r)), tEnd, SETTINGS);
    assertTrue(tube.complete(), tube.stopReason().toString());
    for (TubeStep s : tube.steps()) {
      double t = s.t1();
      assertTrue(s.atEnd().get(0).contains(Math.cos(t)) && s.atEnd().get(1).contains(Math.sin(t)), "t = " + t);
    }
    double bound = Math.sqrt(2) * 2 * r + tube.steps().size() * 1.1e-13;
    assertTrue(tube.finalWidth() <= bound, "width " + tube.finalWidth() + " > " + bound);
  }
}
