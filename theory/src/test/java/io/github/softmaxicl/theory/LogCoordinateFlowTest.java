package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.interval.Interval;
import io.github.softmaxicl.theory.interval.IntervalCoefficients;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The generic log-coordinate chain rule against the double field it must reproduce
 * ({@link BalancedSpectralField} over {@link LeadingOrderLoss}): the same bits over {@link Real} (same operations
 * in the same order, no tolerance), and an interval instantiation that encloses them.
 */
class LogCoordinateFlowTest {
  /** Random states with both signs, |ω| ≤ 0.5/√d_j, |μ| ≤ 3 over 6 decades, on every preset. */
  private static SpectralState randomState(ProblemConfig c, SplittableRandom rng) {
    double[][] w = new double[c.heads()][c.tasks()];
    double[][] m = new double[c.heads()][c.tasks()];
    for (int h = 0; h < c.heads(); h++) {
      for (int j = 0; j < c.tasks(); j++) {
        w[h][j] = (rng.nextBoolean() ? 1 : -1) * 0.5 / Math.sqrt(c.blockSize(j)) * Math.pow(10, -6 * rng.nextDouble());
        m[h][j] = (rng.nextBoolean() ? 1 : -1) * 3.0 * Math.pow(10, -6 * rng.nextDouble());
      }
    }
    return SpectralState.of(w, m);
  }

  @Test
  void realInstanceGivesTheBitsOfTheDoubleField() {
    SplittableRandom rng = new SplittableRandom(17);
    for (Preset p : Preset.values()) {
      for (int trial = 0; trial < 20; trial++) {
        ProblemConfig c = p.config();
        SpectralState s = trial == 0 ? p.initialState() : randomState(c, rng);
        BalancedSpectralField reference = new BalancedSpectralField(new LeadingOrderLoss(c), s);
        double[] y = reference.toLog(s);
        double[] expected = new double[y.length];
        reference.newEvaluator().derivative(y, expected);
        List<Real> yr = new ArrayList<>();
        for (double v : y) {
          yr.add(new Real(v));
        }
        List<Real> got = LogCoordinateFlow.real(c, s).derivative(yr);
        for (int k = 0; k < y.length; k++) {
          assertEquals(Double.doubleToLongBits(expected[k]), Double.doubleToLongBits(got.get(k).value()),
              p.id() + " trial " + trial + " component " + k + ": " + expected[k] + " vs " + got.get(k).value());
        }
      }
    }
  }

  /** The interval instance at the point y encloses the double field at y (inclusion property, no tolerance). */
  @Test
  void intervalInstanceEnclosesTheDoubleField() {
    SplittableRandom rng = new SplittableRandom(5);
    for (Preset p : Preset.values()) {
      ProblemConfig c = p.config();
      SpectralState s = randomState(c, rng);
      BalancedSpectralField reference = new BalancedSpectralField(new LeadingOrderLoss(c), s);
      double[] y = reference.toLog(s);
      double[] expected = new double[y.length];
      reference.newEvaluator().derivative(y, expected);
      List<Interval> yi = new ArrayList<>();
      for (double v : y) {
        yi.add(Interval.point(v));
      }
      List<Interval> got = new LogCoordinateFlow<>(IntervalCoefficients.of(c), IntervalCoefficients.omegaRates(c), s)
          .derivative(yi);
      for (int k = 0; k < y.length; k++) {
        assertTrue(got.get(k).contains(expected[k]), p.id() + " component " + k);
      }
    }
  }

  @Test
  void wrongShapesAndZeroStartsAreRefused() {
    ProblemConfig c = Preset.SMALL.config();
    SpectralState zero = SpectralState.of(new double[][] {{0, 1}, {1, 1}}, new double[][] {{1, 1}, {1, 1}});
    assertThrows(IllegalArgumentException.class, () -> LogCoordinateFlow.real(c, zero));
    LogCoordinateFlow<Real> f = LogCoordinateFlow.real(c, Preset.SMALL.initialState());
    assertThrows(IllegalArgumentException.class, () -> f.derivative(List.of(Real.ONE)));
  }
}
