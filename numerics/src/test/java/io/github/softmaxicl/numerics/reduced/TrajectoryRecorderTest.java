package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.ReducedFlowFailure;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.List;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.junit.jupiter.api.Test;

/**
 * The recorder's schedule, driven directly (no integration): geometric times tFirst·10^(k/m) with tFirst =
 * 10⁻⁶ t_end, uniform spacing t_w/m_w after the warm-up marker, at most 2000 window samples, strictly increasing
 * times, and every accepted step checked. The state is the small preset's start; each sample costs one cached
 * loss evaluation, so the class runs in milliseconds.
 */
class TrajectoryRecorderTest {
  private static final ProblemConfig C = Preset.SMALL.config();
  private static final SpectralState INIT = Initialisations.paper(C);
  private static final BalancedSpectralField FIELD = new BalancedSpectralField(new LeadingOrderLoss(C), INIT);
  private static final double[] Y0 = FIELD.toLog(INIT);

  private static TrajectoryRecorder recorder(double tEnd, int perDecade, int windowPerWarmup) {
    return new TrajectoryRecorder(new ReducedFlowOde(FIELD, 1_000_000), tEnd, perDecade, windowPerWarmup,
        ReducedFlowProgress.SILENT);
  }

  /** A step from t0 to t1 whose state is y everywhere (the recorder only reads times and states). */
  private static ODEStateInterpolator step(double t0, double t1, double[] y) {
    return new ODEStateInterpolator() {
      private static final long serialVersionUID = 1L;

      @Override
      public ODEStateAndDerivative getPreviousState() {
        return getInterpolatedState(t0);
      }

      @Override
      public boolean isPreviousStateInterpolated() {
        return false;
      }

      @Override
      public ODEStateAndDerivative getCurrentState() {
        return getInterpolatedState(t1);
      }

      @Override
      public boolean isCurrentStateInterpolated() {
        return false;
      }

      @Override
      public ODEStateAndDerivative getInterpolatedState(double time) {
        return new ODEStateAndDerivative(time, y.clone(), new double[y.length]);
      }

      @Override
      public boolean isForward() {
        return true;
      }

      @Override
      public ODEStateInterpolator restrictStep(ODEStateAndDerivative previous, ODEStateAndDerivative current) {
        throw new UnsupportedOperationException();
      }
    };
  }

  private static double[] times(TrajectoryRecorder r) {
    return r.samples().stream().mapToDouble(TrajectorySample::t).toArray();
  }

  @Test
  void initRecordsTheStartOnlyWhenNothingIsRecorded() {
    TrajectoryRecorder r = recorder(1.0, 4, 10);
    r.init(new ODEStateAndDerivative(0.0, Y0, new double[Y0.length]), 1.0);
    assertEquals(1, r.samples().size());
    assertEquals(0.0, r.samples().get(0).t(), 0.0);
    // The loss is F at the start, evaluated by the flow itself (bit-identical: same code, same point).
    assertEquals(new ReducedFlowOde(FIELD, 10).loss(0.0, Y0), r.samples().get(0).loss(), 0.0);
    r.init(new ODEStateAndDerivative(0.0, Y0, new double[Y0.length]), 1.0);
    assertEquals(1, r.samples().size(), "a second init (the tail integrator's) records nothing");
  }

  @Test
  void timesStrictlyIncrease() {
    TrajectoryRecorder r = recorder(1.0, 4, 10);
    r.record(0.5, Y0);
    r.record(0.5, Y0);
    r.record(0.25, Y0);
    r.record(0.75, Y0);
    assertEquals(List.of(0.5, 0.75), r.samples().stream().map(TrajectorySample::t).toList());
  }

  @Test
  void geometricScheduleIsTheNextGridPointAboveTheSample() {
    // t_end = 1, m = 4: grid g_k = 1e-6 · 10^(k/4). From t = 0 the next is tFirst itself; from any t ≥ tFirst it is
    // the smallest g_k > t. Independent computation with Math.pow; FastMath.pow is within 1 ulp, so 4 ulps of
    // relative slack (≈ 1e-15) cover both.
    TrajectoryRecorder r = recorder(1.0, 4, 10);
    r.record(0.0, Y0);
    assertEquals(1e-6, r.nextSampleTime(), 0.0);
    for (double t : new double[] {1e-6, 2e-6, 1e-5, 3.3e-4, 0.0316, 0.5}) {
      r.record(t, Y0);
      double expected = Double.NaN;
      for (int k = 0; k < 40; k++) {
        double g = 1e-6 * Math.pow(10.0, k / 4.0);
        if (g > t * (1 + 4e-16)) {
          expected = g;
          break;
        }
      }
      assertEquals(expected, r.nextSampleTime(), 4e-16 * expected, "after t = " + t);
    }
  }

  @Test
  void geometricScheduleForALongRunWhoseFirstSampleTimeExceedsOne() {
    // t_end = 1e8: tFirst = 100 > 1, m = 4. From t = 200 the next grid point is 100·10^(2/4) = 316.2...
    // (log10(2) = 0.301 → k = 2); same 4-ulp slack as above.
    TrajectoryRecorder r = recorder(1e8, 4, 10);
    r.record(200.0, Y0);
    double expected = 100 * Math.pow(10.0, 0.5);
    assertEquals(expected, r.nextSampleTime(), 4e-16 * expected);
  }

  @Test
  void warmupStartsUniformSpacingCappedAtTwoThousandSamples() {
    // t_w = 1, m_w = 1000: spacing 1e-3. The warm-up sample and 2000 more are uniformly spaced; the 2001st window
    // sample leaves the window (cap 2000 after the marker's own), and the schedule returns to the geometric grid.
    TrajectoryRecorder r = recorder(1e4, 4, 1000);
    r.warmupEnded(1.0, Y0);
    assertEquals(1.001, r.nextSampleTime(), 1e-15);
    int uniform = 0;
    double t = 1.0;
    while (true) {
      double next = r.nextSampleTime();
      if (Math.abs(next - t - 1e-3) > 1e-9) {
        break;
      }
      r.record(next, Y0);
      t = next;
      uniform++;
      assertTrue(uniform <= 3000, "the window must end");
    }
    assertEquals(2000, uniform, "window samples after the marker's own");
    // Back on the geometric grid: tFirst = 1e-2, m = 4, so next = 1e-2 · 10^(k/4) for an integer k.
    double k = 4 * Math.log10(r.nextSampleTime() / 1e-2);
    assertEquals(Math.rint(k), k, 1e-9);
  }

  @Test
  void warmupAtTimeZeroDoesNotEnterTheWindow() {
    // A zero-length warm-up (the start already below the threshold) would give spacing 0 and a schedule stuck at
    // t = 0: it must stay geometric.
    TrajectoryRecorder r = recorder(1.0, 4, 10);
    r.warmupEnded(0.0, Y0);
    assertEquals(1e-6, r.nextSampleTime(), 0.0);
  }

  @Test
  void emergenceReturnsToTheGeometricGrid() {
    TrajectoryRecorder r = recorder(1.0, 4, 10);
    r.record(0.0, Y0);
    r.warmupEnded(0.01, Y0);
    assertEquals(0.011, r.nextSampleTime(), 1e-17);
    r.emergenceEnded(0.05, Y0);
    // Smallest 1e-6 · 10^(k/4) above 0.05 is k = 18: 1e-6 · 10^4.5 = 0.0316... < 0.05, k = 19: 0.0562...
    assertEquals(1e-6 * Math.pow(10, 19 / 4.0), r.nextSampleTime(), 4e-16 * 0.0563);
  }

  @Test
  void handleStepTakesDueSamplesIncludingOneAtTheStepEndButNotTEnd() {
    // Window spacing 0.25 from t_w = 1: samples due at 1.25, 1.5, ...; t_end = 1.5.
    TrajectoryRecorder r = recorder(1.5, 4, 4);
    r.warmupEnded(1.0, Y0);
    r.handleStep(step(1.0, 1.25, Y0));
    assertEquals(1.25, times(r)[times(r).length - 1], 0.0, "a sample due exactly at the step end is taken");
    r.handleStep(step(1.25, 1.5, Y0));
    // 1.5 is due but is t_end: the runner records the end state itself, from the final y.
    assertEquals(2, r.samples().size());
  }

  @Test
  void handleStepChecksTheAcceptedState() {
    TrajectoryRecorder r = recorder(1.0, 4, 10);
    double[] blownUp = Y0.clone();
    blownUp[0] = ReducedFlowOde.LOG_BLOW_UP + 1;
    ReducedFlowFailure e = assertThrows(ReducedFlowFailure.class, () -> r.handleStep(step(0.0, 1e-7, blownUp)));
    assertTrue(e.getMessage().contains("blow-up"), e.getMessage());
  }
}
