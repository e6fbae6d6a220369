package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.ProblemConfig;
import org.junit.jupiter.api.Test;

/** SGD with small η against the deterministic flow; in-sample against fresh loss on small and large samples. */
class SgdAndOverfittingTest {
  private static final ProblemConfig C = ProblemConfig.of(4, new int[] {2, 2}, 2, 20, 0.0, 1.0);
  private static final double K = 10; // ω(0) = 0.046

  /**
   * Plain SGD (fresh prompts, η = 0.01, B = 64) to T = 3 against the control-variate flow on a large symmetrised
   * sample (≈ the population flow). Budget per log μ_i^h: 4 δ with δ = 2(2/n)√(d_i(d_i+2))√(ηT/(LB)) (the §9 walk
   * with the exact per-prompt spread of {@code SamplingDrift}), plus the reference's own error: tilt sampling
   * √3/√N per unit of log-growth G (3 sd) and the Euler error of SGD, ≈ η·rate/2 per unit of G.
   */
  @Test
  void sgdWithSmallRateTracksFlowWithinItsNoise() {
    double eta = 0.01;
    int batch = 64;
    double tEnd = 3;
    AttentionWeights start = AttentionWeights.paperInit(C, K);
    FullRun sgd;
    FullRun flow;
    int draws = 1024;
    try (FullModel m = new FullModel(C, 2)) {
      sgd = StochasticGradientDescent.run(m, start, 5L, new StochasticGradientDescent.Options().batch(batch)
          .rate(LearningRate.constant(eta)).steps(Math.round(tEnd / eta)).recordEvery(10).freshPrompts(100));
      PromptSource sample = StoredPrompts.copyOf(PromptSampler.of(C, 6L, draws, true));
      flow = FullGradientFlow.run(m, sample, true, draws, start, new FullGradientFlow.Options().tEnd(tEnd)
          .tolerances(1e-8, 1e-12).controlVariate(true).fresh(2, 1L));
    }
    double t = sgd.tEnd();
    assertEquals(tEnd, t, 1e-9);
    for (int i = 0; i < C.tasks(); i++) {
      double di = C.blockSize(i);
      double delta = 2 * (2.0 / C.tasks()) * Math.sqrt(di * (di + 2)) * Math.sqrt(eta * t / ((double) C.promptLength() * batch));
      for (int h = 0; h < C.heads(); h++) {
        double growth = Math.abs(Math.log(flow.finalState().mu(h, i)
            / io.github.softmaxicl.theory.Initialisations.paper(C, K).mu(h, i)));
        double budget = 4 * delta + (3 * Math.sqrt(3.0 / draws) + eta) * growth;
        double dev = Math.log(sgd.finalState().mu(h, i) / flow.finalState().mu(h, i));
        System.out.printf("sgd vs flow h%d i%d: dlog mu %.4f, growth %.4f, delta %.4f, budget %.4f%n", h, i, dev,
            growth, delta, budget);
        assertTrue(Math.abs(dev) <= budget, "SGD off the flow by " + dev + " > " + budget);
        if (h == i) {
          // The favoured pair must grow by more than the budget, or the comparison would mean nothing.
          assertTrue(budget < growth, "budget " + budget + " not below the growth " + growth);
        }
      }
    }
  }

  /**
   * After emergence a small sample is fitted (in-sample loss well below the fresh loss), a large one is not
   * (gap within 4 fresh standard errors plus the expected optimism ≈ 2 P F / N_prompts of a least-squares fit
   * with P weights, N_prompts ≫ P).
   */
  @Test
  void smallSampleOverfitsLargeSampleDoesNot() {
    AttentionWeights start = AttentionWeights.paperInit(C, K);
    try (FullModel m = new FullModel(C, 2)) {
      FullRun small = FullGradientFlow.run(m, StoredPrompts.copyOf(PromptSampler.of(C, 71L, 6, true)), true, 6,
          start, new FullGradientFlow.Options().tEnd(30).tolerances(1e-7, 1e-10).fresh(4000, 72L));
      int prompts = 40_000;
      FullRun large = FullGradientFlow.run(m, StoredPrompts.copyOf(PromptSampler.of(C, 73L, prompts, false)), false,
          prompts, start, new FullGradientFlow.Options().tEnd(12).tolerances(1e-6, 1e-9).fresh(20_000, 74L));
      System.out.printf("overfit: small sample in-sample %.4f fresh %.4f ± %.4f; large in-sample %.4f fresh %.4f ± %.4f%n",
          small.fFinal(), small.fFresh(), small.fFreshSe(), large.fFinal(), large.fFresh(), large.fFreshSe());
      assertTrue(small.fFinal() < small.fFresh() - 5 * small.fFreshSe(), "no overfitting visible on 96 prompts");
      double optimism = 2.0 * C.fullModelWeights() * large.fFresh() / prompts;
      assertEquals(large.fFresh(), large.fFinal(), 4 * large.fFreshSe() + optimism);
    }
  }
}
