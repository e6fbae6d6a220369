package io.github.softmaxicl.numerics.full;

import io.github.softmaxicl.theory.ProblemConfig;
import io.github.softmaxicl.theory.SpectralState;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.hipparchus.util.FastMath;

/**
 * Spectral variables of full-model weights (MODEL.md §3) and how far the weights are from the decomposable set.
 *
 * <p>With W^h = K^hᵀ Q^h / √D (rows: key coordinates, columns: query coordinates) and U^h = O^h V^h (n×D):
 * ω_j^h = mean of the diagonal of W^h over S_j; μ_i^h = U^h(i, d+i).
 *
 * <p>Off-structure norm (exact definition): the parts that the sign symmetries of §3 force to zero are the
 * cross-block x–x entries of W (row in S_j, column in S_{j'}, j ≠ j'), the key-y rows and query-y columns of W,
 * the x-columns of U and the off-diagonal entries of its y-block. With ‖·‖ the Frobenius norm summed over
 * heads, {@code relW = ‖off-structure part of W‖ / ‖W‖}, {@code relU = ‖off-structure part of U‖ / ‖U‖}
 * (0 when the denominator is 0), and {@link #offStructureNorm()} = max(relW, relU), so that neither the
 * small KQ scale nor the large OV scale hides the other. Deviations of a diagonal block W_{S_j S_j} from ω_j I
 * (caused by the rotation symmetry, which a finite sample does not keep) are reported apart as
 * {@link #withinBlockDeviation()}: ‖W_{S_j S_j} − ω_j I‖ summed over j and heads, over ‖W‖.
 */
public final class SpectralReadout {
  private final SpectralState state;
  private final double relW;
  private final double relU;
  private final double withinBlock;

  private SpectralReadout(SpectralState state, double relW, double relU, double withinBlock) {
    this.state = state;
    this.relW = relW;
    this.relU = relU;
    this.withinBlock = withinBlock;
  }

  /** Reads the spectral variables and structure norms of {@code w}. */
  public static SpectralReadout of(AttentionWeights w) {
    ProblemConfig c = w.config();
    int heads = c.heads();
    int n = c.tasks();
    int d = c.d();
    int dd = c.tokenDim();
    int[] blockOf = new int[dd];
    for (int j = 0; j < n; j++) {
      for (int k = c.blockStart(j); k < c.blockStart(j) + c.blockSize(j); k++) {
        blockOf[k] = j;
      }
    }
    for (int k = d; k < dd; k++) {
      blockOf[k] = -1;
    }
    double[][] omega = new double[heads][n];
    double[][] mu = new double[heads][n];
    double wAll = 0;
    double wOff = 0;
    double wWithin = 0;
    double uAll = 0;
    double uOff = 0;
    double invRootD = 1.0 / FastMath.sqrt(dd);
    DMatrixRMaj wm = new DMatrixRMaj(dd, dd);
    DMatrixRMaj um = new DMatrixRMaj(n, dd);
    for (int h = 0; h < heads; h++) {
      CommonOps_DDRM.multTransA(w.key(h), w.query(h), wm);
      CommonOps_DDRM.scale(invRootD, wm);
      CommonOps_DDRM.mult(w.output(h), w.value(h), um);
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = c.blockStart(j); k < c.blockStart(j) + c.blockSize(j); k++) {
          s += wm.get(k, k);
        }
        omega[h][j] = s / c.blockSize(j);
        mu[h][j] = um.get(j, d + j);
      }
      for (int row = 0; row < dd; row++) {
        for (int col = 0; col < dd; col++) {
          double v = wm.get(row, col);
          wAll += v * v;
          if (blockOf[row] < 0 || blockOf[col] < 0 || blockOf[row] != blockOf[col]) {
            wOff += v * v;
          } else {
            double dev = row == col ? v - omega[h][blockOf[row]] : v;
            wWithin += dev * dev;
          }
        }
      }
      for (int i = 0; i < n; i++) {
        for (int col = 0; col < dd; col++) {
          double v = um.get(i, col);
          uAll += v * v;
          if (col != d + i) {
            uOff += v * v;
          }
        }
      }
    }
    double rw = wAll > 0 ? FastMath.sqrt(wOff / wAll) : 0.0;
    double ru = uAll > 0 ? FastMath.sqrt(uOff / uAll) : 0.0;
    double within = wAll > 0 ? FastMath.sqrt(wWithin / wAll) : 0.0;
    return new SpectralReadout(SpectralState.of(omega, mu), rw, ru, within);
  }

  /** The spectral state (ω, μ) read from the weights. */
  public SpectralState state() {
    return state;
  }

  /** Relative Frobenius norm of the off-structure part of the W^h. */
  public double offStructureW() {
    return relW;
  }

  /** Relative Frobenius norm of the off-structure part of the U^h. */
  public double offStructureU() {
    return relU;
  }

  /** max(relW, relU): the off-structure norm reported in results. */
  public double offStructureNorm() {
    return FastMath.max(relW, relU);
  }

  /** Relative Frobenius deviation of the diagonal blocks of W from ω_j I. */
  public double withinBlockDeviation() {
    return withinBlock;
  }
}
