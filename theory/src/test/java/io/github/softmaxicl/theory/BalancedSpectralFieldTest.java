package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The log-coordinate field is the chain rule of the plain balanced flow of MODEL.md §5. */
class BalancedSpectralFieldTest {
  static LongStream seeds() {
    return LongStream.range(300, 330);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void logFieldIsChainRuleOfPlainVelocity(long seed) {
    ProblemConfig c = RandomCases.config(seed);
    SpectralState s = RandomCases.state(c, seed);
    BalancedSpectralField field = new BalancedSpectralField(new LeadingOrderLoss(c), s);
    double[] y = field.toLog(s);
    double[] yDot = new double[field.dimension()];
    double f = field.newEvaluator().derivative(y, yDot);
    SpectralState v = field.velocity(s);
    int hn = c.heads() * c.tasks();
    // Round trip exp(log|x|) and the product with the velocity: a few ulps, 1e-13 relative.
    for (int h = 0; h < c.heads(); h++) {
      for (int j = 0; j < c.tasks(); j++) {
        double wDot = yDot[h * c.tasks() + j] * s.omega(h, j);
        double mDot = yDot[hn + h * c.tasks() + j] * s.mu(h, j);
        assertEquals(v.omega(h, j), wDot, 1e-13 * (Math.abs(v.omega(h, j)) + 1e-300), "seed " + seed);
        assertEquals(v.mu(h, j), mDot, 1e-13 * (Math.abs(v.mu(h, j)) + 1e-300), "seed " + seed);
      }
    }
    // F at exp(log|x|) differs from F at x by the round trip's ~1 ulp per entry: 1e-13 relative.
    double fs = new LeadingOrderLoss(c).value(s);
    assertEquals(fs, f, 1e-13 * Math.abs(fs));
    SpectralState back = field.fromLog(y);
    assertEquals(s.mu(0, 0), back.mu(0, 0), 1e-15 * Math.abs(s.mu(0, 0)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void velocityIsMinusPreconditionedGradient(long seed) {
    // dω/dt = −(2|ω|/(√D d_j)) ∂F/∂ω: the flow decreases F at rate Σ (2|ω|/(√D d_j)) (∂F/∂ω)² + 2|μ| (∂F/∂μ)².
    ProblemConfig c = RandomCases.config(seed);
    SpectralState s = RandomCases.state(c, seed);
    LeadingOrderLoss loss = new LeadingOrderLoss(c);
    BalancedSpectralField field = new BalancedSpectralField(loss, s);
    SpectralGradient g = loss.gradient(s);
    SpectralState v = field.velocity(s);
    double dFdt = 0;
    double expected = 0;
    for (int h = 0; h < c.heads(); h++) {
      for (int j = 0; j < c.tasks(); j++) {
        dFdt += g.dOmega(h, j) * v.omega(h, j) + g.dMu(h, j) * v.mu(h, j);
        expected -= 2 * Math.abs(s.omega(h, j)) / (Math.sqrt(c.tokenDim()) * c.blockSize(j)) * g.dOmega(h, j)
            * g.dOmega(h, j) + 2 * Math.abs(s.mu(h, j)) * g.dMu(h, j) * g.dMu(h, j);
      }
    }
    assertEquals(expected, dFdt, 1e-12 * Math.abs(expected));
  }

  @org.junit.jupiter.api.Test
  void zeroStartIsRefused() {
    ProblemConfig c = Preset.SMALL.config();
    assertThrows(IllegalArgumentException.class,
        () -> new BalancedSpectralField(new LeadingOrderLoss(c), ClosedForms.limit(c)));
  }
}
