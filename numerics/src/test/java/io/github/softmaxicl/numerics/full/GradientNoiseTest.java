package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ProblemConfig;
import org.junit.jupiter.api.Test;

/**
 * {@link GradientNoise} on a few prompts against the per-prompt gradients computed one prompt at a time here and
 * reduced with the textbook two-pass mean and (N − 1)-normalised variance: the mean gradient, the summed variance
 * and, for every head and task, the μ-gradient ∂ℓ/∂O_{i,d+i} / V_{d+i,d+i} (the μ direction of the decomposable
 * parametrisation, MODEL.md §9) and its standard deviation.
 */
class GradientNoiseTest {
  private static final ProblemConfig C = ProblemConfig.of(3, new int[] {1, 2}, 2, 5, 0.3, 1.0);

  /**
   * Budget: the per-prompt gradients are the same kernel calls on the same prompts (bit-identical), the means of
   * N ≤ 5 terms agree to a few ulps (1e-13 relative plus 1e-15 absolute); the measured variance uses the one-pass
   * (Σg² − N ḡ²)/(N − 1), whose round-off is a few u·Σg² ≤ a few u·N·(ḡ² + var), so each variance (and the
   * square of each standard deviation) is compared within 1e-13·N·(ḡ² + var), the total within the sum of those.
   */
  @Test
  void figuresAreThoseOfThePerPromptGradients() {
    AttentionWeights w = Fixtures.randomWeights(C, 0.6, 17L);
    int dd = C.tokenDim();
    int d = C.d();
    try (FullModel m = new FullModel(C, 1)) {
      assertThrows(IllegalArgumentException.class, () -> GradientNoise.measure(m, w, 4L, 1, false));
      for (int prompts : new int[] {2, 5}) {
        for (boolean cv : new boolean[] {false, true}) {
          GradientNoise noise = GradientNoise.measure(m, w, 4L, prompts, cv);
          PromptSampler src = PromptSampler.of(C, 4L, prompts, false);
          double[][] g = new double[prompts][];
          for (int p = 0; p < prompts; p++) {
            g[p] = m.lossAndGradient(w, Fixtures.range(src, p, 1), cv).gradientArray();
          }
          int size = w.size();
          double[] mean = new double[size];
          double[] var = new double[size];
          double total = 0;
          double totalScale = 0;
          for (int k = 0; k < size; k++) {
            for (int p = 0; p < prompts; p++) {
              mean[k] += g[p][k] / prompts;
            }
            for (int p = 0; p < prompts; p++) {
              var[k] += (g[p][k] - mean[k]) * (g[p][k] - mean[k]) / (prompts - 1);
            }
            total += var[k];
            totalScale += 1e-13 * prompts * (mean[k] * mean[k] + var[k]);
          }
          String at = prompts + " prompts, cv " + cv;
          assertEquals(prompts, noise.prompts());
          double[] measuredMean = noise.meanGradient();
          for (int k = 0; k < size; k++) {
            assertEquals(mean[k], measuredMean[k], 1e-13 * Math.abs(mean[k]) + 1e-15, at + " entry " + k);
          }
          assertEquals(total, noise.totalVariance(), totalScale, at);
          for (int h = 0; h < 2; h++) {
            double[] v = w.value(h).data;
            for (int i = 0; i < C.tasks(); i++) {
              int idx = AttentionWeights.flatOffset(C, h, 3) + i * dd + d + i;
              double vi = v[(d + i) * dd + d + i];
              assertTrue(Math.abs(Math.abs(vi) - 1) > 0.05, "V entry far from ±1: " + vi);
              assertEquals(mean[idx] / vi, noise.muGradientMean(h, i), 1e-13 * Math.abs(mean[idx] / vi) + 1e-15,
                  at + " head " + h + " task " + i);
              double sd = noise.muGradientSd(h, i) * Math.abs(vi);
              assertEquals(var[idx], sd * sd, 1e-13 * prompts * (mean[idx] * mean[idx] + var[idx]),
                  at + " head " + h + " task " + i);
            }
          }
        }
      }
    }
  }
}
