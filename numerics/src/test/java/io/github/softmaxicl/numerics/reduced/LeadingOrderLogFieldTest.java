package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.util.FastMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The allocation-free field against the theory module's field, and failures surfacing as exceptions. */
class LeadingOrderLogFieldTest {

  static Stream<Arguments> cases() {
    return LongStream.range(0, 30).mapToObj(seed -> Arguments.of(seed, Preset.values()[(int) (seed % 3)]));
  }

  /**
   * Same formulas, different exp (FastMath vs StrictMath, ≤ 1 ulp each) and summation order: agreement to
   * 1e-12 relative to the largest term (cancellation in R_i = 1 − Σ μω can lose up to ~3 digits near R ≈ 0).
   * Random states with signs of both kinds, |ω| ≤ 0.5, |μ| ≤ 3, log-uniform over 6 decades.
   */
  @ParameterizedTest(name = "seed {0}: {1}")
  @MethodSource("cases")
  void matchesTheoryField(long seed, Preset preset) {
    ProblemConfig c = preset.config();
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    double[][] w = new double[c.heads()][c.tasks()];
    double[][] m = new double[c.heads()][c.tasks()];
    for (int h = 0; h < c.heads(); h++) {
      for (int j = 0; j < c.tasks(); j++) {
        w[h][j] = (rng.nextBoolean() ? 1 : -1) * 0.5 * FastMath.pow(10, -6 * rng.nextDouble());
        m[h][j] = (rng.nextBoolean() ? 1 : -1) * 3.0 * FastMath.pow(10, -6 * rng.nextDouble());
      }
    }
    SpectralState s = SpectralState.of(w, m);
    BalancedSpectralField reference = new BalancedSpectralField(new LeadingOrderLoss(c), s);
    LeadingOrderLogField fast = new LeadingOrderLogField(c, s);
    double[] y = reference.toLog(s);
    double[] a = new double[y.length];
    double[] b = new double[y.length];
    double fa = reference.newEvaluator().derivative(y, a);
    double fb = fast.derivative(y, b);
    assertEquals(fa, fb, 1e-12 * FastMath.abs(fa), "F, seed " + seed);
    double scale = 0;
    for (double v : a) {
      scale = FastMath.max(scale, FastMath.abs(v));
    }
    for (int k = 0; k < y.length; k++) {
      assertEquals(a[k], b[k], 1e-12 * scale, "dy/dt[" + k + "], seed " + seed + ", " + s);
    }
  }

  @Test
  void evaluationLimitIsAFailureWithItsTime() {
    Preset p = Preset.PAPER;
    ReducedFlowFailure e = assertThrows(ReducedFlowFailure.class, () -> ReducedFlowRunner.run(p.config(),
        p.initialState(), p.defaultTEnd(), ReducedFlowOptions.defaults().withMaxEvaluations(2000)));
    assertEquals("evaluations", e.quantity());
    assertTrue(e.time() > 0 && e.time() < p.defaultTEnd(), "failure time " + e.time());
  }

  @Test
  void overflowingLossIsAFailure() {
    ProblemConfig c = Preset.SMALL.config();
    double[][] w = {{30, 30}, {30, 30}};
    double[][] m = {{1, 1}, {1, 1}};
    ReducedFlowFailure e = assertThrows(ReducedFlowFailure.class,
        () -> ReducedFlowRunner.run(c, SpectralState.of(w, m), 10, ReducedFlowOptions.defaults()));
    assertEquals("F", e.quantity());
    assertEquals(0.0, e.time());
  }
}
