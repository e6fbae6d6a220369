package io.github.softmaxicl.numerics.validated;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link CrossingUniqueness#lossIsDecreasing} reads the loss it is asked about: a task's own loss L_i need not
 * decrease along the flow (only F must: a gradient flow away from an equilibrium), and at the state below (two
 * tasks, two heads, mixed signs) task 1's loss rises while task 2's loss falls. The task rates are checked
 * independently in doubles: a central difference of {@link LeadingOrderLoss#taskLosses} along the double field's
 * direction ({@link BalancedSpectralField}), step 1e-7/‖ẏ‖∞ (truncation ~1e-14 ‖ẏ‖∞² times the third derivative,
 * rounding ~1e-9 ‖ẏ‖∞ · L: far below the thresholds asserted, above 0.1 for task 1 and below −1 for task 2).
 */
class TaskLossRateTest {
  private static final ProblemConfig TWO = ProblemConfig.of(4, new int[] {2, 2}, 2, 40, 0.0, 1.0);
  private static final SpectralState STATE = SpectralState.of(
      new double[][] {{-0.0734, -1.6}, {1.05, -0.9}}, new double[][] {{-0.0622, -0.0742}, {0.0295, -2.7}});

  /** d L_i/dt at the state by a central difference along the flow. */
  private static double rate(int task) {
    LeadingOrderLoss loss = new LeadingOrderLoss(TWO);
    BalancedSpectralField f = new BalancedSpectralField(loss, STATE);
    double[] y = f.toLog(STATE);
    double[] dy = new double[y.length];
    f.newEvaluator().derivative(y, dy);
    double largest = 0;
    for (double v : dy) {
      largest = Math.max(largest, Math.abs(v));
    }
    double eps = 1e-7 / largest;
    double[] plus = y.clone();
    double[] minus = y.clone();
    for (int q = 0; q < y.length; q++) {
      plus[q] += eps * dy[q];
      minus[q] -= eps * dy[q];
    }
    double[] lp = loss.taskLosses(f.fromLog(plus));
    double[] lm = loss.taskLosses(f.fromLog(minus));
    return (lp[task] - lm[task]) / (2 * eps);
  }

  @Test
  void aRisingTaskLossIsNotProvedDecreasingWhileFIs() {
    assertTrue(rate(0) > 0.1, "task 1's loss rises: " + rate(0));
    assertTrue(rate(1) < -1, "task 2's loss falls: " + rate(1));
    double[] y = new BalancedSpectralField(new LeadingOrderLoss(TWO), STATE).toLog(STATE);
    List<Interval> box = new ArrayList<>();
    for (double v : y) {
      box.add(Interval.point(v));
    }
    ValidatedTube t = new ValidatedTube(box, List.of(new TubeStep(0, 1, box, box)), 1, Optional.empty(), 0.0);
    Interval window = Interval.of(0, 1);
    assertFalse(CrossingUniqueness.lossIsDecreasing(t, TWO, STATE, 0, window), "task 1");
    assertTrue(CrossingUniqueness.lossIsDecreasing(t, TWO, STATE, 1, window), "task 2");
    assertTrue(CrossingUniqueness.lossIsDecreasing(t, TWO, STATE, -1, window), "F");
  }
}
