package io.github.softmaxicl.experiments.sweeps;

import io.github.softmaxicl.checks.sweeps.SeparationMeasurements;
import io.github.softmaxicl.numerics.ReducedFlowFailure;
import io.github.softmaxicl.numerics.reduced.SingleHeadOptimum;
import io.github.softmaxicl.numerics.reduced.SingleHeadResult;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * P5 separation sweep (reduced model (reconstruction)): the optimal single head (H = 1, {@link SingleHeadOptimum})
 * over the P4 grid.
 */
final class SeparationSweep {
  private SeparationSweep() {}

  static SeparationMeasurements measure(SweepSettings s) {
    List<SeparationMeasurements.BlockSet> sets = new ArrayList<>();
    for (List<Integer> set : s.blockSets()) {
      int d = SweepGrid.config(set, 1).d();
      List<SeparationMeasurements.Optimum> optima = new ArrayList<>();
      for (int l : SweepGrid.lengths(d, s)) {
        ProblemConfig c = SweepGrid.config(set, l);
        SingleHeadResult r;
        try {
          r = SingleHeadOptimum.solve(c);
        } catch (ReducedFlowFailure e) {
          optima.add(SeparationMeasurements.Optimum.failed(c, String.valueOf(e.getMessage())));
          continue;
        }
        List<Double> omega = new ArrayList<>();
        for (double w : r.omega()) {
          omega.add(w);
        }
        optima.add(new SeparationMeasurements.Optimum(c, null, r.fSingle(), r.fStar(), r.sharpness(), omega,
            r.gradientNorm(), r.minHessianEigenvalue()));
      }
      sets.add(new SeparationMeasurements.BlockSet(set, optima));
    }
    return new SeparationMeasurements(sets);
  }
}
