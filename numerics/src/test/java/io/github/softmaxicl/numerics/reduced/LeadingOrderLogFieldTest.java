package io.github.softmaxicl.numerics.reduced;

import io.github.softmaxicl.numerics.ReducedFlowFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.BalancedSpectralField;
import io.github.softmaxicl.theory.LeadingOrderFormula;
import io.github.softmaxicl.theory.LeadingOrderLoss;
import io.github.softmaxicl.theory.LossCoefficients;
import io.github.softmaxicl.theory.Preset;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.Real;
import io.github.softmaxicl.theory.SpectralState;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hipparchus.util.FastMath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The allocation-free field against the generic formula within a derived round-off budget, and failures. */
class LeadingOrderLogFieldTest {

  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  /** Unequal blocks 1..20, n = 1..4 tasks, H = n+1..n+3 heads (more heads than tasks), L 20..2000, σ in (0.05, 2]. */
  static ProblemConfig randomConfig(UniformRandomProvider rng) {
    int n = 1 + rng.nextInt(4);
    int[] blocks = new int[n];
    int d = 0;
    for (int i = 0; i < n; i++) {
      blocks[i] = 1 + rng.nextInt(20);
      d += blocks[i];
    }
    int heads = n + 1 + rng.nextInt(3);
    int length = 20 + rng.nextInt(1981);
    double sigma = 0.05 + 1.95 * rng.nextDouble();
    double s2 = 0.5 + 1.5 * rng.nextDouble();
    return ProblemConfig.of(d, blocks, heads, length, sigma, s2);
  }

  /**
   * The fast kernel against the generic formula ({@code LeadingOrderFormula} over doubles, through the theory
   * module's field), on seeded random configurations and states with signs of both kinds, |ω| ≤ 0.5/√d_j and
   * |μ| ≤ 3, log-uniform over 6 decades.
   *
   * <p>Round-off budget. Both evaluate the same operations in the same order; they differ only in exp (FastMath
   * against StrictMath, each within one ulp of the exact value), both in turning y = log|ω|, log|μ| into ω, μ and
   * in E. Each therefore lies within the running error bound {@code ε} of the exact result ({@link RunningError}:
   * the generic formula evaluated with first-order error tracking, starting from ω, μ with one ulp of error), so
   * they differ by at most {@code 2ε}. For dy/dt the rate {@code 2/(√D d_j)} (computed identically by both) and
   * the sign multiply the gradient: the budget is {@code 2 ε·rate} plus one rounding of each product. No
   * empirical slack is added; the bound is first-order in u, which is far below the second-order terms' size here.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void matchesGenericFormulaWithinRoundOffBudget(long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ProblemConfig c = randomConfig(rng);
    int heads = c.heads();
    int n = c.tasks();
    double[][] w = new double[heads][n];
    double[][] m = new double[heads][n];
    List<List<RunningError>> we = new ArrayList<>();
    List<List<RunningError>> me = new ArrayList<>();
    for (int h = 0; h < heads; h++) {
      List<RunningError> rw = new ArrayList<>();
      List<RunningError> rm = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        w[h][j] = (rng.nextBoolean() ? 1 : -1) * 0.5 / FastMath.sqrt(c.blockSize(j))
            * FastMath.pow(10, -6 * rng.nextDouble());
        m[h][j] = (rng.nextBoolean() ? 1 : -1) * 3.0 * FastMath.pow(10, -6 * rng.nextDouble());
        rw.add(new RunningError(w[h][j], 2 * RunningError.U * FastMath.abs(w[h][j])));
        rm.add(new RunningError(m[h][j], 2 * RunningError.U * FastMath.abs(m[h][j])));
      }
      we.add(rw);
      me.add(rm);
    }
    SpectralState s = SpectralState.of(w, m);
    BalancedSpectralField reference = new BalancedSpectralField(new LeadingOrderLoss(c), s);
    LeadingOrderLogField fast = new LeadingOrderLogField(c, s);
    double[] y = reference.toLog(s);
    double[] a = new double[y.length];
    double[] b = new double[y.length];
    double fa = reference.newEvaluator().derivative(y, a);
    double fb = fast.derivative(y, b);
    LeadingOrderFormula<RunningError> budget = LeadingOrderFormula.of(coefficients(c), we, me);
    String where = "seed " + seed + ", " + c;
    assertEquals(fa, fb, 2 * budget.value().error(), "F, " + where);
    double sqrtD = FastMath.sqrt(c.tokenDim());
    int hn = heads * n;
    for (int h = 0; h < heads; h++) {
      for (int j = 0; j < n; j++) {
        int k = h * n + j;
        double rate = 2.0 / (sqrtD * c.blockSize(j));
        double tolOmega = 2 * rate * budget.dOmega(h, j).error() + 2 * RunningError.U * FastMath.abs(a[k]);
        double tolMu = 2 * 2.0 * budget.dMu(h, j).error() + 2 * RunningError.U * FastMath.abs(a[hn + k]);
        assertEquals(a[k], b[k], tolOmega, "d log|omega|/dt (" + h + "," + j + "), " + where);
        assertEquals(a[hn + k], b[hn + k], tolMu, "d log|mu|/dt (" + h + "," + j + "), " + where);
      }
    }
  }

  /** The constants exactly as {@code LossCoefficients.real} computes them, with no error of their own. */
  private static LossCoefficients<RunningError> coefficients(ProblemConfig c) {
    LossCoefficients<Real> real = LossCoefficients.real(c);
    List<RunningError> a = new ArrayList<>();
    List<RunningError> k = new ArrayList<>();
    for (int i = 0; i < c.tasks(); i++) {
      a.add(RunningError.exact(real.signal().get(i).value()));
      k.add(RunningError.exact(real.varianceWeight().get(i).value()));
    }
    return new LossCoefficients<>(c, RunningError.exact(0.0), RunningError.exact(1.0),
        RunningError.exact(real.inverseTasks().value()), a, k);
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

  /**
   * The per-task losses (read by the per-task phase markers) against the theory module's {@code taskLosses}, on
   * the seeded random configurations and states of the field test. Budget: both evaluate the same terms; they
   * differ in exp (FastMath against StrictMath, ≤ 1 ulp each, in ω, μ and in E, whose exponent is ≤ n/4 here) and
   * in summation order at most, so each term of L_i differs by a few ulps and their sums by ≤ (H² + H + 4)·4u of
   * the scale S_i = s² d_i (1 + Σ_h |μ_i^h ω_i^h|)² + (c_i/L) Σ_hg |μ_i^h μ_i^g| E_hg, the sum of the terms'
   * magnitudes (R_i² may cancel, so the budget is on this scale and not on L_i). H ≤ 7 gives ≤ 240u ≈ 5e-14.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void taskLossesMatchTheTheoryModule(long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed + 1000);
    ProblemConfig c = randomConfig(rng);
    int heads = c.heads();
    int n = c.tasks();
    double[][] w = new double[heads][n];
    double[][] m = new double[heads][n];
    for (int h = 0; h < heads; h++) {
      for (int j = 0; j < n; j++) {
        w[h][j] = (rng.nextBoolean() ? 1 : -1) * 0.5 / FastMath.sqrt(c.blockSize(j))
            * FastMath.pow(10, -6 * rng.nextDouble());
        m[h][j] = (rng.nextBoolean() ? 1 : -1) * 3.0 * FastMath.pow(10, -6 * rng.nextDouble());
      }
    }
    SpectralState state = SpectralState.of(w, m);
    BalancedSpectralField field = new BalancedSpectralField(new LeadingOrderLoss(c), state);
    double[] fast = new double[n];
    new LeadingOrderLogField(c, state).taskLosses(field.toLog(state), fast);
    double[] theory = new LeadingOrderLoss(c).taskLosses(state);
    for (int i = 0; i < n; i++) {
      double product = 0;
      for (int h = 0; h < heads; h++) {
        product += FastMath.abs(m[h][i] * w[h][i]);
      }
      double variance = 0;
      for (int h = 0; h < heads; h++) {
        for (int g = 0; g < heads; g++) {
          double q = 0;
          for (int j = 0; j < n; j++) {
            q += c.blockSize(j) * w[h][j] * w[g][j];
          }
          variance += FastMath.abs(m[h][i] * m[g][i]) * FastMath.exp(q);
        }
      }
      double scale = c.s2() * c.blockSize(i) * (1 + product) * (1 + product)
          + c.signalPlusNoise(i) / c.promptLength() * variance;
      double u = FastMath.ulp(1.0) / 2;
      assertEquals(theory[i], fast[i], (heads * heads + heads + 4) * 4 * u * scale, "L_" + i);
    }
  }
}
