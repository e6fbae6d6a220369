package io.github.softmaxicl.numerics.comparison;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ProblemConfig;
import org.junit.jupiter.api.Test;

/** Where ω(0)√(LN) ≫ 1 the full flow tracks the reduced flow within the written budget (claim P6). */
class FullVsReducedTest {
  @Test
  void fullFlowTracksReducedFlowWhereCriterionHolds() {
    ProblemConfig c = ProblemConfig.of(4, new int[] {2, 2}, 2, 20, 0.0, 1.0);
    // k = 10: ω(0) = 0.046; 2048 draws: criterion ≈ 9.
    Comparison cmp = FullVsReduced.compare(c, 10, 2048, 31L, 14,
        new FullVsReduced.Options().tolerances(1e-6, 1e-9).threads(2).freshPrompts(2000));
    System.out.println("full vs reduced: " + cmp + " budget " + cmp.budget() + " wall "
        + cmp.full().wallSeconds());
    assertTrue(cmp.criterion() > 5, "criterion " + cmp.criterion());
    assertTrue(cmp.maxDeviation() <= cmp.budget().warmupDeviation(),
        "warm-up deviation " + cmp.maxDeviation() + " over budget " + cmp.budget().warmupDeviation());
    assertArrayEquals(cmp.reducedAllocation(), cmp.fullAllocation());
    assertTrue(cmp.maxHalfSignalTimeDeviation() <= cmp.budget().emergenceTime(),
        "half-signal times " + cmp.maxHalfSignalTimeDeviation() + " over budget " + cmp.budget().emergenceTime());
  }
}
