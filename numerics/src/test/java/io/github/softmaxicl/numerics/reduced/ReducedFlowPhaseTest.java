package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.numerics.TrajectorySample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.PhaseMarkers;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.util.FastMath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** P2 (reduced model (reconstruction)): phase markers of MODEL.md §7 from the paper init. */
class ReducedFlowPhaseTest {

  /**
   * Markers are reached, ordered (t_w &lt; every half-signal time ≤ t_e) and the emergence window is short:
   * (t_e − t_w)/t_w &lt; 0.25 (Claims.P2_PHASES). Event times are located to 1e-9 in t, integration error on them
   * is ≲ 1e-7 relative (IntegratorAgreementTest): far below the margins. At each marker the switching quantity
   * equals its threshold (checked on the recorded sample to 1e-9 relative: root-finding accuracy 1e-9 in t
   * times |dF/dt| ≤ 1 gives ≤ 1e-9 absolute in F).
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Preset.class)
  void markersAreOrderedAndEmergenceIsAbrupt(Preset preset) {
    ProblemConfig c = preset.config();
    ReducedRun run = ReducedFlowRunner.run(c, preset.initialState(), preset.defaultTEnd(), ReducedFlowOptions.defaults());
    double tw = run.markers().warmupEnd();
    double te = run.markers().emergenceEnd();
    double[] half = run.markers().halfSignal();
    System.out.printf("%s: t_w=%.6f t_e=%.6f (t_e-t_w)/t_w=%.5f half-signal=%s samples=%d%n", preset.id(), tw, te,
        run.markers().emergenceWindowRatio(), Arrays.toString(half), run.trajectory().size());
    assertTrue(tw > 0 && te > tw, "t_w = " + tw + ", t_e = " + te);
    for (double th : half) {
      assertTrue(th > tw && th <= te, "half-signal time " + th + " outside (t_w, t_e]");
    }
    assertTrue(run.markers().emergenceWindowRatio() < 0.25,
        "emergence window ratio " + run.markers().emergenceWindowRatio());
    assertEquals(PhaseMarkers.warmupThreshold(run.f0()), sampleAt(run.trajectory(), tw).loss(), 1e-9 * run.f0());
    assertEquals(PhaseMarkers.emergenceThreshold(run.f0(), run.fStar()), sampleAt(run.trajectory(), te).loss(),
        1e-9 * run.f0());
    for (int i = 0; i < half.length; i++) {
      SpectralState s = sampleAt(run.trajectory(), half[i]).state();
      double best = 0;
      for (int h = 0; h < c.heads(); h++) {
        best = FastMath.max(best, s.mu(h, i) * s.omega(h, i));
      }
      assertEquals(1.0, best / PhaseMarkers.halfSignalThreshold(c, i), 1e-8, "signal at half-signal time, task " + i);
    }
    assertTrue(run.trajectory().size() >= 150 && run.trajectory().size() <= 600,
        "a few hundred samples expected, got " + run.trajectory().size());
  }

  /**
   * Warm-up builds inclination (Claims.P2_INCLINATION): for every head h with a favoured task (h &lt; n in the
   * paper init), μ_h^h / max_{i≠h} μ_i^h is at least 10 times larger at t_w than at t = 0.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(Preset.class)
  void inclinationGrowsDuringWarmup(Preset preset) {
    ProblemConfig c = preset.config();
    ReducedRun run = ReducedFlowRunner.run(c, preset.initialState(), preset.defaultTEnd(), ReducedFlowOptions.defaults());
    SpectralState s0 = run.init();
    SpectralState sw = sampleAt(run.trajectory(), run.markers().warmupEnd()).state();
    for (int h = 0; h < FastMath.min(c.heads(), c.tasks()); h++) {
      double growth = inclination(sw, h) / inclination(s0, h);
      System.out.printf("%s head %d: inclination %.3f at t=0, %.3f at t_w, growth %.2f%n", preset.id(), h,
          inclination(s0, h), inclination(sw, h), growth);
      assertTrue(growth >= 10.0, "head " + h + " inclination grew only " + growth + "x");
    }
  }

  private static double inclination(SpectralState s, int head) {
    double other = 0;
    for (int i = 0; i < s.tasks(); i++) {
      if (i != head) {
        other = FastMath.max(other, FastMath.abs(s.mu(head, i)));
      }
    }
    return FastMath.abs(s.mu(head, head)) / other;
  }

  static TrajectorySample sampleAt(List<TrajectorySample> samples, double t) {
    for (TrajectorySample s : samples) {
      if (s.t() == t) {
        return s;
      }
    }
    throw new AssertionError("no trajectory sample at marker time " + t);
  }
}
