package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import org.ejml.data.DMatrixRMaj;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Matrix-form init and spectral read-out are inverse to each other; init_scale k scales ω and μ by k. */
class SpectralReadoutTest {
  private static final ProblemConfig C = ProblemConfig.of(7, new int[] {3, 4}, 3, 20, 0.0, 1.0);

  static Stream<Long> seeds() {
    return Stream.of(1L, 2L, 3L, 4L, 5L);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void readoutInvertsDecomposableInit(long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    double[][] omega = new double[3][2];
    double[][] mu = new double[3][2];
    for (int h = 0; h < 3; h++) {
      for (int j = 0; j < 2; j++) {
        omega[h][j] = (rng.nextDouble() - 0.3) * 0.8; // both signs
        mu[h][j] = (rng.nextDouble() - 0.3) * 4;
      }
    }
    SpectralState s = SpectralState.of(omega, mu);
    SpectralReadout r = SpectralReadout.of(AttentionWeights.decomposable(C, s));
    for (int h = 0; h < 3; h++) {
      for (int j = 0; j < 2; j++) {
        // ω = (sqrt(|ω|√D))² / √D and μ = sqrt(|μ|)²: a few roundings, relative error ≲ 4u.
        assertEquals(omega[h][j], r.state().omega(h, j), 1e-15 * Math.abs(omega[h][j]), "seed " + seed);
        assertEquals(mu[h][j], r.state().mu(h, j), 1e-15 * Math.abs(mu[h][j]), "seed " + seed);
      }
    }
    assertEquals(0.0, r.offStructureNorm(), 0.0);
    assertEquals(0.0, r.withinBlockDeviation(), 1e-15);
  }

  @Test
  void initScaleMultipliesOmegaAndMuByK() {
    double k = 30;
    SpectralState base = SpectralReadout.of(AttentionWeights.paperInit(C, 1)).state();
    SpectralState scaled = SpectralReadout.of(AttentionWeights.paperInit(C, k)).state();
    SpectralState paper = Initialisations.paper(C);
    for (int h = 0; h < 3; h++) {
      for (int j = 0; j < 2; j++) {
        assertEquals(paper.omega(h, j), base.omega(h, j), 1e-15 * paper.omega(h, j));
        assertEquals(k * base.omega(h, j), scaled.omega(h, j), 1e-14 * scaled.omega(h, j));
        assertEquals(k * base.mu(h, j), scaled.mu(h, j), 1e-14 * scaled.mu(h, j));
      }
    }
  }

  @Test
  void perturbationLeavesTheDecomposableSet() {
    AttentionWeights w = AttentionWeights.paperInit(C, 100).perturbed(1e-3, 9L);
    SpectralReadout r = SpectralReadout.of(w);
    assertTrue(r.offStructureNorm() > 1e-3, "perturbed off-structure norm " + r.offStructureNorm());
  }

  /**
   * Hand-made weights whose W = KᵀQ/√D and U = OV are known exactly: D = 16 (d = 14, blocks 6 and 8, n = 2), so
   * with K = 4 I and Q = M, W = (4 M)/4 = M bit for bit (powers of two), and V = I, O = N give U = N. M: block 1
   * diagonal 1, 2, 3, 2, 2, 2 (ω_1 = 2, within-block deviation 1 + 0 + 1) plus an in-block entry 0.5 (within
   * 0.25); block 2 diagonal 4 (ω_2 = 4, no deviation); a cross-block entry 0.25 and entries in the y rows and
   * columns (0.75 at (14, 14), 0.5 at (2, 15), 0.125 at (15, 1)), all off-structure. N: μ_1 = 1.5, μ_2 = 2 and off
   * entries 0.5 at (1, 1) and 0.25 at (2, 15). Then relW = √(off / all), relU likewise, within = √(within / all),
   * with the sums of squares written out below (exact: short binary fractions). Budget: one division and one
   * square root, 1e-15 absolute on values below 1.
   */
  @Test
  void structureNormsOfHandMadeWeights() {
    ProblemConfig c = ProblemConfig.of(14, new int[] {6, 8}, 1, 20, 0.0, 1.0);
    int dd = c.tokenDim();
    assertEquals(16, dd);
    DMatrixRMaj m = new DMatrixRMaj(dd, dd);
    double[] diag1 = {1, 2, 3, 2, 2, 2};
    for (int i = 0; i < 6; i++) {
      m.set(i, i, diag1[i]);
    }
    m.set(0, 1, 0.5);
    for (int i = 6; i < 14; i++) {
      m.set(i, i, 4);
    }
    m.set(0, 6, 0.25);
    m.set(14, 14, 0.75);
    m.set(2, 15, 0.5);
    m.set(15, 1, 0.125);
    DMatrixRMaj k = new DMatrixRMaj(dd, dd);
    DMatrixRMaj v = new DMatrixRMaj(dd, dd);
    for (int i = 0; i < dd; i++) {
      k.set(i, i, 4);
      v.set(i, i, 1);
    }
    DMatrixRMaj o = new DMatrixRMaj(2, dd);
    o.set(0, 14, 1.5);
    o.set(1, 15, 2);
    o.set(0, 0, 0.5);
    o.set(1, 14, 0.25);
    SpectralReadout r = SpectralReadout.of(AttentionWeights.of(c, new DMatrixRMaj[] {m}, new DMatrixRMaj[] {k},
        new DMatrixRMaj[] {v}, new DMatrixRMaj[] {o}));
    assertEquals(2.0, r.state().omega(0, 0), 0.0, "W = M exactly");
    assertEquals(4.0, r.state().omega(0, 1), 0.0);
    assertEquals(1.5, r.state().mu(0, 0), 0.0);
    assertEquals(2.0, r.state().mu(0, 1), 0.0);
    double wOff = 0.25 * 0.25 + 0.75 * 0.75 + 0.5 * 0.5 + 0.125 * 0.125;
    double wWithin = 1 + 0 + 1 + 0.5 * 0.5;
    double wAll = 1 + 4 + 9 + 3 * 4 + 0.25 + 8 * 16 + wOff;
    double uOff = 0.5 * 0.5 + 0.25 * 0.25;
    double uAll = 1.5 * 1.5 + 4 + uOff;
    assertEquals(Math.sqrt(wOff / wAll), r.offStructureW(), 1e-15);
    assertEquals(Math.sqrt(uOff / uAll), r.offStructureU(), 1e-15);
    assertEquals(Math.max(r.offStructureW(), r.offStructureU()), r.offStructureNorm(), 0.0);
    assertEquals(Math.sqrt(wWithin / wAll), r.withinBlockDeviation(), 1e-15);
    // all-zero weights: no norm to compare with, every relative norm is 0 (not 0/0)
    SpectralReadout zero = SpectralReadout.of(AttentionWeights.zeros(c));
    assertEquals(0.0, zero.offStructureW(), 0.0);
    assertEquals(0.0, zero.offStructureU(), 0.0);
    assertEquals(0.0, zero.withinBlockDeviation(), 0.0);
  }
}
