package io.github.softmaxicl.numerics.reduced;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The tail's own LU decomposition ({@link LinearlyImplicitExtrapolation.Lu}) on small integer systems whose solution
 * is known exactly, independently of the integrator: the flow's iteration matrices I − (h/m)J are close to the
 * identity on short steps and never need a row exchange there, so the integrator tests alone do not show a wrong
 * pivot or a wrong index. Microseconds; PIT runs these first for every mutant of the class.
 */
class LinearlyImplicitExtrapolationLuTest {
  /** Unit round-off. */
  private static final double U = 0x1p-53;

  /**
   * A zero on the diagonal at every elimination step unless rows are exchanged, and entries of different sizes so
   * the largest pivot is a definite row: factoring without (or with a wrong) partial pivoting divides by zero or
   * takes a different row.
   */
  private static final double[][] A = {
      {0, 2, 1, 3},
      {4, 1, 0, 2},
      {1, 0, 3, 1},
      {2, 5, 1, 0}};
  /** Integer solution: b = A·x is exact in double arithmetic (integers below 2^53). */
  private static final double[] X = {1, -2, 3, 4};

  private static LinearlyImplicitExtrapolation.Lu factored(double[][] a) {
    int n = a.length;
    LinearlyImplicitExtrapolation.Lu lu = new LinearlyImplicitExtrapolation.Lu(n);
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, lu.matrix, i * n, n);
    }
    assertTrue(lu.factor(), "non-singular");
    return lu;
  }

  private static double[] times(double[][] a, double[] x) {
    double[] b = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < x.length; j++) {
        b[i] += a[i][j] * x[j];
      }
    }
    return b;
  }

  /**
   * Error budget: Gaussian elimination with partial pivoting is backward stable, (A + E)x̂ = b with
   * |E| ≤ γ_{3n}|L||U| (Higham, Accuracy and Stability, Thm 9.4), and partial pivoting keeps |l_ij| ≤ 1 and the
   * entries of U within 2^{n−1} max|a_ij| (growth factor), so ‖b − A x̂‖_∞ ≤ γ_{3n}·n·2^{n−1}·max|a_ij|·n·‖x̂‖_∞;
   * for n = 4, max|a_ij| = 5, ‖x̂‖ ≈ 4: ≈ 1.4e-12 (evaluating the residual adds ≤ γ_n‖A‖_∞‖x̂‖_∞ ≈ 2e-14 more, inside
   * it). A wrong index, pivot or sign in the factorisation or in the two substitutions leaves a residual of order 1.
   */
  @Test
  void solvesASystemThatNeedsRowExchanges() {
    int n = A.length;
    LinearlyImplicitExtrapolation.Lu lu = factored(A);
    double[] b = times(A, X);
    double[] bCopy = b.clone();
    double[] x = new double[n];
    lu.solve(b, x);
    assertArrayEquals(bCopy, b, 0.0, "b is not changed");
    double gamma = 3 * n * U / (1 - 3 * n * U);
    double xNorm = 0;
    for (double v : x) {
      xNorm = Math.max(xNorm, Math.abs(v));
    }
    double bound = gamma * n * Math.pow(2, n - 1) * 5 * n * xNorm;
    double[] r = times(A, x);
    for (int i = 0; i < n; i++) {
      assertEquals(b[i], r[i], bound, "residual, row " + i);
    }
    // The same system solved again from the same factors (solve does not overwrite them), with a second right-hand
    // side: the factors are reusable, as the integrator reuses them for every substep of a table row.
    double[] y = {-3, 0.5, 2, 1};
    double[] c = times(A, y);
    double[] z = new double[n];
    lu.solve(c, z);
    double[] rz = times(A, z);
    for (int i = 0; i < n; i++) {
      assertEquals(c[i], rz[i], bound, "second right-hand side, row " + i);
    }
  }

  /**
   * The pivots partial pivoting must choose here are forced by the matrix: column 0's largest entry is row 1's 4,
   * so the first row of U is (4, 1, 0, 2) exactly, and the multipliers below it are 0, 1/4, 2/4 (exact). Checked on
   * the stored factors (row-major, L below the diagonal without its unit diagonal).
   */
  @Test
  void theFirstPivotIsTheLargestEntryOfItsColumn() {
    LinearlyImplicitExtrapolation.Lu lu = factored(A);
    assertArrayEquals(new double[] {4, 1, 0, 2}, java.util.Arrays.copyOfRange(lu.matrix, 0, 4), 0.0);
    // Column 0 of L: the rows after the exchange are (0 2 1 3) in place of row 1, then (1 0 3 1), (2 5 1 0). The
    // later exchanges permute these rows again, so the multiplier set {0, 1/4, 1/2} is what is fixed.
    double[] l = {lu.matrix[4], lu.matrix[8], lu.matrix[12]};
    java.util.Arrays.sort(l);
    assertArrayEquals(new double[] {0, 0.25, 0.5}, l, 0.0);
  }

  /** A matrix with two proportional rows has an exactly zero pivot in exact and in double arithmetic: refused. */
  @Test
  void aSingularMatrixIsRefused() {
    LinearlyImplicitExtrapolation.Lu lu = new LinearlyImplicitExtrapolation.Lu(2);
    System.arraycopy(new double[] {1, 2, 2, 4}, 0, lu.matrix, 0, 4);
    assertFalse(lu.factor());
  }

  /** The identity (the iteration matrix of a zero step) is its own factorisation: x = b exactly. */
  @Test
  void theIdentitySolvesExactly() {
    double[][] id = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    LinearlyImplicitExtrapolation.Lu lu = factored(id);
    double[] b = {0.1, -7.5, 3e-300};
    double[] x = new double[3];
    lu.solve(b, x);
    assertArrayEquals(b, x, 0.0);
  }
}
