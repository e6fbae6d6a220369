package io.github.softmaxicl.checks.sweeps;

import io.github.softmaxicl.checks.Sweep;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plot of the H &lt; n observation (reduced model (reconstruction)); an observation, not a claim, so no
 * verdict: per head count the final loss against F* of H ≥ n, which tasks each head serves, and the prediction
 * "a head serving a group of tasks sits at the single-head optimum of that group".
 */
final class FewHeadsPlot {
  private FewHeadsPlot() {}

  static Sweep of(FewHeadsMeasurements m) {
    ProblemConfig base = m.config();
    double fStar = ClosedForms.fStar(base);
    List<String> notes = new ArrayList<>();
    List<Sweep.Point> flow = new ArrayList<>();
    List<Sweep.Point> predicted = new ArrayList<>();
    notes.add("problem " + base + " (H varied), paper init; F* (one head per task) = " + SweepLabels.f(fStar)
        + "; observation only, no verdict");
    String singleFailure = m.singleHeadFailure();
    if (singleFailure != null) {
      notes.add("single-head optimum failed: " + singleFailure);
    }
    for (FewHeadsMeasurements.HeadCount run : m.runs()) {
      int heads = run.heads();
      String why = run.failure();
      if (why != null) {
        notes.add("H=" + heads + ": not computed (" + why + ")");
        flow.add(Sweep.Point.of(heads, Double.NaN));
        continue;
      }
      List<List<Integer>> served = run.served();
      double prediction = run.prediction();
      flow.add(Sweep.Point.of(heads, run.fFinal() / fStar));
      predicted.add(Sweep.Point.of(heads, prediction / fStar));
      StringBuilder sb = new StringBuilder();
      boolean shared = false;
      List<Integer> unserved = new ArrayList<>();
      for (int i = 0; i < base.tasks(); i++) {
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
        sb.append(String.format(Locale.ROOT, " (sharpness %.6f)", run.sharpness().get(h)));
      }
      notes.add(String.format(Locale.ROOT,
          "H=%d: F_final = %.6g = %.5f F* (t_end = %.3g); %s; %s%s; prediction from single-head optima of the "
              + "served groups: %.5f F*",
          heads, run.fFinal(), run.fFinal() / fStar, run.tEnd(), sb, shared ? "a head serves two or more tasks"
              : "no head serves two tasks", unserved.isEmpty() ? "" : "; tasks served by none: " + unserved,
          prediction / fStar));
    }
    List<Sweep.ReferenceLine> refs = new ArrayList<>();
    refs.add(Sweep.ReferenceLine.horizontal("F* (one head per task, H >= n)", 1.0));
    if (Double.isFinite(m.singleHeadRatio())) {
      refs.add(Sweep.ReferenceLine.horizontal("single-head optimum F_single* / F*", m.singleHeadRatio()));
    }
    return new Sweep("observation-few-heads",
        "Observation: fewer heads than tasks, final loss / F* (reduced model (reconstruction))", "heads H",
        "F_final / F*", false, false,
        List.of(Sweep.Series.measured("reduced flow from the paper init", flow),
            Sweep.Series.measured("prediction: each head at the single-head optimum of its tasks", predicted)),
        refs, String.join("\n", notes));
  }
}
