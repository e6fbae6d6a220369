package io.github.softmaxicl.numerics.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmaxicl.numerics.full.PromptBlock;
import io.github.softmaxicl.numerics.full.PromptSampler;
import io.github.softmaxicl.numerics.full.PromptSource;
import io.github.softmaxicl.theory.ProblemConfig;
import org.junit.jupiter.api.Test;

/**
 * {@link SamplingDrift} against ξ̂, m̂ summed by hand prompt by prompt (one prompt per block, so the 64-prompt
 * chunking of the class is not repeated here) on 70 prompts (one full chunk and a partial one), and its drift and
 * spread formulas with blocks of different size, σ ≠ 0, s² ≠ 1 and n = 3 (so that 4/n is not 2).
 */
class SamplingDriftTest {
  private static final ProblemConfig C = ProblemConfig.of(4, new int[] {1, 2, 1}, 2, 5, 0.7, 1.3);

  @Test
  void frozenTermsAreTheSampleMeansOfTargetTimesTokenMeanAndOfTheSquaredTokenMean() {
    PromptSource sample = PromptSampler.of(C, 17L, 70, false);
    SamplingDrift drift = SamplingDrift.of(sample, 70);
    int n = C.tasks();
    double[] xi = new double[n];
    double[] m2 = new double[n];
    PromptBlock one = new PromptBlock(C, 1);
    for (int p = 0; p < 70; p++) {
      sample.fill(p, 1, one);
      for (int i = 0; i < n; i++) {
        double ybar = 0;
        for (int l = 0; l < C.promptLength(); l++) {
          ybar += one.token(0, l, C.d() + i);
        }
        ybar /= C.promptLength();
        xi[i] += one.target(0, i) * ybar;
        m2[i] += ybar * ybar;
      }
    }
    for (int i = 0; i < n; i++) {
      assertEquals(xi[i] / 70, drift.xi()[i], 1e-15, "xi of task " + i);
      assertEquals(m2[i] / 70, drift.meanSquare()[i], 1e-15, "m of task " + i);
      // sd(ξ̂_i) = √((s⁴ d_i (d_i + 2) + s² d_i σ²)/(L N)) for N = 70 independent draws.
      double di = C.blockSize(i);
      double sd = Math.sqrt((1.3 * 1.3 * di * (di + 2) + 1.3 * di * 0.7 * 0.7) / (5.0 * 70));
      assertEquals(sd, drift.spread()[i], 1e-15 * sd, "spread of task " + i);
    }
    // A sample of images counts its draws only: the spread scales with 1/√N.
    SamplingDrift fewer = SamplingDrift.of(sample, 7);
    assertEquals(drift.spread()[1] * Math.sqrt(10), fewer.spread()[1], 1e-14);
  }

  @Test
  void driftAndSpreadAreTheirFormulas() {
    SamplingDrift d = new SamplingDrift(new double[] {0.1, -0.2, 0.05}, new double[] {0.9, 0.5, 0.3},
        new double[] {0.01, 0.02, 0.03});
    // Task 1: c_1 = s² d_1 + σ² = 1.3·2 + 0.49 = 3.09, c_1/L = 0.618; (4/3)(ξ − Σμ (m − c/L)) t.
    double excess = 0.5 - 3.09 / 5;
    assertEquals(4.0 / 3 * (-0.2 - 0.7 * excess) * 2.5, d.predictedLogMuDrift(C, 1, 0.7, 2.5), 1e-15);
    assertEquals(4.0 / 3 * 0.03 * 2.5, d.driftSpread(C, 2, 2.5), 1e-16);
    // The arrays are copied on the way in.
    double[] xi = {1, 2, 3};
    SamplingDrift copy = new SamplingDrift(xi, xi, xi);
    xi[0] = 99;
    assertEquals(1.0, copy.xi()[0]);
    assertEquals(1.0, copy.meanSquare()[0]);
    assertEquals(1.0, copy.spread()[0]);
  }
}
