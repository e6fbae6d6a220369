package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.softmaxicl.theory.ProblemConfig;
import org.junit.jupiter.api.Test;

/**
 * The one-head-per-task limit is a strict saddle of the full loss (MODEL.md §9): along o = −v of an off-task
 * pair the curvature is −∂F/∂μ, and ∂F/∂μ ≈ g = 2 c_i μ_i* / (n L).
 */
class SaddleTest {
  private static final ProblemConfig C = ProblemConfig.of(8, new int[] {4, 4}, 2, 100, 0.0, 1.0);
  private static final int H = 1; // off-task pair: head 1 on task 0
  private static final int TASK = 0;

  private static final int O_INDEX = SaddleEscape.oIndex(C, H, TASK);
  private static final int V_INDEX = SaddleEscape.vIndex(C, H, TASK);

  @Test
  void curvatureAlongOffTaskAntidiagonalIsMinusDfDmu() {
    LimitPoint lp = LimitPoint.of(C);
    double[] limit = AttentionWeights.decomposable(C, lp.state(new int[] {0, 1}, 0.0)).toFlat();
    PromptSource prompts = StoredPrompts.copyOf(PromptSampler.of(C, 31L, 4000, false));
    try (FullModel m = new FullModel(C, 2)) {
      double gs = SaddleEscape.probe(m, C, prompts, limit, O_INDEX, V_INDEX);
      double f0 = m.loss(AttentionWeights.fromFlat(C, limit), prompts);
      double curvature = SaddleEscape.curvatureAlongPair(m, C, prompts, limit, O_INDEX, V_INDEX, 1e-3);
      // Exact on the sample: F = F0 + gs·o·v + a·(o v)² with o v = −ε²/2, so the second difference is
      // −gs + O(a ε²) with a ≲ (c/L)·e/n ≈ 0.05: truncation ≈ 5e-8; round-off ≈ 4·(1e4 terms)·u·F0/ε² ≈ 5e-6·F0
      // with F0 ≈ 0.4. Tolerance 1e-5 absolute against gs ≈ 0.07, i.e. ≈ 1.5e-4 relative.
      System.out.printf("saddle: curvature %.8f, -dF/dmu %.8f, F0 %.5f%n", curvature, -gs, f0);
      assertEquals(-gs, curvature, 1e-5);
    }
  }

  @Test
  void dFdMuAtLimitMatchesSaddleCoefficient() {
    LimitPoint lp = LimitPoint.of(C);
    double[] limit = AttentionWeights.decomposable(C, lp.state(new int[] {0, 1}, 0.0)).toFlat();
    double[] slope;
    try (FullModel m = new FullModel(C, 2)) {
      slope = SaddleEscape.slopeOnFreshBatches(m, C, limit, O_INDEX, V_INDEX, 555L);
    }
    double mean = slope[0];
    double se = slope[1];
    double predicted = lp.saddleCoefficient(TASK);
    // Budget: 4 standard errors of the batch mean, plus the model error of g at finite L. The leading-order and
    // the refined loss give the same g here (head 1 has ω = 0 on task 0, so Φ = 1 and no tilt term), so the
    // model error is the O(1/L²) remainder of the expansion, bounded by the size of its next term relative to
    // the first, e^{d_i ω*²}·d_i/L = e·4/100 ≈ 0.11 of g.
    double model = Math.E * C.blockSize(TASK) / C.promptLength() * predicted;
    System.out.printf("saddle: dF/dmu = %.5f ± %.5f (32000 prompts), g = %.5f, model budget %.5f%n", mean, se,
        predicted, model);
    assertEquals(predicted, mean, 4 * se + model);
  }
}
