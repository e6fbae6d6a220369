package io.github.softmaxicl.numerics.comparison;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.full.AttentionWeights;
import io.github.softmaxicl.numerics.full.FullGradientFlow;
import io.github.softmaxicl.numerics.full.FullModel;
import io.github.softmaxicl.numerics.full.FullRun;
import io.github.softmaxicl.numerics.full.PromptSampler;
import io.github.softmaxicl.numerics.full.PromptSource;
import io.github.softmaxicl.numerics.full.StoredPrompts;
import io.github.softmaxicl.numerics.full.TrajectoryPoint;
import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
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
    int prompts = 4000;
    PromptSource sample = StoredPrompts.copyOf(PromptSampler.of(c, 2024L, prompts, false));
    SamplingDrift drift = SamplingDrift.of(sample, prompts);
    SpectralState init = Initialisations.paper(c);
    double tEnd = Double.parseDouble(System.getProperty("drift.tEnd", "16"));
    ReducedRun reduced = ReducedFlowRunner.run(c, init, tEnd, ReducedFlowOptions.defaults().withSampling(400, 400));
    FullRun full;
    try (FullModel m = new FullModel(c, 2)) {
      full = FullGradientFlow.run(m, sample, false, prompts, AttentionWeights.paperInit(c, 1),
          new FullGradientFlow.Options().tEnd(tEnd).tolerances(1e-8, 1e-12).recordSpacing(1).fresh(2, 1L));
    }
    double criterion = init.omega(0, 0) * Math.sqrt((double) c.promptLength() * prompts);
    TrajectoryPoint last = full.trajectory().get(full.trajectory().size() - 1);
    SpectralState red = FullVsReduced.interpolate(reduced.trajectory(), last.t());
    for (int i = 0; i < c.tasks(); i++) {
      double sumMu0 = 0;
      for (int h = 0; h < c.heads(); h++) {
        sumMu0 += init.mu(h, i);
      }
      double predicted = drift.predictedLogMuDrift(c, i, sumMu0, last.t());
      double spread = drift.driftSpread(c, i, last.t());
      double useful = Math.log(red.mu(0, i) / init.mu(0, i));
      for (int h = 0; h < c.heads(); h++) {
        double measured = Math.log(last.state().mu(h, i) / red.mu(h, i));
        System.out.printf("drift (criterion %.2f) t=%.1f h%d i%d: measured %.4f, predicted %.4f, spread %.4f, "
            + "reduced growth %.4f%n", criterion, last.t(), h, i, measured, predicted, spread, useful);
        // Criterion: the first-order formula (uniform attention, linear in t) must pin the realised drift down
        // far better than its a-priori spread over samples: within half a spread, with the right sign. (Measured:
        // it explains ≈ 90 % of the drift; the rest, ≈ 0.003 per unit t and slightly head-dependent, is a
        // second-order effect not derived here.)
        assertTrue(Math.signum(measured) == Math.signum(predicted), "drift sign");
        assertEquals(predicted, measured, 0.5 * spread);
      }
      // The drift is of the size the criterion says: more than the useful growth itself at criterion < 1.
      assertTrue(spread > Math.abs(useful) * 0.5, "spread " + spread + " vs growth " + useful);
    }
  }
}
