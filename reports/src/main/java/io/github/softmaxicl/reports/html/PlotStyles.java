package io.github.softmaxicl.reports.html;

/**
 * Every stroke of the report's plots, by what it draws. Reference markers are 1.3 px wide; series 1.2 to 1.8 px.
 * Colours are the colour-blind-safe Okabe–Ito palette; tasks are told apart by dash patterns.
 */
final class PlotStyles {
  /** Colour-blind-safe palette (Okabe–Ito without yellow, plus grey), one colour per head or sweep series. */
  static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
      "#888888"};
  /** Dash patterns for tasks (solid first). */
  static final String[] DASHES = {"", "7 3", "2 2", "9 3 2 3", "1 4", "12 4"};

  private static final double MARKER_WIDTH = 1.3;
  private static final String PREDICTION_DASH = "7 3";
  private static final String NEUTRAL = "#444444";

  /** The run's own loss curve. */
  static final Stroke RUN = new Stroke("#000000", "", 1.8, 1);
  /** The reduced model's prediction from the same start, overlaid on a full-model run. */
  static final Stroke PREDICTION = new Stroke("#0072B2", PREDICTION_DASH, 1.6, 1);
  /** F*, the loss of the one-head-per-task limit. */
  static final Stroke F_STAR = marker("#009E73", "4 3");
  /** t_w, the end of the warm-up. */
  static final Stroke WARM_UP = marker("#E69F00", "5 3");
  /** t_e, the end of emergence. */
  static final Stroke EMERGENCE = marker("#CC79A7", "5 3");
  /** The saddle escape time on a loss plot. */
  static final Stroke ESCAPE = marker("#D55E00", "2 2");
  /** The saddle escape time on the off-structure plot, whose own curve is orange. */
  static final Stroke ESCAPE_ON_NORM = marker("#000000", "2 2");
  /** A horizontal reference value of a sweep. */
  static final Stroke SWEEP_REFERENCE = marker("#555555", "3 3");
  /** The guide ∝ 1/t on the log–log excess-loss plot. */
  static final Stroke GUIDE_ONE_OVER_T = new Stroke("#999999", "2 3", 1.2, 1);
  /** The guide ∝ 1/t² on the log–log excess-loss plot. */
  static final Stroke GUIDE_ONE_OVER_T2 = new Stroke("#999999", "9 3", 1.2, 1);
  /** Excess-loss samples where F is below F* (drawn as |F − F*|, dotted). */
  static final Stroke BELOW_F_STAR = new Stroke("#D55E00", "", 1.0, 0.6);
  /** The norm outside the decomposable structure. */
  static final Stroke OFF_STRUCTURE = new Stroke("#D55E00", "", 1.6, 1);
  /** Legend sample for "this run" on the per-task panels of a full-model run. */
  static final Stroke LEGEND_RUN = new Stroke(NEUTRAL, "", 1.6, 1);
  /** Legend sample for "reduced prediction" on the per-task panels of a full-model run. */
  static final Stroke LEGEND_PREDICTION = new Stroke(NEUTRAL, PREDICTION_DASH, 1.6, 1);

  private PlotStyles() {}

  private static Stroke marker(String colour, String dash) {
    return new Stroke(colour, dash, MARKER_WIDTH, 1);
  }

  /** The half-signal time of task {@code task} (from 0). */
  static Stroke halfSignal(int task) {
    return marker("#888888", DASHES[1 + task % 5]);
  }

  static String headColour(int head) {
    return PALETTE[head % PALETTE.length];
  }

  /** Head {@code head} (colour), solid. */
  static Stroke head(int head) {
    return new Stroke(headColour(head), "", 1.6, 1);
  }

  /** Head {@code head} (colour) and task {@code task} (dash pattern). */
  static Stroke headAndTask(int head, int task) {
    return new Stroke(headColour(head), DASHES[task % DASHES.length], 1.6, 1);
  }

  /** Head {@code head} in the reduced prediction: dashed, thinner, lighter, under the run's solid line. */
  static Stroke headPrediction(int head) {
    return new Stroke(headColour(head), PREDICTION_DASH, 1.3, 0.8);
  }

  /** Legend sample for task {@code task}: its dash pattern in a neutral colour. */
  static Stroke task(int task) {
    return new Stroke(NEUTRAL, DASHES[task % DASHES.length], 1.6, 1);
  }

  /** The k-th series of a sweep: dashed and thicker for a closed form, solid for a measurement. */
  static Stroke sweepSeries(int k, boolean theory) {
    return new Stroke(PALETTE[k % PALETTE.length], theory ? PREDICTION_DASH : "", theory ? 1.6 : 1.2, 1);
  }
}
