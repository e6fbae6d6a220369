package io.github.softmaxicl.numerics.validated;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import io.github.softmaxicl.theory.interval.IntervalCoefficients;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validated tube of the `small` reduced flow (log coordinates, paper init) from t = 0 to past the end of
 * emergence, against a tight floating-point solution; deliberately wrong fields must lose the trajectory; the
 * tube's width must stay within a budget derived from the step count and the flow's own sensitivity.
 */
class ReducedFlowTubeTest {
  private static final Preset PRESET = Preset.SMALL;
  private static final LohnerTaylorIntegrator.Settings SETTINGS =
      LohnerTaylorIntegrator.Settings.reducedFlowProof();
  /** Tolerance of the tight floating-point reference, and of the looser one used to estimate its error. */
  private static final double TIGHT = 1e-14;
  private static final double LOOSE = 1e-13;

  private static ProblemConfig config;
  private static SpectralState start;
  private static double[] y0;
  private static double tEmergence;
  private static double[] halfSignal;
  private static ValidatedTube tube;

  @BeforeAll
  static void integrate() {
    config = PRESET.config();
    start = PRESET.initialState();
    y0 = new BalancedSpectralField(new LeadingOrderLoss(config), start).toLog(start);
    ReducedRun run = ReducedFlowRunner.run(config, start, PRESET.defaultTEnd(), ReducedFlowOptions.defaults());
    tEmergence = run.markers().emergenceEnd();
    halfSignal = run.markers().halfSignal();
    ReducedLogTaylorField field = new ReducedLogTaylorField(config, start);
    tube = LohnerTaylorIntegrator.integrate(field, field.startEnclosure(), tEmergence + 5.0, SETTINGS);
    System.out.printf("validated small: %d steps to t = %.3f (t_e = %.3f) in %.2f s, final width %.3e%n",
        tube.steps().size(), tube.reached(), tEmergence, tube.wallSeconds(), tube.finalWidth());
  }

  private static double[] stepEnds(ValidatedTube t) {
    double[] times = new double[t.steps().size()];
    for (int k = 0; k < times.length; k++) {
      times[k] = t.steps().get(k).t1();
    }
    return times;
  }

  /** How far x lies outside the box (0 if inside), in the max norm. */
  private static double outside(List<Interval> box, double[] x) {
    double d = 0;
    for (int i = 0; i < x.length; i++) {
      Interval b = box.get(i);
      d = Math.max(d, Math.max(b.lo() - x[i], x[i] - b.hi()));
    }
    return Math.max(0, d);
  }

  /**
   * At every step end (and every step midpoint, against the over-step box) the floating-point solution lies in
   * the tube up to its own error. Budget: the tight run (tol 1e-14) is taken to differ from the exact solution by
   * less than it differs from the run one decade looser (tol 1e-13; measured: the 1e-13 run is ~1e-12 off the
   * tube's centres while the 1e-14 run is within ~1e-13, so the error does fall with the tolerance here); so the
   * tight point may lie outside a box containing the exact solution by at most |y_tight − y_loose| (per time,
   * max norm). The tube is about as narrow as this floating-point error (widths 1e-13 to 6e-11), so the budget
   * is needed; the wrong-field tests below show the check still rejects deviations above it.
   */
  @Test
  void tubeHoldsTheFloatingPointSolution() {
    assertTrue(tube.complete(), tube.stopReason().toString());
    assertTrue(tube.reached() > tEmergence, "the tube ends before t_e");
    double[] ends = stepEnds(tube);
    double[][] tight = FloatingPointReference.solve(config, start, y0, ends, TIGHT);
    double[][] loose = FloatingPointReference.solve(config, start, y0, ends, LOOSE);
    double worstRatio = 0;
    double minMargin = Double.POSITIVE_INFINITY;
    for (int k = 0; k < ends.length; k++) {
      List<Interval> box = tube.steps().get(k).atEnd();
      double budget = 0;
      for (int i = 0; i < y0.length; i++) {
        budget = Math.max(budget, Math.abs(tight[k][i] - loose[k][i]));
      }
      double out = outside(box, tight[k]);
      assertTrue(out <= budget, "t = " + ends[k] + ": outside by " + out + " > FP error estimate " + budget);
      worstRatio = Math.max(worstRatio, out / Math.max(budget, Double.MIN_NORMAL));
      for (int i = 0; i < y0.length; i++) {
        minMargin = Math.min(minMargin, Math.min(tight[k][i] - box.get(i).lo(), box.get(i).hi() - tight[k][i]));
      }
    }
    double[] mids = new double[ends.length];
    for (int k = 0; k < ends.length; k++) {
      mids[k] = 0.5 * (tube.steps().get(k).t0() + ends[k]);
    }
    double[][] atMid = FloatingPointReference.solve(config, start, y0, mids, TIGHT);
    for (int k = 0; k < mids.length; k++) {
      assertTrue(tube.encloses(mids[k], atMid[k]), "midpoint of step " + k);
    }
    System.out.printf("step ends: worst outside/FP-error %.3f, smallest inside margin %.3e%n", worstRatio, minMargin);
  }

  /** The correct floating-point trajectory checked against the tube of a wrong field: it must leave. */
  private static boolean leaves(ReducedLogTaylorField wrong, double tEnd) {
    ValidatedTube w = LohnerTaylorIntegrator.integrate(wrong, wrong.startEnclosure(), tEnd, SETTINGS);
    if (!w.complete()) {
      return true; // the proof failing is also a detection
    }
    double[] ends = stepEnds(w);
    double[][] tight = FloatingPointReference.solve(config, start, y0, ends, TIGHT);
    double[][] loose = FloatingPointReference.solve(config, start, y0, ends, LOOSE);
    for (int k = 0; k < ends.length; k++) {
      double budget = 0;
      for (int i = 0; i < y0.length; i++) {
        budget = Math.max(budget, Math.abs(tight[k][i] - loose[k][i]));
      }
      if (outside(w.steps().get(k).atEnd(), tight[k]) > budget) {
        return true;
      }
    }
    return false;
  }

  /** A factor 1.01 on the ω rate of task 1 (every head): the trajectory leaves the tube within t = 20. */
  @Test
  void wrongRateLosesTheTrajectory() {
    List<Interval> rates = new ArrayList<>(IntervalCoefficients.omegaRates(config));
    rates.set(0, rates.get(0).multiply(1.01));
    ReducedLogTaylorField wrong = new ReducedLogTaylorField(config, start, IntervalCoefficients.of(config), rates);
    assertTrue(leaves(wrong, 20.0));
  }

  /** The sign of μ_1^1 flipped in the field (same |μ|, so the same start in log coordinates): it must leave. */
  @Test
  void flippedSignLosesTheTrajectory() {
    double[][] m = start.muArray();
    m[0][0] = -m[0][0];
    SpectralState flipped = SpectralState.of(start.omegaArray(), m);
    assertTrue(leaves(new ReducedLogTaylorField(config, flipped), 20.0));
  }

  /** The correct field does not "leave" by the same check (so the two tests above can pass only by a real loss). */
  @Test
  void correctFieldDoesNotLoseTheTrajectory() {
    assertFalse(leaves(new ReducedLogTaylorField(config, start), 20.0));
  }

  /**
   * Width budget. Each step adds a local width of at most the remainder target (1e-12, enforced by the step
   * control) plus the rounding of the Taylor polynomial and of the frame change (≤ 64 ulps of max|y|); the flow
   * then carries earlier widths with its sensitivity G = max_t ‖∂y(t)/∂y(0)‖_∞, measured here by finite
   * differences of the floating-point flow (perturbation 1e-6 of each start coordinate, read at the step ends).
   * Expected: width(t) ≤ G · k(t) · (1e-12 + 64 u max|y|) at the k(t)-th step end, linear in the step count.
   * The wrapping seen without the frame, or an unbounded remainder, breaks this by orders of magnitude.
   */
  @Test
  void widthGrowsNoFasterThanTheStepCountTimesTheFlowSensitivity() {
    double[] ends = stepEnds(tube);
    double[][] base = FloatingPointReference.solve(config, start, y0, ends, TIGHT);
    double sensitivity = 1;
    double delta = 1e-6;
    for (int j = 0; j < y0.length; j++) {
      double[] p = y0.clone();
      p[j] += delta;
      double[][] moved = FloatingPointReference.solve(config, start, p, ends, TIGHT);
      for (int k = 0; k < ends.length; k++) {
        double norm = 0;
        for (int i = 0; i < y0.length; i++) {
          norm = Math.max(norm, Math.abs(moved[k][i] - base[k][i]) / delta);
        }
        sensitivity = Math.max(sensitivity, norm);
      }
    }
    double maxAbs = 0;
    for (double[] y : base) {
      for (double v : y) {
        maxAbs = Math.max(maxAbs, Math.abs(v));
      }
    }
    double perStep = SETTINGS.tolerance() + 64 * Math.ulp(1.0) / 2 * maxAbs;
    for (int k = 0; k < ends.length; k++) {
      double bound = sensitivity * (k + 1) * perStep;
      double width = tube.steps().get(k).endWidth();
      assertTrue(width <= bound, "t = " + ends[k] + ": width " + width + " > " + bound);
    }
    System.out.printf("sensitivity G = %.2f, final width %.3e vs bound %.3e%n", sensitivity, tube.finalWidth(),
        sensitivity * ends.length * perStep);
  }

  /**
   * Item 2, first part: every task's half-signal time is certified, and the floating-point event time of
   * {@link ReducedFlowRunner} (event location to 1e-9 relative, far inside the enclosure's width of a few
   * steps) lies inside the enclosure.
   */
  @Test
  void floatingPointHalfSignalTimesLieInTheCertifiedEnclosures() {
    for (int i = 0; i < config.tasks(); i++) {
      Optional<Interval> e = SignalCrossing.halfSignalTime(tube, config, start, i);
      assertTrue(e.isPresent(), "task " + i + ": crossing not certified");
      assertTrue(e.get().contains(halfSignal[i]), "task " + i + ": " + halfSignal[i] + " not in " + e.get());
      System.out.printf("task %d: half-signal time in %s (width %.3f), floating point %.6f%n", i, e.get(),
          e.get().width(), halfSignal[i]);
    }
  }

  /**
   * The check can fail: the enclosure of the crossing of a quarter of the limit signal (log level shifted by
   * log ½) does not contain the half-signal time, and a level above the limit signal is never certified.
   */
  @Test
  void wrongLevelsDoNotEncloseTheHalfSignalTime() {
    Interval half = SignalCrossing.halfSignalLogLevel(config, 0);
    Interval quarter = half.add(Interval.point(0.5).log());
    Optional<Interval> e = SignalCrossing.firstCrossing(tube, config, start, 0, quarter);
    assertTrue(e.isPresent() && !e.get().contains(halfSignal[0]), "quarter level: " + e);
    Interval aboveLimit = half.add(Interval.point(4.0).log());
    assertTrue(SignalCrossing.firstCrossing(tube, config, start, 0, aboveLimit).isEmpty());
  }
}
