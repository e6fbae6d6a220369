package io.github.softmaxicl.experiments.sweeps;

import io.github.softmaxicl.checks.sweeps.ModelErrorMeasurements;
import io.github.softmaxicl.numerics.full.AttentionWeights;
import io.github.softmaxicl.numerics.full.FullModel;
import io.github.softmaxicl.numerics.full.MonteCarloLoss;
import io.github.softmaxicl.numerics.FullModelFailure;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.RefinedLoss;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;

/**
 * Model-error ladder (reduced model (reconstruction), MODEL.md §4): at a decomposable point with specialised heads
 * (head h serves task h with ω, μ given, every other entry 0), Monte Carlo of the true model and the leading-order
 * and refined reduced losses over a ladder of prompt lengths. Stops at the first rung that cannot be computed.
 */
final class ModelErrorLadder {
  private ModelErrorLadder() {}

  /** Head h serves task h with (ω, μ); every other entry 0. Needs H ≥ n. */
  static SpectralState specialised(ProblemConfig c, double omega, double mu) {
    double[][] w = new double[c.heads()][c.tasks()];
    double[][] m = new double[c.heads()][c.tasks()];
    for (int i = 0; i < c.tasks(); i++) {
      w[i][i] = omega;
      m[i][i] = mu;
    }
    return SpectralState.of(w, m);
  }

  static ModelErrorMeasurements measure(SweepSettings s, int threads) {
    ProblemConfig base = s.errorConfig();
    SpectralState point = specialised(base, s.errorOmega(), s.errorMu());
    List<Integer> ladder = new ArrayList<>(s.errorLadder());
    java.util.Collections.sort(ladder);
    List<ModelErrorMeasurements.Rung> rungs = new ArrayList<>();
    String failure = null;
    for (int l : ladder) {
      ProblemConfig c = base.withPromptLength(l);
      double fLo = new LeadingOrderLoss(c).value(point);
      RefinedLoss refined = new RefinedLoss(c);
      if (!refined.inDomain(point)) {
        failure = "the point is outside the refined loss's domain (2 omega^2 >= 1)";
        break;
      }
      double fRef = refined.value(point);
      MonteCarloLoss est;
      try (FullModel model = new FullModel(c, threads)) {
        est = MonteCarloLoss.estimate(model, AttentionWeights.decomposable(c, point), s.seed() + 7_000_003L * l,
            s.errorPrompts());
      } catch (FullModelFailure e) {
        failure = "Monte Carlo at L = " + l + ": " + e.getMessage();
        break;
      }
      rungs.add(new ModelErrorMeasurements.Rung(l, fLo, fRef, est.mean(), est.standardError()));
    }
    return new ModelErrorMeasurements(base, s.errorOmega(), s.errorMu(), s.errorPrompts(), ladder.size(), rungs,
        failure);
  }
}
