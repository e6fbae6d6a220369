package io.github.softmaxicl.numerics.validated;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.interval.Interval;
import io.github.softmaxicl.theory.interval.IntervalJet;
import io.github.softmaxicl.theory.interval.TaylorSeries;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The a-priori enclosure of one step, against x' = x² from x(0) = 1, whose solution 1/(1 − t) exists only for
 * t &lt; 1: a step that reaches past the blow-up has no enclosure and must be refused, in every component, and an
 * accepted step's box must hold the solution. A rule that accepted a box when some component (or the last one)
 * passed would return a box for h = 1.2, where no solution exists.
 */
class APrioriEnclosureTest {
  private static final int ORDER = 12;

  /** x' = x² in component {@code blowUp}, y' = −y in the other (dimension 2) or alone (dimension 1). */
  private static TaylorVectorField field(int dimension, int blowUp) {
    if (dimension == 1) {
      return TestFields.SQUARE;
    }
    return TestFields.of(2, x -> {
      TaylorSeries a = x.get(blowUp).sqr();
      TaylorSeries b = x.get(1 - blowUp).multiply(-1.0);
      return blowUp == 0 ? List.of(a, b) : List.of(b, a);
    });
  }

  /**
   * The box meets [exact − ulp, exact + ulp]: 1/(1 − t) and StrictMath.exp are within an ulp of the true value, so
   * a box that holds the true value meets that interval (one that misses it by less than an ulp is not caught).
   */
  private static boolean meets(Interval box, double exact) {
    return box.lo() <= Math.nextUp(exact) && box.hi() >= Math.nextDown(exact);
  }

  private static Optional<LohnerTaylorIntegrator.Enclosure> step(TaylorVectorField f, double h) {
    int m = f.dimension();
    IntervalJet[] start = new IntervalJet[m];
    for (int i = 0; i < m; i++) {
      start[i] = IntervalJet.variable(Interval.ONE, i, m);
    }
    return LohnerTaylorIntegrator.aPriori(f, SolutionCoefficients.of(f, start, ORDER), ORDER, h);
  }

  @Test
  void aStepAcrossTheBlowUpIsRefusedWhicheverComponentBlowsUp() {
    for (double h : new double[] {1.0, 1.2, 2.0}) {
      assertTrue(step(field(1, 0), h).isEmpty(), "x' = x², h = " + h);
      // The failing component first, then last: each must veto the box on its own.
      assertTrue(step(field(2, 0), h).isEmpty(), "blow-up in component 0, h = " + h);
      assertTrue(step(field(2, 1), h).isEmpty(), "blow-up in component 1, h = " + h);
    }
  }

  /**
   * Every accepted step holds the solution at 41 times in [0, h], and short steps are accepted at all (the test is
   * not vacuous).
   */
  @Test
  void anAcceptedStepHoldsTheSolutionOverTheWholeStep() {
    int accepted = 0;
    for (int k = 1; k <= 19; k++) {
      double h = 0.05 * k;
      for (int blowUp = 0; blowUp <= 1; blowUp++) {
        Optional<LohnerTaylorIntegrator.Enclosure> e = step(field(2, blowUp), h);
        if (e.isEmpty()) {
          continue;
        }
        accepted++;
        Interval x = e.get().overStep()[blowUp];
        Interval y = e.get().overStep()[1 - blowUp];
        for (int j = 0; j <= 40; j++) {
          double t = h * j / 40;
          double exact = 1.0 / (1.0 - t);
          assertTrue(meets(x, exact),
              "x(" + t + ") = " + exact + " outside " + x + " (h = " + h + ")");
          double decay = StrictMath.exp(-t);
          assertTrue(meets(y, decay),
              "y(" + t + ") = " + decay + " outside " + y + " (h = " + h + ")");
        }
      }
    }
    assertTrue(accepted >= 4, "only " + accepted + " steps accepted");
    assertFalse(step(field(2, 0), 0.1).isEmpty(), "a short step");
  }
}
