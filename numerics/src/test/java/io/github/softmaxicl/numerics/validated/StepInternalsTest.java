package io.github.softmaxicl.numerics.validated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.interval.Interval;
import io.github.softmaxicl.theory.interval.IntervalJet;
import io.github.softmaxicl.theory.interval.TaylorSeries;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One step of {@link LohnerTaylorIntegrator} against its documented formulas: the high-order enclosure's image
 * {@code S + [0,h]^{p+1} x_{p+1}(B)} with {@code S = Σ_{k≤p} [0,h]^k x_k}, the number of tries of a box that never
 * fits, the remainder cut of the step by 0.7, and Lohner's column order, which keeps a segment of initial values a
 * segment (no wrapping) under a non-normal linear flow.
 */
class StepInternalsTest {
  private static final double Q = LohnerTaylorIntegrator.TIME_QUANTUM;

  /** x' = a·x; counts the field's evaluations (one per Taylor expansion, {@link SolutionCoefficients}). */
  private static final class Linear implements TaylorVectorField {
    private final double a;
    private int calls;

    Linear(double a) {
      this.a = a;
    }

    @Override
    public int dimension() {
      return 1;
    }

    @Override
    public List<TaylorSeries> apply(List<TaylorSeries> x) {
      calls++;
      return List.of(x.get(0).multiply(a));
    }
  }

  /** x' = −y, y' = 4x: x(t) = E(t) x(0) with E(t) = [[cos 2t, −sin(2t)/2], [2 sin 2t, cos 2t]] (not normal). */
  private static final TaylorVectorField ELLIPSE =
      TestFields.of(2, x -> List.of(x.get(1).multiply(-1.0), x.get(0).multiply(4.0)));

  /**
   * x' = −x + y, y' = −z, z' = 4y: (y, z) turn as in {@link #ELLIPSE} and drive x. From (0, y0, 0), y(t) = y0 cos 2t,
   * z(t) = 2 y0 sin 2t and x(t) = y0 (cos 2t + 2 sin 2t − e^{−t})/5.
   */
  private static final TaylorVectorField DRIVEN = TestFields.of(3,
      x -> List.of(x.get(1).subtract(x.get(0)), x.get(2).multiply(-1.0), x.get(1).multiply(4.0)));

  private static IntervalJet[][] overBox(TaylorVectorField f, List<Interval> box, int p) {
    int m = box.size();
    IntervalJet[] start = new IntervalJet[m];
    for (int i = 0; i < m; i++) {
      start[i] = IntervalJet.variable(box.get(i), i, m);
    }
    return SolutionCoefficients.of(f, start, p);
  }

  /**
   * x' = −x from 1, order 2, h = 1/2: x_0 = 1, x_1 = −1, x_2 = 1/2 (exact doubles), so the test's own Horner
   * enclosure S = ((½ s) − 1) s + 1 over s ∈ [0, ½] is the integrator's up to rounding (budget 1e-15). The
   * returned set lies in S + [0,h]^3 · x_3(B) with the returned x_3(B) (the image of the Javadoc's test), and
   * holds e^{−t} on [0, h]. With [0,h]^{p−1} in place of [0,h]^{p+1} the image would reach 0.5 · 1/6 · 0.45 ≈ 0.04
   * lower.
   */
  @Test
  void theAPrioriSetIsTheHighOrderImage() {
    Linear f = new Linear(-1.0);
    int p = 2;
    double h = 0.5;
    Optional<LohnerTaylorIntegrator.Enclosure> e =
        LohnerTaylorIntegrator.aPriori(f, overBox(f, List.of(Interval.ONE), p), p, h);
    assertTrue(e.isPresent());
    Interval s = Interval.of(0.0, h);
    Interval sum = s.multiply(0.5).add(-1.0).multiply(s).add(1.0);
    Interval bound = sum.add(s.pow(p + 1).multiply(e.get().remainder()[0]));
    Interval set = e.get().overStep()[0];
    assertTrue(set.lo() >= bound.lo() - 1e-15 && set.hi() <= bound.hi() + 1e-15, set + " outside " + bound);
    for (int j = 0; j <= 20; j++) {
      double t = h * j / 20;
      assertTrue(set.contains(StrictMath.exp(-t)), "t = " + t);
    }
  }

  /**
   * x' = 10x, order 2, h = 1: the remainder term [0,1]^3 · x_3(B) = [0,1] · (1000/6) B is wider than B for every B,
   * so no box fits; the Javadoc's rule retries a grown box up to 4 times (one expansion each), then gives up.
   */
  @Test
  void aBoxThatNeverFitsIsTriedFourTimes() {
    Linear f = new Linear(10.0);
    int p = 2;
    IntervalJet[][] coefficients = overBox(f, List.of(Interval.ONE), p);
    f.calls = 0;
    assertTrue(LohnerTaylorIntegrator.aPriori(f, coefficients, p, 1.0).isEmpty());
    assertEquals(4, f.calls);
  }

  /**
   * The first step of x' = x² from [−1, 1] (centre 0: no Taylor limit, first candidate maxStep = 1/4), recomputed
   * from the rule: halve while the a-priori test fails; while the remainder {@code h^{p+1} x_{p+1}(B)} is wider than
   * tol and the cut step is at least one quantum, cut the step by 0.7 on the grid. The remainder binds here
   * (tol 1e-13), so the step is a cut one.
   * A remainder exactly at tol meets the target.
   */
  @Test
  void theFirstStepIsTheFirstWhoseRemainderMeetsTheTarget() {
    TaylorVectorField square = TestFields.SQUARE;
    int p = 12;
    double tol = 1e-13;
    List<Interval> box = List.of(Interval.of(-1.0, 1.0));
    ValidatedTube tube = LohnerTaylorIntegrator.integrate(square, box, 1.0,
        new LohnerTaylorIntegrator.Settings(p, tol, 0.25, 1));
    IntervalJet[][] coefficients = overBox(square, box, p);
    double h = 0.25;
    int cuts = 0;
    double accepted;
    while (true) {
      Optional<LohnerTaylorIntegrator.Enclosure> e = LohnerTaylorIntegrator.aPriori(square, coefficients, p, h);
      if (e.isEmpty()) {
        h = LohnerTaylorIntegrator.quantize(h / 2);
        continue;
      }
      double width = Interval.point(h).pow(p + 1).multiply(e.get().remainder()[0]).width();
      double cut = LohnerTaylorIntegrator.quantize(0.7 * h);
      if (width > tol && cut > 0) {
        h = cut;
        cuts++;
      } else {
        accepted = width;
        break;
      }
    }
    assertTrue(cuts >= 2, "the remainder must bind: " + cuts + " cuts");
    assertEquals(h, tube.steps().get(0).t1());
    // The target is "at most tol": with tol equal to the accepted step's remainder width (every earlier candidate's
    // is wider than 1e-13, hence than it; the first candidate does not depend on tol here), the same step is taken.
    ValidatedTube atTarget = LohnerTaylorIntegrator.integrate(square, box, 1.0,
        new LohnerTaylorIntegrator.Settings(p, accepted, 0.25, 1));
    assertEquals(h, atTarget.steps().get(0).t1(), "tol = " + accepted);
  }

  /**
   * Initial values on a segment: x = 1, y ∈ [−w, w] (w = 1e-3), under the non-normal rotation E(t). The exact set
   * at t is the segment E(t)(1, y), whose box hull has widths |sin 2t| w and 2|cos 2t| w. Lohner's order puts the
   * segment's column first (‖column‖ · width largest; the x column has width 0), so the QR frame's first axis follows
   * the segment and the second carries only the local errors: each end box is the hull within steps · 1e-12 (local
   * errors ≤ 1e-13 + rounding per step) plus 1e-9 w (rounding of the segment's length, ≤ 1e-15 relative per
   * step). Taking the x column first instead makes the frame's first axis E(h) e_x, which is not orthogonal to the
   * segment's image: the segment's part along it (≈ 3h w after the first step) is then a second wide side, and
   * the box grows by that much.
   */
  @Test
  void aSegmentUnderANonNormalRotationStaysASegment() {
    double w = 1e-3;
    ValidatedTube tube = LohnerTaylorIntegrator.integrate(ELLIPSE,
        List.of(Interval.ONE, Interval.of(-w, w)), 3.0, new LohnerTaylorIntegrator.Settings(12, 1e-13, 1.0, 1_000));
    assertTrue(tube.complete(), tube.stopReason().toString());
    int n = 0;
    for (TubeStep s : tube.steps()) {
      n++;
      double t = s.t1();
      double c = StrictMath.cos(2 * t);
      double sn = StrictMath.sin(2 * t);
      Interval x = s.atEnd().get(0);
      Interval y = s.atEnd().get(1);
      for (double y0 : new double[] {-w, w}) {
        assertTrue(x.contains(c - sn / 2 * y0) && y.contains(2 * sn + c * y0), "t = " + t);
      }
      double slack = n * 1e-12 + 1e-9 * w;
      assertTrue(x.width() <= Math.abs(sn) * w + slack, "x width " + x.width() + " at t = " + t);
      assertTrue(y.width() <= 2 * Math.abs(c) * w + slack, "y width " + y.width() + " at t = " + t);
    }
  }

  /**
   * The same in three dimensions with x driven by y: initial values x = z = 0, y ∈ [1 − w, 1 + w], a segment whose
   * image at t is (c_x, cos 2t, 2 sin 2t) · y0 with c_x = (cos 2t + 2 sin 2t − e^{−t})/5; its hull is |c_x| 2w,
   * |cos 2t| 2w, |2 sin 2t| 2w wide. Lohner's order keeps the segment's column first, and the box is that hull within
   * the budget of the two-dimensional case. The x column's image (e^{−h}, 0, 0) has exact zeros (y and z do not
   * depend on x); an order that put it first (a weight that is not ‖column‖ · width, e.g. NaN from 0/0) would keep
   * e_x as the frame's first axis, so x's share of the segment would be carried as an interval of its own and
   * summed in absolute value while the drive y changes sign, well above the hull.
   */
  @Test
  void aDrivenSegmentStaysASegmentInThreeDimensions() {
    double w = 1e-3;
    ValidatedTube tube = LohnerTaylorIntegrator.integrate(DRIVEN,
        List.of(Interval.ZERO, Interval.of(1 - w, 1 + w), Interval.ZERO), 3.0,
        new LohnerTaylorIntegrator.Settings(12, 1e-13, 1.0, 1_000));
    assertTrue(tube.complete(), tube.stopReason().toString());
    int n = 0;
    for (TubeStep s : tube.steps()) {
      n++;
      double t = s.t1();
      double[] image = {(StrictMath.cos(2 * t) + 2 * StrictMath.sin(2 * t) - StrictMath.exp(-t)) / 5,
          StrictMath.cos(2 * t), 2 * StrictMath.sin(2 * t)};
      double slack = n * 1e-12 + 1e-9 * w;
      for (int i = 0; i < 3; i++) {
        Interval b = s.atEnd().get(i);
        assertTrue(b.contains(image[i] * (1 - w)) && b.contains(image[i] * (1 + w)), "component " + i + ", t = " + t);
        assertTrue(b.width() <= Math.abs(image[i]) * 2 * w + slack,
            "component " + i + " width " + b.width() + " at t = " + t);
      }
    }
  }
}
