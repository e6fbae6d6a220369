package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/** Seeded random weights and a naive per-prompt reference implementation, written independently of FullModel. */
final class Fixtures {
  private Fixtures() {}

  /** Weights with i.i.d. N(0, scale²) entries. */
  static AttentionWeights randomWeights(ProblemConfig c, double scale, long seed) {
    UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
    double[] flat = new double[AttentionWeights.size(c)];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = scale * g.sample();
    }
    return AttentionWeights.fromFlat(c, flat);
  }

  /** Prompts {@code from .. from+count-1} of {@code source} as a source of their own (a view, no copy). */
  static PromptSource range(PromptSource source, int from, int count) {
    return new PromptSource() {
      @Override
      public ProblemConfig config() {
        return source.config();
      }

      @Override
      public int size() {
        return count;
      }

      @Override
      public void fill(int first, int n, PromptBlock block) {
        if (first < 0 || n < 0 || first + n > count) {
          throw new IndexOutOfBoundsException("prompts " + first + ".." + (first + n - 1) + " of " + count);
        }
        source.fill(from + first, n, block);
      }
    };
  }

  /** Naive loss: explicit loops per prompt, scores as (K z_l)·(Q z_q)/√D, Math.exp without max-subtraction. */
  static double naiveLoss(AttentionWeights w, PromptSource src) {
    ProblemConfig c = src.config();
    int dd = c.tokenDim();
    int n = c.tasks();
    int ll = c.promptLength();
    PromptBlock block = new PromptBlock(c, 1);
    double total = 0;
    for (int p = 0; p < src.size(); p++) {
      src.fill(p, 1, block);
      double[] yhat = new double[n];
      for (int h = 0; h < c.heads(); h++) {
        double[][] q = rows(w.query(h));
        double[][] k = rows(w.key(h));
        double[][] v = rows(w.value(h));
        double[][] o = rows(w.output(h));
        double[] zq = new double[dd];
        for (int i = 0; i < dd; i++) {
          zq[i] = block.query(0, i);
        }
        double[] qz = apply(q, zq);
        double[] weights = new double[ll];
        double norm = 0;
        for (int l = 0; l < ll; l++) {
          double[] z = token(block, l, dd);
          double[] kz = apply(k, z);
          double s = 0;
          for (int i = 0; i < dd; i++) {
            s += kz[i] * qz[i];
          }
          weights[l] = Math.exp(s / Math.sqrt(dd));
          norm += weights[l];
        }
        double[] attended = new double[dd];
        for (int l = 0; l < ll; l++) {
          double[] z = token(block, l, dd);
          for (int i = 0; i < dd; i++) {
            attended[i] += weights[l] / norm * z[i];
          }
        }
        double[] out = apply(o, apply(v, attended));
        for (int i = 0; i < n; i++) {
          yhat[i] += out[i];
        }
      }
      double lp = 0;
      for (int i = 0; i < n; i++) {
        double e = block.target(0, i) - yhat[i];
        lp += e * e;
      }
      total += lp / n;
    }
    return total / src.size();
  }

  private static double[] token(PromptBlock b, int l, int dd) {
    double[] z = new double[dd];
    for (int i = 0; i < dd; i++) {
      z[i] = b.token(0, l, i);
    }
    return z;
  }

  private static double[][] rows(org.ejml.data.DMatrixRMaj m) {
    double[][] a = new double[m.numRows][m.numCols];
    for (int i = 0; i < m.numRows; i++) {
      for (int j = 0; j < m.numCols; j++) {
        a[i][j] = m.get(i, j);
      }
    }
    return a;
  }

  private static double[] apply(double[][] m, double[] x) {
    double[] y = new double[m.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < x.length; j++) {
        y[i] += m[i][j] * x[j];
      }
    }
    return y;
  }
}
