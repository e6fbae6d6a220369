package io.github.softmaxicl.experiments.sweeps;

import io.github.softmaxicl.checks.sweeps.FewHeadsMeasurements;
import io.github.softmaxicl.numerics.ReducedFlowFailure;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.numerics.reduced.SingleHeadOptimum;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import org.hipparchus.util.FastMath;

/**
 * Observation, not a claim (reduced model (reconstruction)): the reduced flow from the paper init with fewer heads
 * than tasks, run until stationary. Records which tasks each head serves (head h serves task i if its signal
 * μ_i^h ω_i^h is at least half the largest signal on task i) and the prediction "a head serving a group of tasks
 * sits at the single-head optimum of that group", computed with {@link SingleHeadOptimum} on the group's blocks.
 */
final class FewHeadsObservation {
  private FewHeadsObservation() {}

  static FewHeadsMeasurements measure(SweepSettings s) {
    ProblemConfig base = s.fewHeadsConfig();
    double singleRatio = Double.NaN;
    String singleFailure = null;
    try {
      singleRatio = SingleHeadOptimum.solve(base).ratio();
    } catch (ReducedFlowFailure e) {
      singleFailure = String.valueOf(e.getMessage());
    }
    List<FewHeadsMeasurements.HeadCount> runs = new ArrayList<>();
    for (int heads : s.fewHeads()) {
      ProblemConfig c = base.withHeads(heads);
      ReducedRun run;
      try {
        run = ConvergedFlow.stationary(c, s);
      } catch (ConvergedFlow.NotConverged | ReducedFlowFailure e) {
        runs.add(FewHeadsMeasurements.HeadCount.failed(heads, String.valueOf(e.getMessage())));
        continue;
      }
      SpectralState end = run.finalState();
      List<List<Integer>> served = served(c, end);
      List<Double> sharpness = new ArrayList<>();
      for (int h = 0; h < heads; h++) {
        sharpness.add(ClosedForms.sharpness(c, end, h));
      }
      runs.add(new FewHeadsMeasurements.HeadCount(heads, null, run.fFinal(), run.tEnd(), served, sharpness,
          prediction(c, served)));
    }
    return new FewHeadsMeasurements(base, singleRatio, singleFailure, runs);
  }

  /** For each head, the tasks it serves: signal μ_i^h ω_i^h ≥ ½ max_h' μ_i^h' ω_i^h' and &gt; 0. */
  static List<List<Integer>> served(ProblemConfig c, SpectralState s) {
    List<List<Integer>> out = new ArrayList<>();
    for (int h = 0; h < s.heads(); h++) {
      out.add(new ArrayList<>());
    }
    for (int i = 0; i < c.tasks(); i++) {
      double best = 0;
      for (int h = 0; h < s.heads(); h++) {
        best = FastMath.max(best, s.mu(h, i) * s.omega(h, i));
      }
      for (int h = 0; h < s.heads(); h++) {
        if (best > 0 && s.mu(h, i) * s.omega(h, i) >= 0.5 * best) {
          out.get(h).add(i);
        }
      }
    }
    return out;
  }

  /**
   * F predicted if the served groups partition the tasks and each head sits at the single-head optimum of its
   * group: (1/n) Σ_groups |group| · F_single*(group); NaN if the groups do not partition the tasks.
   */
  static double prediction(ProblemConfig c, List<List<Integer>> served) {
    int[] count = new int[c.tasks()];
    double total = 0;
    for (List<Integer> group : served) {
      if (group.isEmpty()) {
        continue;
      }
      int[] blocks = new int[group.size()];
      int d = 0;
      for (int k = 0; k < blocks.length; k++) {
        blocks[k] = c.blockSize(group.get(k));
        d += blocks[k];
        count[group.get(k)]++;
      }
      ProblemConfig sub = ProblemConfig.of(d, blocks, 1, c.promptLength(), c.sigma(), c.s2());
      double groupLoss;
      if (blocks.length == 1) {
        groupLoss = ClosedForms.taskLossStar(sub, 0);
      } else {
        try {
          groupLoss = SingleHeadOptimum.solve(sub).fSingle();
        } catch (ReducedFlowFailure e) {
          return Double.NaN;
        }
      }
      total += blocks.length * groupLoss;
    }
    for (int k : count) {
      if (k != 1) {
        return Double.NaN;
      }
    }
    return total / c.tasks();
  }
}
