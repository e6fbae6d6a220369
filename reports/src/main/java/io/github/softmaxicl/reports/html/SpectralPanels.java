package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;
import io.github.softmaxicl.numerics.TrajectorySample;
import java.util.List;

/**
 * μ (linear and log) and ω against linear t over the plot window. A reduced run gets one panel per quantity
 * (heads as colours, tasks as dash patterns); a full-model run one row per task, its own curves solid and the
 * reduced prediction dashed.
 */
final class SpectralPanels {
  private static final int QUANTITIES = 3;

  private SpectralPanels() {}

  static void render(StringBuilder sb, RunFacts r, double end, PlotIds ids) {
    List<TrajectorySample> run = SampleSearch.upTo(r.trajectory(), end);
    List<TrajectorySample> pred = SampleSearch.upTo(r.prediction(), end);
    String window = PlotWindow.explain(end, r.tEnd(), r.markers().emergenceEnd()) + ", as in the loss plot.";
    if (pred.isEmpty()) {
      reducedPanels(sb, r, end, run, window, ids);
    } else {
      perTaskPanels(sb, r, end, run, pred, window, ids);
    }
  }

  private static void reducedPanels(StringBuilder sb, RunFacts r, double end, List<TrajectorySample> run,
      String window, PlotIds ids) {
    int heads = r.config().heads();
    int n = r.config().tasks();
    for (int q = 0; q < QUANTITIES; q++) {
      boolean isMu = q < 2;
      boolean log = q == 1;
      String sym = isMu ? "μ" : "ω";
      Svg.Plot p = new Svg.Plot(sym + " per head (colour) and task (line style)" + (log ? ", log scale" : ""),
          "t (gradient-flow time, dimensionless)", isMu ? "mu_i^h (output–value" + (log ? ", log scale)" : ")")
              : "omega_j^h (key–query)", false, log);
      window(p, end);
      for (int h = 0; h < heads; h++) {
        for (int i = 0; i < n; i++) {
          p.line(Svg.Series.named("head " + (h + 1) + " task " + (i + 1), Trajectories.times(run),
              values(run, isMu, h, i), PlotStyles.headAndTask(h, i)));
        }
      }
      for (int h = 0; h < heads; h++) {
        p.legend(new Svg.LegendEntry("head " + (h + 1), PlotStyles.head(h).legendSample(), false));
      }
      for (int i = 0; i < n; i++) {
        p.legend(new Svg.LegendEntry("task " + (i + 1), PlotStyles.task(i).legendSample(), false));
      }
      LossWindowPlot.phaseMarkers(p, r);
      String caption = window;
      if (log) {
        caption += " " + logMuCaption(p, MuRange.of(List.of(run, List.of()), -1));
      }
      Figure.append(sb, p.render(ids.next(), Figure.WIDE, 260), caption, Figure.WIDE);
    }
  }

  private static void perTaskPanels(StringBuilder sb, RunFacts r, double end, List<TrajectorySample> run,
      List<TrajectorySample> pred, String window, PlotIds ids) {
    int heads = r.config().heads();
    int n = r.config().tasks();
    String runName = r.kind() == RunKind.SGD ? "this run (SGD)" : "this run (full flow)";
    for (int i = 0; i < n; i++) {
      sb.append("</div>\n<div class=\"figs\">\n");
      for (int q = 0; q < QUANTITIES; q++) {
        boolean isMu = q < 2;
        boolean log = q == 1;
        String sym = isMu ? "μ" : "ω";
        Svg.Plot p = new Svg.Plot(sym + " of task " + (i + 1) + " per head" + (log ? ", log scale" : ""),
            "t (gradient-flow time)", sym + "_" + (i + 1) + "^h" + (log ? " (log scale)" : ""), false, log);
        window(p, end);
        for (int h = 0; h < heads; h++) {
          p.line(Svg.Series.named("head " + (h + 1), Trajectories.times(run), values(run, isMu, h, i),
              PlotStyles.head(h)));
          p.line(Svg.Series.named("head " + (h + 1) + " reduced prediction", Trajectories.times(pred),
              values(pred, isMu, h, i), PlotStyles.headPrediction(h)));
          p.legend(new Svg.LegendEntry("head " + (h + 1), PlotStyles.head(h).legendSample(), false));
        }
        p.legend(new Svg.LegendEntry(runName, PlotStyles.LEGEND_RUN.legendSample(), false));
        p.legend(new Svg.LegendEntry("reduced prediction", PlotStyles.LEGEND_PREDICTION.legendSample(), false));
        LossWindowPlot.phaseMarkers(p, r);
        String caption = q == 0 ? window : "";
        if (log) {
          caption = logMuCaption(p, MuRange.of(List.of(run, pred), i));
        }
        Figure.append(sb, p.render(ids.next(), Figure.NARROW, 220), caption, Figure.NARROW);
      }
    }
  }

  /** Fixes the x axis of a linear-t panel to [0, end] (left automatic if the window is degenerate). */
  private static void window(Svg.Plot p, double end) {
    if (end > 0) {
      p.xRange(0, end);
    }
  }

  private static double[] values(List<TrajectorySample> s, boolean mu, int head, int task) {
    return mu ? Trajectories.mu(s, head, task) : Trajectories.omega(s, head, task);
  }

  /**
   * Sets the floor of a log-μ panel ({@link MuRange#DECADES} below the largest μ) and says in the caption what
   * lies below it and what is not drawn.
   */
  static String logMuCaption(Svg.Plot p, MuRange range) {
    StringBuilder c = new StringBuilder("Log scale shows growth by orders of magnitude during the warm-up and the"
        + " exponential decay of off-task μ after emergence.");
    if (range.max() > 0) {
      p.yFloor(range.floor());
      if (range.clipped()) {
        c.append(" The axis stops ").append(Numbers.coord(MuRange.DECADES)).append(" decades below the largest μ;"
            + " lines leaving at the bottom continue down to ").append(Html.esc(Numbers.magnitude(range.minPositive())))
            .append(" in this window.");
      }
    }
    if (range.nonPositive() > 0) {
      c.append(' ').append(range.nonPositive()).append(" value").append(range.nonPositive() == 1 ? "" : "s")
          .append(" of μ ≤ 0 (underflow to 0, or a sign change in the full model) are not drawn.");
    }
    return c.toString();
  }
}
