package io.github.softmaxicl.reports.html;

import io.github.softmaxicl.reports.Numbers;

/**
 * The linear-t window of the per-run plots: it ends at 1.6 t_e, so that the settling after emergence stays in
 * view without the long tail squeezing warm-up and emergence into the left edge.
 */
public final class PlotWindow {
  /** Multiple of t_e at which the window ends. */
  static final double WINDOW_FACTOR = 1.6;

  private PlotWindow() {}

  /**
   * Right end of the window: min(t_end, 1.6·t_e), or t_end when emergence was not reached (t_e NaN). A t_end that
   * is not a positive number is replaced by the last sample time.
   */
  public static double end(double tEnd, double tEmergence, double lastSample) {
    double end = Double.isFinite(tEnd) && tEnd > 0 ? tEnd : lastSample;
    if (Double.isFinite(tEmergence) && tEmergence > 0) {
      end = Math.min(end, WINDOW_FACTOR * tEmergence);
    }
    return end;
  }

  /** Why the window ends where it does, as caption HTML. */
  static String explain(double end, double tEnd, double tEmergence) {
    String why = Double.isFinite(tEmergence)
        ? (end < tEnd ? "1.6 t<sub>e</sub>" : "t<sub>end</sub> (before 1.6 t<sub>e</sub>)")
        : "t<sub>end</sub>, as emergence was not reached";
    return "Linear t over [0, " + Html.esc(Numbers.human(end)) + "] = [0, " + why + "]";
  }
}
