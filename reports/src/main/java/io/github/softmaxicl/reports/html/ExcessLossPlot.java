package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;
import io.github.softmaxicl.numerics.TrajectorySample;
import java.util.List;

/**
 * F − F* on log–log axes over the whole run: the slow tail after emergence, its slope and 1/t, 1/t² guides. Where
 * F goes below F* (the full model can, MODEL.md §9) the plot shows |F − F*| and marks the samples below, rather
 * than leaving them off the log axis (for a run that stays below F* the plot would otherwise be empty).
 */
final class ExcessLossPlot {
  private ExcessLossPlot() {}

  static void render(StringBuilder sb, RunFacts r, String id) {
    List<TrajectorySample> s = r.trajectory();
    double[] t = Trajectories.times(s);
    double[] y = Trajectories.losses(s, r.fStar());
    int below = below(t, y);
    String excess = below == 0 ? "F − F*" : "|F − F*|";
    Svg.Plot p = new Svg.Plot("Excess loss " + excess + " against t (log–log, whole run)", "t (gradient-flow time,"
        + " dimensionless; log scale)", excess + " (log scale)", true, true);
    p.line(new Svg.Series(r.kind().lossLabel().replace("F(t)", excess), t, below == 0 ? y : abs(y), PlotStyles.RUN,
        false));
    if (below > 0) {
      p.line(new Svg.Series("samples with F < F*", t, belowOnly(t, y), PlotStyles.BELOW_F_STAR, true));
    }
    List<TrajectorySample> pred = r.prediction();
    int droppedPred = 0;
    if (!pred.isEmpty()) {
      double[] tp = Trajectories.times(pred);
      double[] yp = Trajectories.losses(pred, r.fStar());
      p.line(new Svg.Series("reduced prediction", tp, yp, PlotStyles.PREDICTION, false));
      droppedPred = notDrawable(tp, yp);
    }
    int dropped = notDrawable(t, below == 0 ? y : abs(y));
    TailSlope tail = TailSlope.fit(t, y);
    String slope = "";
    if (tail.last() > 0) {
      int last = tail.last();
      double start = TailSlope.guideStart(t[last], r.markers().emergenceEnd());
      if (start < t[last]) {
        double ratio = t[last] / start;
        p.line(new Svg.Series("guide ∝ 1/t", new double[] {start, t[last]}, new double[] {y[last] * ratio, y[last]},
            PlotStyles.GUIDE_ONE_OVER_T, false));
        p.line(new Svg.Series("guide ∝ 1/t²", new double[] {start, t[last]},
            new double[] {y[last] * ratio * ratio, y[last]}, PlotStyles.GUIDE_ONE_OVER_T2, false));
      }
      if (tail.hasSlope()) {
        slope = " Log–log slope of F − F* from t = " + Html.esc(Numbers.human(t[tail.first()])) + " to t = "
            + Html.esc(Numbers.human(t[last])) + ": <b>" + Html.esc(Numbers.brief(tail.slope())) + "</b> (−1 for a"
            + " 1/t tail, −2 for 1/t²); the grey guides pass through the last point.";
      }
    }
    LossWindowPlot.phaseMarkers(p, r);
    String why = r.kind() == RunKind.REDUCED ? "round-off of F near F*" : "the full model can go below F*, MODEL.md §9";
    String droppedText = "t = 0 is not shown on the log axis"
        + (below == 0 ? "" : "; F is below F* at " + below + " sample" + (below == 1 ? "" : "s") + " (" + why
            + "), so the plot shows |F − F*| and dots those samples")
        + (dropped == 0 ? "" : "; " + dropped + " sample" + (dropped == 1 ? "" : "s") + " with " + excess
            + (below == 0 ? " ≤ 0" : " = 0") + " (or not finite) at t &gt; 0 are not drawn"
            + (below == 0 ? " (" + why + ")" : ""))
        + (droppedPred == 0 ? "" : "; " + droppedPred + " such samples of the reduced prediction are not drawn")
        + ".";
    Figure.append(sb, p.render(id, Figure.WIDE, 300), "The whole run, t up to t<sub>end</sub> = "
        + Html.esc(Numbers.human(r.tEnd())) + ". " + droppedText + slope, Figure.WIDE);
  }

  /** Samples with t &gt; 0 and y &lt; 0 (F below F*). */
  static int below(double[] t, double[] y) {
    int count = 0;
    for (int i = 0; i < t.length; i++) {
      if (t[i] > 0 && y[i] < 0) {
        count++;
      }
    }
    return count;
  }

  private static double[] abs(double[] y) {
    double[] out = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = Math.abs(y[i]);
    }
    return out;
  }

  /** |y| where y &lt; 0 at t &gt; 0, NaN (not drawn) elsewhere. */
  private static double[] belowOnly(double[] t, double[] y) {
    double[] out = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = t[i] > 0 && y[i] < 0 ? -y[i] : Double.NaN;
    }
    return out;
  }

  /** Samples with t &gt; 0 whose y cannot be drawn on a log axis. */
  static int notDrawable(double[] t, double[] y) {
    int count = 0;
    for (int i = 0; i < t.length; i++) {
      if (t[i] > 0 && !(y[i] > 0 && Double.isFinite(y[i]))) {
        count++;
      }
    }
    return count;
  }
}
