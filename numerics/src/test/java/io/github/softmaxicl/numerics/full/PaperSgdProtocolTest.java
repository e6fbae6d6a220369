package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.numerics.TrajectorySample;
import io.github.softmaxicl.numerics.reduced.ReducedFlowOptions;
import io.github.softmaxicl.numerics.reduced.ReducedFlowRunner;
import io.github.softmaxicl.numerics.reduced.ReducedRun;
import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link PaperSgdProtocol} on {@code small} with a few steps of batch 8, against the pieces it is made of: the SGD
 * run is {@link StochasticGradientDescent#runDetailed} with the protocol's settings (bit for bit), the spreads are
 * {@link GradientNoise}'s largest over heads, and the achieved walk is 2 σ √(Σ η²/B) up to the first half-signal
 * time. The reference handed in is a reduced flow from the paper init scaled by 400 (emergence at t ≈ 0.53), so
 * that the protocol's time bound 2 t_e ends the run within its 40 steps (η ≤ 0.1, about 11 steps).
 */
class PaperSgdProtocolTest {
  private static final Preset P = Preset.SMALL;
  private static final ProblemConfig C = P.config();

  @Test
  void theProtocolIsItsSgdRunAndItsNoiseMeasurements() {
    AdaptiveStep step = AdaptiveStep.of(0.05, 0.1, 1.05, 1.0);
    PaperSgdProtocol protocol = PaperSgdProtocol.of(P, 8, step, 5, 40);
    assertSame(P, protocol.preset());
    assertEquals(8, protocol.batch());
    assertSame(step, protocol.step());
    ReducedRun reduced = ReducedFlowRunner.run(C, Initialisations.paper(C, 400), 2, ReducedFlowOptions.defaults());
    double te = reduced.markers().emergenceEnd();
    assertTrue(te > 0 && te < 1, "reduced t_e " + te);
    long seed = 12L;
    PaperSgdProtocol.Result r = protocol.run(seed, 1, reduced, Progress.NONE);
    SgdRun sgd;
    GradientNoise plain;
    GradientNoise cv;
    AttentionWeights start = AttentionWeights.paperInit(C, 1);
    try (FullModel m = new FullModel(C, 1)) {
      plain = GradientNoise.measure(m, start, Seeds.derive(seed, -3), 1000, false);
      cv = GradientNoise.measure(m, start, Seeds.derive(seed, -3), 1000, true);
      sgd = StochasticGradientDescent.runDetailed(m, start, seed, new StochasticGradientDescent.Options().batch(8)
          .adaptive(step).controlVariate(true).steps(40).recordEvery(5).freshPrompts(10_000).stopAtEmergence(true)
          .stopAfterHalfSignal(0.03).tEnd(2 * te));
    }
    List<TrajectorySample> a = sgd.run().trajectory();
    List<TrajectorySample> b = r.sgd().run().trajectory();
    assertEquals(a.size(), b.size());
    for (int s = 0; s < a.size(); s++) {
      assertEquals(a.get(s).t(), b.get(s).t());
      assertEquals(a.get(s).loss(), b.get(s).loss());
    }
    assertEquals(sgd.steps(), r.sgd().steps());
    assertEquals(sgd.run().fFresh(), r.sgd().run().fFresh());
    assertTrue(r.sgd().controlVariate());
    System.out.printf("protocol: %d steps to t = %.4f (2 t_e = %.4f), half-signal %s%n", sgd.steps(),
        sgd.run().tEnd(), 2 * te, java.util.Arrays.toString(r.halfSignalTimes()));
    assertEquals(2 * te, r.sgd().run().tEnd(), "the time bound 2 t_e ends the run");
    assertTrue(r.sgd().steps() < 40);
    assertSame(reduced, r.reduced());
    double[] half = RunAnalysis.halfSignalTimes(b, C);
    assertArrayEquals(half, r.halfSignalTimes());
    double warmEnd = Double.POSITIVE_INFINITY;
    for (double t : half) {
      if (!Double.isNaN(t)) {
        warmEnd = Math.min(warmEnd, t);
      }
    }
    double walk = Math.sqrt(r.sgd().sumEtaSquaredOverBatchUpTo(warmEnd));
    for (int i = 0; i < C.tasks(); i++) {
      double sp = Math.max(plain.muGradientSd(0, i), plain.muGradientSd(1, i));
      double scv = Math.max(cv.muGradientSd(0, i), cv.muGradientSd(1, i));
      assertEquals(sp, r.sigmaPlain()[i]);
      assertEquals(scv, r.sigmaControlVariate()[i]);
      assertEquals(2 * scv * walk, r.deltaAchieved()[i]);
      assertEquals(2 * sp * walk, r.deltaWithoutControlVariate()[i]);
    }
    assertEquals(1_000_000L * 10_000L, r.authorsPrompts());
    assertEquals(r.sgd().run().prompts(), r.prompts());
    assertEquals(8L * r.sgd().steps(), r.prompts());
  }

  @Test
  void theReferenceIsTheReducedFlowFromThePresetsPaperInitToItsDefaultEnd() {
    ReducedRun expected = ReducedFlowRunner.run(C, P.initialState(), P.defaultTEnd(), ReducedFlowOptions.defaults());
    ReducedRun got = PaperSgdProtocol.of(P, 8, AdaptiveStep.of(0.05, 0.1, 1.05, 1.0), 5, 40).reference();
    assertEquals(expected.markers().emergenceEnd(), got.markers().emergenceEnd());
    assertEquals(expected.trajectory().size(), got.trajectory().size());
    assertEquals(P.defaultTEnd(), got.trajectory().get(got.trajectory().size() - 1).t());
  }

  @Test
  void theResultCopiesItsArrays() {
    double[] x = {1, 2};
    ReducedRun reduced = ReducedFlowRunner.run(C, Initialisations.paper(C, 30), 1, ReducedFlowOptions.defaults());
    SgdRun sgd;
    try (FullModel m = new FullModel(C, 1)) {
      sgd = StochasticGradientDescent.runDetailed(m, AttentionWeights.paperInit(C, 1), 1L,
          new StochasticGradientDescent.Options().batch(2).steps(1).freshPrompts(2));
    }
    double[][] arrays = {x.clone(), x.clone(), x.clone(), x.clone(), x.clone()};
    PaperSgdProtocol.Result r = new PaperSgdProtocol.Result(sgd, reduced, arrays[0], arrays[1], arrays[2], arrays[3],
        arrays[4], 7L);
    for (double[] a : arrays) {
      a[0] = 99;
    }
    assertEquals(1.0, r.halfSignalTimes()[0]);
    assertEquals(1.0, r.sigmaPlain()[0]);
    assertEquals(1.0, r.sigmaControlVariate()[0]);
    assertEquals(1.0, r.deltaAchieved()[0]);
    assertEquals(1.0, r.deltaWithoutControlVariate()[0]);
  }
}
