package io.github.softmaxicl.theory.interval;

import io.github.softmaxicl.theory.ProblemConfig;

/**
 * A plain-double reference of MODEL.md §4–§5, written independently of the interval code for the tests: the
 * gradient of the leading-order reduced loss over all H×n variables and a fixed-step classical RK4 integration
 * of the balanced flow in log|ω|, log|μ| (all entries positive here).
 */
final class ReducedFlowReference {
  private final ProblemConfig config;

  ReducedFlowReference(ProblemConfig config) {
    this.config = config;
  }

  /** {dF/dω[h][j], dF/dμ[h][i]} at (ω, μ). */
  double[][][] gradient(double[][] w, double[][] m) {
    int heads = config.heads();
    int n = config.tasks();
    double s2 = config.s2();
    double[][] e = new double[heads][heads];
    for (int h = 0; h < heads; h++) {
      for (int g = 0; g < heads; g++) {
        double s = 0;
        for (int j = 0; j < n; j++) {
          s += config.blockSize(j) * w[h][j] * w[g][j];
        }
        e[h][g] = Math.exp(s);
      }
    }
    double[] r = new double[n];
    for (int i = 0; i < n; i++) {
      r[i] = 1;
      for (int h = 0; h < heads; h++) {
        r[i] -= m[h][i] * w[h][i];
      }
    }
    double[][] a = new double[heads][heads];
    for (int h = 0; h < heads; h++) {
      for (int g = 0; g < heads; g++) {
        double s = 0;
        for (int i = 0; i < n; i++) {
          s += config.signalPlusNoise(i) / config.promptLength() * m[h][i] * m[g][i];
        }
        a[h][g] = s * e[h][g];
      }
    }
    double[][] gw = new double[heads][n];
    double[][] gm = new double[heads][n];
    for (int h = 0; h < heads; h++) {
      for (int i = 0; i < n; i++) {
        int d = config.blockSize(i);
        double k = config.signalPlusNoise(i) / config.promptLength();
        double sumE = 0;
        double sumA = 0;
        for (int g = 0; g < heads; g++) {
          sumE += e[h][g] * m[g][i];
          sumA += a[h][g] * w[g][i];
        }
        gm[h][i] = (-2 * s2 * d * w[h][i] * r[i] + 2 * k * sumE) / n;
        gw[h][i] = (-2 * s2 * d * m[h][i] * r[i] + 2 * d * sumA) / n;
      }
    }
    return new double[][][] {gw, gm};
  }

  /** d/dt of (log ω, log μ) under the balanced flow of MODEL.md §5, for positive ω, μ. */
  private double[][][] rates(double[][] logW, double[][] logM) {
    int heads = config.heads();
    int n = config.tasks();
    double[][] w = new double[heads][n];
    double[][] m = new double[heads][n];
    for (int h = 0; h < heads; h++) {
      for (int j = 0; j < n; j++) {
        w[h][j] = Math.exp(logW[h][j]);
        m[h][j] = Math.exp(logM[h][j]);
      }
    }
    double[][][] g = gradient(w, m);
    double sqrtD = Math.sqrt(config.tokenDim());
    double[][] rw = new double[heads][n];
    double[][] rm = new double[heads][n];
    for (int h = 0; h < heads; h++) {
      for (int j = 0; j < n; j++) {
        rw[h][j] = -2.0 / (sqrtD * config.blockSize(j)) * g[0][h][j];
        rm[h][j] = -2.0 * g[1][h][j];
      }
    }
    return new double[][][] {rw, rm};
  }

  /** Integrates (log ω, log μ) in place from 0 to {@code steps · dt} with classical RK4. */
  void integrate(double[][] logW, double[][] logM, double dt, int steps) {
    int heads = config.heads();
    int n = config.tasks();
    for (int s = 0; s < steps; s++) {
      double[][][] k1 = rates(logW, logM);
      double[][][] k2 = rates(shift(logW, k1[0], dt / 2), shift(logM, k1[1], dt / 2));
      double[][][] k3 = rates(shift(logW, k2[0], dt / 2), shift(logM, k2[1], dt / 2));
      double[][][] k4 = rates(shift(logW, k3[0], dt), shift(logM, k3[1], dt));
      for (int h = 0; h < heads; h++) {
        for (int j = 0; j < n; j++) {
          logW[h][j] += dt / 6 * (k1[0][h][j] + 2 * k2[0][h][j] + 2 * k3[0][h][j] + k4[0][h][j]);
          logM[h][j] += dt / 6 * (k1[1][h][j] + 2 * k2[1][h][j] + 2 * k3[1][h][j] + k4[1][h][j]);
        }
      }
    }
  }

  private static double[][] shift(double[][] x, double[][] v, double dt) {
    double[][] y = new double[x.length][];
    for (int h = 0; h < x.length; h++) {
      y[h] = x[h].clone();
      for (int j = 0; j < y[h].length; j++) {
        y[h][j] += dt * v[h][j];
      }
    }
    return y;
  }
}
