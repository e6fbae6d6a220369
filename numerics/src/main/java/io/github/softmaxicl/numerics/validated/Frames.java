package io.github.softmaxicl.numerics.validated;

import io.github.softmaxicl.theory.interval.Interval;

/**
 * The moving orthogonal frame of Lohner's QR method: a floating-point orthogonal factor, and an interval
 * enclosure of its inverse. The factor need not be exactly orthogonal; only the enclosure of its inverse must be
 * rigorous, and it is: with {@code C = Qᵀ} and {@code E = I − C Q} enclosed in intervals, if
 * {@code e = ‖E‖_∞ < 1} then {@code Q⁻¹ = (I − E)⁻¹ C = C + Σ_{k≥1} E^k C}, whose every entry differs from C's
 * by at most {@code ‖Σ_{k≥1} E^k C‖_∞ ≤ e ‖C‖_∞ / (1 − e)}.
 */
final class Frames {
  private Frames() {}

  /** Q of a Householder QR factorisation {@code M = Q R} (Q as the product of the reflections). */
  static double[][] orthogonalFactor(double[][] m) {
    int n = m.length;
    double[][] r = new double[n][];
    double[][] q = new double[n][n];
    for (int i = 0; i < n; i++) {
      r[i] = m[i].clone();
      q[i][i] = 1.0;
    }
    for (int k = 0; k < n - 1; k++) {
      double norm = 0;
      for (int i = k; i < n; i++) {
        norm += r[i][k] * r[i][k];
      }
      norm = Math.sqrt(norm);
      if (norm == 0) {
        continue;
      }
      double alpha = r[k][k] > 0 ? -norm : norm;
      double[] v = new double[n - k];
      for (int i = k; i < n; i++) {
        v[i - k] = r[i][k];
      }
      v[0] -= alpha;
      double vv = 0;
      for (double x : v) {
        vv += x * x;
      }
      if (vv == 0) {
        continue;
      }
      for (int c = k; c < n; c++) {
        double s = 0;
        for (int i = k; i < n; i++) {
          s += v[i - k] * r[i][c];
        }
        double g = 2 * s / vv;
        for (int i = k; i < n; i++) {
          r[i][c] -= g * v[i - k];
        }
      }
      for (int row = 0; row < n; row++) {
        double s = 0;
        for (int i = k; i < n; i++) {
          s += q[row][i] * v[i - k];
        }
        double g = 2 * s / vv;
        for (int i = k; i < n; i++) {
          q[row][i] -= g * v[i - k];
        }
      }
    }
    return q;
  }

  /**
   * An interval matrix containing {@code Q⁻¹}.
   *
   * @throws ArithmeticException if Q is too far from orthogonal for the bound ({@code ‖I − QᵀQ‖_∞ ≥ 1/2})
   */
  static Interval[][] inverseEnclosure(double[][] q) {
    int n = q.length;
    Interval e = Interval.ZERO;
    Interval normC = Interval.ZERO;
    for (int i = 0; i < n; i++) {
      Interval rowE = Interval.ZERO;
      Interval rowC = Interval.ZERO;
      for (int j = 0; j < n; j++) {
        Interval cq = Interval.ZERO;
        for (int l = 0; l < n; l++) {
          cq = cq.add(Interval.point(q[l][i]).multiply(Interval.point(q[l][j])));
        }
        Interval entry = Interval.point(i == j ? 1.0 : 0.0).subtract(cq);
        rowE = rowE.add(Interval.point(entry.magnitude()));
        rowC = rowC.add(Interval.point(Math.abs(q[j][i])));
      }
      e = Interval.point(Math.max(e.hi(), rowE.hi()));
      normC = Interval.point(Math.max(normC.hi(), rowC.hi()));
    }
    if (!(e.hi() < 0.5)) {
      throw new ArithmeticException("frame too far from orthogonal: ||I - Q^T Q|| <= " + e.hi());
    }
    double delta = e.multiply(normC).divide(Interval.ONE.subtract(e)).hi();
    Interval pad = Interval.of(-delta, delta);
    Interval[][] inv = new Interval[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        inv[i][j] = Interval.point(q[j][i]).add(pad);
      }
    }
    return inv;
  }
}
