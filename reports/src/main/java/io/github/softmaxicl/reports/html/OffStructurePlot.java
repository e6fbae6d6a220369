package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;
import io.github.softmaxicl.numerics.TrajectorySample;
import java.util.List;

/** Full-model runs: the norm outside the decomposable structure against linear t, log y (saddle escape). */
final class OffStructurePlot {
  /** Largest relative off-structure norm that round-off alone produces (see {@link #growth}). */
  static final double ROUND_OFF = 1e-12;

  private OffStructurePlot() {}

  static void render(StringBuilder sb, RunFacts r, RunFacts.FullModel full, String id) {
    List<TrajectorySample> s = r.trajectory();
    double[] v = Trajectories.offStructureNorm(s);
    int dropped = 0;
    double largest = 0;
    for (double x : v) {
      if (!(x > 0 && Double.isFinite(x))) {
        dropped++;
      } else {
        largest = Math.max(largest, x);
      }
    }
    Svg.Plot p = new Svg.Plot("Norm of the weights outside the decomposable structure (linear t, log y)",
        "t (gradient-flow time, dimensionless)", "off-structure norm (Frobenius, log scale)", false, true);
    p.line(new Svg.Series("off-structure norm", Trajectories.times(s), v, PlotStyles.OFF_STRUCTURE, false));
    p.ref(new Svg.Marker("t_e", r.markers().emergenceEnd(), false, PlotStyles.EMERGENCE));
    p.ref(new Svg.Marker("saddle escape", full.escapeTime(), false, PlotStyles.ESCAPE_ON_NORM));
    Figure.append(sb, p.render(id, Figure.WIDE, 300), "The whole run. " + growth(full, largest)
        + (dropped == 0 ? "" : " " + dropped + " sample" + (dropped == 1 ? "" : "s") + " with norm 0 (e.g. an"
            + " exactly structured start) or not finite are not drawn on the log axis."), Figure.WIDE);
  }

  /**
   * What the plot shows about the saddle: a measured escape (a straight line here) only when there is one. A
   * relative norm below {@link #ROUND_OFF} is accumulated double round-off (ε ≈ 2.2e-16 times ≲ 10⁴ operations
   * per weight), i.e. the run stayed on the structure.
   */
  static String growth(RunFacts.FullModel full, double largest) {
    String predicted = "predicted rate 2g = " + Html.esc(Numbers.human(full.saddleRatePredicted()));
    if (Double.isFinite(full.saddleRateMeasured())) {
      return "Exponential growth away from the saddle is a straight line here (" + predicted + ", measured "
          + Html.esc(Numbers.human(full.saddleRateMeasured())) + ").";
    }
    String level = largest < ROUND_OFF
        ? " it stays at the round-off level of double arithmetic (at most " + Html.esc(Numbers.human(largest))
            + "): the run starts on the decomposable structure and the flow keeps it there"
        : " it shows no exponential growth";
    return "No escape from the saddle was measured in this run (" + predicted + " is not compared):" + level + ".";
  }
}
