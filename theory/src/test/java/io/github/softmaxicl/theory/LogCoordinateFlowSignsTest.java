package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The signs the flow keeps are the start's own. Flipping every sign at once is a symmetry of F (it depends on
 * μ_i^h ω_i^h, μμ' and ωω' only), so the field and the loss cannot tell a flow that inverted them; the signs it
 * reports, which callers use to turn log coordinates back into ω and μ, can.
 */
class LogCoordinateFlowSignsTest {
  @Test
  void theFlowKeepsTheStartsSigns() {
    ProblemConfig c = Preset.SMALL.config();
    SpectralState start = SpectralState.of(new double[][] {{0.1, -0.2}, {-0.3, 0.4}},
        new double[][] {{-1.0, 2.0}, {3.0, -4.0}});
    LogCoordinateFlow<Real> flow = LogCoordinateFlow.real(c, start);
    for (int h = 0; h < 2; h++) {
      for (int j = 0; j < 2; j++) {
        assertEquals(Math.signum(start.omega(h, j)), flow.omegaSign(h, j), "omega " + h + j);
        assertEquals(Math.signum(start.mu(h, j)), flow.muSign(h, j), "mu " + h + j);
      }
    }
    assertEquals(c, flow.coefficients().config());
    assertEquals(8, flow.dimension());
  }
}
