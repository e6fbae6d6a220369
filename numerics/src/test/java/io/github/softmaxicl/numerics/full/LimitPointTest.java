package io.github.softmaxicl.numerics.full;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.softmaxicl.theory.ClosedForms;
import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import org.junit.jupiter.api.Test;

/** The limit point carries the closed forms it is built from, and its spectral state puts them where asked. */
class LimitPointTest {
  private static final ProblemConfig C = ProblemConfig.of(5, new int[] {2, 3}, 3, 20, 0.2, 1.0);

  @Test
  void closedFormsAndStateLayout() {
    LimitPoint limit = LimitPoint.of(C);
    assertEquals(ClosedForms.fStar(C), limit.fStar());
    for (int i = 0; i < 2; i++) {
      assertEquals(1 / Math.sqrt(C.blockSize(i)), limit.omegaStar(i), 1e-16, "ω* = 1/√d_i");
      assertEquals(ClosedForms.muStar(C, i), limit.muStar(i));
      assertEquals(limit.muStar(i), limit.muStar()[i]);
      assertEquals(ClosedForms.offTaskSlope(C, i), limit.saddleCoefficient(i));
    }
    // task 1 on head 3, task 2 on head 1, everything else 0.25
    SpectralState s = limit.state(new int[] {2, 0}, 0.25);
    for (int h = 0; h < 3; h++) {
      for (int i = 0; i < 2; i++) {
        boolean served = h == (i == 0 ? 2 : 0);
        assertEquals(served ? limit.omegaStar(i) : 0.25, s.omega(h, i), "head " + h + " task " + i);
        assertEquals(served ? limit.muStar(i) : 0.25, s.mu(h, i), "head " + h + " task " + i);
      }
    }
    assertThrows(IllegalArgumentException.class, () -> limit.state(new int[] {0}, 0));
  }
}
