package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @org.junit.jupiter.api.Test
  void statesLeavingTheStartsSignsOrReachingZeroAreRefused() {
    ProblemConfig c = ProblemConfig.of(2, new int[] {1, 1}, 2, 10, 0, 1);
    SpectralState start = SpectralState.of(new double[][] {{0.1, -0.2}, {0.3, 0.4}},
        new double[][] {{0.5, 0.6}, {-0.7, 0.8}});
    LeadingOrderLoss loss = new LeadingOrderLoss(c);
    BalancedSpectralField field = new BalancedSpectralField(loss, start);
    assertSame(loss, field.loss());
    double[] y = field.toLog(start);
    assertEquals(Math.log(0.2), y[1], 1e-15);
    assertEquals(Math.log(0.7), y[4 + 2], 1e-15);
    double[][] zeroOmega = {{0.1, 0.0}, {0.3, 0.4}};
    double[][] flippedMu = {{0.5, 0.6}, {0.7, 0.8}};
    for (SpectralState bad : new SpectralState[] {SpectralState.of(zeroOmega, start.muArray()),
        SpectralState.of(start.omegaArray(), flippedMu)}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> field.toLog(bad));
      assertTrue(e.getMessage().startsWith("state has a sign or zero different from the start"), e.getMessage());
    }
    double[][] zeroMu = {{0.5, 0.6}, {-0.7, 0.0}};
    assertThrows(IllegalArgumentException.class, () -> field.toLog(SpectralState.of(start.omegaArray(), zeroMu)));
    BalancedSpectralField.Evaluator ev = field.newEvaluator();
    assertEquals(0, ev.evaluations());
    double[] yDot = new double[8];
    ev.derivative(y, yDot);
    ev.derivative(y, yDot);
    assertEquals(2, ev.evaluations());
  }
}
