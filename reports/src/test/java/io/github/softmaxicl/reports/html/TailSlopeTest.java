package io.github.softmaxicl.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The tail slope and the guides' start, against hand-computed values. */
class TailSlopeTest {
  @Test
  void powerLawHasItsExponentOverTheLastDecade() {
    // y = 3 t^-2 on t = 1..1000: last point t = 1000, the last point at or before t = 100 is t = 100.
    double[] t = new double[1000];
    double[] y = new double[1000];
    for (int i = 0; i < t.length; i++) {
      t[i] = i + 1;
      y[i] = 3 / (t[i] * t[i]);
    }
    TailSlope fit = TailSlope.fit(t, y);
    assertEquals(999, fit.last());
    assertEquals(99, fit.first());
    assertEquals(-2.0, fit.slope(), 1e-12);
  }

  @Test
  void undrawableTailPointsAreSkipped() {
    // 1/t on t = 1, 10, 100, then F − F* = 0 and NaN at the end (round-off at F*): the fit uses t = 10 and 100.
    double[] t = {0, 1, 10, 100, 1000, 2000};
    double[] y = {5, 1, 0.1, 0.01, 0, Double.NaN};
    TailSlope fit = TailSlope.fit(t, y);
    assertEquals(3, fit.last());
    assertEquals(2, fit.first());
    assertEquals(-1.0, fit.slope(), 1e-12);
  }

  @Test
  void noDecadeBeforeTheLastPointMeansNoSlope() {
    TailSlope fit = TailSlope.fit(new double[] {10, 20, 50}, new double[] {1, 0.5, 0.2});
    assertEquals(2, fit.last());
    assertFalse(fit.hasSlope());
    assertTrue(Double.isNaN(fit.slope()));
    assertEquals(-1, TailSlope.fit(new double[] {0, 1}, new double[] {1, -1}).last(), "nothing drawable at t > 0");
  }

  @Test
  void guidesStartAtEmergenceButAtMostThreeDecadesBack() {
    assertEquals(975.0, TailSlope.guideStart(1e4, 975.0));
    assertEquals(1000.0, TailSlope.guideStart(1e6, 975.0));
    assertEquals(100.0, TailSlope.guideStart(1e4, Double.NaN), "no emergence: two decades back");
  }
}
