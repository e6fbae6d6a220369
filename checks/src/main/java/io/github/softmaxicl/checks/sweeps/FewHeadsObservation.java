package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.numerics.ReducedFlowFailure;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.numerics.reduced.SingleHeadOptimum;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hipparchus.util.FastMath;

/**
 * Observation, not a claim (reduced model (reconstruction)): the reduced flow from the paper init with fewer heads
 * than tasks. Records which tasks each head serves (head h serves task i if its signal μ_i^h ω_i^h is at least
 * half the largest signal on task i), the final loss against F* of H ≥ n, and compares it with the prediction
 * "a head serving a group of tasks sits at the single-head optimum of that group", computed with
 * {@link SingleHeadOptimum} on the group's blocks.
 */
final class FewHeadsObservation {
  private FewHeadsObservation() {}

  static SweepResult run(SweepSettings s) {
    ProblemConfig base = s.fewHeadsConfig();
    double fStar = ClosedForms.fStar(base);
    List<String> notes = new ArrayList<>();
    List<SweepResult.Point> flow = new ArrayList<>();
    List<SweepResult.Point> predicted = new ArrayList<>();
    notes.add("problem " + base + " (H varied), paper init; F* (one head per task) = " + SweepGrid.f(fStar)
        + "; observation only, no verdict");
    double singleRatio = Double.NaN;
    try {
      singleRatio = SingleHeadOptimum.solve(base).ratio();
    } catch (ReducedFlowFailure e) {
      notes.add("single-head optimum failed: " + e.getMessage());
    }
    for (int heads : s.fewHeads()) {
      ProblemConfig c = base.withHeads(heads);
      ReducedRun run;
      try {
        run = ConvergedFlow.stationary(c, s);
      } catch (ConvergedFlow.NotConverged | ReducedFlowFailure e) {
        notes.add("H=" + heads + ": not computed (" + e.getMessage() + ")");
        flow.add(SweepResult.Point.of(heads, Double.NaN));
        continue;
      }
      SpectralState end = run.finalState();
      List<List<Integer>> served = served(c, end);
      double prediction = prediction(c, served);
      flow.add(SweepResult.Point.of(heads, run.fFinal() / fStar));
      predicted.add(SweepResult.Point.of(heads, prediction / fStar));
      StringBuilder sb = new StringBuilder();
      boolean shared = false;
      List<Integer> unserved = new ArrayList<>();
      for (int i = 0; i < c.tasks(); i++) {
        unserved.add(i + 1);
      }
      for (int h = 0; h < heads; h++) {
        List<Integer> tasks = served.get(h);
        shared |= tasks.size() > 1;
        sb.append(h == 0 ? "" : "; ").append("head ").append(h + 1).append(" serves ");
        if (tasks.isEmpty()) {
          sb.append("none");
        }
        for (int k = 0; k < tasks.size(); k++) {
          sb.append(k == 0 ? "task " : ", ").append(tasks.get(k) + 1);
          unserved.remove(Integer.valueOf(tasks.get(k) + 1));
        }
        sb.append(String.format(Locale.ROOT, " (sharpness %.6f)", ClosedForms.sharpness(c, end, h)));
      }
      notes.add(String.format(Locale.ROOT,
          "H=%d: F_final = %.6g = %.5f F* (t_end = %.3g); %s; %s%s; prediction from single-head optima of the "
              + "served groups: %.5f F*",
          heads, run.fFinal(), run.fFinal() / fStar, run.tEnd(), sb, shared ? "a head serves two or more tasks"
              : "no head serves two tasks", unserved.isEmpty() ? "" : "; tasks served by none: " + unserved,
          prediction / fStar));
    }
    List<SweepResult.ReferenceLine> refs = new ArrayList<>();
    refs.add(SweepResult.ReferenceLine.horizontal("F* (one head per task, H >= n)", 1.0));
    if (Double.isFinite(singleRatio)) {
      refs.add(SweepResult.ReferenceLine.horizontal("single-head optimum F_single* / F*", singleRatio));
    }
    return new SweepResult("observation-few-heads",
        "Observation: fewer heads than tasks, final loss / F* (reduced model (reconstruction))", "heads H",
        "F_final / F*", false, false,
        List.of(new SweepResult.Series("reduced flow from the paper init", flow),
            new SweepResult.Series("prediction: each head at the single-head optimum of its tasks", predicted)),
        refs, notes);
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
