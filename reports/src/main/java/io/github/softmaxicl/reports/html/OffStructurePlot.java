package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;
import io.github.softmaxicl.numerics.TrajectorySample;
import java.util.List;

/** Full-model runs: the norm outside the decomposable structure against linear t, log y (saddle escape). */
final class OffStructurePlot {
  private OffStructurePlot() {}

  static void render(StringBuilder sb, RunFacts r, RunFacts.FullModel full, String id) {
    List<TrajectorySample> s = r.trajectory();
    double[] v = Trajectories.offStructureNorm(s);
    int dropped = 0;
    for (double x : v) {
      if (!(x > 0 && Double.isFinite(x))) {
        dropped++;
      }
    }
    Svg.Plot p = new Svg.Plot("Norm of the weights outside the decomposable structure (linear t, log y)",
        "t (gradient-flow time, dimensionless)", "off-structure norm (Frobenius, log scale)", false, true);
    p.line(new Svg.Series("off-structure norm", Trajectories.times(s), v, PlotStyles.OFF_STRUCTURE, false));
    p.ref(new Svg.Marker("t_e", r.tEmergenceEnd(), false, PlotStyles.EMERGENCE));
    p.ref(new Svg.Marker("saddle escape", full.escapeTime(), false, PlotStyles.ESCAPE_ON_NORM));
    Figure.append(sb, p.render(id, Figure.WIDE, 300), "The whole run. Exponential growth away from the saddle is a"
        + " straight line here (rate predicted 2g = " + Html.esc(Numbers.human(full.saddleRatePredicted()))
        + ", measured " + Html.esc(Numbers.human(full.saddleRateMeasured())) + ")."
        + (dropped == 0 ? "" : " " + dropped + " sample" + (dropped == 1 ? "" : "s") + " with norm 0 (e.g. an"
            + " exactly structured start) or not finite are not drawn on the log axis."), Figure.WIDE);
  }
}
