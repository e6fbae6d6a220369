package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.numerics.ReducedFlowFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.ProblemConfig;
import org.junit.jupiter.api.Test;

/**
 * A wild trial stage of a step that will be rejected is not a blow-up; an accepted state beyond the bound is.
 * Regression: with H < n (blocks 4,4,4, H = 2) DP853 probed a stage with log|ω| ≈ 251 near t ≈ 1542 while the
 * flow itself was settling, and the run used to end there as a "blow-up".
 */
class TrialStageTest {
  @Test
  void fewerHeadsThanTasksIntegratesPastTheWildProbe() {
    ProblemConfig c = ProblemConfig.of(12, new int[] {4, 4, 4}, 2, 40, 0.0, 1.0);
    ReducedRun run = ReducedFlowRunner.run(c, Initialisations.paper(c), 3e3, ReducedFlowOptions.defaults());
    // Head 1 ends serving two tasks with sharpness 1 (the single-head rule), head 2 the third: F stalls above F*.
    double sharpness = 0;
    for (int j = 0; j < 3; j++) {
      sharpness += c.blockSize(j) * run.finalState().omega(0, j) * run.finalState().omega(0, j);
    }
    assertEquals(1.0, sharpness, 1e-6);
    assertTrue(run.fFinal() > run.fStar());
  }

  @Test
  void probeIsRejectedButAcceptedBlowUpFails() {
    ProblemConfig c = ProblemConfig.of(8, new int[] {4, 4}, 2, 40, 0.0, 1.0);
    BalancedSpectralField field = new BalancedSpectralField(new LeadingOrderLoss(c), Initialisations.paper(c));
    ReducedFlowOde ode = new ReducedFlowOde(field, 1000);
    double[] y = field.toLog(Initialisations.paper(c));
    y[0] = 100.0;
    double[] yDot = new double[y.length];
    assertEquals(Double.POSITIVE_INFINITY, ode.derivative(0.0, y, yDot));
    assertEquals(ReducedFlowOde.PROBE_REJECTION, yDot[3]);
    assertEquals(1, ode.probeRejections());
    ReducedFlowFailure e = assertThrows(ReducedFlowFailure.class, () -> ode.checkAccepted(5.0, y));
    assertEquals(5.0, e.time());
    assertTrue(e.getMessage().contains("blow-up"), e.getMessage());
    y[0] = Double.NaN;
    assertThrows(ReducedFlowFailure.class, () -> ode.derivative(0.0, y, yDot));
  }
}
