package io.github.softmaxicl.reports.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.EmergenceWindow;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.SpectralState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The emergence close-up range, the log-μ floor and the heat-map colours, against hand-computed values. */
class PlotAnalysisTest {
  @Test
  void closeUpSpansOneEmergenceWidthEitherSide() {
    EmergenceWindow r = EmergenceWindow.of(100, 150).orElseThrow();
    assertEquals(50.0, r.delta());
    assertEquals(50.0, r.lo());
    assertEquals(200.0, r.hi());
    assertEquals(0.0, EmergenceWindow.of(10, 40).orElseThrow().lo(), "cut at t = 0");
    assertEquals(70.0, EmergenceWindow.of(10, 40).orElseThrow().hi());
    assertTrue(EmergenceWindow.of(150, 150).isEmpty());
    assertTrue(EmergenceWindow.of(100, Double.NaN).isEmpty());
    assertTrue(EmergenceWindow.of(Double.NaN, 150).isEmpty());
  }

  /** The off-structure caption claims a straight-line escape only when a rate was measured. */
  @Test
  void offStructureCaptionDescribesWhatThePlotShows() {
    RunFacts.FullModel none = new RunFacts.FullModel(null, 3e-19, 1, 0, Double.NaN, 0.3145, Double.NaN);
    String flat = OffStructurePlot.growth(none, 5e-19);
    assertFalse(flat.contains("straight line"), flat);
    assertTrue(flat.contains("round-off level") && flat.contains("5e-19"), flat);
    assertTrue(OffStructurePlot.growth(none, 1e-3).contains("no exponential growth"));
    RunFacts.FullModel grows = new RunFacts.FullModel(null, 0.1, 1, 0, 12, 0.3145, 0.31);
    assertTrue(OffStructurePlot.growth(grows, 0.1).contains("straight line here (predicted rate 2g = 0.3145,"
        + " measured 0.31)"));
  }

  @Test
  void closeUpWidensToHoldEveryReachedTaskWindow() {
    // Δ = 50 from the global markers; task 1 starts at 90 and task 0 ends at 170; the NaN task is skipped.
    EmergenceWindow r = EmergenceWindow.of(100, 150, new double[] {95, 90, Double.NaN},
        new double[] {170, 140, Double.NaN}).orElseThrow();
    assertEquals(50.0, r.delta());
    assertEquals(40.0, r.lo());
    assertEquals(220.0, r.hi());
  }

  @Test
  void muFloorIsTenDecadesBelowTheLargestPositiveMu() {
    // Two heads, two tasks; task 1 has μ = 2, 1e-12 (below the floor 2e-10), 0 and -1 (not drawable).
    TrajectorySample a = sample(new double[][] {{2, 0.5}, {1e-12, 0.25}});
    TrajectorySample b = sample(new double[][] {{0, 0.5}, {-1, 0.125}});
    MuRange all = MuRange.of(List.of(List.of(a, b)), -1);
    assertEquals(2.0, all.max());
    assertEquals(1e-12, all.minPositive());
    assertEquals(2, all.nonPositive());
    assertEquals(2e-10, all.floor(), 1e-25);
    assertTrue(all.clipped());
    MuRange task2 = MuRange.of(List.of(List.of(a), List.of(b)), 1);
    assertEquals(0.5, task2.max());
    assertEquals(0.125, task2.minPositive());
    assertEquals(0, task2.nonPositive());
    assertFalse(task2.clipped());
    MuRange none = MuRange.of(List.of(List.of(b)), 0);
    assertTrue(Double.isNaN(none.floor()));
    assertFalse(none.clipped());
  }

  @Test
  void divergingColoursRunFromBlueThroughWhiteToRed() {
    assertEquals("#ffffff", HeatmapColour.of(0));
    assertEquals("#b2182b", HeatmapColour.of(1));
    assertEquals("#2166ac", HeatmapColour.of(-1));
    assertEquals("#b2182b", HeatmapColour.of(3), "clamped");
    // Half way to red: 255 + (0xb2 − 255)/2 = 216.5 → 217 = d9; (0x18: 139.5 → 140 = 8c); (0x2b: 149 = 95).
    assertEquals("#d98c95", HeatmapColour.of(0.5));
    assertTrue(HeatmapColour.isDark(-0.61));
    assertFalse(HeatmapColour.isDark(0.6));
  }

  @Test
  void windowIsOnePointSixTeCappedByTEndWithFallbacks() {
    assertEquals(1.6 * 975.0, PlotWindow.end(3e4, 975.0, 3e4));
    assertEquals(100.0, PlotWindow.end(100.0, 975.0, 100.0), "capped by t_end");
    assertEquals(3e4, PlotWindow.end(3e4, Double.NaN, 3e4), "t_e not reached: the whole run");
    assertEquals(50.0, PlotWindow.end(Double.NaN, Double.NaN, 50.0), "t_end missing: last sample");
    assertEquals(16.0, PlotWindow.end(Double.NaN, 10.0, 50.0));
    assertTrue(PlotWindow.explain(16.0, 100.0, 10.0).endsWith("= [0, 1.6 t<sub>e</sub>]"));
    assertTrue(PlotWindow.explain(100.0, 100.0, 90.0).contains("t<sub>end</sub> (before 1.6 t<sub>e</sub>)"));
    assertTrue(PlotWindow.explain(100.0, 100.0, Double.NaN).contains("as emergence was not reached"));
  }

  @Test
  void samplesBetweenIncludeOneOnEitherSide() {
    List<TrajectorySample> s = List.of(at(0), at(1), at(2), at(3), at(4), at(5));
    List<TrajectorySample> w = SampleSearch.between(s, 2.2, 3.5);
    // Nearest to 2.2 is t = 2, one before it is t = 1; up to 3.5 and the first after it is t = 4.
    assertEquals(1.0, w.get(0).t());
    assertEquals(4.0, w.get(w.size() - 1).t());
    assertEquals(4, w.size());
    assertEquals(3, SampleSearch.nearest(s, 2.5 + 1e-9));
    assertEquals(2, SampleSearch.nearest(s, 2.5), "ties go to the earlier sample");
  }

  private static TrajectorySample sample(double[][] mu) {
    return TrajectorySample.reduced(0, 1, SpectralState.of(new double[][] {{1, 1}, {1, 1}}, mu));
  }

  private static TrajectorySample at(double t) {
    return TrajectorySample.reduced(t, 1, SpectralState.of(new double[][] {{1}}, new double[][] {{1}}));
  }
}
