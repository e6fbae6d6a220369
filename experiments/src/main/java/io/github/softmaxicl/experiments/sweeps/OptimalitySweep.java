package io.github.softmaxicl.experiments.sweeps;

import io.github.softmaxicl.checks.sweeps.OptimalityMeasurements;
import io.github.softmaxicl.numerics.ReducedFlowFailure;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * P4 optimality sweep (reduced model (reconstruction)): over block sets and prompt lengths, the reduced flow from
 * the paper init run to convergence (|F − F*| ≤ tol·F*), with its per-task losses at the end.
 */
final class OptimalitySweep {
  private OptimalitySweep() {}

  static OptimalityMeasurements measure(SweepSettings s) {
    List<OptimalityMeasurements.BlockSet> sets = new ArrayList<>();
    for (List<Integer> set : s.blockSets()) {
      int d = SweepGrid.config(set, 1).d();
      List<OptimalityMeasurements.Run> runs = new ArrayList<>();
      for (int l : SweepGrid.lengths(d, s)) {
        ProblemConfig c = SweepGrid.config(set, l);
        ReducedRun run;
        try {
          run = ConvergedFlow.toLimit(c, s);
        } catch (ConvergedFlow.NotConverged | ReducedFlowFailure e) {
          runs.add(OptimalityMeasurements.Run.failed(c, String.valueOf(e.getMessage())));
          continue;
        }
        List<Double> tasks = new ArrayList<>();
        for (double x : new LeadingOrderLoss(c).taskLosses(run.finalState())) {
          tasks.add(x);
        }
        runs.add(new OptimalityMeasurements.Run(c, null, run.fFinal(), run.fStar(), run.tEnd(), tasks));
      }
      sets.add(new OptimalityMeasurements.BlockSet(set, runs));
    }
    return new OptimalityMeasurements(s.convergenceTolerance(), sets);
  }
}
