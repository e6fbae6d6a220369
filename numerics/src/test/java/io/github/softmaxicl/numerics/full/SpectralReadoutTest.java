package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.Initialisations;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
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
}
