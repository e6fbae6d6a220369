package io.github.softmaxicl.theory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The state's validation, indexing and scaling, and the gradient's norm, on a 2×3 example. */
class SpectralStateTest {
  private static final SpectralState S = SpectralState.of(new double[][] {{1, 2, 3}, {4, 5, 6}},
      new double[][] {{-1, 0.5, 7}, {8, 9, 10}});

  @Test
  void nonFiniteEntriesAreRejectedNamingTheEntry() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SpectralState.of(new double[][] {{1, 2}, {3, 4}}, new double[][] {{1, 2}, {Double.NaN, 4}}));
    assertEquals("mu[1][0] is not finite: NaN", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> SpectralState.of(new double[][] {{1, Double.NEGATIVE_INFINITY}}, new double[][] {{1, 2}}));
    assertEquals("omega[0][1] is not finite: -Infinity", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> SpectralState.of(new double[][] {{1, 2}}, new double[][] {{1, 2, 3}}));
    assertEquals("mu row 0 has 3 tasks, expected 2", e.getMessage());
  }

  @Test
  void indicesOutsideTheShapeAreRejectedNamingTheShape() {
    assertEquals(1, S.omega(0, 0));
    assertEquals(6, S.omega(1, 2));
    assertEquals(-1, S.mu(0, 0));
    assertEquals(10, S.mu(1, 2));
    int[][] outside = {{-1, 0}, {2, 0}, {0, -1}, {0, 3}};
    for (int[] at : outside) {
      String message = "(head " + at[0] + ", task " + at[1] + ") outside 2x3";
      assertEquals(message, assertThrows(IndexOutOfBoundsException.class, () -> S.omega(at[0], at[1])).getMessage());
      assertEquals(message, assertThrows(IndexOutOfBoundsException.class, () -> S.mu(at[0], at[1])).getMessage());
    }
  }

  @Test
  void scalingMultipliesEveryEntry() {
    SpectralState k = S.scaled(2.5);
    assertArrayEquals(new double[][] {{2.5, 5, 7.5}, {10, 12.5, 15}}, k.omegaArray());
    assertArrayEquals(new double[][] {{-2.5, 1.25, 17.5}, {20, 22.5, 25}}, k.muArray());
  }

  @Test
  void toStringListsEachHead() {
    assertEquals("SpectralState{head 0: omega=[1.0, 2.0, 3.0] mu=[-1.0, 0.5, 7.0]; "
        + "head 1: omega=[4.0, 5.0, 6.0] mu=[8.0, 9.0, 10.0]}", S.toString());
  }

  @Test
  void gradientNormIsTheEuclideanNormOfAllPartials() {
    // sqrt(3^2 + 4^2 + 12^2 + 0.5^2 + 0^2 + 0^2 + ... ) over omega then mu: 9 + 16 + 144 + 0.25 + 1 + 4 = 174.25.
    SpectralGradient g = new SpectralGradient(0.7, new double[][] {{3, 4}, {0, 0}},
        new double[][] {{12, 0.5}, {-1, 2}});
    assertEquals(Math.sqrt(174.25), g.norm(), Math.ulp(Math.sqrt(174.25)));
    assertEquals(0.7, g.value());
    assertEquals(4, g.dOmega(0, 1));
    assertEquals(-1, g.dMu(1, 0));
  }

  @Test
  void shapeChecksNameTheArrayAndTheRow() {
    ProblemConfig c = ProblemConfig.of(4, new int[] {2, 2}, 2, 10, 0, 1);
    Shapes.requireShape("ok", new double[2][2], c);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Shapes.requireShape("omega", new double[3][2], c));
    assertEquals("omega has 3 head rows, expected 2", e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> Shapes.requireShape("gradMu", new double[][] {{1, 2}, {3}}, c));
    assertEquals("gradMu row 1 has 1 tasks, expected 2", e.getMessage());
  }
}
