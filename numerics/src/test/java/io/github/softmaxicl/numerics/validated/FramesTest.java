package io.github.softmaxicl.numerics.validated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.softmaxicl.theory.interval.Interval;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The moving frame: Q of a QR factorisation is orthogonal and spans M's first column; Q⁻¹ is enclosed. */
class FramesTest {
  private static double[][] random(int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] m = new double[n][n];
    for (double[] row : m) {
      for (int j = 0; j < n; j++) {
        row[j] = rng.nextDouble(-1, 1);
      }
    }
    return m;
  }

  /**
   * QᵀQ = I to round-off (budget: n Householder reflections, each within a few ulps: 1e-14 for n ≤ 18), and the
   * first column of Q is parallel to M's first column (Q R = M with R upper triangular), which is what puts the
   * most stretched direction first.
   */
  @Test
  void orthogonalFactorIsOrthogonalAndFollowsTheFirstColumn() {
    for (int n : new int[] {1, 2, 8, 18}) {
      double[][] m = random(n, n);
      double[][] q = Frames.orthogonalFactor(m);
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          double s = 0;
          for (int l = 0; l < n; l++) {
            s += q[l][i] * q[l][j];
          }
          assertEquals(i == j ? 1.0 : 0.0, s, 1e-14, "n = " + n + " (" + i + "," + j + ")");
        }
      }
      double norm = 0;
      double dot = 0;
      for (int i = 0; i < n; i++) {
        norm += m[i][0] * m[i][0];
        dot += q[i][0] * m[i][0];
      }
      assertEquals(Math.sqrt(norm), Math.abs(dot), 1e-13 * Math.sqrt(norm), "n = " + n);
    }
  }

  /**
   * Qᵀ M is upper triangular (M = Q R): every entry below the diagonal vanishes to round-off. This needs the
   * reflections after the first to act on the updated columns of R, which the first-column test does not see.
   * Budget: each entry of Qᵀ M is a sum of n products of entries ≤ 1 in size (|Q| ≤ 1, |M| ≤ 1), after n
   * reflections of a few ulps each: 1e-13 for n ≤ 8. A zero column is skipped (no reflection), and the rest is
   * still triangularised.
   */
  @Test
  void orthogonalFactorTriangularisesTheMatrix() {
    for (int n : new int[] {3, 8}) {
      double[][] m = random(n, 7);
      if (n == 3) {
        m[0][0] = -0.5; // a negative pivot takes the other sign of the reflection
        m[1][1] = 0.9;
      }
      assertTriangular(m, Frames.orthogonalFactor(m));
    }
    double[][] zeroColumn = random(4, 11);
    for (double[] row : zeroColumn) {
      row[0] = 0;
    }
    assertTriangular(zeroColumn, Frames.orthogonalFactor(zeroColumn));
    // columns already almost along the axes (positive and negative pivots): the reflection's sign must be the
    // one that avoids cancellation in r_kk − α, else the reflection is computed from round-off and does not
    // triangularise
    double[][] nearAxes = {{1, 0.3, 0.2}, {1e-9, -1, 0.1}, {-1e-9, 1e-9, 1}};
    assertTriangular(nearAxes, Frames.orthogonalFactor(nearAxes));
  }

  private static void assertTriangular(double[][] m, double[][] q) {
    int n = m.length;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        double s = 0;
        for (int l = 0; l < n; l++) {
          s += q[l][i] * m[l][j];
        }
        assertEquals(0.0, s, 1e-13, "n = " + n + " (" + i + "," + j + ")");
      }
    }
  }

  /** Q · enclosure(Q⁻¹) contains I (a rigorous consequence of the enclosure), and a skewed matrix is refused. */
  @Test
  void inverseEnclosureContainsTheInverseAndRefusesNonOrthogonalMatrices() {
    int n = 8;
    double[][] q = Frames.orthogonalFactor(random(n, 3));
    Interval[][] inv = Frames.inverseEnclosure(q);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        Interval s = Interval.ZERO;
        for (int l = 0; l < n; l++) {
          s = s.add(Interval.point(q[i][l]).multiply(inv[l][j]));
        }
        assertTrue(s.contains(i == j ? 1.0 : 0.0), "(" + i + "," + j + "): " + s);
      }
    }
    double[][] skew = {{1, 0.6}, {0, 1}};
    assertThrows(ArithmeticException.class, () -> Frames.inverseEnclosure(skew));
  }
}
