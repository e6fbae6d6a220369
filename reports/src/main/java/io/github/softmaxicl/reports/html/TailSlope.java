package io.github.softmaxicl.reports.html;

/**
 * The slow tail of F − F* on log–log axes: the slope over the last decade of t, between the last drawable point
 * (t &gt; 0, y &gt; 0 and finite) and the last drawable point at or before a tenth of its time. A 1/t tail has
 * slope −1, a 1/t² tail −2.
 *
 * @param first index of the earlier point, or -1 if no drawable point lies a decade before {@code last}
 * @param last index of the last drawable point, or -1 if there is none
 * @param slope Δ log y / Δ log t between them, NaN without {@code first}
 */
record TailSlope(int first, int last, double slope) {
  /** Fits the tail of (t, y). */
  static TailSlope fit(double[] t, double[] y) {
    int last = -1;
    for (int i = t.length - 1; i >= 0; i--) {
      if (drawable(t[i], y[i])) {
        last = i;
        break;
      }
    }
    if (last <= 0) {
      return new TailSlope(-1, last, Double.NaN);
    }
    int first = -1;
    for (int i = 0; i < last; i++) {
      if (drawable(t[i], y[i]) && t[i] <= t[last] / 10) {
        first = i;
      }
    }
    if (first < 0) {
      return new TailSlope(-1, last, Double.NaN);
    }
    double k = StrictMath.log(y[last] / y[first]) / StrictMath.log(t[last] / t[first]);
    return new TailSlope(first, last, k);
  }

  /** True if a slope was fitted. */
  boolean hasSlope() {
    return first >= 0;
  }

  /**
   * Where the 1/t and 1/t² guides through the last point start: at t_e (but at most three decades before the
   * last point), or two decades before it when emergence was not reached.
   */
  static double guideStart(double tLast, double tEmergence) {
    return Double.isFinite(tEmergence) ? Math.max(tEmergence, tLast / 1000) : tLast / 100;
  }

  private static boolean drawable(double t, double y) {
    return t > 0 && y > 0 && Double.isFinite(y);
  }
}
