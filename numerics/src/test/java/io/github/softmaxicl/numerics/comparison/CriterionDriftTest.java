package io.github.softmaxicl.numerics.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import org.junit.jupiter.api.Test;

/**
 * A run that violates ω(0)√(LN) ≫ 1 (MODEL.md §9): {@code small} at the paper init on a plain sample of 4,000
 * prompts (criterion ≈ 0.5). Its log μ drifts away from the reduced flow at the rate predicted by the sample's
 * frozen term ξ̂ ({@link SamplingDrift}).
 */
class CriterionDriftTest {
  @Test
  void logMuDriftMatchesFrozenSamplingTerm() {
    ProblemConfig c = Preset.SMALL.config();
    CriterionDrift.Result r = CriterionDrift.measure(c, 2024L, 4000, 16, 2);
    CriterionDrift.Sample last = r.last();
    assertEquals(16, last.t(), 1e-9);
    for (int i = 0; i < c.tasks(); i++) {
      for (int h = 0; h < c.heads(); h++) {
        double measured = last.measured(h, i);
        System.out.printf("drift (criterion %.2f) t=%.1f h%d i%d: measured %.4f, predicted %.4f, spread %.4f, "
            + "reduced growth %.4f%n", r.criterion(), last.t(), h, i, measured, last.predicted(i), last.spread(i),
            r.usefulGrowth()[i]);
        // Criterion: the first-order formula (uniform attention, linear in t) must pin the realised drift down
        // far better than its a-priori spread over samples: within half a spread, with the right sign. (Measured
        // on seeds 2024, 7 and the default seed: the worst gap is 0.37 spread. The gap grows like t², second
        // order in the sampling noise: the plain sample also drives off-structure entries that feed back on μ.)
        assertTrue(Math.signum(measured) == Math.signum(last.predicted(i)), "drift sign");
        assertEquals(last.predicted(i), measured, 0.5 * last.spread(i));
      }
      // First order: the fitted linear coefficient of the drift is the frozen term's (the t² term takes the
      // second order). Budget 0.25 spread per unit time: the second-order feedback's own linear part, measured
      // ≤ 0.19 spread over the three seeds above; a wrong first-order formula (e.g. a missing factor 2) is off by
      // ≥ 1 predicted slope, ≥ 0.5 spread here.
      for (int h = 0; h < c.heads(); h++) {
        assertEquals(r.predictedSlope(i), r.fit(h, i)[0], 0.25 * last.spread(i) / last.t());
      }
      // The drift is of the size the criterion says: more than the useful growth itself at criterion < 1.
      assertTrue(last.spread(i) > Math.abs(r.usefulGrowth()[i]) * 0.5,
          "spread " + last.spread(i) + " vs growth " + r.usefulGrowth()[i]);
    }
  }
}
