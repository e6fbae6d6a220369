package io.github.softmaxicl.experiments.sweeps;

import io.github.softmaxicl.checks.sweeps.LengthMeasurements;
import io.github.softmaxicl.numerics.full.AttentionWeights;
import io.github.softmaxicl.numerics.full.FullModel;
import io.github.softmaxicl.numerics.full.MonteCarloLoss;
import io.github.softmaxicl.numerics.FullModelFailure;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.RefinedLoss;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.util.FastMath;

/**
 * P7 length-generalisation sweep (reduced model (reconstruction)): the one-head-per-task limit trained at L,
 * evaluated at test lengths L' by its closed form, its refined loss, Monte Carlo of the true model (decomposable
 * weights of the limit, fresh prompts of length L') and the linear-attention baseline.
 */
final class LengthSweep {
  private LengthSweep() {}

  /** Test lengths round(factor · L), distinct, increasing, ≥ 2. */
  static List<Integer> testLengths(SweepSettings s) {
    List<Integer> out = new ArrayList<>();
    int l = s.lengthConfig().promptLength();
    List<Double> factors = new ArrayList<>(s.lengthFactors());
    java.util.Collections.sort(factors);
    for (double f : factors) {
      int lp = (int) FastMath.max(2, FastMath.round(f * l));
      if (out.isEmpty() || lp > out.get(out.size() - 1)) {
        out.add(lp);
      }
    }
    return out;
  }

  static LengthMeasurements measure(SweepSettings s, int threads) {
    ProblemConfig c = s.lengthConfig();
    SpectralState limit = ClosedForms.limit(c);
    List<LengthMeasurements.TestLength> rows = new ArrayList<>();
    for (int lp : testLengths(s)) {
      ProblemConfig cp = c.withPromptLength(lp);
      double cf = ClosedForms.lengthGeneralisationLoss(c, lp);
      RefinedLoss refined = new RefinedLoss(cp);
      double ref = refined.inDomain(limit) ? refined.value(limit) : Double.NaN;
      double lin = LinearAttentionBaseline.loss(c, lp);
      try (FullModel model = new FullModel(cp, threads)) {
        MonteCarloLoss est = MonteCarloLoss.estimate(model, AttentionWeights.decomposable(cp, limit),
            s.seed() + 1_000_003L * lp, s.lengthPrompts());
        rows.add(new LengthMeasurements.TestLength(lp, cf, ref, lin, est.mean(), est.standardError(), null));
      } catch (FullModelFailure | IllegalArgumentException e) {
        rows.add(new LengthMeasurements.TestLength(lp, cf, ref, lin, Double.NaN, Double.NaN,
            String.valueOf(e.getMessage())));
      }
    }
    return new LengthMeasurements(c, s.lengthPrompts(), s.expansionLimit(),
        LinearAttentionBaseline.loss(c, c.promptLength()), rows);
  }
}
