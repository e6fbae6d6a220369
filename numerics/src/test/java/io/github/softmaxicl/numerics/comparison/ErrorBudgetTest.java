package io.github.softmaxicl.numerics.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmaxicl.theory.ProblemConfig;
import org.junit.jupiter.api.Test;

/**
 * The error budget's terms from their definitions (class comment of {@link ErrorBudget}): sampling 1/criterion
 * (0 with the control variate), tilt √(3/N), warm-up expansion 1/L, expansion e/L, moment 1/min d_i; and the two
 * budgets built from them. Budget: each is a handful of roundings, 1e-15 relative.
 */
class ErrorBudgetTest {
  @Test
  void termsAndBudgetsFollowTheirDefinitions() {
    ProblemConfig c = ProblemConfig.of(9, new int[] {5, 2, 2}, 3, 50, 0.0, 1.0);
    ErrorBudget b = ErrorBudget.of(c, 8.0, 300, false, 2.5);
    assertEquals(0.125, b.sampling());
    assertEquals(Math.sqrt(3.0 / 300), b.tiltSampling(), 1e-16);
    assertEquals(0.02, b.warmupExpansion(), 1e-17);
    assertEquals(Math.E / 50, b.expansion(), 1e-17);
    assertEquals(0.5, b.moment(), "1 / the smallest block (2), not the first (5)");
    assertEquals(2.5, b.growth());
    double eps = 3 * (0.125 + Math.sqrt(0.01)) + 0.02;
    assertEquals(Math.expm1(eps * 2.5), b.warmupDeviation(), 1e-15 * Math.expm1(eps * 2.5));
    assertEquals(3 * (0.125 + 0.1) + Math.E / 50 + 0.5, b.emergenceTime(), 1e-15);
    ErrorBudget cv = ErrorBudget.of(c, 8.0, 300, true, 2.5);
    assertEquals(0.0, cv.sampling());
    assertEquals(3 * 0.1 + Math.E / 50 + 0.5, cv.emergenceTime(), 1e-15);
  }
}
