package io.github.softmaxicl.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.SpectralState;
import org.junit.jupiter.api.Test;

/**
 * The small value types of the top-level package report what they were given: a trajectory sample's shape and
 * spectral entries, a reduced-flow failure's time and quantity, a dynamics' identifier in run records.
 */
class NumericsValuesTest {
  @Test
  void trajectorySampleReportsItsState() {
    double[][] omega = {{0.1, 0.2, 0.3}, {0.4, 0.5, 0.6}};
    double[][] mu = {{1.1, 1.2, 1.3}, {1.4, 1.5, 1.6}};
    TrajectorySample s = TrajectorySample.full(2.5, 0.75, SpectralState.of(omega, mu), 0.01);
    assertEquals(2, s.heads());
    assertEquals(3, s.tasks());
    assertEquals(0.6, s.omega(1, 2));
    assertEquals(1.2, s.mu(0, 1));
    assertArrayEquals(omega, s.omegaArray());
    assertArrayEquals(mu, s.muArray());
    assertEquals(0.01, s.offStructureNorm().getAsDouble());
    assertTrue(TrajectorySample.reduced(1, 1, SpectralState.of(omega, mu)).offStructureNorm().isEmpty());
  }

  @Test
  void reducedFlowFailureCarriesTimeAndQuantity() {
    Throwable cause = new ArithmeticException("x");
    ReducedFlowFailure f = new ReducedFlowFailure(12.5, "mu[1][0]", "not finite", cause);
    assertEquals(12.5, f.time());
    assertEquals("mu[1][0]", f.quantity());
    assertSame(cause, f.getCause());
    assertEquals("reduced flow failed at t = 12.5 (mu[1][0]): not finite", f.getMessage());
  }

  @Test
  void dynamicsIdsAreLowerCaseNames() {
    assertEquals("reduced", Dynamics.REDUCED.id());
    assertEquals("full", Dynamics.FULL.id());
    assertEquals("sgd", Dynamics.SGD.id());
  }
}
