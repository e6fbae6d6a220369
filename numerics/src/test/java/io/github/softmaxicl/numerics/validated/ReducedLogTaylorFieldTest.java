package io.github.softmaxicl.numerics.validated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.interval.Interval;
import io.github.softmaxicl.theory.interval.IntervalJet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Taylor field of the reduced flow against the double field ({@link BalancedSpectralField}, an independent
 * evaluation of the same flow): at a point, the first solution coefficient x_1 = f(x_0) encloses the double
 * derivative, and the start enclosure the doubles' logarithms. Without an integration, so cheap under PIT.
 */
class ReducedLogTaylorFieldTest {
  /**
   * Two tasks of different block sizes, three heads, σ > 0, a perturbed paper init. Budget: the double field
   * rounds a few dozen operations per component, relative error ≤ 1e-13 of the largest term; the largest
   * component of the field here is of order 1, and the check is relative to each component's magnitude plus
   * 1e-13 of the largest one.
   */
  @Test
  void firstCoefficientEnclosesTheDoubleField() {
    ProblemConfig c = ProblemConfig.of(5, new int[] {2, 3}, 3, 20, 0.4, 1.3);
    SpectralState init = Initialisations.paper(c, 50.0);
    ReducedLogTaylorField field = new ReducedLogTaylorField(c, init);
    int m = field.dimension();
    assertEquals(2 * 3 * 2, m);
    BalancedSpectralField doubles = new BalancedSpectralField(new LeadingOrderLoss(c), init);
    double[] y = doubles.toLog(init);
    double[] dy = new double[m];
    doubles.newEvaluator().derivative(y, dy);
    List<Interval> start = field.startEnclosure();
    IntervalJet[] seeds = new IntervalJet[m];
    double largest = 0;
    for (int q = 0; q < m; q++) {
      assertTrue(start.get(q).contains(y[q]) || Math.abs(start.get(q).midpoint() - y[q]) <= 1e-15 * Math.abs(y[q]),
          "start " + q + ": " + start.get(q) + " vs " + y[q]);
      seeds[q] = IntervalJet.variable(Interval.point(y[q]), q, m);
      largest = Math.max(largest, Math.abs(dy[q]));
    }
    assertTrue(largest > 1e-3, "a field that moves");
    IntervalJet[][] x = SolutionCoefficients.of(field, seeds, 1);
    for (int q = 0; q < m; q++) {
      Interval f = x[1][q].value();
      double slack = 1e-13 * (Math.abs(dy[q]) + largest);
      assertTrue(f.lo() - slack <= dy[q] && dy[q] <= f.hi() + slack, q + ": " + f + " vs " + dy[q]);
      assertTrue(f.width() <= slack, q + ": " + f);
    }
  }
}
