package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.EmergenceWindow;
import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.List;
import org.hipparchus.util.FastMath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The dense emergence samples: many inside [t_w, t_e], equal to a direct integration to their time, and
 * invisible to everything the run reports (markers, final state, trajectory, evaluation count).
 */
class DenseEmergenceSamplesTest {
  private static final ReducedFlowOptions ON = ReducedFlowOptions.defaults();

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Preset.class, names = {"PAPER", "SMALL"})
  void denseSamplingChangesNothingTheRunReports(Preset preset) {
    ReducedRun on = ReducedFlowRunner.run(preset.config(), preset.initialState(), preset.defaultTEnd(), ON);
    ReducedRun off = ReducedFlowRunner.run(preset.config(), preset.initialState(), preset.defaultTEnd(),
        ON.withDenseWindowSamples(0));
    assertTrue(off.emergenceSamples().isEmpty());
    assertEquals(off.markers().warmupEnd(), on.markers().warmupEnd());
    assertEquals(off.markers().emergenceEnd(), on.markers().emergenceEnd());
    assertArrayEquals(off.markers().halfSignal(), on.markers().halfSignal());
    assertArrayEquals(off.markers().taskWarmupEnds(), on.markers().taskWarmupEnds());
    assertArrayEquals(off.markers().taskEmergenceEnds(), on.markers().taskEmergenceEnds());
    assertEquals(off.fFinal(), on.fFinal());
    assertEquals(off.tailStart(), on.tailStart());
    assertEquals(off.evaluations(), on.evaluations());
    assertArrayEquals(off.omegaFinal(), on.omegaFinal());
    assertArrayEquals(off.muFinal(), on.muFinal());
    assertEquals(off.trajectory().size(), on.trajectory().size());
    for (int k = 0; k < off.trajectory().size(); k++) {
      TrajectorySample a = off.trajectory().get(k);
      TrajectorySample b = on.trajectory().get(k);
      assertEquals(a.t(), b.t());
      assertEquals(a.loss(), b.loss());
      assertArrayEquals(a.omegaArray(), b.omegaArray());
      assertArrayEquals(a.muArray(), b.muArray());
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Preset.class)
  void manySamplesCoverTheWindowInOrder(Preset preset) {
    ReducedRun run = ReducedFlowRunner.run(preset.config(), preset.initialState(), preset.defaultTEnd(), ON);
    EmergenceWindow w = EmergenceWindow.of(run.markers().warmupEnd(), run.markers().emergenceEnd(),
        run.markers().taskWarmupEnds(), run.markers().taskEmergenceEnds()).orElseThrow();
    List<TrajectorySample> s = run.emergenceSamples();
    assertEquals(ON.denseWindowSamples(), s.size());
    assertEquals(w.lo(), s.get(0).t());
    assertEquals(w.hi(), s.get(s.size() - 1).t(), "the window ends before t_end, past the explicit leg");
    long inside = s.stream().filter(x -> x.t() >= run.markers().warmupEnd() && x.t() <= run.markers().emergenceEnd())
        .count();
    // [t_w, t_e] is Δ of a window at most 3Δ wide (wider when per-task windows stick out): ≥ 1/3 of the grid,
    // less one point at each end.
    assertTrue(inside >= 100, preset.id() + ": only " + inside + " samples in [t_w, t_e]");
    // A uniform grid from lo to hi: every gap is (hi − lo)/(count − 1), up to the rounding of the two times, each
    // ≤ 4 ulps of hi (the roundings of hi − lo, of k·(hi − lo), of the division and of the sum): 8 ulps.
    double gap = (w.hi() - w.lo()) / (s.size() - 1);
    for (int k = 1; k < s.size(); k++) {
      assertTrue(s.get(k).t() > s.get(k - 1).t(), "times increase");
      assertEquals(gap, s.get(k).t() - s.get(k - 1).t(), 8 * Math.ulp(w.hi()), "gap " + k);
    }
  }

  /**
   * Budget. The dense samples and the direct runs are the same flow integrated at τ = 1e-10 and at 1e-12 per
   * step on log coordinates. IntegratorAgreementTest allows a global error of 1e-7 on the log coordinates through
   * the unstable warm-up and emergence (10³ τ); DP853's continuous output is of order 7 with an error below the
   * step's local tolerance, negligible next to that. So each ln|ω|, ln|μ| of a sample agrees with the direct run
   * to 1e-7 (absolute on logs, i.e. relative on ω and μ), and F, a sum of products of ≤ 4 such factors, to
   * 4·1e-7 relative.
   */
  @Test
  void samplesAgreeWithDirectIntegrationToTheirTime() {
    Preset preset = Preset.PAPER;
    ProblemConfig c = preset.config();
    ReducedRun run = ReducedFlowRunner.run(c, preset.initialState(), preset.defaultTEnd(), ON);
    List<TrajectorySample> s = run.emergenceSamples();
    ReducedFlowOptions tight = ON.withTolerances(1e-12, 1e-12).withDenseWindowSamples(0);
    // Before, inside (twice) and after [t_w, t_e], and past the explicit leg's end (the continued part).
    for (int k : new int[] {s.size() / 6, s.size() / 2 - 7, s.size() / 2 + 3, s.size() - 2}) {
      TrajectorySample x = s.get(k);
      ReducedRun direct = ReducedFlowRunner.run(c, preset.initialState(), x.t(), tight);
      SpectralState y = direct.finalState();
      double worst = 0;
      for (int h = 0; h < c.heads(); h++) {
        for (int j = 0; j < c.tasks(); j++) {
          worst = FastMath.max(worst, FastMath.abs(FastMath.log(FastMath.abs(x.omega(h, j) / y.omega(h, j)))));
          worst = FastMath.max(worst, FastMath.abs(FastMath.log(FastMath.abs(x.mu(h, j) / y.mu(h, j)))));
        }
      }
      double relF = FastMath.abs(x.loss() - direct.fFinal()) / direct.fFinal();
      System.out.printf("t = %.6f: max |Δ ln| = %.2e, |ΔF|/F = %.2e%n", x.t(), worst, relF);
      assertTrue(worst <= 1e-7, "t = " + x.t() + ": state differs by " + worst);
      assertTrue(relF <= 4e-7, "t = " + x.t() + ": F differs by " + relF);
    }
  }

  /**
   * A window that starts at t = 0. From the small preset's paper init with each head's own pair put at half its
   * limit (half of ω_i* and of μ_i*), the flow is already in its descent: F falls 1 % almost at once while the gap to F*
   * closes at the finite relaxation rate, so t_e − t_w > t_w and the window's left end max(0, t_w − Δ) is 0 (the
   * construction, asserted first). The grid's first point is then t = 0 itself, read from the first step of the
   * dense output at its own start (interpolation at θ = 0 returns the step's start state), so it is the start:
   * its F is F(0), to round-off of the same evaluation (1e-14 relative allowed).
   */
  @Test
  void aWindowFromTimeZeroStartsWithTheInitialState() {
    ProblemConfig c = Preset.SMALL.config();
    SpectralState paper = Initialisations.paper(c);
    double[][] w = paper.omegaArray();
    double[][] m = paper.muArray();
    for (int i = 0; i < c.tasks(); i++) {
      w[i][i] = 0.5 * ClosedForms.omegaStar(c, i);
      m[i][i] = 0.5 * ClosedForms.muStar(c, i);
    }
    ReducedRun run = ReducedFlowRunner.run(c, Initialisations.custom(c, w, m), 300, ON);
    EmergenceWindow window = EmergenceWindow.of(run.markers().warmupEnd(), run.markers().emergenceEnd(),
        run.markers().taskWarmupEnds(), run.markers().taskEmergenceEnds()).orElseThrow();
    assertEquals(0.0, window.lo(), 0.0,
        "t_w = " + run.markers().warmupEnd() + ", t_e = " + run.markers().emergenceEnd());
    List<TrajectorySample> s = run.emergenceSamples();
    assertEquals(ON.denseWindowSamples(), s.size());
    assertEquals(0.0, s.get(0).t(), 0.0);
    assertEquals(run.f0(), s.get(0).loss(), 1e-14 * run.f0());
  }

  @Test
  void optionsRejectASingleSample() {
    assertThrows(IllegalArgumentException.class, () -> ON.withDenseWindowSamples(1));
    assertThrows(IllegalArgumentException.class, () -> ON.withDenseWindowSamples(-1));
  }
}
