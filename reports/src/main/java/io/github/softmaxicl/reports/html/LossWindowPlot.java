package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.numerics.TrajectorySample;
import java.util.List;

/** The loss against linear t over the plot window, with the phase markers, the half-signal times and F*. */
final class LossWindowPlot {
  private static final String X_LABEL = "t (gradient-flow time, dimensionless)";
  private static final String Y_LABEL = "F (mean squared error over tasks)";

  private LossWindowPlot() {}

  static void render(StringBuilder sb, RunFacts r, double end, String id) {
    List<TrajectorySample> s = SampleSearch.upTo(r.trajectory(), end);
    Svg.Plot p = new Svg.Plot("Loss against t (linear t; warm-up, emergence and settling)", X_LABEL, Y_LABEL,
        false, false);
    if (end > 0) {
      p.xRange(0, end);
    }
    p.line(new Svg.Series(r.kind().lossLabel(), Trajectories.times(s), Trajectories.losses(s, 0), PlotStyles.RUN,
        false));
    List<TrajectorySample> pred = SampleSearch.upTo(r.prediction(), end);
    if (!pred.isEmpty()) {
      p.line(new Svg.Series("reduced prediction from the same start", Trajectories.times(pred),
          Trajectories.losses(pred, 0), PlotStyles.PREDICTION, false));
    }
    p.ref(new Svg.Marker("F*", r.fStar(), true, PlotStyles.F_STAR));
    p.ref(new Svg.Marker("t_w (end of warm-up)", r.markers().warmupEnd(), false, PlotStyles.WARM_UP));
    p.ref(new Svg.Marker("t_e (end of emergence)", r.markers().emergenceEnd(), false, PlotStyles.EMERGENCE));
    halfSignals(p, r);
    RunFacts.FullModel full = r.full();
    if (full != null && Double.isFinite(full.escapeTime()) && full.escapeTime() <= end) {
      p.ref(new Svg.Marker("saddle escape", full.escapeTime(), false, PlotStyles.ESCAPE));
    }
    Figure.append(sb, p.render(id, Figure.WIDE, 300),
        PlotWindow.explain(end, r.tEnd(), r.markers().emergenceEnd()) + ". F* is the loss of the one-head-per-task"
        + " limit (MODEL.md §6); t<sub>w</sub>: first F ≤ 0.99 F(0), t<sub>e</sub>: first F − F* ≤ 0.01 (F(0) − F*)"
        + " (§7).", Figure.WIDE);
  }

  /** One vertical marker per task at its half-signal time. */
  static void halfSignals(Svg.Plot p, RunFacts r) {
    double[] half = r.markers().halfSignal();
    for (int i = 0; i < half.length; i++) {
      p.ref(new Svg.Marker("half-signal, task " + (i + 1), half[i], false, PlotStyles.halfSignal(i)));
    }
  }

  /** The t_w and t_e markers with short labels. */
  static void phaseMarkers(Svg.Plot p, RunFacts r) {
    p.ref(new Svg.Marker("t_w", r.markers().warmupEnd(), false, PlotStyles.WARM_UP));
    p.ref(new Svg.Marker("t_e", r.markers().emergenceEnd(), false, PlotStyles.EMERGENCE));
  }
}
