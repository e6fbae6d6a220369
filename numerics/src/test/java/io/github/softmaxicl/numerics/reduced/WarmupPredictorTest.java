package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.DecoupledWarmup;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import io.github.softmaxicl.theory.WarmupTimes;
import org.junit.jupiter.api.Test;

/** The warm-up prediction against the closed form of one pair, its exact scaling, and the flow it predicts. */
class WarmupPredictorTest {
  @Test
  void onePairWithoutVarianceBlowsUpAtTheClosedForm() {
    // H = 1, n = 1 and L huge: gamma = 4c/(nL) is 1e-8 of the growth, so u' = v' = uv with u = a omega, v = b mu
    // blows up at ln(v0/u0)/(v0 - u0) (docs/P2-PHASES.md (2)); the predictor's T carries its stop correction.
    ProblemConfig c = ProblemConfig.of(4, new int[] {4}, 1, 100_000_000, 0.0, 1.0);
    double a = DecoupledWarmup.a(c, 0);
    double b = DecoupledWarmup.b(c);
    double w0 = 1e-3;
    double m0 = 3e-3;
    SpectralState init = SpectralState.of(new double[][] {{w0}}, new double[][] {{m0}});
    double expected = WarmupPredictor.pairBlowUp(a * w0, b * m0);
    assertEquals(Math.log(b * m0 / (a * w0)) / (b * m0 - a * w0), expected, 1e-12 * expected);
    double got = WarmupPredictor.predict(c, init).blowUp(0);
    // Budget: the variance term's relative effect gamma S T ≈ 1e-7, plus the integrator's 1e-11.
    assertEquals(expected, got, 1e-6 * expected);
    assertEquals(1.0 / 0.5, WarmupPredictor.pairBlowUp(0.5, 0.5), 1e-12);
  }

  @Test
  void halvingTheStartDoublesTheWarmupExactly() {
    // The small-amplitude system is scale-free (docs/P2-PHASES.md §1): T(k/2) = 2 T(k), to integrator accuracy.
    ProblemConfig c = ProblemConfig.of(18, new int[] {4, 6, 8}, 4, 120, 1.0, 1.0);
    SpectralState init = Initialisations.paper(c);
    WarmupTimes w = WarmupPredictor.predict(c, init);
    WarmupTimes half = WarmupPredictor.predict(c, init.scaled(0.5));
    for (int i = 0; i < c.tasks(); i++) {
      assertEquals(2 * w.blowUp(i), half.blowUp(i), 1e-8 * half.blowUp(i), "task " + i);
      assertEquals(w.tau(i), half.tau(i), 0.0);
    }
  }

  @Test
  void thePredictionMatchesTheFlowWithinTau() {
    for (Preset p : Preset.values()) {
      WarmupTimes w = WarmupPredictor.predict(p.config(), p.initialState());
      ReducedRun run = ReducedFlowRunner.run(p.config(), p.initialState(), p.defaultTEnd(),
          ReducedFlowOptions.defaults());
      for (int i = 0; i < p.config().tasks(); i++) {
        double half = run.markers().halfSignal()[i];
        assertTrue(Math.abs(half - w.blowUp(i)) <= w.tau(i), p.id() + " task " + i + ": " + half + " vs "
            + w.blowUp(i) + " +- " + w.tau(i));
        assertTrue(run.markers().taskWarmupEnds()[i] < half && half <= run.markers().taskEmergenceEnds()[i], p.id());
        double[] mu = WarmupPredictor.muAt(p.config(), p.initialState(), i, run.markers().taskWarmupEnds()[i]);
        assertTrue(mu[i] > 10 * p.initialState().mu(i, i), "the favourite grows in the warm-up");
      }
    }
  }

  @Test
  void aVarianceTermThatWinsMeansNoBlowUp() {
    // A huge sigma and a short prompt: gamma S beats a omega from the start and keeps beating it.
    ProblemConfig c = ProblemConfig.of(4, new int[] {2, 2}, 2, 2, 1000.0, 1.0);
    WarmupTimes w = WarmupPredictor.predict(c, Initialisations.paper(c));
    assertTrue(Double.isInfinite(w.blowUp(0)), w.toString());
    assertEquals(0.0, w.relativeTau(0));
  }

  @Test
  void aNonPositiveStartIsRejected() {
    ProblemConfig c = Preset.SMALL.config();
    SpectralState init = SpectralState.of(new double[][] {{1e-3, 1e-3}, {1e-3, 1e-3}},
        new double[][] {{1e-3, -1e-3}, {1e-3, 1e-3}});
    assertThrows(IllegalArgumentException.class, () -> WarmupPredictor.predict(c, init));
  }
}
