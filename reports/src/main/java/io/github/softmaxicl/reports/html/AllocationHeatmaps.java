package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;
import io.github.softmaxicl.numerics.TrajectorySample;
import java.util.List;

/**
 * The μ·ω maps (heads as rows, tasks as columns) at t = 0, t_w, t_e and t_end. Each map has its own colour
 * scale; the maps at t_w and t_e use the sample recorded at the event, or say loudly that they could not.
 */
final class AllocationHeatmaps {
  private static final double CELL_W = 62;
  private static final double CELL_H = 24;
  private static final double LEFT = 56;
  private static final double TOP = 66;
  private static final double MIN_WIDTH = 236;

  private AllocationHeatmaps() {}

  static void render(StringBuilder sb, RunFacts r) {
    List<TrajectorySample> s = r.trajectory();
    String[] names = {"t = 0 (start)", "end of warm-up t_w", "end of emergence t_e", "t_end"};
    double[] at = {s.get(0).t(), r.markers().warmupEnd(), r.markers().emergenceEnd(), r.lastSampleTime()};
    int heads = r.config().heads();
    int n = r.config().tasks();
    sb.append("<div class=\"figs\">\n");
    double width = Math.max(LEFT + n * CELL_W + 10, MIN_WIDTH);
    double height = TOP + heads * CELL_H + 10;
    boolean allExact = true;
    for (int k = 0; k < at.length; k++) {
      sb.append("<svg class=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(Numbers.coord(width))
          .append("\" height=\"").append(Numbers.coord(height)).append("\" viewBox=\"0 0 ").append(Numbers.coord(width))
          .append(' ').append(Numbers.coord(height)).append("\">\n");
      new SvgText("ptitle", 4, 15, SvgText.Anchor.START, names[k]).render(sb);
      sb.append('\n');
      if (!Double.isFinite(at[k])) {
        new SvgText("cell", 4, 32, SvgText.Anchor.START, "not reached").render(sb);
        sb.append("\n</svg>\n");
        continue;
      }
      int index = SampleSearch.exact(s, at[k]);
      String which;
      SvgText.Fill whichFill = SvgText.Fill.DEFAULT;
      if (index >= 0) {
        which = k == 1 || k == 2 ? "event sample, t = " + Numbers.human(at[k]) : "sample at t = " + Numbers.human(at[k]);
      } else {
        // Only if the integrator did not record a sample at the event (it should): say so on the map.
        allExact = false;
        index = SampleSearch.nearest(s, at[k]);
        which = "NEAREST sample t = " + Numbers.human(s.get(index).t()) + " (event " + Numbers.human(at[k]) + ")";
        whichFill = SvgText.Fill.WARNING;
      }
      TrajectorySample x = s.get(index);
      double max = largestMagnitude(x, heads, n);
      new SvgText("cell", 4, 30, SvgText.Anchor.START, whichFill, which).render(sb);
      sb.append('\n');
      new SvgText("cell", 4, 43, SvgText.Anchor.START, "F = " + Numbers.human(x.loss())).render(sb);
      sb.append('\n');
      for (int i = 0; i < n; i++) {
        new SvgText("cell", LEFT + (i + 0.5) * CELL_W, TOP - 6, SvgText.Anchor.MIDDLE, "task " + (i + 1)).render(sb);
      }
      sb.append('\n');
      for (int h = 0; h < heads; h++) {
        double y = TOP + h * CELL_H;
        new SvgText("cell", LEFT - 6, y + CELL_H / 2 + 3.5, SvgText.Anchor.END, "head " + (h + 1)).render(sb);
        for (int i = 0; i < n; i++) {
          double v = Trajectories.muOmega(x, h, i);
          double rel = max > 0 && Double.isFinite(v) ? v / max : 0;
          sb.append("<rect x=\"").append(Numbers.coord(LEFT + i * CELL_W)).append("\" y=\"").append(Numbers.coord(y))
              .append("\" width=\"").append(Numbers.coord(CELL_W)).append("\" height=\"").append(Numbers.coord(CELL_H))
              .append("\" fill=\"").append(HeatmapColour.of(rel)).append("\" stroke=\"#fff\"><title>")
              .append(Html.esc("head " + (h + 1) + ", task " + (i + 1) + ": μ·ω = " + Numbers.detail(v)))
              .append("</title></rect>");
          new SvgText("cell", LEFT + (i + 0.5) * CELL_W, y + CELL_H / 2 + 3.5, SvgText.Anchor.MIDDLE,
              HeatmapColour.isDark(rel) ? SvgText.Fill.ON_DARK : SvgText.Fill.DEFAULT, Numbers.brief(v)).render(sb);
        }
        sb.append('\n');
      }
      sb.append("</svg>\n");
    }
    sb.append("</div>\n<p class=\"note\">Colour: μ·ω relative to the largest |μ·ω| of the same map (each map has its"
        + " own scale; red positive, blue negative). At the one-head-per-task limit μ<sub>i</sub>*ω<sub>i</sub>* ="
        + " 1/(1 + e κ<sub>i</sub> d<sub>i</sub>) (MODEL.md §6). ")
        .append(allExact ? "The maps at t<sub>w</sub> and t<sub>e</sub> show the trajectory sample recorded at the"
            + " event itself." : "<b>At least one marker time has no recorded sample; its map shows the nearest"
            + " sample, marked NEAREST.</b>")
        .append(" Small values are in scientific notation; 0 means exactly 0 (e.g. an off-task μ that underflowed)."
            + "</p>\n");
  }

  /**
   * Largest finite |μ·ω| of one sample: each map has its own colour scale, because early maps (values ~ L^-3)
   * would be blank on the final map's scale.
   */
  static double largestMagnitude(TrajectorySample x, int heads, int tasks) {
    double max = 0;
    for (int h = 0; h < heads; h++) {
      for (int i = 0; i < tasks; i++) {
        double v = Trajectories.muOmega(x, h, i);
        if (Double.isFinite(v)) {
          max = Math.max(max, Math.abs(v));
        }
      }
    }
    return max;
  }
}
