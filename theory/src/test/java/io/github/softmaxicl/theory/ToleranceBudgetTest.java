package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The budgets render their own numbers, and only powers of ten are written as powers of ten. */
class ToleranceBudgetTest {
  @Test
  void powersOfTenAreWrittenWithTheirExponent() {
    assertEquals("1e0", ToleranceBudget.pow10(1));
    assertEquals("1e-6", ToleranceBudget.pow10(1e-6));
    assertEquals("1e3", ToleranceBudget.pow10(1000));
    assertEquals("1e-300", ToleranceBudget.pow10(1e-300));
  }

  @Test
  void anythingElseIsRejected() {
    // 1 + 1e-8 is ten times the 1e-9 relative slack; zero has no exponent (log10 is -inf); negatives and NaN.
    for (double x : new double[] {2e-6, 1 + 1e-8, 0.0, -1e-6, Double.NaN, Double.POSITIVE_INFINITY}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ToleranceBudget.pow10(x));
      assertEquals("not a power of ten: " + x, e.getMessage());
    }
    // Inside the slack: the 1e-9 relative allowance absorbs the rounding of a computed power.
    assertEquals("1e-8", ToleranceBudget.pow10(1e-8 * (1 + 1e-10)));
  }

  @Test
  void convergenceNamesTheIntegratorToleranceAndItsGlobalError() {
    ToleranceBudget b = ToleranceBudget.convergence(1e-4, 1e-10);
    assertEquals(1e-4, b.tolerance());
    assertTrue(b.explanation().startsWith("integrator rtol 1e-10 (global error << 1e-8); the off-task omega tail"),
        b.explanation());
    assertTrue(b.explanation().contains("removed exactly, by comparing with the closed form at the measured E_hh"),
        b.explanation());
  }

  @Test
  void certificateThresholdIsOneAndNamesTheThreeRadii() {
    ToleranceBudget b = ToleranceBudget.certificate(1e-6, 1e-10, 1e-3);
    assertEquals(1.0, b.tolerance());
    assertTrue(b.explanation().endsWith("the box radius 1e-6 is far above the flow's 1e-10 tolerance and far below "
        + "the certified region's 1e-3"), b.explanation());
  }
}
