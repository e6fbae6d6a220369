package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Analytic gradients of both reduced losses against central finite differences at seeded random states. */
class GradientTest {
  static LongStream seeds() {
    return LongStream.range(1, 61);
  }

  @ParameterizedTest(name = "leading order, seed {0}")
  @MethodSource("seeds")
  void leadingOrderGradientMatchesFiniteDifferences(long seed) {
    ProblemConfig c = RandomCases.config(seed);
    check(seed, c, new LeadingOrderLoss(c), RandomCases.state(c, seed));
  }

  @ParameterizedTest(name = "refined, seed {0}")
  @MethodSource("seeds")
  void refinedGradientMatchesFiniteDifferences(long seed) {
    ProblemConfig c = RandomCases.config(seed);
    check(seed, c, new RefinedLoss(c), RandomCases.state(c, seed));
  }

  /**
   * Central differences with step h = 1e-5·max(1, |x|): truncation error h²|F'''|/6 ≈ 1e-11 (|F'''| = O(10) on
   * these states), round-off ≈ ε|F|/h ≈ 2e-16·F/1e-5 ≈ 2e-11·F. Both are far below the 1e-6 relative
   * tolerance, measured against the gradient's norm so that components near zero are held to the same scale.
   */
  static void check(long seed, ProblemConfig c, ReducedLoss loss, SpectralState s) {
    SpectralGradient g = loss.gradient(s);
    double scale = Math.max(g.norm(), 1e-3 * Math.abs(g.value()));
    for (int h = 0; h < c.heads(); h++) {
      for (int j = 0; j < c.tasks(); j++) {
        final int hh = h;
        final int jj = j;
        double fdW = centralDifference(s.omega(h, j),
            x -> loss.value(with(s, hh, jj, x, true)));
        double fdM = centralDifference(s.mu(h, j),
            x -> loss.value(with(s, hh, jj, x, false)));
        String where = " seed=" + seed + " config=" + c + " head=" + h + " task=" + j;
        assertTrue(Math.abs(fdW - g.dOmega(h, j)) <= 1e-6 * scale,
            "dF/domega analytic " + g.dOmega(h, j) + " vs FD " + fdW + where);
        assertTrue(Math.abs(fdM - g.dMu(h, j)) <= 1e-6 * scale,
            "dF/dmu analytic " + g.dMu(h, j) + " vs FD " + fdM + where);
      }
    }
  }

  static double centralDifference(double x, Function<Double, Double> f) {
    double h = 1e-5 * Math.max(1.0, Math.abs(x));
    return (f.apply(x + h) - f.apply(x - h)) / (2 * h);
  }

  static SpectralState with(SpectralState s, int h, int j, double value, boolean omega) {
    double[][] w = s.omegaArray();
    double[][] m = s.muArray();
    if (omega) {
      w[h][j] = value;
    } else {
      m[h][j] = value;
    }
    return SpectralState.of(w, m);
  }
}
